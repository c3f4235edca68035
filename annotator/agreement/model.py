"""Plain records the agreement code works on: one analyst's final labels on one article.

Spans are identified by (start, end, label) and relations by the identity of their two spans,
so versions written by different analysts (with different row ids) compare directly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class SpanKey(NamedTuple):
    start: int
    end: int
    label: str


class RelKey(NamedTuple):
    head: SpanKey
    label: str
    tail: SpanKey


@dataclass(frozen=True)
class Version:
    """What one analyst (or the gold version) says about one article."""

    spans: frozenset[SpanKey] = frozenset()
    relations: frozenset[RelKey] = frozenset()

    @classmethod
    def of(cls, spans: Iterable[tuple], relations: Iterable[tuple] = ()) -> Version:
        return cls(frozenset(SpanKey(*s) for s in spans),
                   frozenset(RelKey(SpanKey(*r[0]), r[1], SpanKey(*r[2])) for r in relations))


@dataclass
class Doc:
    """One article with the versions of the analysts who finished it.

    `tokens` are (start, end) offsets of morphemes (`Analysis.tokens`); None falls back to
    whitespace-separated tokens of `text`.
    """

    id: str
    versions: dict[str, Version]
    text: str = ""
    tokens: list[tuple[int, int]] | None = None
    symmetric: frozenset[str] = field(default_factory=frozenset)  # relation labels compared unordered

    def token_offsets(self) -> list[tuple[int, int]]:
        return list(self.tokens) if self.tokens is not None else whitespace_tokens(self.text)


def whitespace_tokens(text: str) -> list[tuple[int, int]]:
    out, start = [], None
    for i, ch in enumerate(text):
        if ch.isspace():
            if start is not None:
                out.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        out.append((start, len(text)))
    return out


def _get(obj: Any, name: str) -> Any:
    return obj[name] if isinstance(obj, Mapping) else getattr(obj, name)


def version_from(spans: Iterable[Any], relations: Iterable[Any] = ()) -> Version:
    """A Version from span/relation records (models.Span, store rows or dicts): spans need id,
    start, end, label; relations head, tail (span ids) and label. A relation whose span is not
    among `spans` (e.g. the span was rejected) is left out."""
    by_id: dict[str, SpanKey] = {}
    keys = set()
    for s in spans:
        key = SpanKey(int(_get(s, "start")), int(_get(s, "end")), str(_get(s, "label")))
        keys.add(key)
        by_id[str(_get(s, "id"))] = key
    rels = set()
    for r in relations:
        head, tail = by_id.get(str(_get(r, "head"))), by_id.get(str(_get(r, "tail")))
        if head is not None and tail is not None:
            rels.add(RelKey(head, str(_get(r, "label")), tail))
    return Version(frozenset(keys), frozenset(rels))


def canonical(rel: RelKey, symmetric: Iterable[str]) -> RelKey:
    """The form relations are compared in: a symmetric relation with its ends in offset order."""
    if rel.label in symmetric and rel.tail < rel.head:
        return RelKey(rel.tail, rel.label, rel.head)
    return rel


def symmetric_labels(schema: Any) -> frozenset[str]:
    return frozenset(r.name for r in schema.relations if r.symmetric)
