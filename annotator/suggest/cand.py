"""A candidate entity before overlaps are resolved."""

from __future__ import annotations

from typing import NamedTuple

# When two candidates cover the same text, the more trusted source wins the tie.
SOURCE_RANK = {"lexicon": 6, "gazetteer": 5, "multidict": 4, "hanja": 4, "pattern": 3, "morph": 2}


class Cand(NamedTuple):
    """Immutable like the frozen dataclass it replaces, ~3x cheaper to build (a tuple, C-level field access).
    Never compared with plain tuples or unpacked positionally by callers."""

    start: int
    end: int
    label: str
    score: float
    source: str

    @property
    def length(self) -> int:
        return self.end - self.start


# make(Cand, (start, end, label, score, source)) builds a Cand in C, without the Python-level __new__
# a NamedTuple has (~0.15 us less): for the rules that make hundreds an article.
make = tuple.__new__
