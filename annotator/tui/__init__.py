"""The review app. `make_app` is the one factory (CLI, Pilot tests and snapshot tests use it).

Textual and the screens are imported inside the factory, so importing this package is cheap.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any


def make_app(corpus_path: str | Path, db_path: str | Path | None = None, annotator: str | None = None,
             labels_path: str | Path | None = None, *, analyser: Any = None):
    """Open the corpus, labels and store, and build the app (not yet running).

    `analyser` is anything with `analyze(text) -> Analysis`; by default Kiwi runs in a child
    process (AnalysisClient) started after the first frame. Raises InputError/RuntimeFailure
    before any screen is drawn when the corpus, labels.yaml or the store cannot be opened.
    """
    from annotator.corpus import open_corpus
    from annotator.labels import find_labels, load_labels
    from annotator.store import Store
    from annotator.tui.app import AnnotatorApp
    from annotator.tui.workspace import Workspace

    corpus_path = Path(corpus_path)
    corpus = open_corpus(corpus_path)
    labels = find_labels(labels_path, corpus_path)
    schema = load_labels(labels)
    name = annotator or getpass.getuser()
    store = Store.open(db_path, corpus_path, name)
    ws = Workspace(corpus, store, schema, corpus_name=corpus_path.resolve().name or str(corpus_path),
                   annotator=name, labels_path=labels)
    return AnnotatorApp(ws, analyser=analyser)
