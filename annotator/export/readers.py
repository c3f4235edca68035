"""Reading labelled data back in: our JSONL (gold.jsonl and splits), doccano JSONL, Label Studio JSON.

Each reader yields `Item`s (one article's labels, with the file line it came from) or `Problem`s
(broken JSON, a record of an unknown shape); nothing is checked against the corpus here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from annotator.errors import InputError
from annotator.models import Relation, Span


@dataclass
class Item:
    line: int  # 1-based line of a JSONL file, or task number in a Label Studio file
    doc_id: str | None
    text: str | None  # the text the offsets were made on, when the file has it
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    kind: str = ""  # jsonl, doccano, labelstudio


@dataclass
class Problem:
    line: int
    message: str


def read_labels(path: Path) -> Iterator[Item | Problem]:
    try:
        f = open(path, "rb")
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    with f:
        head = f.read(4096).lstrip()
        f.seek(0)
        if head.startswith(b"\xef\xbb\xbf"):
            head = head[3:].lstrip()
        if head.startswith(b"["):
            yield from _labelstudio(f.read())
            return
        for n, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                obj = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                yield Problem(n, f"broken JSON ({exc})")
                continue
            yield _record(obj, n)


def _record(obj: Any, n: int) -> Item | Problem:
    if not isinstance(obj, dict):
        return Problem(n, "not a JSON object")
    try:
        if "spans" in obj:
            return _ours(obj, n)
        if "entities" in obj or "label" in obj:
            return _doccano(obj, n)
        if "data" in obj:
            return _ls_task(obj, n)
    except (ValidationError, KeyError, TypeError, ValueError, IndexError) as exc:
        return Problem(n, f"malformed record ({_short(exc)})")
    return Problem(n, "unknown record shape: expected our JSONL (spans), doccano (entities/label) "
                      "or a Label Studio task (data)")


def _ours(obj: dict, n: int) -> Item:
    spans = [Span(id=str(s["id"]), start=s["start"], end=s["end"], label=s["label"], text=s["text"])
             for s in obj["spans"]]
    rels = [Relation(id=str(r["id"]), head=str(r["head"]), tail=str(r["tail"]), label=r["label"])
            for r in obj.get("relations", [])]
    return Item(n, _str_or_none(obj.get("id")), obj.get("text"), spans, rels, "jsonl")


def _doccano(obj: dict, n: int) -> Item:
    text = obj.get("text")
    spans = []
    if "entities" in obj:
        for i, e in enumerate(obj["entities"], start=1):
            start, end = int(e["start_offset"]), int(e["end_offset"])
            spans.append(Span(id=str(e.get("id", f"e{i}")), start=start, end=end, label=e["label"],
                              text=text[start:end] if isinstance(text, str) else ""))
    else:  # doccano's plain sequence-labelling export: "label": [[start, end, "LABEL"], ...]
        for i, (start, end, label) in enumerate(obj["label"], start=1):
            spans.append(Span(id=f"e{i}", start=int(start), end=int(end), label=label,
                              text=text[int(start):int(end)] if isinstance(text, str) else ""))
    rels = [Relation(id=str(r.get("id", f"r{i}")), head=str(r["from_id"]), tail=str(r["to_id"]), label=r["type"])
            for i, r in enumerate(obj.get("relations", []), start=1)]
    doc_id = obj.get("doc_id", obj.get("id"))
    return Item(n, _str_or_none(doc_id), text, spans, rels, "doccano")


def _labelstudio(data: bytes) -> Iterator[Item | Problem]:
    try:
        tasks = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        line = data[: getattr(exc, "pos", 0)].count(b"\n") + 1
        yield Problem(line, f"broken JSON ({exc})")
        return
    if not isinstance(tasks, list):
        yield Problem(1, "a Label Studio export is a JSON array of tasks")
        return
    for n, task in enumerate(tasks, start=1):
        yield _record(task, n) if isinstance(task, dict) and "data" in task else Problem(n, "task without data")


def _ls_task(task: dict, n: int) -> Item:
    data = task["data"]
    text = data.get("text")
    results: list[dict] = []
    for group in ("annotations", "completions", "predictions"):  # the first that has results
        entries = [a for a in task.get(group) or [] if not a.get("was_cancelled")]
        if entries:
            results = entries[0].get("result") or []
            break
    spans, rels = [], []
    for i, r in enumerate(results, start=1):
        if r.get("type") in ("labels", "hypertextlabels") and r.get("value", {}).get("labels"):
            v = r["value"]
            start, end = int(v["start"]), int(v["end"])
            surface = v.get("text", text[start:end] if isinstance(text, str) else "")
            spans.append(Span(id=str(r.get("id", f"l{i}")), start=start, end=end, label=v["labels"][0], text=surface))
        elif r.get("type") == "relation":
            labels = r.get("labels") or []
            if r.get("direction") == "left":
                head, tail = r["to_id"], r["from_id"]
            else:
                head, tail = r["from_id"], r["to_id"]
            rels.append(Relation(id=f"lr{i}", head=str(head), tail=str(tail), label=labels[0] if labels else ""))
    doc_id = data.get("doc_id", data.get("id", task.get("id")))
    return Item(n, _str_or_none(doc_id), text, spans, rels, "labelstudio")


def _str_or_none(v: Any) -> str | None:
    return None if v is None else str(v)


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        e = exc.errors()[0]
        return f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}"
    return str(exc)
