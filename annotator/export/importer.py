"""`import_file`: labels from our JSONL, doccano or Label Studio into the store, as one analyst's
accepted labels or as pending suggestions. Spans that do not match the cleaned article text are
reported and skipped, never shifted; each article is one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from annotator.corpus import Corpus
from annotator.errors import InputError
from annotator.export.readers import Item, Problem, read_labels
from annotator.labels import Schema
from annotator.store import Store


@dataclass
class ImportReport:
    articles: int = 0
    spans: int = 0
    relations: int = 0
    problems: list[str] = field(default_factory=list)  # "FILE:LINE: article X: what" each


def import_file(path: Path, corpus: Corpus, store: Store, schema: Schema, *, as_labels: bool, source: str,
                done: bool = False) -> ImportReport:
    report = ImportReport()
    resolver = _Resolver(corpus, store)
    for entry in read_labels(path):
        if isinstance(entry, Problem):
            report.problems.append(f"{path}:{entry.line}: {entry.message}")
            continue
        _import_item(entry, path, resolver, store, schema, as_labels, source, done, report)
    return report


def _import_item(item: Item, path: Path, resolver: _Resolver, store: Store, schema: Schema, as_labels: bool,
                 source: str, done: bool, report: ImportReport) -> None:
    where = f"{path}:{item.line}"
    doc_id = resolver.find(item)
    if doc_id is None:
        report.problems.append(f"{where}: article {item.doc_id or '(no id)'} is not in the corpus; skipped")
        return
    spans, rels = [], []
    for s in item.spans:
        if schema.entity(s.label) is None:
            report.problems.append(f"{where}: article {doc_id}: span {s.id} {s.text!r} has unknown label "
                                   f"{s.label}; skipped")
        else:
            spans.append(s)
    labels = {s.id: s.label for s in spans}
    for r in item.relations:
        rel = schema.relation(r.label)
        if rel is None:
            report.problems.append(f"{where}: article {doc_id}: relation {r.id} has unknown label {r.label!r}; skipped")
        elif r.head in labels and r.tail in labels and not rel.allows(labels[r.head], labels[r.tail]):
            report.problems.append(f"{where}: article {doc_id}: relation {r.id} {r.label} cannot join "
                                   f"{labels[r.head]} -> {labels[r.tail]}; skipped")
        else:
            rels.append(r)
    skipped = store.add_labels(doc_id, spans, rels, status="accepted" if as_labels else "pending",
                               source=source, done=done and as_labels)
    report.problems += [f"{where}: article {doc_id}: {p}; skipped" for p in skipped]
    report.articles += 1
    bad_spans = sum(1 for p in skipped if p.startswith("span "))
    bad_rels = sum(1 for p in skipped if p.startswith("relation "))
    report.spans += len(spans) - bad_spans
    report.relations += len(rels) - bad_rels


class _Resolver:
    """Finds the corpus article a record belongs to (by id, else by its text) and registers it in
    the store with its cleaned text, which every imported offset is checked against."""

    def __init__(self, corpus: Corpus, store: Store):
        self.corpus = corpus
        self.store = store
        self.ids = set(corpus.ids())
        self.by_text: dict[str, str] | None = None
        self.registered: set[str] = set()

    def find(self, item: Item) -> str | None:
        doc_id = item.doc_id if item.doc_id in self.ids else None
        if doc_id is None and isinstance(item.text, str):
            doc_id = self._text_index().get(_sha(item.text))
        if doc_id is not None and doc_id not in self.registered:
            if not self._register(doc_id):
                return None
        return doc_id

    def _register(self, doc_id: str) -> bool:
        from annotator.cleaning import clean_doc

        try:
            art = clean_doc(self.corpus.load(doc_id))
        except InputError:
            return False
        self.store.ensure_article(doc_id, art.sha256, art.text, meta=art.meta.model_dump(), source=art.source)
        self.registered.add(doc_id)
        return True

    def _text_index(self) -> dict[str, str]:
        """sha256 of cleaned text -> article id, built once and only when a record's id is unknown
        (doccano and Label Studio number their tasks themselves)."""
        if self.by_text is None:
            from annotator.cleaning import clean_doc

            self.by_text = {}
            for doc_id in self.corpus.ids():
                try:
                    self.by_text.setdefault(_sha(clean_doc(self.corpus.load(doc_id)).text), doc_id)
                except InputError:
                    continue
        return self.by_text


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
