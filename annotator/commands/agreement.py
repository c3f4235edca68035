"""`annotate agreement CORPUS`: how far analysts agree on the articles two or more of them finished."""

from __future__ import annotations

import argparse

from annotator.commands import add_corpus_report_args, load_schema, open_existing_store, print_report
from annotator.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("agreement", help="inter-annotator agreement (F1, kappa) per label",
                       description="Agreement between analysts over the articles at least two of them marked "
                       "done: exact-match span and relation F1 (mean over pairs), Cohen's kappa over "
                       "morpheme BIO tags (Fleiss' kappa when more than two analysts are compared).")
    add_corpus_report_args(p)
    p.add_argument("--annotators", metavar="A,B,...",
                   help="compare only these analysts (two or more; 'gold' compares with the adjudicated version)")
    p.add_argument("--whitespace", action="store_true",
                   help="tag whitespace-separated tokens instead of morphemes (no Kiwi needed)")
    p.set_defaults(run=run)


def parse_names(value: str | None, present: list[str]) -> list[str] | None:
    if value is None:
        return None
    names = list(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    if len(names) < 2:
        raise InputError(f"--annotators needs two or more names, got {value!r}")
    unknown = [n for n in names if n not in present]
    if unknown:
        raise InputError(f"--annotators: no labels by {', '.join(unknown)} in the store "
                         f"(analysts: {', '.join(present) or 'none'})")
    return names


def token_source(store, schema, whitespace: bool):
    """Morphemes from the analysis cache, analysing (and caching) what is missing; None = whitespace."""
    if whitespace:
        return None
    from annotator.agreement.source import cached_tokens
    from annotator.analysis import cache_key

    cached = cached_tokens(store, schema.sha256)
    analyzer = None

    def get(doc_id: str, text: str) -> list[tuple[int, int]] | None:
        nonlocal analyzer
        found = cached(doc_id, text)
        if found is not None:
            return found
        if analyzer is None:
            from annotator.analysis import Analyzer

            analyzer = Analyzer(schema)
        analysis = analyzer.analyze(text)
        store.cache_put(cache_key(text, schema.sha256), analysis.to_bytes())
        return [(t.start, t.end) for t in analysis.tokens]

    return get


def run(args: argparse.Namespace) -> int:
    from annotator.agreement.present import agreement_text
    from annotator.agreement.report import agreement
    from annotator.agreement.source import analysts, load_docs, symmetric_of

    schema = load_schema(args)
    with open_existing_store(args.corpus, args.db) as store:
        names = parse_names(args.annotators, store.annotators()) or analysts(store)
        docs = load_docs(store, names, symmetric=symmetric_of(schema),
                         tokens=token_source(store, schema, args.whitespace))
        report = agreement(docs, names, label_order=schema.entity_names,
                           relation_order=[r.name for r in schema.relations])
    report["tokens"] = "whitespace" if args.whitespace else "morphemes"
    if docs or args.json:
        print_report(report, args.json, agreement_text)
    else:
        print(f"no article was marked done by two or more of: {', '.join(names) or '(no analysts)'}")
    return 0
