"""One module per `annotate` subcommand: `register(subparsers)` adds it, `run(args)` does it.

The helpers below are what several subcommands share. They import only the standard library at
module level, so `annotate --help` stays fast; heavy imports happen inside them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_corpus_report_args(p: argparse.ArgumentParser) -> None:
    """CORPUS, --json, --labels and --db: the arguments of a report over an existing store."""
    from annotator.cli import add_common

    p.add_argument("corpus", metavar="CORPUS", help="the corpus folder")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    add_common(p, annotator=False)


def existing_store(corpus: str | Path, db: str | Path | None) -> tuple[Path, Path]:
    """(corpus folder, store path) for a command that reads analysts' work: it never creates a store."""
    from annotator.errors import InputError
    from annotator.store import default_db_path

    root = Path(corpus)
    if not root.is_dir():
        raise InputError("no such corpus folder", path=root)
    path = Path(db) if db else default_db_path(root)
    if not path.is_file():
        raise InputError("no annotation store here yet (label the corpus in the app first, or pass --db)", path=path)
    return root, path


def open_existing_store(corpus: str | Path, db: str | Path | None, name: str = "gold") -> Any:
    """Open an existing store to read (reports never create one). `name` only matters for writes."""
    from annotator.store import Store

    root, path = existing_store(corpus, db)
    return Store.open(path, root, name)


def load_schema(args: argparse.Namespace) -> Any:
    """labels.yaml as --labels or the corpus says."""
    from annotator.labels import find_labels, load_labels

    return load_labels(find_labels(args.labels, args.corpus))


def print_report(report: dict, as_json: bool, to_text: Callable[[dict], str]) -> None:
    """One JSON object on stdout (figures rounded), or the report as text."""
    if as_json:
        import sys

        import orjson

        from annotator.agreement.present import rounded

        sys.stdout.buffer.write(orjson.dumps(rounded(report)) + b"\n")
    else:
        print(to_text(report))
