"""Lines of a raw page that remember, character by character, where they came from.

Rules only ever drop lines or delete characters from them, so every kept character
still knows its raw index; that is what makes the cleaned text's offset map exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Scrapes mix straight and curly quotes for the same sentence (a portal summary vs the body).
_QUOTES = str.maketrans({c: None for c in "\"'“”‘’„‟′″「」『』"})


@dataclass(slots=True)
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
        return " ".join(self.text.split())  # str.split() splits on exactly what regex \s matches

    @property
    def loose(self) -> str:
        """Also quote- and space-insensitive: for spotting a sentence repeated elsewhere."""
        return "".join(self.text.split()).translate(_QUOTES)

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


_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in _ZERO_WIDTH


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines, trimmed, each with its raw positions."""
    out = []
    start = 0
    for chunk in raw.split("\n"):
        n = len(chunk)
        a, b = n - len(chunk.lstrip()), len(chunk.rstrip())
        if a < b and chunk[a] not in _ZERO_WIDTH and chunk[b - 1] not in _ZERO_WIDTH:
            # What `trim` would do, without walking the ends a character at a time.
            out.append(Line(chunk[a:b], list(range(start + a, start + b))))
        elif a < b:
            line = Line(chunk, list(range(start, start + n)))
            line.trim()
            if line.text:
                out.append(line)
        start += n + 1
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
