"""Lines of a raw page that remember, character by character, where they came from.

Rules only ever drop lines or delete characters from them, so every kept character
still knows its raw index; that is what makes the cleaned text's offset map exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPACE = re.compile(r"\s+")
# Scrapes mix straight and curly quotes for the same sentence (a portal summary vs the body).
_QUOTES = str.maketrans({c: None for c in "\"'“”‘’„‟′″「」『』"})


@dataclass
class Line:
    text: str
    pos: list[int]  # pos[i] = raw index of text[i]
    dropped_by: str | None = None
    tags: set[str] = field(default_factory=set)  # what rules learned about it (e.g. "tail")

    @property
    def alive(self) -> bool:
        return self.dropped_by is None

    @property
    def key(self) -> str:
        """Whitespace-insensitive form, for comparing lines."""
        return _SPACE.sub(" ", self.text).strip()

    @property
    def loose(self) -> str:
        """Also quote- and space-insensitive: for spotting a sentence repeated elsewhere."""
        return _SPACE.sub("", self.text).translate(_QUOTES)

    def delete(self, start: int, end: int) -> None:
        self.text = self.text[:start] + self.text[end:]
        self.pos = self.pos[:start] + self.pos[end:]

    def trim(self) -> None:
        """Drop surrounding whitespace (and zero-width junk) so the line is what a reader sees."""
        a, b = 0, len(self.text)
        while a < b and _blank(self.text[a]):
            a += 1
        while b > a and _blank(self.text[b - 1]):
            b -= 1
        self.text, self.pos = self.text[a:b], self.pos[a:b]


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in "\u200b\u200c\u200d\ufeff"


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines, trimmed, each with its raw positions."""
    out = []
    start = 0
    for chunk in raw.split("\n"):
        line = Line(chunk, list(range(start, start + len(chunk))))
        line.trim()
        if line.text:
            out.append(line)
        start += len(chunk) + 1
    return out


def join(lines: list[Line]) -> tuple[str, list[int]]:
    """Title line, a blank line, then the body lines separated by single newlines."""
    parts: list[str] = []
    offsets: list[int] = []
    for i, line in enumerate(lines):
        if i:
            sep = "\n\n" if i == 1 else "\n"
            parts.append(sep)
            offsets += [-1] * len(sep)
        parts.append(line.text)
        offsets += line.pos
    return "".join(parts), offsets
