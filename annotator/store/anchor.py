"""Re-anchoring spans when an article's text changes: move a span only when its exact text
occurs at exactly one place near where it was; otherwise leave it for the analyst to review."""

from __future__ import annotations

# How far from its old place (beyond the change in length) a span's text is looked for.
NEARBY_CHARS = 200


def reanchor(old_text: str, new_text: str, spans: list[tuple[str, int, int, str]]) -> dict[str, tuple[int, int] | None]:
    """For (id, start, end, text) spans of `old_text`, their place in `new_text`, or None to flag.

    A span still exactly where it was stays; otherwise the occurrences of its text within
    NEARBY_CHARS (plus the length change) of the old place are counted, and only a single one is used.
    """
    window = NEARBY_CHARS + abs(len(new_text) - len(old_text))
    placed: dict[str, tuple[int, int] | None] = {}
    for span_id, start, end, text in spans:
        if not text or end - start != len(text):
            placed[span_id] = None
        elif new_text[start:end] == text:
            placed[span_id] = (start, end)
        else:
            hits = _occurrences(new_text, text, max(0, start - window), min(len(new_text), end + window))
            placed[span_id] = (hits[0], hits[0] + len(text)) if len(hits) == 1 else None
    return placed


def _occurrences(text: str, needle: str, lo: int, hi: int) -> list[int]:
    hits = []
    i = text.find(needle, lo, hi)
    while i != -1:
        hits.append(i)
        i = text.find(needle, i + 1, hi)
    return hits
