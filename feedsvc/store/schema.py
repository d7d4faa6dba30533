"""What the database looks like: its tables, and the version of the search and topic index."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id           TEXT PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    source       TEXT,
    content_hash TEXT NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    body         TEXT NOT NULL,
    body_html    TEXT NOT NULL,
    language     TEXT NOT NULL,
    tags         TEXT NOT NULL,
    warnings     TEXT NOT NULL,
    published    TEXT NOT NULL,
    embargo      TEXT,
    available    TEXT NOT NULL,
    updated      TEXT NOT NULL,
    first_seen   TEXT NOT NULL,
    withdrawn    TEXT,
    has_time     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX IF NOT EXISTS entries_source ON entries(source) WHERE withdrawn IS NULL;
CREATE INDEX IF NOT EXISTS entries_order ON entries(published DESC, id DESC);
-- Feed pages: walking and counting live entries touches the index only, even deep in a large archive.
CREATE INDEX IF NOT EXISTS entries_live ON entries(published DESC, id DESC, available) WHERE withdrawn IS NULL;
CREATE INDEX IF NOT EXISTS entries_live_language
    ON entries(language, published DESC, id DESC, available) WHERE withdrawn IS NULL;
CREATE INDEX IF NOT EXISTS entries_hash ON entries(content_hash);
-- Held releases (each scan asks which passed their time, and when the next one is due) without reading every entry.
CREATE INDEX IF NOT EXISTS entries_available ON entries(available) WHERE withdrawn IS NULL;
-- The last withdrawal (every feed page's Last-Modified, and /healthz) without reading every entry.
CREATE INDEX IF NOT EXISTS entries_withdrawn ON entries(withdrawn) WHERE withdrawn IS NOT NULL;
CREATE TABLE IF NOT EXISTS files (
    path         TEXT PRIMARY KEY,
    size         INTEGER NOT NULL,
    mtime_ns     INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    status       TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    entry_id     TEXT,
    missing_since TEXT  -- the file vanished then; its entry waits withdraw_grace_seconds for a move to show up
);
-- Other slugs that lead to an entry: the name a renamed or moved file has now (/releases/<alias> redirects).
CREATE TABLE IF NOT EXISTS aliases (
    slug     TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL
);
-- A vanished file's copy (refused as a duplicate) is found by its content.
CREATE INDEX IF NOT EXISTS files_hash ON files(content_hash);
CREATE TABLE IF NOT EXISTS documents (
    key           TEXT PRIMARY KEY,
    content_type  TEXT NOT NULL,
    body          BLOB NOT NULL,
    gzip_body     BLOB NOT NULL,
    etag          TEXT NOT NULL,
    last_modified TEXT NOT NULL
);
-- The file as the press office dropped it, for releases read from Word or PDF (served at /originals/<slug>.<ext>);
-- it goes when its release is withdrawn.
CREATE TABLE IF NOT EXISTS originals (
    entry_id     TEXT PRIMARY KEY,
    extension    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    data         BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Search, topics and translations (feedsvc.search, feedsvc.topics, feedsvc.translations). Each entry has a search
-- key that orders it as the feeds do (newest first) and that is the rowid of its text in the full-text index, so
-- a search or topic feed walks its index newest first and stops at the end of its page.
CREATE TABLE IF NOT EXISTS entry_index (
    entry_id    TEXT PRIMARY KEY,
    search_key  INTEGER NOT NULL UNIQUE,
    day         TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entry_index_day ON entry_index(day);
-- Stems of each entry's title and text (words.search_terms); the index keeps no copy of them (content=''). A
-- revised entry gets a new search key; its old row is left behind, matched by no entry.
CREATE VIRTUAL TABLE IF NOT EXISTS search
    USING fts5(terms, language, topics, content='', tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS topics (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key  TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    UNIQUE (kind, key)
);
CREATE TABLE IF NOT EXISTS entry_topics (
    topic_id   INTEGER NOT NULL,
    entry_id   TEXT NOT NULL,
    search_key INTEGER NOT NULL,
    language   TEXT NOT NULL,
    PRIMARY KEY (topic_id, search_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entry_topics_entry ON entry_topics(entry_id);
CREATE INDEX IF NOT EXISTS entry_topics_language ON entry_topics(topic_id, language, search_key);
CREATE TABLE IF NOT EXISTS translations (
    entry_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    PRIMARY KEY (entry_id, other_id)
) WITHOUT ROWID;
-- The languages of the indexed texts: a search's words are stemmed in each of them.
CREATE TABLE IF NOT EXISTS index_languages (
    language TEXT PRIMARY KEY
) WITHOUT ROWID;
"""
INDEX_VERSION = "3"  # meta: bumped when topics or stems are found differently, so every release is indexed again
INDEX_TABLES = ("search", "entry_index", "entry_topics", "translations", "index_languages")  # dropped then (topics
# stay, so their slugs do)
