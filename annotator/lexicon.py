"""What analysts have decided, as the suggester uses it: accepted surface forms and rejections, and
the relations they accepted or rejected between two surface forms.

The store builds it from its labels; the suggester reads it. Plain data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A (surface, label) suggestion rejected this many times more than it was accepted stops being made.
REJECT_THRESHOLD = 2


@dataclass
class Lexicon:
    accepted: dict[str, str] = field(default_factory=dict)  # surface form -> label analysts gave it
    accepted_count: dict[tuple[str, str], int] = field(default_factory=dict)
    rejected_count: dict[tuple[str, str], int] = field(default_factory=dict)
    # (head surface, relation label, tail surface) -> how often analysts accepted / rejected it
    related_count: dict[tuple[str, str, str], int] = field(default_factory=dict)
    unrelated_count: dict[tuple[str, str, str], int] = field(default_factory=dict)
    _learned: dict | None = field(default=None, init=False, repr=False, compare=False)  # learned_relations()

    def add_accepted(self, surface: str, label: str) -> None:
        key = (surface, label)
        self.accepted_count[key] = self.accepted_count.get(key, 0) + 1
        best = self.accepted.get(surface)
        n, best_n = self.accepted_count[key], self.accepted_count.get((surface, best), 0)
        if best is None or n > best_n or n == best_n and label < best:  # ties: the first label by name,
            self.accepted[surface] = label  # as Store.lexicon() has it

    def add_rejected(self, surface: str, label: str) -> None:
        key = (surface, label)
        self.rejected_count[key] = self.rejected_count.get(key, 0) + 1

    def is_blocked(self, surface: str, label: str) -> bool:
        """True when analysts rejected this suggestion often enough that it should not be made again."""
        key = (surface, label)
        return _outweighed(self.rejected_count.get(key, 0), self.accepted_count.get(key, 0))

    def add_related(self, head: str, label: str, tail: str) -> None:
        key = (head, label, tail)
        self.related_count[key] = self.related_count.get(key, 0) + 1
        self._learned = None

    def add_unrelated(self, head: str, label: str, tail: str) -> None:
        key = (head, label, tail)
        self.unrelated_count[key] = self.unrelated_count.get(key, 0) + 1
        self._learned = None

    def relation_blocked(self, head: str, label: str, tail: str) -> bool:
        """True when analysts rejected this relation between these two surfaces often enough."""
        key = (head, label, tail)
        return _outweighed(self.unrelated_count.get(key, 0), self.related_count.get(key, 0))

    def learned_relations(self) -> dict[str, list[tuple[str, str]]]:
        """head surface -> [(label, tail surface)] of the relations analysts accepted more often than
        they rejected them: what the suggester proposes again where both names meet in a sentence.
        Worked out once (the suggester asks for every article), again after a count changes."""
        if self._learned is None:
            out: dict[str, list[tuple[str, str]]] = {}
            for (head, label, tail), n in self.related_count.items():
                if n > self.unrelated_count.get((head, label, tail), 0):
                    out.setdefault(head, []).append((label, tail))
            self._learned = out
        return self._learned


def _outweighed(rejected: int, accepted: int) -> bool:
    """The one rule for names and relations alike: rejected REJECT_THRESHOLD times more than accepted."""
    return rejected - accepted >= REJECT_THRESHOLD
