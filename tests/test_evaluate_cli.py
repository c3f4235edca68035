"""`annotate evaluate`: the suggester's output on gold articles against gold, through the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import annotator.suggest
from annotator.agreement.adjudicate import conflicts_for, resolve
from annotator.analysis import Analysis, cache_key
from annotator.cli import main
from annotator.labels import find_labels, load_labels
from annotator.models import Relation, Span
from annotator.store import Store
from tests.test_agreement_helpers import A2, D1, TEXT, build

approx = pytest.approx


def fake_suggest(text, analysis, schema, lexicon=None):
    """Known output: 네이버 (gold has 네이버 클라우드), 이해진 PER, 미국 LOC, 카카오 ORG, 3곳 QUANTITY
    (not in gold); leads(이해진 -> 카카오). Nothing for the other article."""
    if text != TEXT:
        return [], []
    spans = [Span(id=f"s{i}", start=b, end=e, label=lab, text=text[b:e])
             for i, (b, e, lab) in enumerate([(0, 3, "ORG"), (9, 12, "PER"), (16, 18, "LOC"), (19, 22, "ORG"),
                                              (23, 25, "QUANTITY")])]
    return spans, [Relation(id="r1", head="s1", tail="s3", label="leads")]


@pytest.fixture
def corpus(tmp_corpus: Path, monkeypatch) -> Path:
    db = build(tmp_corpus)
    with Store.open(db, tmp_corpus, "choi") as store:
        resolve(store, conflicts_for(store, D1, names=["kim", "park"]), "choi")  # identical: gold = kim's
        sha = load_labels(find_labels(None, tmp_corpus)).sha256
        for text in (TEXT, A2):  # a cached analysis, so no Kiwi is needed
            store.cache_put(cache_key(text, sha), Analysis().to_bytes())
    monkeypatch.setattr(annotator.suggest, "suggest", fake_suggest)
    return tmp_corpus


def evaluate_json(capsys, *argv: str) -> dict:
    assert main(["evaluate", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_evaluate_against_gold(corpus: Path, capsys):
    r = evaluate_json(capsys, str(corpus))
    assert r["articles"] == 1
    e = r["entities"]
    # gold {네이버 클라우드 ORG, 이해진 PER, 미국 LOC, 카카오 ORG}; suggested 5, correct 3
    # P 3/5, R 3/4, F1 2*3/(4+5) = 2/3
    assert (e["gold"], e["predicted"], e["correct"]) == (4, 5, 3)
    assert (e["precision"], e["recall"], e["f1"]) == (0.6, 0.75, approx(2 / 3, abs=1e-4))
    # ORG: gold {네이버 클라우드, 카카오}, suggested {네이버, 카카오} -> 1/2 each
    assert (e["per_label"]["ORG"]["precision"], e["per_label"]["ORG"]["recall"]) == (0.5, 0.5)
    assert e["per_label"]["QUANTITY"]["recall"] is None
    # relations: gold leads x2, suggested leads(이해진 -> 카카오) -> P 1, R 1/2, F1 2/3
    rel = r["relations"]
    assert (rel["precision"], rel["recall"], rel["f1"]) == (1.0, 0.5, approx(2 / 3, abs=1e-4))


def test_single_analyst_articles_as_gold(corpus: Path, capsys):
    r = evaluate_json(capsys, str(corpus), "--single")
    # a2.txt (kim alone: 삼성전자 ORG) joins with nothing suggested: gold 5, suggested 5, correct 3
    assert r["articles"] == 2
    assert (r["entities"]["precision"], r["entities"]["recall"]) == (0.6, 0.6)


def test_table_and_no_gold(corpus: Path, tmp_path: Path, capsys):
    assert main(["evaluate", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Suggestions against gold on 1 article(s)")
    assert any(line.split() == ["all", "entities", "4", "5", "3", "0.600", "0.750", "0.667"]
               for line in out.splitlines()), out
    other = tmp_path / "other"
    other.mkdir()
    build(other)  # analysts' work but no review yet
    assert main(["evaluate", str(other)]) == 2
    assert "no gold article" in capsys.readouterr().err


@pytest.mark.slow
def test_real_suggester_runs_on_gold(tmp_corpus: Path, capsys):
    db = build(tmp_corpus)
    with Store.open(db, tmp_corpus, "choi") as store:
        resolve(store, conflicts_for(store, D1, names=["kim", "park"]), "choi")
    r = evaluate_json(capsys, str(tmp_corpus), "--no-lexicon")
    assert r["articles"] == 1 and r["entities"]["gold"] == 4
    assert 0 <= r["entities"]["correct"] <= min(4, r["entities"]["predicted"])
