"""`annotate clean FILE...`: print cleaned articles with their metadata."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.errors import InputError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="print cleaned articles with their metadata",
                       description="Clean scraped pages and print title, metadata and article text.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or corpus folders")
    p.add_argument("--json", action="store_true", help="one JSON object per article (id, source, meta, text)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from annotator.cleaning import clean_doc
    from annotator.corpus import load_ref, scan_paths

    corpus = scan_paths([Path(p) for p in args.paths])
    printed = 0
    for s in corpus.skipped:
        print(f"annotate: {s}", file=sys.stderr)
    for ref in corpus.refs:
        try:
            article = clean_doc(load_ref(ref))
        except InputError as exc:
            print(f"annotate: skipped {exc.describe()}", file=sys.stderr)
            continue
        printed += 1
        if args.json:
            sys.stdout.buffer.write(orjson.dumps(article.to_out().model_dump()) + b"\n")
        else:
            m = article.meta
            print(f"# {ref.id}")
            print(f"title: {m.title or ''}\ndate: {m.date or ''}\noutlet: {m.outlet or ''}\n"
                  f"reporters: {', '.join(m.reporters)}\n")
            print(article.text)
            print()
    if not printed:
        raise InputError("no readable articles", path=" ".join(args.paths))
    return 0
