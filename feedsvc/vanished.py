"""Files a scan no longer finds: one that is back is noted, one renamed or moved keeps its entry (a file with the
same content takes it over), one gone for good is withdrawn after `withdraw_grace_seconds`; and a share that dropped
off withdraws nothing."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from feedsvc.folder import Walk
from feedsvc.lognames import quote
from feedsvc.models import Action, FileOutcome, FileStamp, ScanReport
from feedsvc.settings import Settings
from feedsvc.stampcache import StampCache
from feedsvc.store import Store

log = logging.getLogger("feedsvc.scanner")


class VanishedFiles:
    """Settles the known files a pass of the scanner did not find, in the store and the stamp cache."""

    def __init__(self, settings: Settings, store: Store, stamps: StampCache):
        self.settings = settings
        self.store = store
        self.stamps = stamps
        self.root = Path(settings.releases_dir)
        self._mounted: bool | None = None

    def find(self, found: Walk, known: dict[str, tuple[int, int]]) -> None:
        """Note the known paths the walk did not find (none in the usual rescan); a missing file that is back is
        noted too."""
        missing = self.stamps.missing
        if found.known_hits == len(known) and not missing:
            self.stamps.gone = set()
            return
        walked = set(found.walked)
        for path in [p for p in missing if p in walked]:
            log.info("%s is back", quote(path))
            self.store.clear_missing(path)
            del missing[path]
        gone = known.keys() - walked
        skipped = tuple(prefix for prefix, _ in found.failed_folders)
        if skipped:
            gone = {p for p in gone if not p.startswith(skipped)}
        self.stamps.gone = gone

    def dropped_share(self) -> str | None:
        """Why nothing is withdrawn this pass: the folder was a mounted share and is not mounted now (None: it is
        not so)."""
        gone = [p for p in self.stamps.gone if self.stamps.holds(p)]
        if not gone or not self._unmounted():
            return None
        self.stamps.gone = set()
        return (f"The releases folder {self.root} was a mounted share and is not mounted now; "
                f"nothing was withdrawn ({len(gone)} files are missing).")

    def settle(self, found: Walk, now: datetime, report: ScanReport, pending_sizes: set[int],
               cancel_read: Callable[[str], None]) -> float | None:
        """Settle the files that vanished: a copy made earlier takes over the entry; otherwise the entry waits
        `withdraw_grace_seconds` for a move to show up, then is withdrawn. Returns the seconds until a missing file
        is to be looked at again (None: none is waiting)."""
        gone = {p for p in self.stamps.gone if self.stamps.holds(p)}
        self.stamps.gone = set()
        if not gone:
            self._note_mount()
            return None  # every known file is still there (the usual rescan)
        grace = self.settings.withdraw_grace_seconds
        walked: set[str] | None = None
        check_again: float | None = None
        for path in sorted(gone):
            cancel_read(path)  # its file is gone
            stamp = self.store.file_stamp(path)
            entry = self.store.entry_for_file(path) if stamp is not None and stamp.entry_id else None
            if entry is None:
                self.store.forget_file(path, now)  # nothing published from it: just forget the file
                self.stamps.remember(None, path)
                continue
            if walked is None:
                walked = set(found.walked)
            copy = next((c for c in self.store.copies_of(stamp.content_hash) if c in walked and c != path), None)
            if copy is not None:  # copied, then deleted: the copy refused as a duplicate takes over
                copy_stamp = self.store.file_stamp(copy)
                moved = self.store.move_entry(path, copy, copy_stamp.size, copy_stamp.mtime_ns,
                                              stamp.content_hash, now)
                if moved is not None:
                    report.outcomes.append(self.moved(path, copy, moved[0], copy_stamp.size, copy_stamp.mtime_ns,
                                                      stamp.content_hash, now))
                    continue
            missing = self.stamps.missing
            since = missing.get(path)
            noted = since is not None  # said on an earlier pass: not logged again
            if since is None:
                since = now
                self.store.mark_missing(path, now)
                missing[path] = now
                log.info("%s is missing: its entry %s is withdrawn in %gs unless the file comes back or moves",
                         quote(path), entry.id, grace)
            wait = grace - (now - since).total_seconds()
            if stamp.size in pending_sizes:
                # a new file of the same size is still settling: maybe this one, renamed; decide once it is read
                wait = max(wait, self.settings.settle_seconds)
            if wait > 0:
                report.outcomes.append(FileOutcome(path, Action.MISSING, (
                    f"the file is gone; its entry stays published for {wait:.0f} s more, and a file with the same "
                    "content (moved, renamed or copied) takes it over"), entry.id, repeated=noted))
                check_again = wait if check_again is None else min(check_again, wait)
                continue
            entry_id = self.store.forget_file(path, now)
            self.stamps.remember(None, path)
            if entry_id:
                log.info("removed %s: entry %s withdrawn", quote(path), entry_id)
                report.outcomes.append(FileOutcome(path, Action.REMOVED, entry_id=entry_id))
        return check_again

    def moved(self, old: str, new: str, entry_id: str, size: int, mtime_ns: int, content_hash: str,
              now: datetime) -> FileOutcome:
        """Remember that `old` is now `new`, keeping its entry, and say so."""
        entry = self.store.entry_by_id(entry_id)
        status = "held" if entry is not None and entry.available > now else "published"
        self.stamps.remember(None, old)
        self.stamps.remember(FileStamp(new, size, mtime_ns, content_hash, status, "", entry_id), new)
        log.info("moved %s to %s: entry %s keeps its id and link", quote(old), quote(new), entry_id)
        return FileOutcome(new, Action.MOVED, f"renamed or moved from {old}; the entry keeps its id and link", entry_id)

    def _note_mount(self) -> None:
        """Remember whether the folder is a mount point, so a share that drops off is recognised."""
        mounted = os.path.ismount(self.root)
        if self._mounted is None:
            self._mounted = self.store.get_meta("releases_mounted") == "1"
        if mounted != self._mounted:
            self.store.set_meta("releases_mounted", "1" if mounted else "0")
            self._mounted = mounted

    def _unmounted(self) -> bool:
        """True when the folder was a mount point and is now an empty folder that is not (a share dropped off)."""
        if self._mounted is None:
            self._mounted = self.store.get_meta("releases_mounted") == "1"
        if self._mounted and not os.path.ismount(self.root):
            with os.scandir(self.root) as it:
                if next(it, None) is None:
                    return True
        self._note_mount()  # mounted, never was, or no longer a mount point but not empty: the folder moved
        return False
