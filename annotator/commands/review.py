"""`annotate review CORPUS`: the gold review screen on its own (also G or the palette in the app).

Only argparse is imported here; Textual, the store and the screens load inside `run`.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from annotator.cli import add_common

    p = sub.add_parser("review", help="settle analysts' conflicts into the gold version (review screen)",
                       description="Review articles that two or more analysts finished: labels they all agree "
                                   "on go into gold at once; for each conflict pick a version (a), drop it (x) "
                                   "or edit it (1..9, [ ] { }); enter writes the article's gold version. "
                                   "Each decision is saved at once; ? lists the keys, q quits.")
    p.add_argument("corpus", metavar="CORPUS", help="the corpus folder")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.commands import existing_store
    from annotator.tui import make_app

    corpus, db = existing_store(args.corpus, args.db)  # review reads analysts' work: never creates a store
    app = make_app(corpus, db, args.annotator, args.labels, start="review")
    try:
        app.run()
    finally:
        app.shutdown()
    return app.return_code or 0
