"""What analysts have decided, as the suggester uses it: accepted surface forms and rejections.

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

    def add_accepted(self, surface: str, label: str) -> None:
        key = (surface, label)
        self.accepted_count[key] = self.accepted_count.get(key, 0) + 1
        best = self.accepted.get(surface)
        if best is None or self.accepted_count[key] >= self.accepted_count.get((surface, best), 0):
            self.accepted[surface] = label

    def add_rejected(self, surface: str, label: str) -> None:
        key = (surface, label)
        self.rejected_count[key] = self.rejected_count.get(key, 0) + 1

    def is_blocked(self, surface: str, label: str) -> bool:
        """True when analysts rejected this suggestion often enough that it should not be made again."""
        key = (surface, label)
        return self.rejected_count.get(key, 0) - self.accepted_count.get(key, 0) >= REJECT_THRESHOLD
