"""`annotate export CORPUS`: gold/train/dev/test JSONL and a manifest, or doccano, conll, Label Studio, brat."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.cli import add_common

FORMATS = ("jsonl", "doccano", "conll", "labelstudio", "brat")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write the labelled articles as a dataset",
                       description="Write the articles marked done, with their accepted labels, as gold.jsonl "
                       "plus a deterministic train/dev/test split and manifest.json, or in another tool's "
                       "format. Every record is checked before anything is written.")
    p.add_argument("corpus", metavar="CORPUS", help="the corpus folder")
    p.add_argument("--out", metavar="DIR", default="exports", help="output folder (default: exports/)")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    add_common(p)
    p.add_argument("--gold", action="store_true",
                   help="the adjudicated version (annotator 'gold') where it exists, else the single analyst's")
    p.add_argument("--include-unfinished", action="store_true",
                   help="also articles not yet marked done (accepted labels so far)")
    p.add_argument("--split", default="80/10/10", metavar="T/D/T", help="train/dev/test percentages (default 80/10/10)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import getpass

    from annotator.commands import existing_store, load_schema
    from annotator.errors import InputError
    from annotator.export import ExportOptions, export_corpus
    from annotator.export.split import parse_split
    from annotator.store import Store

    if args.gold and args.annotator:
        raise InputError("--gold and --annotator exclude each other")
    corpus, db = existing_store(args.corpus, args.db)
    split = parse_split(args.split)
    schema = load_schema(args)
    annotator = None if args.gold else (args.annotator or getpass.getuser())
    store = Store.open(db, corpus, annotator or "gold")
    try:
        m = export_corpus(store, schema, ExportOptions(Path(args.out), args.format, annotator, args.gold,
                                                       args.include_unfinished, split))
    finally:
        store.close()
    who = "gold" if args.gold else annotator
    print(f"annotate: exported {_n(m.articles, 'article')} ({_n(m.spans, 'span')}, "
          f"{_n(m.relations, 'relation')}) of {who} "
          f"as {args.format} to {args.out}/", file=sys.stderr)
    if m.skipped.needs_adjudication:
        print(f"annotate: {len(m.skipped.needs_adjudication)} articles labelled by several analysts need "
              "adjudication first (see manifest.json)", file=sys.stderr)
    if m.skipped.flagged_spans_left_out:
        print(f"annotate: {m.skipped.flagged_spans_left_out} spans awaiting review after a source change were "
              "left out", file=sys.stderr)
    return 0


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
