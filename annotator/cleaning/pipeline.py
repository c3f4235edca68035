"""Applying the rules: raw page -> (Meta, cleaned text, offset map).

The first line no rule removed is the title (unless a JSONL crawler gave one); the rest
are the body paragraphs. Text and offsets are built from the kept lines' characters only,
so `raw[offsets[i]] == text[i]` wherever `offsets[i] != -1`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.cleaning.lines import Line, join, split_lines
from annotator.cleaning.meta import MetaFinder
from annotator.cleaning.rules import RULES, Rule
from annotator.models import Meta


@dataclass
class Cleaned:
    meta: Meta
    lines: list[Line]  # every non-blank raw line; `dropped_by` names the rule that removed it
    text: str
    offsets: list[int]

    @property
    def kept(self) -> list[str]:
        return [x.text for x in self.lines if x.alive]

    def dropped(self, rule: str) -> list[str]:
        return [x.text for x in self.lines if x.dropped_by == rule]


def apply_rules(lines: list[Line], meta: MetaFinder, rules: Sequence[Rule] = RULES) -> None:
    for rule in rules:
        if rule.block is not None:
            for line in list(rule.block(lines, meta)):
                line.dropped_by = rule.name
            continue
        for line in lines:
            if not line.alive:
                continue
            if rule.needs and not any(n in line.text for n in rule.needs):
                continue
            if rule.drop is not None:
                m = rule.drop.fullmatch(line.text)
                if m:
                    line.dropped_by = rule.name
                    if rule.meta:
                        rule.meta(m, meta)
            elif rule.strip is not None:
                _strip(line, rule, meta)


def _strip(line: Line, rule: Rule, meta: MetaFinder) -> None:
    matches = [m for m in rule.strip.finditer(line.text) if m.end() > m.start()]
    if not matches:
        return
    for m in reversed(matches):
        if rule.meta:
            rule.meta(m, meta)
        line.delete(m.start(), m.end())
    line.trim()
    if not line.text:
        line.dropped_by = rule.name


def _normal(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def clean(raw: str, fields: dict | None = None, rules: Sequence[Rule] = RULES) -> Cleaned:
    fields = dict(fields or {})
    lines = split_lines(raw)
    finder = MetaFinder(fields)
    apply_rules(lines, finder, rules)
    kept = [x for x in lines if x.alive]
    given = fields.get("title")
    if given:
        # The crawler's title leads; the same line in the text is not repeated in the body.
        same = [x for x in kept if x.key == _normal(given)]
        if same:
            kept.remove(same[0])
            title_line = same[0]
        else:
            title_line = Line(given.strip(), [-1] * len(given.strip()))
        kept.insert(0, title_line)
    text, offsets = join(kept)
    meta = finder.meta(kept[0].text if kept else None)
    return Cleaned(meta, lines, text, offsets)


def clean_text(raw: str, fields: dict) -> tuple[Meta, str, list[int]]:
    c = clean(raw, fields)
    return c.meta, c.text, c.offsets
