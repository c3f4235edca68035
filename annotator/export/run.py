"""`export_corpus`: check every record, then write the chosen format atomically.

Pass 1 reads one consistent snapshot of the store (through its own connection), builds and checks
every record and stages the good ones in an anonymous temporary file; a failure names the articles
and nothing is written. Pass 2 turns the staged lines into the output files. Articles are read in
batches and records streamed, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import orjson
from pydantic import ValidationError

from annotator import __version__
from annotator.analysis import Analysis
from annotator.errors import InputError, RuntimeFailure
from annotator.export import formats
from annotator.export.atomic import AtomicGroup, prepare_dir
from annotator.export.conll import conll_block
from annotator.export.manifest import Manifest, Tally
from annotator.export.records import GoldRecord, record_problems
from annotator.export.select import Skip, build, choose
from annotator.export.split import SPLITS, split_of
from annotator.labels import Schema
from annotator.store import Store

FORMATS = ("jsonl", "doccano", "conll", "labelstudio", "brat")
CONLL_BATCH = 64
Analyze = Callable[[list[str]], list[Analysis]]


@dataclass(frozen=True)
class ExportOptions:
    out: Path
    fmt: str = "jsonl"
    annotator: str | None = None  # whose labels; ignored with gold
    gold: bool = False
    include_unfinished: bool = False
    split: tuple[int, int, int] = (80, 10, 10)


def export_corpus(store: Store, schema: Schema, opts: ExportOptions, analyze: Analyze | None = None) -> Manifest:
    if opts.fmt not in FORMATS:
        raise InputError(f"unknown format {opts.fmt!r} (choose from {', '.join(FORMATS)})")
    reader = store.reader()  # its own connection: the app keeps using `store` meanwhile
    try:
        return _export(reader, schema, opts, analyze)
    finally:
        reader.close()


def _export(store: Store, schema: Schema, opts: ExportOptions, analyze: Analyze | None) -> Manifest:
    # Pass 1 reads the store once, checks every record and stages the good ones in an anonymous
    # temporary file (outside the output folder; it vanishes with the process). Only when every
    # article passed is anything written to the output folder (pass 2, from the staged lines).
    try:
        staged = tempfile.TemporaryFile(prefix="annotate-export-")
    except OSError as exc:
        raise RuntimeFailure(f"cannot create a temporary file: {exc.strerror or exc}",
                             path=tempfile.gettempdir()) from None
    with staged, store.snapshot():
        try:
            tally = _check(store, schema, opts, staged)
        except OSError as exc:
            raise RuntimeFailure(f"cannot stage the export: {exc.strerror or exc}; nothing was written",
                                 path=tempfile.gettempdir()) from None
        prepare_dir(opts.out)
        staged.seek(0)
        try:
            with AtomicGroup() as group:  # every output file replaces the old one together, or none does
                files, misaligned = _write(staged, store, schema, opts, analyze, group)
                manifest = _manifest(store, schema, opts, tally, files, misaligned)
                group.open(opts.out / "manifest.json").write(
                    orjson.dumps(manifest.model_dump(by_alias=True), option=orjson.OPT_INDENT_2) + b"\n")
                group.commit()
        except OSError as exc:  # disk full or a folder gone mid-way: the temporary files are already removed
            raise RuntimeFailure(f"cannot write the export: {exc.strerror or exc}; no file was replaced",
                                 path=opts.out) from None
    return manifest


def _manifest(store: Store, schema: Schema, opts: ExportOptions, tally: Tally, files: list[str],
              misaligned: int) -> Manifest:
    return Manifest(
            tool_version=__version__, created=datetime.now(UTC).isoformat(timespec="seconds"), format=opts.fmt,
            files=[*files, "manifest.json"], store=str(store.path), corpus=str(store.corpus_root),
            annotator=None if opts.gold else opts.annotator, gold=opts.gold, include_unfinished=opts.include_unfinished,
            schema=schema.sha256, labels_file=schema.path, split=dict(zip(SPLITS, opts.split, strict=True)),
            split_counts={k: tally.splits[k] for k in SPLITS}, articles=tally.articles,
            articles_by_status=dict(sorted(tally.by_status.items())), spans=sum(tally.spans.values()),
            spans_per_label=_ordered(tally.spans, schema.entity_names), relations=sum(tally.relations.values()),
            relations_per_label=_ordered(tally.relations, [r.name for r in schema.relations]),
            annotators=dict(sorted(tally.annotators.items())), origin=tally.origin if opts.gold else None,
            skipped=tally.skipped, conll_misaligned_spans=misaligned if opts.fmt == "conll" else None)


def _check(store: Store, schema: Schema, opts: ExportOptions, staged: IO[bytes]) -> Tally:
    tally = Tally()
    failures: list[str] = []
    for bundle in store.bundles():
        choice = choose(bundle.states, annotator=opts.annotator, gold=opts.gold,
                        include_unfinished=opts.include_unfinished)
        if isinstance(choice, Skip):
            if choice.reason == "needs_adjudication":
                tally.skipped.needs_adjudication.append(bundle.article.doc_id)
            continue
        data, flagged = build(bundle, choice, schema.sha256)
        line = orjson.dumps(data)
        try:
            rec = GoldRecord.model_validate_json(line)
        except ValidationError as exc:
            e = exc.errors()[0]
            failures.append(f"article {data['id']}: {'.'.join(str(p) for p in e['loc'])}: {e['msg']}")
            continue
        problems = record_problems(rec, schema)
        if problems:
            failures.append(f"article {rec.id}: {'; '.join(problems[:3])}"
                            + (f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""))
            continue
        if not failures:  # after the first failure only the report is wanted
            staged.write(line + b"\n")
        tally.skipped.flagged_spans_left_out += flagged
        tally.add(rec, choice.status, choice.origin, choice.annotator, split_of(rec.id, opts.split))
    if failures:
        more = f" (and {len(failures) - 5} more articles)" if len(failures) > 5 else ""
        raise InputError("export refused, nothing was written: " + " | ".join(failures[:5]) + more)
    return tally


def _write(staged: IO[bytes], store: Store, schema: Schema, opts: ExportOptions, analyze: Analyze | None,
           group: AtomicGroup) -> tuple[list[str], int]:
    """Pass 2: the staged, checked lines into the chosen format, each file under a temporary name."""
    records = (GoldRecord.model_validate_json(line) for line in staged)
    out = opts.out
    if opts.fmt == "brat":
        return _write_brat(group.temp_dir(out / "brat"), schema, records), 0
    if opts.fmt in ("jsonl", "conll"):
        ext = "jsonl" if opts.fmt == "jsonl" else "conll"
        names = [f"gold.{ext}", *(f"{s}.{ext}" for s in SPLITS)]
        whole, *parts = (group.open(out / n) for n in names)
        by_split = dict(zip(SPLITS, parts, strict=True))
        if opts.fmt == "jsonl":
            for line in staged:  # already our JSONL: copied, each line also to its split
                whole.write(line)
                by_split[split_of(_id_of(line), opts.split)].write(line)
            return names, 0
        return names, _write_conll(records, whole, by_split, opts, analyze or _analyzer(store, schema))
    if opts.fmt == "doccano":
        f = group.open(out / "doccano.jsonl")
        for rec in records:
            f.write(orjson.dumps(formats.doccano(rec)) + b"\n")
        return ["doccano.jsonl"], 0
    f = group.open(out / "labelstudio.json")
    f.write(b"[")  # a JSON array, streamed one task at a time
    for i, rec in enumerate(records):
        f.write((b",\n" if i else b"\n") + orjson.dumps(formats.labelstudio(rec)))
    f.write(b"\n]\n")
    return ["labelstudio.json"], 0


def _id_of(line: bytes) -> str:
    """The record's id without parsing the whole line: records are dumped with "id" first."""
    end = line.index(b',"source":')
    return orjson.loads(line[6:end])


