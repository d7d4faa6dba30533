"""The only package that speaks SQL: entries, the file stamp cache, the search index, rendered feed documents and
scan state, in one SQLite database written through one path (`Database._write`)."""

from feedsvc.store.connection import BASE_URL_KEY, Database, lookup_entry_id, recorded_base_url
from feedsvc.store.documents import Documents
from feedsvc.store.entries import Entries
from feedsvc.store.files import FileOutcomeRow, Files
from feedsvc.store.index import Index, TopicRow
from feedsvc.store.migrations import migrate, migrate_index
from feedsvc.store.releases import Releases, mint_id, slugify
from feedsvc.store.rows import from_text, to_text
from feedsvc.store.schema import INDEX_VERSION

__all__ = ["BASE_URL_KEY", "INDEX_VERSION", "FileOutcomeRow", "Store", "TopicRow", "from_text", "lookup_entry_id",
           "mint_id", "recorded_base_url", "slugify", "to_text"]


class Store(Releases, Files, Entries, Index, Documents, Database):
    """The database as the service uses it: one object, one connection per thread, its queries grouped by job in
    the parts it is made of."""

    def __init__(self, path):
        super().__init__(path)
        migrate(self)
        migrate_index(self)

    def reopen(self, create: bool = False) -> bool:
        reopened = super().reopen(create)
        if reopened and create:
            migrate(self)  # the file now at the path may have been made by an older feedsvc
        return reopened
