"""Adjudication of one article: what all analysts agree on, the conflicts, and their resolution.

Spans on which every analyst agrees (same start, end, label) go into gold at once. The other
spans are grouped into regions of overlapping spans; each region is one conflict:
  label     every analyst marked the same boundaries but the labels differ
  boundary  every analyst marked something there but the boundaries differ
  missing   some analysts marked nothing there (present in one only, or in some only)
Relations not shared by everyone are grouped by the positions of their two ends: kind
`relation`. The reviewer settles each conflict by picking one analyst's version, editing it,
or dropping it; `gold()` is then the agreed labels plus the resolutions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from annotator.agreement.model import RelKey, SpanKey, Version, canonical
from annotator.errors import InputError

KINDS = ("label", "boundary", "missing", "relation")


@dataclass(frozen=True)
class Conflict:
    id: str
    kind: str
    start: int  # the region of text it concerns (for a relation, from one end to the other)
    end: int
    options: dict[str, Version]  # who said what: each analyst's labels here (empty: said nothing)

    def who(self, version: Version) -> list[str]:
        """The analysts whose version here is `version`."""
        return [a for a, v in self.options.items() if v == version]


@dataclass
class Adjudication:
    doc_id: str
    annotators: list[str]
    agreed: Version
    conflicts: list[Conflict]
    resolutions: dict[str, Version] = field(default_factory=dict)

    def conflict(self, conflict_id: str) -> Conflict:
        for c in self.conflicts:
            if c.id == conflict_id:
                return c
        raise InputError(f"no conflict {conflict_id} in article {self.doc_id}")

    def unresolved(self) -> list[Conflict]:
        return [c for c in self.conflicts if c.id not in self.resolutions]

    def pick(self, conflict_id: str, annotator: str) -> None:
        c = self.conflict(conflict_id)
        if annotator not in c.options:
            raise InputError(f"{annotator} did not annotate article {self.doc_id}")
        self._set(c, c.options[annotator])

    def edit(self, conflict_id: str, spans: Iterable[tuple] = (), relations: Iterable[tuple] = ()) -> None:
        """The reviewer's own version of the region: any spans and relations."""
        self._set(self.conflict(conflict_id), Version.of(spans, relations))

    def drop(self, conflict_id: str) -> None:
        self._set(self.conflict(conflict_id), Version())

    def reopen(self, conflict_id: str) -> None:
        self.resolutions.pop(self.conflict(conflict_id).id, None)

    def gold(self) -> Version:
        """Agreed labels plus resolutions; a relation whose end is not (or no longer) in gold is left out."""
        spans = set(self.agreed.spans)
        rels = set(self.agreed.relations)
        for v in self.resolutions.values():
            spans |= v.spans
            rels |= v.relations
        return Version(frozenset(spans), frozenset(r for r in rels if r.head in spans and r.tail in spans))

    def dangling(self) -> list[RelKey]:
        """Chosen relations left out of gold because an end span is not in it."""
        spans = self.gold().spans
        return sorted(r for v in self.resolutions.values() for r in v.relations
                      if r.head not in spans or r.tail not in spans)

    def _set(self, c: Conflict, version: Version) -> None:
        others = set(self.agreed.spans)
        for cid, v in self.resolutions.items():
            if cid != c.id:
                others |= v.spans
        new = sorted(version.spans)
        for i, s in enumerate(new):
            clash = next((o for o in others if o.start < s.end and s.start < o.end), None)
            if clash is None and i + 1 < len(new) and new[i + 1].start < s.end:
                clash = new[i + 1]
            if clash is not None:
                raise InputError(f"span {s.start}-{s.end} {s.label} overlaps {clash.start}-{clash.end} {clash.label}")
        self.resolutions[c.id] = version


def adjudicate(versions: Mapping[str, Version], symmetric: Iterable[str] = (), doc_id: str = "") -> Adjudication:
    """Split analysts' versions of one article into the agreed labels and the conflicts."""
    names = list(versions)
    sym = frozenset(symmetric)
    vs = {a: Version(v.spans, frozenset(canonical(r, sym) for r in v.relations)) for a, v in versions.items()}
    if not vs:
        return Adjudication(doc_id, [], Version(), [])
    agreed_spans = frozenset.intersection(*(v.spans for v in vs.values()))
    agreed_rels = frozenset.intersection(*(v.relations for v in vs.values()))
    conflicts = _span_conflicts(vs, agreed_spans) + _relation_conflicts(vs, agreed_rels)
    return Adjudication(doc_id, names, Version(agreed_spans, agreed_rels), conflicts)


def _span_conflicts(vs: Mapping[str, Version], agreed: frozenset[SpanKey]) -> list[Conflict]:
    rest = sorted({s for v in vs.values() for s in v.spans} - agreed)
    regions: list[list[SpanKey]] = []
    reach = -1
    for s in rest:  # sweep in start order; a span starting before the region's end joins it
        if regions and s.start < reach:
            regions[-1].append(s)
            reach = max(reach, s.end)
        else:
            regions.append([s])
            reach = s.end
    out = []
    for region in regions:
        members = set(region)
        options = {a: Version(frozenset(v.spans & members)) for a, v in vs.items()}
        bounds = [{(s.start, s.end) for s in o.spans} for o in options.values()]
        if any(not b for b in bounds):
            kind = "missing"
        elif all(b == bounds[0] for b in bounds):
            kind = "label"
        else:
            kind = "boundary"
        start, end = region[0].start, max(s.end for s in region)
        out.append(Conflict(f"s{start}-{end}", kind, start, end, options))
    return out


def _relation_conflicts(vs: Mapping[str, Version], agreed: frozenset[RelKey]) -> list[Conflict]:
    def ends(r: RelKey) -> tuple[tuple[int, int], tuple[int, int]]:
        a, b = (r.head.start, r.head.end), (r.tail.start, r.tail.end)
        return (a, b) if a <= b else (b, a)

    groups: dict[tuple, set[RelKey]] = {}
    for v in vs.values():
        for r in v.relations - agreed:
            groups.setdefault(ends(r), set()).add(r)
    out = []
    for (a, b), rels in sorted(groups.items()):
        options = {name: Version(relations=frozenset(v.relations & rels)) for name, v in vs.items()}
        out.append(Conflict(f"r{a[0]}-{a[1]}:{b[0]}-{b[1]}", "relation", min(a[0], b[0]), max(a[1], b[1]), options))
    return out


def describe(conflict: Conflict, text: str) -> list[str]:
    """One line per analyst, "NAME: 네이버 ORG, ..." (or "nothing"), for a terminal or a screen."""
    def span(s: SpanKey) -> str:
        return f"{text[s.start:s.end]} {s.label}"

    lines = []
    for name, v in conflict.options.items():
        parts = [span(s) for s in sorted(v.spans)]
        parts += [f"{span(r.head)} -{r.label}-> {span(r.tail)}" for r in sorted(v.relations)]
        lines.append(f"{name}: {', '.join(parts) if parts else 'nothing'}")
    return lines