def _write_conll(records, whole, by_split, opts: ExportOptions, analyze: Analyze) -> int:
    misaligned = 0
    batch: list[GoldRecord] = []

    def flush() -> None:
        nonlocal misaligned
        for rec, analysis in zip(batch, analyze([r.text for r in batch]), strict=True):
            block, bad = conll_block(rec, analysis)
            data = block.encode("utf-8")
            whole.write(data)
            by_split[split_of(rec.id, opts.split)].write(data)
            misaligned += bad
        batch.clear()

    for rec in records:
        batch.append(rec)
        if len(batch) >= CONLL_BATCH:
            flush()
    flush()
    return misaligned


def _analyzer(store: Store, schema: Schema) -> Analyze:
    """Analyses from the store's cache where the app made them, else from Kiwi (built on first need)."""
    from annotator.analysis import cache_key

    kiwi = []

    def analyze(texts: list[str]) -> list[Analysis]:
        found: list[Analysis | None] = []
        for t in texts:
            data = store.cache_get(cache_key(t, schema.sha256))
            try:
                found.append(Analysis.from_bytes(data) if data else None)
            except (ValueError, KeyError):
                found.append(None)
        missing = [t for t, a in zip(texts, found, strict=True) if a is None]
        if missing:
            if not kiwi:
                from annotator.analysis import Analyzer

                kiwi.append(Analyzer(schema))
            fresh = iter(kiwi[0].analyze_many(missing))
            found = [a if a is not None else next(fresh) for a in found]
        return found  # type: ignore[return-value]

    return analyze


def _write_brat(tmp: Path, schema: Schema, records) -> list[str]:
    """Into the group's temporary folder, which replaces brat/ on commit."""
    (tmp / "annotation.conf").write_text(formats.brat_conf(schema), encoding="utf-8")
    with open(tmp / "ids.tsv", "w", encoding="utf-8") as ids:
        ids.write("file\tid\n")
        for rec in records:
            name = formats.brat_name(rec.id)
            (tmp / f"{name}.txt").write_text(rec.text, encoding="utf-8")
            (tmp / f"{name}.ann").write_text(formats.brat_ann(rec), encoding="utf-8")
            ids.write(f"{name}\t{rec.id}\n")
    return ["brat/"]


def _ordered(counts, order: list[str]) -> dict[str, int]:
    return {k: counts[k] for k in [*[o for o in order if o in counts], *sorted(set(counts) - set(order))]}
