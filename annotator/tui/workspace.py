"""What the app works on, without Textual: the corpus, the store, the schema and the article open now.

Thread rule: `load`, `title_of` and `suggest_for` may run in worker threads (they read files
and compute); every Store call happens on the app's thread (the screen that owns the article).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotator.cleaning import Article, clean_doc
from annotator.corpus import Corpus
from annotator.editing import Editor
from annotator.labels import Schema


class Analyser(Protocol):
    def analyze(self, text: str) -> Any: ...  # -> annotator.analysis.Analysis


@dataclass
class ArticleState:
    """The article on screen and its labels, as last read from the store."""

    doc_id: str
    index: int
    article: Article
    status: str
    spans: list = field(default_factory=list)  # store SpanRow, in text order
    relations: list = field(default_factory=list)  # store RelationRow
    analysis: Any = None  # Analysis once Kiwi has answered (or the cache had it)
    editor: Editor | None = None

    def __post_init__(self) -> None:
        if self.editor is None:
            self.editor = Editor(self.article.text)  # fallback boundaries until Kiwi answers

    @property
    def text(self) -> str:
        return self.article.text

    def set_analysis(self, analysis: Any) -> None:
        self.analysis = analysis
        self.editor = Editor(self.text, snap_points(analysis))

    def set_rows(self, spans: list, relations: list) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.relations = list(relations)

    def span(self, span_id: str | None):
        return next((s for s in self.spans if s.id == span_id), None)

    def relation(self, rel_id: str | None):
        return next((r for r in self.relations if r.id == rel_id), None)

    def item(self, item_id: str | None):
        return self.span(item_id) or self.relation(item_id)

    def visible_spans(self, show_rejected: bool) -> list:
        return [s for s in self.spans if show_rejected or s.status != "rejected"]

    def visible_relations(self, show_rejected: bool) -> list:
        return [r for r in self.relations if show_rejected or r.status != "rejected"]

    def item_ids(self, show_rejected: bool) -> list[str]:
        """Panel order: entities in text order, then relations."""
        return [s.id for s in self.visible_spans(show_rejected)] + [
            r.id for r in self.visible_relations(show_rejected)]

    def others(self, span_id: str | None = None) -> list[tuple[int, int]]:
        """Extents an edit must not overlap: every non-rejected span except `span_id`."""
        return [(s.start, s.end) for s in self.spans if s.id != span_id and s.status != "rejected"]

    def pending_count(self) -> int:
        return sum(s.status == "pending" for s in self.spans) + sum(r.status == "pending" for r in self.relations)


class Workspace:
    """The corpus, store and schema of one app session, plus cheap in-memory caches."""

    def __init__(self, corpus: Corpus, store: Any, schema: Schema, *, corpus_name: str, annotator: str,
                 labels_path: Path):
        self.corpus = corpus
        self.store = store
        self.schema = schema
        self.corpus_name = corpus_name
        self.annotator = annotator
        self.labels_path = labels_path
        self.analyser: Analyser | None = None
        self._titles: dict[str, str] = {}
        self._lock = threading.Lock()

    # -- corpus (thread-safe) ----------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return self.corpus.ids()

    def index_of(self, doc_id: str) -> int:
        return self.corpus.index(doc_id)

    def load(self, doc_id: str) -> Article:
        article = clean_doc(self.corpus.load(doc_id))
        with self._lock:
            self._titles[doc_id] = _title(article)
        return article

    def title_of(self, doc_id: str) -> str:
        """The cleaned title; loads (and cleans) the article the first time."""
        with self._lock:
            known = self._titles.get(doc_id)
        if known is not None:
            return known
        try:
            return _title(self.load(doc_id))
        except Exception as exc:  # an unreadable file still gets a row in the list
            return f"(unreadable: {exc})"

    def known_title(self, doc_id: str) -> str | None:
        with self._lock:
            return self._titles.get(doc_id)

    # -- analysis and suggestions ------------------------------------------------------------

    def cache_key(self, article: Article) -> str:
        from annotator.analysis import cache_key

        return cache_key(article.text, self.schema.sha256)

    def suggest_for(self, article: Article, analysis: Any, lexicon: Any) -> tuple[list, list]:
        """Suggested spans and relations (pure Python; a worker thread may call it)."""
        from annotator.suggest import suggest

        return suggest(article.text, analysis, self.schema, lexicon)

    # -- where to go (store reads: app thread only) ------------------------------------------

    def start_doc(self) -> str | None:
        ids = self.ids
        if not ids:
            return None
        pos = self.store.position()
        if pos in ids:
            return pos
        return self.next_not_done(None) or ids[0]

    def next_not_done(self, after: str | None) -> str | None:
        """The first article after `after` (wrapping round) that is neither done nor skipped."""
        ids = self.ids
        statuses = self.store.statuses()
        start = ids.index(after) + 1 if after in ids else 0
        for doc_id in ids[start:] + ids[:start]:
            if doc_id != after and statuses.get(doc_id, "new") not in ("done", "skipped"):
                return doc_id
        return None

    def done_count(self) -> int:
        return sum(1 for s in self.store.statuses().values() if s == "done")


def snap_points(analysis: Any) -> list[int]:
    """Token edges where a span may begin or end: `boundaries()` less any point strictly inside a
    token, since Kiwi gives a contracted syllable's morphemes overlapping offsets (지난 = 지나 + ㄴ)."""
    inside: set[int] = set()
    for t in analysis.tokens:
        if t.end - t.start > 1:
            inside.update(range(t.start + 1, t.end))
    return [b for b in analysis.boundaries() if b not in inside]


def _title(article: Article) -> str:
    if article.meta.title:
        return article.meta.title
    return article.text.split("\n", 1)[0]


FAILED = object()  # what the screen's store call returns when the store refused (it has said why)
