"""Cleaning: a raw scraped page -> the article an analyst labels, with metadata and an offset map.

The cleaned text is the title line, a blank line, then the body paragraphs separated by
single newlines. `offsets[i]` is the index in the raw (decoded, normalised) text of cleaned
character i, or -1 for a character cleaning inserted (the newlines between kept lines).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.corpus import RawDoc
from annotator.models import ArticleOut, Meta


@dataclass
class Article:
    id: str
    source: str
    sha256: str
    meta: Meta
    text: str
    raw: str = ""
    offsets: list[int] = field(default_factory=list)

    def to_out(self) -> ArticleOut:
        return ArticleOut(id=self.id, source=self.source, meta=self.meta, text=self.text)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of cleaned text[start:end] (end exclusive), for showing a span in its file."""
        inside = [o for o in self.offsets[start:end] if o >= 0]
        if not inside:
            raise ValueError("span covers only inserted characters")
        return inside[0], inside[-1] + 1


def clean_doc(raw: RawDoc) -> Article:
    from annotator.cleaning.pipeline import clean_text

    meta, text, offsets = clean_text(raw.text, raw.fields)
    return Article(raw.id, raw.source, raw.sha256, meta, text, raw.text, offsets)
