"""The result of analysing one text: morpheme tokens and sentence spans, serialisable for the cache."""

from __future__ import annotations

import hashlib
import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

import orjson

# Bump when tokenisation or user-word registration changes, so cached analyses are recomputed.
ENGINE_VERSION = "kiwi-0.24.1/2"  # 2: Kiwi analyses a paragraph at a time


class Token(NamedTuple):
    """One Kiwi morpheme. `start`/`end` are Python string indices into the analysed text.

    Use `text[start:end]` for the surface: `form` is Kiwi's lemma (하+었 -> 했, 지나+ㄴ -> 지난).
    Tokens of one contracted syllable share offsets (했 -> 하/XSV and 었/EP both cover it).
    """

    start: int
    end: int
    form: str
    tag: str


@dataclass
class Analysis:
    tokens: list[Token] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each sentence

    def boundaries(self) -> list[int]:
        """Sorted distinct token start and end offsets: where a span edge may snap to."""
        edges = {t.start for t in self.tokens}
        edges.update(t.end for t in self.tokens)
        return sorted(edges)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens lying inside [start, end)."""
        starts = [t.start for t in self.tokens]
        lo, hi = bisect_left(starts, start), bisect_right(starts, end)
        return [t for t in self.tokens[lo:hi] if t.start >= start and t.end <= end]

    def to_bytes(self) -> bytes:
        return orjson.dumps({"v": ENGINE_VERSION, "t": [list(t) for t in self.tokens], "s": self.sentences})

    @classmethod
    def from_bytes(cls, data: bytes) -> Analysis:
        obj = orjson.loads(data)
        if obj.get("v") != ENGINE_VERSION:
            raise ValueError(f"analysis made by engine {obj.get('v')!r}, not {ENGINE_VERSION!r}")
        intern = sys.intern  # one string object per tag, as analyses fresh from Kiwi have (kiwi.py)
        return cls([Token(s, e, f, intern(tag)) for s, e, f, tag in obj["t"]], [(s, e) for s, e in obj["s"]])


def cache_key(text: str, labels_sha: str) -> str:
    """Store cache key: content hash + labels.yaml hash (the gazetteer shapes tokens) + engine version."""
    content = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{content}:{labels_sha[:16]}:{ENGINE_VERSION}"
