"""Shared by the store, export and import tests: a small corpus and an opened store."""

from __future__ import annotations

import hashlib
from pathlib import Path

TEXT = "네이버는 미국 실리콘밸리에 네이버벤처스를 설립했다.\n\n최수연 네이버 대표는 1억 달러를 투자한다고 말했다."


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def at(text: str, surface: str, nth: int = 0) -> tuple[int, int, str]:
    """(start, end, surface) of the nth occurrence of surface in text."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return i, i + len(surface), surface


def write_corpus(root: Path, docs: dict[str, str]) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")
