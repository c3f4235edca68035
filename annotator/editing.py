"""Morpheme-snapped span edits: the rules behind [ ] { } and the new-entity cursor.

Everything works on *units*: the stretches of text between consecutive morpheme
boundaries, trimmed of whitespace, so a span made or edited here always starts and
ends on a boundary, never begins or ends with a space and never holds a partial
morpheme. Boundaries come from `Analysis.boundaries()`; until Kiwi has analysed the
article, `fallback_boundaries` cuts at whitespace, punctuation and script changes.
Pure functions over offsets, no I/O and no UI.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Unit = tuple[int, int]


class EditRefused(ValueError):
    """An edit that cannot be made; the message is short enough for a one-line notice."""


def _script(ch: str) -> str:
    """A coarse class per character; a change of class is a fallback boundary."""
    if ch.isspace():
        return "space"
    if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
        return "hangul"
    if ch.isdigit():
        return "digit"
    if ch.isalpha():
        name = unicodedata.name(ch, "")
        if name.startswith("CJK"):
            return "han"
        return "latin"
    return "punct"  # every punctuation mark or symbol is its own unit


def fallback_boundaries(text: str) -> list[int]:
    """Boundaries at whitespace, punctuation and script changes (Hangul, Latin, digits, Han)."""
    if not text:
        return [0]
    bounds = [0]
    prev = _script(text[0])
    for i in range(1, len(text)):
        cur = _script(text[i])
        if cur != prev or cur == "punct":
            bounds.append(i)
        prev = cur
    bounds.append(len(text))
    return bounds


def units(text: str, boundaries: Iterable[int]) -> list[Unit]:
    """The non-blank stretches between consecutive boundaries, with whitespace trimmed off both ends."""
    cuts = sorted({b for b in boundaries if 0 <= b <= len(text)} | {0, len(text)})
    out: list[Unit] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def overlapping(start: int, end: int, others: Iterable[Unit]) -> Unit | None:
    """The first of `others` that shares a character with [start, end), if any."""
    for s, e in others:
        if s < end and start < e:
            return (s, e)
    return None


def check_span(text: str, start: int, end: int, others: Iterable[Unit] = ()) -> None:
    """Refuse a span that is empty, outside the text, spans a line break or overlaps another."""
    if not 0 <= start < end <= len(text):
        raise EditRefused("a span needs at least one morpheme")
    if "\n" in text[start:end]:
        raise EditRefused("a span cannot cross a line break")
    if text[start].isspace() or text[end - 1].isspace():
        raise EditRefused("a span cannot start or end with a space")
    hit = overlapping(start, end, others)
    if hit is not None:
        raise EditRefused(f"would overlap {text[hit[0]:hit[1]]!r}")


class Editor:
    """Span edits over one article's text and boundaries.

    `others` in every method are the (start, end) of the spans that must not be
    overlapped (the article's other visible spans, not the one being edited).
    """

    def __init__(self, text: str, boundaries: Sequence[int] | None = None):
        self.text = text
        self.units = units(text, fallback_boundaries(text) if boundaries is None else boundaries)
        self._starts = [u[0] for u in self.units]
        self._ends = [u[1] for u in self.units]

    # -- resizing an existing span ------------------------------------------------------------

    def move_end(self, start: int, end: int, step: int, others: Iterable[Unit] = ()) -> Unit:
        """End one unit left (step -1, `[`) or right (step +1, `]`)."""
        if step > 0:
            i = bisect_right(self._ends, end)
            if i >= len(self._ends):
                raise EditRefused("already at the end of the text")
            new_end = self._ends[i]
        else:
            i = bisect_left(self._ends, end) - 1
            if i < 0 or self._ends[i] <= start:
                raise EditRefused("a span needs at least one morpheme")
            new_end = self._ends[i]
        check_span(self.text, start, new_end, others)
        return (start, new_end)

    def move_start(self, start: int, end: int, step: int, others: Iterable[Unit] = ()) -> Unit:
        """Start one unit left (step -1, `{`) or right (step +1, `}`)."""
        if step < 0:
            i = bisect_left(self._starts, start) - 1
            if i < 0:
                raise EditRefused("already at the start of the text")
            new_start = self._starts[i]
        else:
            i = bisect_right(self._starts, start)
            if i >= len(self._starts) or self._starts[i] >= end:
                raise EditRefused("a span needs at least one morpheme")
            new_start = self._starts[i]
        check_span(self.text, new_start, end, others)
        return (new_start, end)

    # -- the new-entity cursor ----------------------------------------------------------------

    def unit_index_at(self, offset: int) -> int:
        """The unit holding `offset`, else the first one after it, else the last one."""
        if not self.units:
            raise EditRefused("the article has no text")
        i = bisect_right(self._ends, offset)
        return min(i, len(self.units) - 1)

    def cursor_at(self, offset: int) -> Cursor:
        i = self.unit_index_at(offset)
        return Cursor(self, i, i)

    def cursor_over(self, start: int, end: int) -> Cursor:
        """A cursor covering the units that overlap [start, end) (a find match, say)."""
        a = self.unit_index_at(start)
        b = max(a, bisect_left(self._starts, end) - 1)
        return Cursor(self, a, b)


@dataclass(frozen=True)
class Cursor:
    """A selection of whole units, from the `anchor` unit to the `active` unit (either order)."""

    editor: Editor
    anchor: int
    active: int

    @property
    def extent(self) -> Unit:
        lo, hi = sorted((self.anchor, self.active))
        return (self.editor.units[lo][0], self.editor.units[hi][1])

    @property
    def text(self) -> str:
        s, e = self.extent
        return self.editor.text[s:e]

    def _clamp(self, i: int) -> int:
        return max(0, min(i, len(self.editor.units) - 1))

    def move(self, step: int) -> Cursor:
        """Left/right: collapse to the neighbouring unit of the active end."""
        i = self._clamp(self.active + step)
        return Cursor(self.editor, i, i)

    def extend(self, step: int) -> Cursor:
        """Shift+left/right: move the active end, keeping the anchor."""
        return Cursor(self.editor, self.anchor, self._clamp(self.active + step))


def item_at(offset: int, spans: Iterable[tuple[str, int, int]]) -> str | None:
    """The id of the span (id, start, end) that holds character `offset` (for a mouse click)."""
    for span_id, s, e in spans:
        if s <= offset < e:
            return span_id
    return None
