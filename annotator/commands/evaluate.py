"""`annotate evaluate CORPUS`: what the suggester produces now on gold articles, against their gold labels."""

from __future__ import annotations

import argparse

from annotator.commands import add_corpus_report_args, load_schema, open_existing_store, print_report


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="suggester precision/recall/F1 against gold labels",
                       description="Run the suggester over the adjudicated (gold) articles and compare its "
                       "entities and relations with the gold labels: precision, recall and F1 per label.")
    add_corpus_report_args(p)
    p.add_argument("--single", action="store_true",
                   help="also use articles only one analyst finished (and nobody adjudicated) as gold")
    p.add_argument("--no-lexicon", action="store_true",
                   help="leave out what analysts taught the suggester (their accepted and rejected labels "
                   "came partly from these very articles)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.agreement.evaluation import evaluate
    from annotator.agreement.model import version_from
    from annotator.agreement.present import evaluation_text
    from annotator.agreement.source import analysts, done_by, final_version, symmetric_of
    from annotator.agreement.stats import GOLD
    from annotator.analysis import Analysis, cache_key
    from annotator.errors import InputError
    from annotator.suggest import suggest

    schema = load_schema(args)
    pairs = []
    with open_existing_store(args.corpus, args.db) as store:
        gold_of = {d: GOLD for d in done_by(store, [GOLD])}
        if args.single:
            for d, who in done_by(store, analysts(store)).items():
                if d not in gold_of and len(who) == 1:
                    gold_of[d] = who[0]
        if not gold_of:
            raise InputError("no gold article yet (review articles two analysts finished, or pass --single)",
                             path=args.corpus)
        lexicon = None if args.no_lexicon else store.lexicon()
        analyzer = None
        for doc_id, who in sorted(gold_of.items()):
            article = store.article(doc_id)
            if article is None:
                continue
            key = cache_key(article.text, schema.sha256)
            data = store.cache_get(key)
            try:
                analysis = Analysis.from_bytes(data) if data is not None else None
            except ValueError:
                analysis = None
            if analysis is None:
                if analyzer is None:
                    from annotator.analysis import Analyzer

                    analyzer = Analyzer(schema)
                analysis = analyzer.analyze(article.text)
                store.cache_put(key, analysis.to_bytes())
            spans, relations = suggest(article.text, analysis, schema, lexicon)
            pairs.append((version_from(spans, relations), final_version(store, doc_id, who)))
    report = evaluate(pairs, symmetric_of(schema), label_order=schema.entity_names,
                      relation_order=[r.name for r in schema.relations])
    print_report(report, args.json, evaluation_text)
    return 0
