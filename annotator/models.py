"""Typed records shared by cleaning, suggestions, the store and export.

Offsets are Python string indices into the NFC-normalised cleaned text, and
`text[start:end] == span.text` holds for every span anywhere in the product.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Meta(Strict):
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, or None where the page gives no year
    outlet: str | None = None
    reporters: list[str] = Field(default_factory=list)
    url: str | None = None


class SpanBase(Strict):
    """What every span is, wherever it goes: the exported gold span is exactly this."""

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str
    text: str


class Span(SpanBase):
    """A suggested or stored span: where it came from and how sure the suggester was."""

    score: float | None = Field(default=None, ge=0.0, le=1.0)
    source: str | None = None


class Relation(Strict):
    id: str
    head: str
    tail: str
    label: str
    score: float | None = Field(default=None, ge=0.0, le=1.0)
    source: str | None = None


class ArticleOut(Strict):
    """One line of `annotate clean --json` and `annotate suggest --jsonl`."""

    id: str
    source: str
    meta: Meta
    text: str
    spans: list[Span] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)


def span_problems(text: str, spans: list[SpanBase]) -> list[str]:
    """Why these spans cannot stand on this text: out of range, text mismatch, overlap."""
    problems = []
    for s in spans:
        if not 0 <= s.start < s.end <= len(text):
            problems.append(f"span {s.id} [{s.start}:{s.end}] is outside the text")
        elif text[s.start : s.end] != s.text:
            problems.append(f"span {s.id} [{s.start}:{s.end}] is {text[s.start:s.end]!r}, not {s.text!r}")
    ordered = sorted(spans, key=lambda s: (s.start, s.end))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            problems.append(f"spans {a.id} {a.text!r} and {b.id} {b.text!r} overlap")
    return problems
