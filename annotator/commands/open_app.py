"""`annotate open CORPUS` (also plain `annotate CORPUS`): the review app.

Only argparse is imported here; Textual, the store and the screens load inside `run`,
and Kiwi loads in a child process after the first frame.
"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    from annotator.cli import add_common

    p = sub.add_parser("open", help="open the review app on a corpus folder (the default command)",
                       description="Review suggestions and label entities and relations, keyboard first. "
                                   "Every change is saved at once; q quits, ? lists the keys.")
    p.add_argument("corpus", metavar="CORPUS", help="folder of scraped articles (.txt, .jsonl)")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.tui import make_app

    app = make_app(args.corpus, args.db, args.annotator, args.labels)
    try:
        app.run()
    finally:
        app.shutdown()
    return app.return_code or 0
