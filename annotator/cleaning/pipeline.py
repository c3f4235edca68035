"""Placeholder line pipeline: keeps every non-blank line (the real rules replace this)."""

from __future__ import annotations

from annotator.models import Meta


def clean_text(raw: str, fields: dict) -> tuple[Meta, str, list[int]]:
    lines = []
    pos = 0
    for line in raw.split("\n"):
        if line.strip():
            lines.append((pos, line))
        pos += len(line) + 1
    if not lines:
        return Meta(title=fields.get("title")), "", []
    title_pos, title = lines[0]
    parts: list[str] = [title, "\n\n"]
    offsets = list(range(title_pos, title_pos + len(title))) + [-1, -1]
    for i, (p, line) in enumerate(lines[1:]):
        if i:
            parts.append("\n")
            offsets.append(-1)
        parts.append(line)
        offsets += range(p, p + len(line))
    return Meta(title=fields.get("title") or title), "".join(parts), offsets
