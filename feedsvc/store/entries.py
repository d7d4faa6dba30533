"""Reading entries for the feeds and pages: live windows newest first, counts, languages, changes, lookups."""

from __future__ import annotations

from datetime import datetime

from feedsvc.models import Entry
from feedsvc.store.connection import Database
from feedsvc.store.rows import entry_from_row, from_text, to_text


class Entries(Database):
    """The queries that show stored entries: what is live at a moment, what changed, and single entries by name."""

    def entries(self, now: datetime, *, language: str | None = None, limit: int = 50,
                offset: int = 0, clip: int | None = None, after: tuple[datetime, str] | None = None) -> list[Entry]:
        """Live entries (not withdrawn, not held at `now`), newest first; with `clip`, texts are read only up to
        that many characters (the feeds show no more); with `after` (published, id), the entries that come after
        that one, which walks a whole archive page by page without an OFFSET that grows with the page."""
        columns = "*"
        args: list[object] = []
        if clip is not None:
            columns = ("id, slug, source, title, summary, substr(body, 1, ?) AS body, substr(body_html, 1, ?) AS"
                       " body_html, language, tags, warnings, published, embargo, available, updated, first_seen,"
                       " withdrawn, has_time")
            args += [clip, clip]
        sql = f"SELECT {columns} FROM entries WHERE withdrawn IS NULL AND available <= ?"
        args.append(to_text(now))
        if language:
            sql += " AND language=?"
            args.append(language)
        if after is not None:
            sql += " AND (published, id) < (?, ?)"
            args += [to_text(after[0]), after[1]]
        sql += " ORDER BY published DESC, id DESC LIMIT ? OFFSET ?"
        args += [limit, offset]
        return [entry_from_row(r) for r in self._connection().execute(sql, args)]

    def count_entries(self, now: datetime, *, language: str | None = None) -> int:
        sql = "SELECT count(*) FROM entries WHERE withdrawn IS NULL AND available <= ?"
        args: list[object] = [to_text(now)]
        if language:
            sql += " AND language=?"
            args.append(language)
        return self._connection().execute(sql, args).fetchone()[0]

    def languages(self, now: datetime) -> list[str]:
        rows = self._connection().execute(
            "SELECT DISTINCT language FROM entries WHERE withdrawn IS NULL AND available <= ? ORDER BY language",
            (to_text(now),))
        return [r[0] for r in rows]

    def language_counts(self, now: datetime) -> list[tuple[str, int]]:
        """Live entries per language, the most first."""
        rows = self._connection().execute(
            "SELECT language, count(*) FROM entries WHERE withdrawn IS NULL AND available <= ? GROUP BY language"
            " ORDER BY count(*) DESC, language", (to_text(now),))
        return [(r[0], r[1]) for r in rows]

    def count_held(self, now: datetime) -> int:
        return self._connection().execute(
            "SELECT count(*) FROM entries WHERE withdrawn IS NULL AND available > ?", (to_text(now),)).fetchone()[0]

    def next_release_time(self, now: datetime) -> datetime | None:
        """When the next held release becomes available (the scheduler wakes up then)."""
        row = self._connection().execute(
            "SELECT min(available) FROM entries WHERE withdrawn IS NULL AND available > ?",
            (to_text(now),)).fetchone()
        return from_text(row[0])

    def released_between(self, since: datetime, until: datetime) -> list[Entry]:
        """Entries whose embargo or date passed in (since, until]: they go live without a file change."""
        rows = self._connection().execute(
            "SELECT * FROM entries WHERE withdrawn IS NULL AND available > ? AND available <= ?",
            (to_text(since), to_text(until)))
        return [entry_from_row(r) for r in rows]

    def withdrawn_since(self, since: datetime, *, language: str | None = None) -> list[Entry]:
        """Entries withdrawn after `since` that had been public (an embargoed release withdrawn before its time
        never existed as far as readers know)."""
        sql = "SELECT * FROM entries WHERE withdrawn IS NOT NULL AND withdrawn >= ? AND available <= withdrawn"
        args: list[object] = [to_text(since)]
        if language:
            sql += " AND language=?"
            args.append(language)
        return [entry_from_row(r) for r in self._connection().execute(sql + " ORDER BY withdrawn DESC", args)]

    def last_change(self, now: datetime, *, language: str | None = None, upto: int = 50) -> datetime | None:
        """The latest moment any of the `upto` newest live entries was added, revised or went live.

        A feed page shows a window of the newest entries; anything that changed at or above its end moves or
        changes what the page shows, so this is the page's true last modification (withdrawals aside).
        """
        sql = ("SELECT max(first_seen, updated, available) AS changed FROM entries"
               " WHERE withdrawn IS NULL AND available <= ?")
        args: list[object] = [to_text(now)]
        if language:
            sql += " AND language=?"
            args.append(language)
        sql += " ORDER BY published DESC, id DESC LIMIT ?"
        args.append(upto)
        return from_text(self._connection().execute(f"SELECT max(changed) FROM ({sql})", args).fetchone()[0])

    def change_records(self, now: datetime, *, language: str | None = None) -> list[tuple[int, str]]:
        """Where `last_change` grows along the live entries, newest first: (position, change) each time the
        latest change so far is exceeded. A few dozen records answer last_change(upto=N) for every N."""
        sql = ("SELECT max(first_seen, updated, available) FROM entries WHERE withdrawn IS NULL AND available <= ?"
               + (" AND language=?" if language else "") + " ORDER BY published DESC, id DESC")
        args: list[object] = [to_text(now), *([language] if language else [])]
        records: list[tuple[int, str]] = []
        latest = ""
        for position, (changed,) in enumerate(self._connection().execute(sql, args)):
            if changed > latest:
                latest = changed
                records.append((position, changed))
        return records

    def last_withdrawal(self, language: str | None = None) -> datetime | None:
        sql = "SELECT max(withdrawn) FROM entries WHERE withdrawn IS NOT NULL AND available <= withdrawn"
        args: list[object] = []
        if language:
            sql += " AND language=?"
            args.append(language)
        return from_text(self._connection().execute(sql, args).fetchone()[0])

    def entry_by_slug(self, slug: str) -> Entry | None:
        row = self._connection().execute("SELECT * FROM entries WHERE slug=?", (slug,)).fetchone()
        return entry_from_row(row) if row else None

    def entry_by_alias(self, slug: str) -> Entry | None:
        """The entry a renamed file's new name leads to."""
        row = self._connection().execute(
            "SELECT entries.* FROM aliases JOIN entries ON entries.id = aliases.entry_id WHERE aliases.slug=?",
            (slug,)).fetchone()
        return entry_from_row(row) if row else None

    def entry_by_id(self, entry_id: str) -> Entry | None:
        row = self._connection().execute("SELECT * FROM entries WHERE id=?", (entry_id,)).fetchone()
        return entry_from_row(row) if row else None

    def entry_for_file(self, path: str) -> Entry | None:
        row = self._connection().execute(
            "SELECT * FROM entries WHERE source=? AND withdrawn IS NULL", (path,)).fetchone()
        return entry_from_row(row) if row else None

    def entries_by_id(self, entry_ids: list[str], clip: int | None = None) -> list[Entry]:
        """Entries by id, in the order of `entry_ids`; with `clip`, texts are read only up to that many
        characters (as `entries` reads them)."""
        columns, clips = ("*", []) if clip is None else (
            "id, slug, source, title, summary, substr(body, 1, ?) AS body, substr(body_html, 1, ?) AS body_html,"
            " language, tags, warnings, published, embargo, available, updated, first_seen, withdrawn, has_time",
            [clip, clip])
        found: dict[str, Entry] = {}
        for chunk in range(0, len(entry_ids), 500):
            ids = entry_ids[chunk:chunk + 500]
            for row in self._connection().execute(
                    f"SELECT {columns} FROM entries WHERE id IN ({','.join('?' * len(ids))})", (*clips, *ids)):
                found[row["id"]] = entry_from_row(row)
        return [found[i] for i in entry_ids if i in found]

    def entries_by_ids(self, ids: list[str]) -> dict[str, Entry]:
        """Entries by id, for the few a page shows, keyed by id."""
        return {entry.id: entry for entry in self.entries_by_id(ids)}
