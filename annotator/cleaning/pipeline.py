"""Applying the rules: raw page -> (Meta, cleaned text, offset map).

The first line no rule removed is the title (unless a JSONL crawler gave one); the rest
are the body paragraphs. Text and offsets are built from the kept lines' characters only,
so `raw[offsets[i]] == text[i]` wherever `offsets[i] != -1`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

try:  # the regex parser, to see what a pattern can match (private: absent, the plain test below is used)
    from re import _constants, _parser
except ImportError:  # pragma: no cover
    _parser = None

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
    """Each rule in order over the lines no earlier rule dropped.

    Pattern rules only look at lines that pass their step's screen (see `_build_plan`): a line
    a screen rejects is one the rules could not change, so the result is exactly that of
    running every rule over every line.
    """
    alive = [x for x in lines if x.dropped_by is None]
    for step in _plan(rules):
        if step.kind == "block":
            rule = step.rules[0]
            found = list(rule.block(lines, meta))
            if found:
                for line in found:
                    line.dropped_by = rule.name
                alive = [x for x in alive if x.dropped_by is None]
            continue
        screen = step.screen
        cands = [x for x in alive if screen(x.text)]
        if cands and (_drop(cands, step.rules, meta) if step.kind == "drop" else _strips(cands, step.rules, meta)):
            alive = [x for x in alive if x.dropped_by is None]


def _needed(rule: Rule, text: str) -> bool:
    return not rule.needs or any(n in text for n in rule.needs)


def _drop(cands: list[Line], rules: tuple[Rule, ...], meta: MetaFinder) -> bool:
    """Drop rules in order: a line goes to the first one matching it. Metadata is read rule by
    rule, line by line, as if each rule had gone over the page on its own."""
    hits: list[list[tuple[Line, re.Match]]] = [[] for _ in rules]
    for line in cands:
        text = line.text
        for k, rule in enumerate(rules):
            m = rule.drop.fullmatch(text) if _needed(rule, text) else None
            if m:
                hits[k].append((line, m))
                break
    dropped = False
    for rule, found in zip(rules, hits, strict=True):
        for line, m in found:
            line.dropped_by = rule.name
            dropped = True
            if rule.meta:
                rule.meta(m, meta)
    return dropped


def _strips(cands: list[Line], rules: tuple[Rule, ...], meta: MetaFinder) -> bool:
    for rule in rules:
        for line in cands:
            if line.dropped_by is None and _needed(rule, line.text):
                _strip(line, rule, meta)
    return any(x.dropped_by is not None for x in cands)


@dataclass(frozen=True)
class _Step:
    kind: str  # "block", "drop" or "strip"
    rules: tuple[Rule, ...]  # one block rule, or consecutive drop (or strip) rules
    screen: Callable[[str], object] | None  # false for a line none of the rules can match


_FLAGS = re.U | re.I | re.M | re.S | re.X


def _unnamed(p: re.Pattern) -> str:
    """The pattern as a non-capturing group that keeps its own flags (group names would clash)."""
    body = re.sub(r"\(\?P<\w+>", "(?:", p.pattern)
    flags = "".join(c for f, c in ((re.I, "i"), (re.M, "m"), (re.S, "s"), (re.X, "x")) if p.flags & f)
    return f"(?{flags}:{body})"


def _anchored(p: re.Pattern) -> bool:
    """Only ever matches at the start of the line ('^...' without MULTILINE)."""
    if _parser is None:
        return False  # not known: the rule is then screened on its own (same result, a little slower)
    items = list(_parser.parse(p.pattern, p.flags))
    return not p.flags & re.M and bool(items) and items[0] == (_constants.AT, _constants.AT_BEGINNING)


def _any_of(words: tuple[str, ...]) -> Callable[[str], object]:
    """Finds one of `words` in a line: the same as `any(w in line for w in words)`."""
    return re.compile("|".join(re.escape(w) for w in words)).search


def _build_plan(rules: Sequence[Rule]) -> list[_Step]:
    """Group the rules into steps, each with a screen that is cheaper than trying every rule.

    - consecutive drop rules (without `needs`): one alternation of their patterns, which
      fullmatches a line iff one of them does;
    - consecutive strip rules anchored at the line's start: one alternation, which matches at
      the start iff one of them does;
    - any other rule alone: its `needs`, else its own pattern (search).
    A pattern with a flag a scoped group cannot carry stays alone.
    """
    plan: list[_Step] = []
    for r in rules:
        if r.block is not None:
            plan.append(_Step("block", (r,), bool))
            continue
        kind = "drop" if r.drop is not None else "strip"
        pat = r.drop if r.drop is not None else r.strip
        joinable = not r.needs and not pat.flags & ~_FLAGS and (kind == "drop" or _anchored(pat))
        prev = plan[-1] if plan else None
        if joinable and prev and prev.kind == kind and prev.screen is None:
            plan[-1] = _Step(kind, prev.rules + (r,), None)
        else:
            plan.append(_Step(kind, (r,), None if joinable else _any_of(r.needs) if r.needs else pat.search))
    for i, step in enumerate(plan):
        if step.screen is None:
            pats = [r.drop if r.drop is not None else r.strip for r in step.rules]
            joined = re.compile("|".join(_unnamed(p) for p in pats))
            plan[i] = _Step(step.kind, step.rules, joined.fullmatch if step.kind == "drop" else joined.match)
    return plan


_PLANS: list[tuple[tuple[Rule, ...], list[_Step]]] = []


def _plan(rules: Sequence[Rule]) -> list[_Step]:
    for key, plan in _PLANS:
        if len(key) == len(rules) and all(a is b for a, b in zip(key, rules, strict=True)):
            return plan
    plan = _build_plan(rules)
    _PLANS.insert(0, (tuple(rules), plan))
    del _PLANS[8:]
    return plan


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
