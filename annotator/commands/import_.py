"""`annotate import FILE --corpus CORPUS`: labels from our JSONL, doccano JSONL or Label Studio JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.cli import add_common


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="bring labels in from our JSONL, doccano or Label Studio",
                       description="Read labels from gold.jsonl-style JSONL, doccano JSONL or a Label Studio JSON "
                       "export, as an analyst's accepted labels or as pending suggestions. Spans that do not "
                       "match the cleaned article text are reported and skipped, never shifted.")
    p.add_argument("file", metavar="FILE", help="the file to read")
    p.add_argument("--corpus", metavar="CORPUS", required=True, help="the corpus folder the labels belong to")
    p.add_argument("--as", dest="as_", choices=("suggestions", "labels"), default="suggestions",
                   help="pending suggestions (default) or accepted labels")
    p.add_argument("--source", metavar="NAME", help="where they came from, stored as import:NAME (default: file name)")
    p.add_argument("--done", action="store_true", help="with --as labels: mark the imported articles done")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import getpass

    from annotator.corpus import open_corpus
    from annotator.errors import InputError
    from annotator.export.importer import import_file
    from annotator.labels import find_labels, load_labels
    from annotator.store import Store

    path = Path(args.file)
    if not path.is_file():
        raise InputError("no such file", path=path)
    if args.done and args.as_ != "labels":
        raise InputError("--done goes with --as labels (suggestions are not an analyst's finished work)")
    corpus = open_corpus(args.corpus)
    schema = load_labels(find_labels(args.labels, args.corpus))
    source = f"import:{args.source or path.stem}"
    store = Store.open(args.db, args.corpus, args.annotator or getpass.getuser())
    try:
        report = import_file(path, corpus, store, schema, as_labels=args.as_ == "labels", source=source,
                             done=args.done)
    finally:
        store.close()
    for p in report.problems:
        print(f"annotate: {p}", file=sys.stderr)
    kind = "labels" if args.as_ == "labels" else "suggestions"
    print(f"annotate: imported {report.spans} spans and {report.relations} relations as {kind} ({source}) "
          f"into {report.articles} articles for {store.annotator}"
          + (f"; {len(report.problems)} problems listed above were skipped" if report.problems else ""),
          file=sys.stderr)
    return 2 if report.problems else 0
