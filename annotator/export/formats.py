"""Converters from a GoldRecord to the shapes other tools read: doccano, Label Studio, brat.

Offsets stay Python string indices (code points) of the cleaned text in every format.
"""

from __future__ import annotations

import hashlib
import re

from annotator.export.records import GoldRecord
from annotator.labels import Schema


def doccano(rec: GoldRecord) -> dict:
    """doccano's sequence labelling with relations JSONL: integer entity ids, relations by from_id/to_id."""
    ids = {s.id: i for i, s in enumerate(rec.spans, start=1)}
    return {
        "id": rec.id,
        "text": rec.text,
        "entities": [{"id": ids[s.id], "label": s.label, "start_offset": s.start, "end_offset": s.end}
                     for s in rec.spans],
        "relations": [{"id": i, "from_id": ids[r.head], "to_id": ids[r.tail], "type": r.label}
                      for i, r in enumerate(rec.relations, start=1)],
        "source": rec.source,
        "meta": rec.meta.model_dump(),
        "annotators": rec.annotators,
        "schema": rec.schema_,
    }


def labelstudio(rec: GoldRecord) -> dict:
    """One Label Studio task (for a <Labels name="label" toName="text"> + <Relations> config)."""
    result: list[dict] = [
        {"id": s.id, "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
         "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}}
        for s in rec.spans
    ]
    result += [{"type": "relation", "from_id": r.head, "to_id": r.tail, "direction": "right", "labels": [r.label]}
               for r in rec.relations]
    return {
        "data": {"text": rec.text, "doc_id": rec.id, "source": rec.source, "meta": rec.meta.model_dump(),
                 "schema": rec.schema_},
        "annotations": [{"result": result, "completed_by_name": ",".join(rec.annotators)}],
    }


LABEL_CONFIG_HINT = ('<View><Labels name="label" toName="text">…</Labels>'
                     '<Relations>…</Relations><Text name="text" value="$text"/></View>')

_UNSAFE = re.compile(r"[^0-9A-Za-z._\-\uac00-\ud7a3]+")


def brat_name(doc_id: str) -> str:
    """A file name for the article: readable, plus a short hash so distinct ids never collide."""
    stem = _UNSAFE.sub("_", doc_id).strip("._")[:80] or "doc"
    return f"{stem}-{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:8]}"


def brat_ann(rec: GoldRecord) -> str:
    """brat standoff: T lines (a span crossing a line break is split into fragments), R lines."""
    lines = []
    for s in rec.spans:
        frags, pos = [], s.start
        for part in s.text.split("\n"):
            if part:
                frags.append((pos, pos + len(part)))
            pos += len(part) + 1
        offsets = ";".join(f"{a} {b}" for a, b in frags)
        lines.append(f"{s.id}\t{s.label} {offsets}\t{' '.join(p for p in s.text.split(chr(10)) if p)}")
    for r in rec.relations:
        lines.append(f"{r.id}\t{r.label} Arg1:{r.head} Arg2:{r.tail}")
    return "".join(line + "\n" for line in lines)


def brat_conf(schema: Schema) -> str:
    rels = [f"{r.name}\tArg1:{'|'.join(r.head)}, Arg2:{'|'.join(r.tail)}" for r in schema.relations]
    return ("[entities]\n" + "".join(e.name + "\n" for e in schema.entities) + "\n[relations]\n"
            + "".join(line + "\n" for line in rels) + "\n[events]\n\n[attributes]\n")
