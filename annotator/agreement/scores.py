"""The figures themselves: exact-match F1 counts, BIO tags over tokens, Cohen's and Fleiss' kappa.

Each returns None where the figure is undefined (nothing to compare, or chance agreement is
total), so callers can leave it out of a mean instead of reporting a made-up 0 or 1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.agreement.model import SpanKey

OUTSIDE = "O"


@dataclass
class Counts:
    """Exact matches between a reference set (a) and another set (b)."""

    tp: int = 0
    a: int = 0  # items in the reference
    b: int = 0  # items in the other set

    def add(self, ref: set | frozenset, other: set | frozenset) -> None:
        self.tp += len(ref & other)
        self.a += len(ref)
        self.b += len(other)

    @property
    def precision(self) -> float | None:
        return self.tp / self.b if self.b else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.a if self.a else None

    @property
    def f1(self) -> float | None:
        # 2PR/(P+R) simplifies to 2tp/(a+b); defined even when one side is empty (then 0).
        return 2 * self.tp / (self.a + self.b) if self.a + self.b else None


def bio_tags(spans: Iterable[SpanKey], tokens: Sequence[tuple[int, int]], only: str | None = None) -> list[str]:
    """One tag per distinct token place, in offset order: B-LABEL on the first token a span touches,
    I-LABEL on the rest, O elsewhere.

    A token counts as inside a span when they overlap, so a whitespace token "네이버는" carries
    the span "네이버". With `only`, spans of other labels are ignored (per-label kappa).
    """
    tokens = sorted(set(tokens))  # Kiwi gives contracted syllables twice (했 -> 하, 었): tag each place once
    tags = [OUTSIDE] * len(tokens)
    reach, top = [], -1  # reach[i]: furthest end among tokens[:i+1]; sorted, unlike the ends themselves
    for _, e in tokens:
        top = max(top, e)
        reach.append(top)
    for span in sorted(spans):
        if only is not None and span.label != only:
            continue
        i = bisect_right(reach, span.start)  # no token before i ends after the span starts
        first = True
        while i < len(tokens) and tokens[i][0] < span.end:
            if tokens[i][1] > span.start and tags[i] == OUTSIDE:  # a token two spans touch keeps the first
                tags[i] = ("B-" if first else "I-") + span.label
                first = False
            i += 1
    return tags


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float | None:
    """(po - pe) / (1 - pe) with pe from each rater's own category frequencies."""
    if len(a) != len(b):
        raise ValueError("raters tagged different numbers of items")
    n = len(a)
    if n == 0:
        return None
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[c] * cb[c] for c in ca) / (n * n)
    if pe == 1:
        return None
    return (po - pe) / (1 - pe)


def fleiss_kappa(items: Iterable[Sequence[str]]) -> float | None:
    """Fleiss' kappa over items, each the categories its raters gave (two or more raters per item;
    the number may vary between items, as when one analyst skipped an article)."""
    p_sum = 0.0
    n_items = 0
    totals: Counter[str] = Counter()
    n_ratings = 0
    for ratings in items:
        n = len(ratings)
        if n < 2:
            continue
        c = Counter(ratings)
        p_sum += (sum(v * v for v in c.values()) - n) / (n * (n - 1))
        n_items += 1
        totals.update(c)
        n_ratings += n
    if not n_items:
        return None
    p_bar = p_sum / n_items
    pe = sum((v / n_ratings) ** 2 for v in totals.values())
    if pe == 1:
        return None
    return (p_bar - pe) / (1 - pe)


def mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None
