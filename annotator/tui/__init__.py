"""The review app. `make_app` is the one factory (CLI, Pilot tests and snapshot tests use it).

Textual and the screens are imported inside the factory, so importing this package is cheap.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any


def make_app(corpus_path: str | Path, db_path: str | Path | None = None, annotator: str | None = None,
             labels_path: str | Path | None = None, *, analyser: Any = None, start: str = "main"):
    """Open the corpus, labels and store, and build the app (not yet running).

    `analyser` is anything with `analyze(text) -> Analysis`; by default Kiwi runs in a child
    process (AnalysisClient) started after the first frame. Raises InputError/RuntimeFailure
    before any screen is drawn when the corpus, labels.yaml or the store cannot be opened.
    `start="review"` opens the gold review screen instead of the labelling screen (`annotate review`).
    """
    from annotator.corpus import open_corpus
    from annotator.labels import find_labels
    from annotator.store import Store
    from annotator.tui.app import AnnotatorApp
    from annotator.tui.workspace import Workspace

    corpus_path = Path(corpus_path)
    corpus = open_corpus(corpus_path)
    labels = find_labels(labels_path, corpus_path)
    name = annotator or getpass.getuser()
    # A store that cannot be written still opens, for reading: every change then says it was not saved.
    store = Store.open(db_path, corpus_path, name, read_only_fallback=True)
    try:
        schema = _schema(labels, store)
    except BaseException:
        store.close()
        raise
    ws = Workspace(corpus, store, schema, corpus_name=corpus_path.resolve().name or str(corpus_path),
                   annotator=name, labels_path=labels)
    return AnnotatorApp(ws, analyser=analyser, start=start)


def _schema(path: Path, store: Any):
    """labels.yaml, validated by `load_labels` once per content and then read back from the store's
    cache: parsing the YAML (with its gazetteer) in pure Python costs 0.3-0.6 s of the first frame."""
    import hashlib

    from annotator import __version__
    from annotator.errors import InputError
    from annotator.labels import Schema, load_labels

    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    key = f"schema:{hashlib.sha256(raw).hexdigest()}:{__version__}"
    cached = store.cache_get(key)
    if cached is not None:
        try:
            return Schema.model_validate_json(cached).model_copy(update={"path": str(path)})
        except ValueError:
            pass  # an older layout: validate the file again
    schema = load_labels(path)
    try:
        store.cache_put(key, schema.model_dump_json().encode())
    except Exception:  # a read-only store still opens; it just parses the YAML each time
        pass
    return schema
