"""The exported record (one line of gold.jsonl and the splits) and the checks every record passes.

Ids in a record are positional (`T1`... in text order, `R1`... by head, tail, label), so a record
depends only on the labels: export -> import -> export gives the same bytes.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from annotator.labels import Schema
from annotator.models import Meta, Span, span_problems


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldSpan(_Strict):
    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str
    text: str


class GoldRelation(_Strict):
    id: str
    head: str
    tail: str
    label: str


class GoldRecord(_Strict):
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
    problems = span_problems(rec.text, [Span(id=s.id, start=s.start, end=s.end, label=s.label, text=s.text)
                                        for s in rec.spans])
    labels = {}
    for s in rec.spans:
        if s.id in labels:
            problems.append(f"span id {s.id} is used twice")
        labels[s.id] = s.label
        if schema.entity(s.label) is None:
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
        elif not any(x.name == r.label for x in schema.relations_for(labels[r.head], labels[r.tail])):
            problems.append(f"relation {r.id} {r.label} cannot join {labels[r.head]} -> {labels[r.tail]}")
    return problems


def make_record(doc_id: str, source: str, meta: dict, text: str, spans: list, relations: list,
                annotators: list[str], schema_sha: str) -> GoldRecord:
    """A record from store rows (anything with start/end/label/text and head/tail/label), ids made positional."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.label))
    ids = {s.id: f"T{i}" for i, s in enumerate(ordered, start=1)}
    gold_spans = [GoldSpan(id=ids[s.id], start=s.start, end=s.end, label=s.label, text=s.text) for s in ordered]
    # An end that is not among the spans keeps its store id (marked "?") so the check names it.
    rels = [(ids.get(r.head, f"?{r.head}"), ids.get(r.tail, f"?{r.tail}"), r.label) for r in relations]
    order = {v: i for i, v in enumerate(ids.values())}
    rels = sorted(set(rels), key=lambda r: (order.get(r[0], -1), order.get(r[1], -1), r[0], r[1], r[2]))
    gold_rels = [GoldRelation(id=f"R{i}", head=h, tail=t, label=lab) for i, (h, t, lab) in enumerate(rels, start=1)]
    return GoldRecord(id=doc_id, source=source, meta=Meta.model_validate(meta or {}), text=text, spans=gold_spans,
                      relations=gold_rels, annotators=annotators, schema=schema_sha)
