"""`annotate agreement` over a real store (tests/test_agreement_helpers.py); values worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from tests.test_agreement_helpers import build

approx = pytest.approx


def run_json(capsys, *argv: str) -> dict:
    assert main(["agreement", *argv, "--json", "--whitespace"]) == 0
    return json.loads(capsys.readouterr().out)


def test_two_analysts_json(tmp_corpus: Path, capsys):
    build(tmp_corpus)
    r = run_json(capsys, str(tmp_corpus), "--annotators", "kim,lee")
    assert r["annotators"] == ["kim", "lee"] and r["articles"] == 1  # a2 only kim finished
    assert set(r) == {"annotators", "articles", "spans", "relations", "pairs", "tokens"}
    # tokens 네이버 클라우드 이해진 의장 미국 카카오 3곳
    # kim [B-ORG I-ORG B-PER O B-LOC B-ORG O]   lee [B-ORG O B-PER O B-ORG B-ORG B-QUANTITY]
    # po 4/7; pe = (B-ORG 2*3 + B-PER 1*1 + O 2*2)/49 = 11/49; kappa = (28-11)/(49-11) = 17/38
    # spans: kim 4, lee 5, shared 이해진 PER and 카카오 ORG -> F1 2*2/9 = 4/9
    # relations: kim leads x2, lee works_for -> F1 0
    assert r["spans"]["f1"] == approx(4 / 9, abs=1e-4)
    assert r["spans"]["kappa"] == approx(17 / 38, abs=1e-4)
    assert r["relations"]["f1"] == 0
    assert r["pairs"] == [{"a": "kim", "b": "lee", "articles": 1, "span_f1": approx(4 / 9, abs=1e-4),
                           "relation_f1": 0.0, "kappa": approx(17 / 38, abs=1e-4)}]
    per = r["spans"]["per_label"]
    assert list(per) == ["PER", "ORG", "LOC", "QUANTITY"]  # labels.yaml order
    # ORG: kim {네이버 클라우드, 카카오}, lee {네이버, 미국, 카카오} -> F1 2/5; n = 4 distinct ORG spans
    assert per["ORG"]["f1"] == approx(0.4) and per["ORG"]["n"] == 4
    assert r["relations"]["per_label"] == {"leads": {"n": 2, "f1": 0.0}, "works_for": {"n": 1, "f1": 0.0}}


def test_three_analysts_fleiss(tmp_corpus: Path, capsys):
    build(tmp_corpus)
    r = run_json(capsys, str(tmp_corpus))
    assert r["annotators"] == ["kim", "lee", "park"]
    # park = kim. Fleiss per token (kim, lee, park): 네이버 ORG x3 P=1; 클라우드 I,O,I 1/3; 이해진 1; 의장 1;
    # 미국 LOC,ORG,LOC 1/3; 카카오 1; 3곳 O,Q,O 1/3 -> mean 5/7
    # 21 ratings: B-ORG 7, I-ORG 2, B-PER 3, O 6, B-LOC 2, B-QUANTITY 1 -> pe = 103/441
    # kappa = (315 - 103)/(441 - 103) = 212/338 = 106/169
    assert r["spans"]["kappa_method"] == "fleiss"
    assert r["spans"]["kappa"] == approx(106 / 169, abs=1e-4)
    # pair span F1: kim/lee 4/9, kim/park 1, lee/park 4/9 -> mean 17/27; relation F1 0, 1, 0 -> 1/3
    assert r["spans"]["f1"] == approx(17 / 27, abs=1e-4)
    assert r["relations"]["f1"] == approx(1 / 3, abs=1e-4)
    assert [(p["a"], p["b"]) for p in r["pairs"]] == [("kim", "lee"), ("kim", "park"), ("lee", "park")]


def test_table_output(tmp_corpus: Path, capsys):
    build(tmp_corpus)
    assert main(["agreement", str(tmp_corpus), "--whitespace", "--annotators", "kim,lee"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Agreement of kim, lee over 1 article")
    assert any(line.split()[:4] == ["label", "n", "F1", "kappa"] for line in lines)
    # ORG-only tags: kim [B I O O O B O], lee [B O O O B B O]: po 5/7
    # pe = (B 2*3 + O 4*4)/49 = 22/49 -> kappa (35-22)/(49-22) = 13/27 = 0.481
    assert any(line.split() == ["ORG", "4", "0.400", "0.481"] for line in lines), out
    # LOC only kim's 미국: po 6/7, pe (O 6*7)/49 = 6/7 -> kappa 0
    assert any(line.split() == ["LOC", "1", "0.000", "0.000"] for line in lines), out
    assert any(line.split() == ["all", "spans", "0.444", "0.447"] for line in lines), out
    assert any(line.split() == ["kim", "/", "lee", "1", "0.444", "0.000", "0.447"] for line in lines), out


def test_bad_input_exits_2(tmp_corpus: Path, capsys):
    assert main(["agreement", str(tmp_corpus)]) == 2  # no store yet
    assert "no annotation store" in capsys.readouterr().err
    build(tmp_corpus)
    assert main(["agreement", str(tmp_corpus), "--annotators", "kim,nobody"]) == 2
    assert "nobody" in capsys.readouterr().err
    assert main(["agreement", str(tmp_corpus), "--annotators", "kim"]) == 2
    assert main(["agreement", str(tmp_corpus / "missing")]) == 2


@pytest.mark.slow
def test_morpheme_tokens_by_default(tmp_corpus: Path, capsys):
    build(tmp_corpus)
    assert main(["agreement", str(tmp_corpus), "--json", "--annotators", "kim,lee"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["tokens"] == "morphemes"
    assert r["spans"]["f1"] == approx(4 / 9, abs=1e-4)  # F1 does not depend on tokens
    assert -1 <= r["spans"]["kappa"] <= 1
