"""`annotate stats CORPUS`: progress, labels per day and per label, and how suggestions fare."""

from __future__ import annotations

import argparse
import sys

from annotator.cli import add_common


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="progress, labels per day/label, suggestion acceptance",
                       description="Numbers for the project lead: articles done per analyst, labels per day, "
                       "labels per entity and relation label, and suggestion acceptance and share of final "
                       "labels per label and per suggestion source.")
    p.add_argument("corpus", metavar="CORPUS", help="the corpus folder")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    add_common(p, annotator=False)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from annotator.agreement.collect import collect_stats
    from annotator.agreement.present import rounded, stats_text
    from annotator.agreement.source import open_store
    from annotator.corpus import open_corpus
    from annotator.labels import find_labels, load_labels

    schema = load_labels(find_labels(args.labels, args.corpus))
    with open_store(args.corpus, args.db) as store, store.snapshot():  # one consistent state while analysts work
        report = collect_stats(store, open_corpus(args.corpus).ids(), label_order=schema.entity_names,
                               relation_order=[r.name for r in schema.relations])
    if args.json:
        sys.stdout.buffer.write(orjson.dumps(rounded(report)) + b"\n")
    else:
        print(stats_text(report))
    return 0
