"""The `annotate` command: `annotate CORPUS` opens the app; subcommands do the rest headless.

Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad input, each with a one-line message.
Each subcommand lives in `annotator/commands/<name>.py` with `register(subparsers)`; heavy
imports happen inside each command's `run`, so `annotate --help` and the app start fast.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

from annotator import __version__
from annotator.errors import AnnotatorError

# (subcommand, module) in the order `--help` lists them.
COMMANDS = [
    ("open", "open_app"),
    ("clean", "clean"),
    ("suggest", "suggest"),
    ("export", "export"),
    ("import", "import_"),
    ("agreement", "agreement"),
    ("review", "review"),
    ("stats", "stats"),
    ("evaluate", "evaluate"),
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, as for any bad input
        self.exit(2, f"annotate: {message} (see 'annotate --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="annotate",
        description="Review and label Korean tech and business news. "
        "'annotate CORPUS' opens the app on a folder of scraped articles.",
    )
    parser.add_argument("--version", action="version", version=f"annotate {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for _name, module in COMMANDS:
        if importlib.util.find_spec(f"annotator.commands.{module}") is not None:
            importlib.import_module(f"annotator.commands.{module}").register(sub)
    return parser


def add_common(p: argparse.ArgumentParser, *, db: bool = True, annotator: bool = True) -> None:
    """Options that several subcommands share."""
    p.add_argument("--labels", metavar="PATH", help="labels.yaml to use (default: ./labels.yaml, "
                   "else CORPUS/labels.yaml, else the packaged one)")
    if db:
        p.add_argument("--db", metavar="PATH", help="store (default: CORPUS/.annotator/annotations.sqlite3)")
    if annotator:
        p.add_argument("--annotator", metavar="NAME", help="analyst name (default: your login name)")


_VALUE_OPTIONS = {"--labels", "--db", "--annotator"}


def _with_default_command(argv: list[str]) -> list[str]:
    """`annotate [OPTIONS] CORPUS` means `annotate open [OPTIONS] CORPUS`."""
    names = {n for n, _ in COMMANDS}
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("-h", "--help", "--version"):
            return argv
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return argv if arg in names else ["open", *argv]
    return ["open", *argv]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        parser.print_help(sys.stderr)
        return 2
    args = parser.parse_args(_with_default_command(argv))
    try:
        return int(args.run(args) or 0)
    except AnnotatorError as exc:
        print(f"annotate: {exc.describe()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("annotate: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
