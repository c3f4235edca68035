"""The exported record (one line of gold.jsonl and the splits) and the checks every record passes.

Ids in a record are positional (`T1`... in text order, `R1`... by head, tail, label), so a record
depends only on the labels: export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field

from annotator.labels import Schema
from annotator.models import Meta, SpanBase, Strict, span_problems


class GoldSpan(SpanBase):
    """An exported span: the shared span fields, nothing more (extra keys are refused)."""


class GoldRelation(Strict):
    id: str
    head: str
    tail: str
    label: str


class GoldRecord(Strict):
    id: str
    source: str
    meta: Meta
    text: str
    spans: list[GoldSpan] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)
    annotators: list[str] = Field(min_length=1)
    schema_: str = Field(alias="schema", min_length=1)  # sha256 of labels.yaml

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def dump(self) -> dict:
        return self.model_dump(by_alias=True)


def record_problems(rec: GoldRecord, schema: Schema) -> list[str]:
    """Why this record cannot be exported: spans off the text or overlapping, unknown labels,
    relations whose ends are missing or whose labels do not fit the schema."""
    problems = span_problems(rec.text, rec.spans)  # inside the text, matching it, no overlaps
    labels: dict[str, str] = {}
    entity_names, fits = _schema_facts(schema)
    for s in rec.spans:
        if s.id in labels:
            problems.append(f"span id {s.id} is used twice")
        labels[s.id] = s.label
        if s.label not in entity_names:
            problems.append(f"span {s.id} {s.text!r} has label {s.label}, which labels.yaml does not define")
    seen = set()
    for r in rec.relations:
        if r.id in seen:
            problems.append(f"relation id {r.id} is used twice")
        seen.add(r.id)
        if r.head not in labels or r.tail not in labels:
            problems.append(f"relation {r.id} ({r.label}) joins a span that is not an accepted label "
                            f"({r.head if r.head not in labels else r.tail})")
        elif schema.relation(r.label) is None:
            problems.append(f"relation {r.id} has label {r.label}, which labels.yaml does not define")
        elif (r.label, labels[r.head], labels[r.tail]) not in fits:
            problems.append(f"relation {r.id} {r.label} cannot join {labels[r.head]} -> {labels[r.tail]}")
    return problems


_FACTS: dict[str, tuple[set[str], set[tuple[str, str, str]]]] = {}


def _schema_facts(schema: Schema) -> tuple[set[str], set[tuple[str, str, str]]]:
    """Entity names and every allowed (relation, head label, tail label), computed once per labels.yaml."""
    key = schema.sha256
    if not key or key not in _FACTS:
        names = set(schema.entity_names)
        fits = {(r.name, h, t) for h in names for t in names for r in schema.relations_for(h, t)}
        if not key:
            return names, fits
        _FACTS[key] = (names, fits)
    return _FACTS[key]


def make_record(doc_id: str, source: str, meta: dict, text: str, spans: list, relations: list,
                annotators: list[str], schema_sha: str) -> dict:
    """A record (plain data, in GoldRecord's shape) from store rows, ids made positional.
    `GoldRecord.model_validate` checks it; the JSONL writer dumps it as it is."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.label))
    ids = {s.id: f"T{i}" for i, s in enumerate(ordered, start=1)}
    # An end that is not among the spans keeps its store id (marked "?") so the check names it.
    rels = [(ids.get(r.head, f"?{r.head}"), ids.get(r.tail, f"?{r.tail}"), r.label) for r in relations]
    order = {v: i for i, v in enumerate(ids.values())}
    rels = sorted(set(rels), key=lambda r: (order.get(r[0], -1), order.get(r[1], -1), r[0], r[1], r[2]))
    return {
        "id": doc_id, "source": source, "meta": _meta(meta), "text": text,
        "spans": [{"id": ids[s.id], "start": s.start, "end": s.end, "label": s.label, "text": s.text}
                  for s in ordered],
        "relations": [{"id": f"R{i}", "head": h, "tail": t, "label": lab} for i, (h, t, lab) in enumerate(rels, 1)],
        "annotators": annotators, "schema": schema_sha,
    }


_META_KEYS = tuple(Meta.model_fields)
_DEFAULTS = Meta().model_dump()


def _meta(meta: dict | None) -> dict:
    """Meta's fields in Meta's order, as `Meta.model_dump()` gives them, so every dump is alike.
    Unknown keys are kept so that validation names them rather than dropping them silently."""
    meta = meta or {}
    out = {k: meta.get(k, _DEFAULTS[k]) for k in _META_KEYS}
    out.update((k, v) for k, v in meta.items() if k not in out)
    return out
