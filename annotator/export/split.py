"""Deterministic train/dev/test assignment by a hash of the article id: an article never moves
between splits as the dataset grows, and the same split comes out on any machine."""

from __future__ import annotations

import hashlib

from annotator.errors import InputError

SPLITS = ("train", "dev", "test")


def parse_split(value: str) -> tuple[int, int, int]:
    """'80/10/10' -> (80, 10, 10); the three parts must be whole numbers summing to 100."""
    parts = value.split("/")
    try:
        nums = tuple(int(p) for p in parts)
    except ValueError:
        nums = ()
    if len(nums) != 3 or any(n < 0 for n in nums) or sum(nums) != 100:
        raise InputError(f"--split {value!r}: expected three whole percentages summing to 100, like 80/10/10")
    return nums  # type: ignore[return-value]


def split_of(doc_id: str, ratios: tuple[int, int, int]) -> str:
    bucket = int.from_bytes(hashlib.sha256(doc_id.encode("utf-8")).digest()[:8], "big") % 10_000
    edge = 0
    for name, pct in zip(SPLITS, ratios, strict=True):
        edge += pct * 100
        if bucket < edge:
            return name
    return SPLITS[-1]
