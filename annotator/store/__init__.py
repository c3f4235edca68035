"""The SQLite store under the app and the export: see docs/DESIGN.md, "Store API"."""

from annotator.store.errors import NotFound, SpanConflict, StoreReadOnly
from annotator.store.rows import ArticleBundle, ArticleRow, RelationRow, SpanRow
from annotator.store.store import Store, default_db_path

__all__ = ["ArticleBundle", "ArticleRow", "NotFound", "RelationRow", "SpanConflict", "SpanRow", "Store", "StoreReadOnly", "default_db_path"]
