"""Re-anchoring spans when an article's text changes. A span moves only to a place where its exact
text is found and that place is unambiguous; otherwise it is left where it was, flagged for review.

Unambiguous means either: the span lies inside a stretch the diff of old and new text matched,
with some unchanged context on both sides (so the alignment is not a coincidence of a short
repeated word); or its text occurs exactly once near its old place.
"""

from __future__ import annotations

from bisect import bisect_right
from difflib import SequenceMatcher

# How far from its old place (beyond the change in length) a span's text is looked for.
NEARBY_CHARS = 200
# Unchanged characters a matched stretch must hold on each side of a span (unless at the text's edge).
CONTEXT_CHARS = 8


def reanchor(old_text: str, new_text: str, spans: list[tuple[str, int, int, str]]) -> dict[str, tuple[int, int] | None]:
    """For (id, start, end, text) spans of `old_text`, their place in `new_text`, or None to flag."""
    blocks = [b for b in SequenceMatcher(None, old_text, new_text, autojunk=False).get_matching_blocks() if b.size]
    block_starts = [b.a for b in blocks]
    window = NEARBY_CHARS + abs(len(new_text) - len(old_text))
    placed: dict[str, tuple[int, int] | None] = {}
    for span_id, start, end, text in spans:
        if not text or end - start != len(text) or old_text[start:end] != text:
            placed[span_id] = _unique_nearby(new_text, text, start, end, window) if text else None
            continue
        mapped = _through_diff(blocks, block_starts, start, end, len(old_text))
        if mapped is not None and new_text[mapped:mapped + len(text)] == text:
            placed[span_id] = (mapped, mapped + len(text))
        else:
            placed[span_id] = _unique_nearby(new_text, text, start, end, window)
    return placed


def _through_diff(blocks, block_starts: list[int], start: int, end: int, old_len: int) -> int | None:
    i = bisect_right(block_starts, start) - 1
    if i < 0:
        return None
    b = blocks[i]
    if not (b.a <= start and end <= b.a + b.size):
        return None
    left_ok = start - b.a >= CONTEXT_CHARS or b.a == 0
    right_ok = b.a + b.size - end >= CONTEXT_CHARS or b.a + b.size == old_len
    return b.b + (start - b.a) if left_ok and right_ok else None


def _unique_nearby(new_text: str, text: str, start: int, end: int, window: int) -> tuple[int, int] | None:
    if new_text[start:end] == text:
        hits = [start]
    else:
        hits = _occurrences(new_text, text, max(0, start - window), min(len(new_text), end + window))
    return (hits[0], hits[0] + len(text)) if len(hits) == 1 else None


def _occurrences(text: str, needle: str, lo: int, hi: int) -> list[int]:
    hits = []
    i = text.find(needle, lo, hi)
    while i != -1:
        hits.append(i)
        i = text.find(needle, i + 1, hi)
    return hits
