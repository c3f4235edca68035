"""The gold review of one article, without Textual: its conflicts as rows of choices, the
reviewer's edits, and the draft of decisions kept in the store's cache between key presses.

Decisions live in an `Adjudication` (annotator.agreement) until the reviewer writes gold; each
one is also saved at once as a draft (store cache, keyed by the analysts' versions, so a draft
never outlives the versions it was made for) and comes back when the article is opened again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import orjson

from annotator.agreement.conflicts import Adjudication, Conflict
from annotator.agreement.model import RelKey, SpanKey, Version
from annotator.editing import Editor, EditRefused
from annotator.errors import InputError


@dataclass(frozen=True)
class Option:
    """One distinct version of a conflict and the analysts who gave it."""

    conflict: Conflict
    version: Version
    names: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.conflict.id}|{'+'.join(self.names)}"


def options_of(conflict: Conflict) -> list[Option]:
    """Analysts who said the same thing share one option, in the order analysts are listed."""
    out: list[Option] = []
    for version in dict.fromkeys(conflict.options.values()):
        out.append(Option(conflict, version, tuple(conflict.who(version))))
    return out


@dataclass
class ReviewState:
    doc_id: str
    text: str
    adj: Adjudication
    editor: Editor
    had_gold: bool = False
    options: list[Option] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.options = [o for c in self.adj.conflicts for o in options_of(c)]

    def option(self, option_id: str | None) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def chosen(self, conflict: Conflict) -> Version | None:
        return self.adj.resolutions.get(conflict.id)

    def settled(self) -> int:
        return len(self.adj.conflicts) - len(self.adj.unresolved())

    # -- edits ---------------------------------------------------------------------------------

    def editable(self, opt: Option | None) -> SpanKey | None:
        """The one entity an edit changes: the conflict's decision, else the focused version's."""
        if opt is None or opt.conflict.kind == "relation":
            return None
        version = self.chosen(opt.conflict)
        if version is None:
            version = opt.version
        return next(iter(version.spans)) if len(version.spans) == 1 else None

    def relabel(self, opt: Option, label: str) -> None:
        span = self._editable_or_refuse(opt)
        self.adj.edit(opt.conflict.id, spans=[(span.start, span.end, label)])

    def move(self, opt: Option, edge: str, step: int) -> None:
        span = self._editable_or_refuse(opt)
        others = [(s.start, s.end) for s in self.adj.gold().spans if s != span]
        try:
            if edge == "end":
                start, end = self.editor.move_end(span.start, span.end, step, others)
            else:
                start, end = self.editor.move_start(span.start, span.end, step, others)
        except EditRefused as exc:
            raise InputError(str(exc)) from None
        self.adj.edit(opt.conflict.id, spans=[(start, end, span.label)])

    def _editable_or_refuse(self, opt: Option) -> SpanKey:
        span = self.editable(opt)
        if span is None:
            raise InputError("edits change one entity: pick a version with a single entity, or drop it"
                             if opt.conflict.kind != "relation" else "a relation conflict: pick a version or drop it")
        return span

    # -- drafts --------------------------------------------------------------------------------

    def draft_key(self) -> str:
        versions = {c.id: sorted((a, _dump(v)) for a, v in c.options.items()) for c in self.adj.conflicts}
        digest = hashlib.sha256(orjson.dumps([self.doc_id, versions], option=orjson.OPT_SORT_KEYS)).hexdigest()
        return f"review-draft:{digest[:32]}"

    def draft(self) -> bytes:
        return orjson.dumps({cid: _dump(v) for cid, v in self.adj.resolutions.items()})

    def restore(self, data: bytes | None) -> int:
        """Apply a saved draft; decisions that no longer fit are left open. Returns how many came back."""
        if not data:
            return 0
        try:
            saved = orjson.loads(data)
        except orjson.JSONDecodeError:
            return 0
        return self._apply({cid: _load(v) for cid, v in saved.items()} if isinstance(saved, dict) else {})

    def restore_from_gold(self, gold: Version) -> int:
        """Decisions read back from an earlier gold version: what gold holds in each conflict's place."""
        found = {}
        for c in self.adj.conflicts:
            if c.kind == "relation":
                mine = {r for v in c.options.values() for r in v.relations}
                ends = {_ends(r) for r in mine}
                found[c.id] = Version(relations=frozenset(r for r in gold.relations - self.adj.agreed.relations
                                                          if _ends(r) in ends))
            else:
                found[c.id] = Version(frozenset(s for s in gold.spans - self.adj.agreed.spans
                                                if s.start < c.end and c.start < s.end))
        return self._apply(found)

    def _apply(self, resolutions: dict[str, Version]) -> int:
        n = 0
        for cid, version in resolutions.items():
            try:
                self.adj.edit(cid, spans=version.spans, relations=version.relations)
                n += 1
            except InputError:
                continue
        return n


def _ends(r: RelKey) -> tuple:
    return tuple(sorted([tuple(r.head[:2]), tuple(r.tail[:2])]))


def _dump(v: Version) -> dict:
    return {"spans": sorted(list(s) for s in v.spans),
            "relations": sorted([list(r.head), r.label, list(r.tail)] for r in v.relations)}


def _load(obj: object) -> Version:
    try:
        return Version.of([tuple(s) for s in obj["spans"]],
                          [(tuple(r[0]), r[1], tuple(r[2])) for r in obj["relations"]])
    except (KeyError, TypeError, IndexError, ValueError):
        return Version()
