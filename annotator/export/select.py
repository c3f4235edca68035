"""Which version of each article is exported: one analyst's, or for --gold the adjudicated
("gold") version where it exists, else the version of the single analyst who labelled it."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.export.records import make_record
from annotator.store import ArticleBundle

GOLD = "gold"
UNFINISHED = ("in_progress", "source_changed")


@dataclass(frozen=True)
class Choice:
    annotator: str  # whose labels
    origin: str  # "adjudicated", "single" (--gold from one analyst) or "annotator"
    status: str
    annotators: list[str]  # who the record credits


@dataclass(frozen=True)
class Skip:
    reason: str  # "needs_adjudication" or "not_exported"


def choose(states: dict[str, str], *, annotator: str | None, gold: bool, include_unfinished: bool) -> Choice | Skip:
    """`states`: analyst -> status for one article."""
    wanted = ("done", *UNFINISHED) if include_unfinished else ("done",)
    if not gold:
        status = states.get(annotator or "", "new")
        return Choice(annotator, "annotator", status, [annotator]) if status in wanted else Skip("not_exported")
    analysts = {a: s for a, s in states.items() if a != GOLD}
    if states.get(GOLD) in wanted:
        credited = sorted(a for a, s in analysts.items() if s == "done")
        return Choice(GOLD, "adjudicated", states[GOLD], [GOLD, *credited])
    for level in wanted:  # a done version is preferred over unfinished ones
        candidates = sorted(a for a, s in analysts.items() if s == level)
        if len(candidates) == 1:
            return Choice(candidates[0], "single", level, candidates)
        if len(candidates) > 1:
            return Skip("needs_adjudication")
    return Skip("not_exported")


def build(bundle: ArticleBundle, choice: Choice, schema_sha: str) -> tuple[dict, int]:
    """The record of this version (plain data in GoldRecord's shape) with only accepted labels; also
    how many accepted spans were left out because they await review after a source change."""
    art = bundle.article
    rows = [s for s in bundle.spans if s.annotator == choice.annotator]
    spans = [s for s in rows if s.status == "accepted" and not s.needs_review]
    flagged = sum(1 for s in rows if s.status == "accepted" and s.needs_review)
    waiting = {s.id for s in rows if s.needs_review}  # relations to them wait with them
    rels = [r for r in bundle.relations if r.annotator == choice.annotator and r.status == "accepted"
            and r.head not in waiting and r.tail not in waiting]
    rec = make_record(art.doc_id, art.source or art.doc_id, art.meta, art.text, spans, rels,
                      choice.annotators, schema_sha)
    return rec, flagged
