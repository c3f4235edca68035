"""Shared fixtures. Test articles are written here or in tests/fixtures, never copied from real scrapes."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = ROOT / "corpus"


@pytest.fixture
def tmp_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    return root


@pytest.fixture(scope="session")
def schema():
    """The packaged labels.yaml."""
    from annotator.labels import load_labels

    return load_labels()


@pytest.fixture(scope="session")
def analyzer(schema):
    from annotator.analysis import Analyzer

    return Analyzer(schema)  # Kiwi is cached per process: built once for the whole session


@pytest.fixture
def rels(schema, analyzer):
    """text -> {(head text, label, tail text)} of the suggested relations, each checked against the schema."""
    from annotator.suggest import suggest

    def _rels(text: str) -> set[tuple[str, str, str]]:
        spans, relations = suggest(text, analyzer.analyze(text), schema)
        by_id = {s.id: s for s in spans}
        out = set()
        for r in relations:
            head, tail = by_id[r.head], by_id[r.tail]
            rule = schema.relation(r.label)
            assert rule is not None and rule.allows(head.label, tail.label)
            assert r.id.startswith("r") and 0 <= r.score <= 1
            out.add((head.text, r.label, tail.text))
        return out

    return _rels
