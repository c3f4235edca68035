"""One module per `annotate` subcommand: `register(subparsers)` adds it, `run(args)` does it."""
