"""Rows the store hands out: frozen, so a caller cannot mistake a copy for the stored label."""

from __future__ import annotations

from dataclasses import dataclass

SPAN_STATUSES = ("pending", "accepted", "rejected")
ARTICLE_STATUSES = ("new", "in_progress", "done", "skipped", "source_changed")


@dataclass(frozen=True)
class SpanRow:
    id: str
    doc_id: str
    annotator: str
    start: int
    end: int
    label: str
    text: str
    status: str  # pending (a suggestion), accepted, rejected
    source: str  # gazetteer, morph, pattern, lexicon, hanja, manual, import:NAME
    score: float | None = None
    edited: bool = False  # a suggestion the analyst resized or relabelled before keeping it
    needs_review: bool = False  # the source changed and the span could not be re-anchored


@dataclass(frozen=True)
class RelationRow:
    id: str
    doc_id: str
    annotator: str
    head: str
    tail: str
    label: str
    status: str
    source: str
    score: float | None = None


@dataclass(frozen=True)
class ArticleRow:
    """An article as `ensure_article` registered it: the cleaned text every offset refers to."""

    doc_id: str
    sha256: str
    text: str
    meta: dict
    source: str | None


@dataclass
class ArticleBundle:
    """An article with all analysts' statuses and labels (spans and relations of every annotator)."""

    article: ArticleRow
    states: dict[str, str]
    spans: list[SpanRow]
    relations: list[RelationRow]
