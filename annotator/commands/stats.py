"""`annotate stats CORPUS`: progress, labels per day and per label, and how suggestions fare."""

from __future__ import annotations

import argparse

from annotator.commands import add_corpus_report_args, load_schema, open_existing_store, print_report


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="progress, labels per day/label, suggestion acceptance",
                       description="Numbers for the project lead: articles done per analyst, labels per day, "
                       "labels per entity and relation label, and suggestion acceptance and share of final "
                       "labels per label and per suggestion source.")
    add_corpus_report_args(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.agreement.collect import collect_stats
    from annotator.agreement.present import stats_text
    from annotator.corpus import open_corpus

    schema = load_schema(args)
    with open_existing_store(args.corpus, args.db) as store, store.snapshot():  # one consistent state while analysts work
        report = collect_stats(store, open_corpus(args.corpus).ids(), label_order=schema.entity_names,
                               relation_order=[r.name for r in schema.relations])
    print_report(report, args.json, stats_text)
    return 0
