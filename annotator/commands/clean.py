"""`annotate clean FILE...`: print cleaned articles with their metadata.

Exit 2 with one line naming the path when a path does not exist or nothing readable was
found; files skipped inside a folder are reported on stderr while the rest print.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotator.errors import InputError, printable


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="print cleaned articles with their metadata",
                       description="Clean scraped pages and print title, metadata and article text.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .jsonl) or corpus folders")
    p.add_argument("--json", action="store_true", help="one JSON object per article (id, source, meta, text)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import orjson

    from annotator.cleaning import clean_doc
    from annotator.corpus import load_ref, scan_paths

    paths = [Path(p) for p in args.paths]
    for p in paths:  # checked before any output, so a typo costs one clear line
        if not p.exists():
            raise InputError("no such file or folder", path=p)
    corpus = scan_paths(paths)
    problems = [str(s) for s in corpus.skipped]
    printed = 0
    for ref in corpus.refs:
        try:
            article = clean_doc(load_ref(ref))
        except InputError as exc:
            problems.append(f"skipped {exc.describe()}")
            continue
        if not article.text:
            problems.append(f"skipped {ref.path}: no article text left after cleaning")
            continue
        printed += 1
        if args.json:
            sys.stdout.buffer.write(orjson.dumps(article.to_out().model_dump(exclude={"spans", "relations"})) + b"\n")
        else:
            m = article.meta
            print(f"# {ref.id}")
            print(f"title: {m.title or ''}\ndate: {m.date or ''}\noutlet: {m.outlet or ''}\n"
                  f"reporters: {', '.join(m.reporters)}" + (f"\nurl: {m.url}" if m.url else "") + "\n")
            print(article.text)
            print()
    if not printed:
        raise InputError(f"no readable article ({problems[0]})" if problems else "no readable article",
                         path=" ".join(args.paths))
    for line in problems:
        print(f"annotate: {printable(line)}", file=sys.stderr)
    return 0
