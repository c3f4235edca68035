"""`annotate stats` over the three-analyst store of tests/test_agreement_helpers.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.agreement.adjudicate import conflicts_for, resolve
from annotator.cli import main
from annotator.models import Span
from annotator.store import Store
from tests.test_agreement_helpers import D1, D2, build

approx = pytest.approx


def stats_json(capsys, corpus: Path) -> dict:
    assert main(["stats", str(corpus), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_stats_json(tmp_corpus: Path, capsys):
    build(tmp_corpus)
    s = stats_json(capsys, tmp_corpus)
    assert set(s) == {"progress", "per_day", "labels", "suggestions"}
    p = s["progress"]
    # corpus a1.txt a2.txt a3.txt; a1 done by all three, a2 by kim
    assert (p["articles"], p["done"], p["done_by_two_or_more"], p["adjudicated"]) == (3, 2, 1, 0)
    assert p["annotators"]["kim"] == {"done": 2, "in_progress": 0, "skipped": 0, "share": approx(2 / 3, abs=1e-4)}
    assert p["annotators"]["lee"]["done"] == 1
    # net accepted spans: kim accept_all 3 + 카카오 + 삼성전자 = 5; lee 5 added (the rejected
    # suggestion never counts); park 4
    assert list(s["per_day"].values()) == [{"kim": 5, "lee": 5, "park": 4}]
    # accepted: ORG kim 2+1, lee 3, park 2 = 8; PER 3; LOC kim + park = 2; QUANTITY lee 1
    assert s["labels"]["entities"] == {"PER": 3, "ORG": 8, "LOC": 2, "QUANTITY": 1}
    assert s["labels"]["relations"] == {"leads": 4, "works_for": 1}
    q = s["suggestions"]["entities"]
    # ORG: gazetteer suggested to kim (accepted) and lee (rejected): acceptance 1/2, share 1 of 8 ORG
    assert q["per_label"]["ORG"] == {"suggested": 2, "accepted": 1, "rejected": 1, "deleted": 0, "pending": 0,
                                     "edited": 0,
                                     "acceptance": 0.5, "final": 8, "share": 0.125}
    # sources, share of all 14 final labels: gazetteer 1/14, morph 2/14
    assert q["per_source"]["gazetteer"]["share"] == approx(1 / 14, abs=1e-4)
    assert q["per_source"]["morph"]["acceptance"] == 1.0
    assert q["per_source"]["morph"]["share"] == approx(2 / 14, abs=1e-4)
    assert (q["overall"]["acceptance"], q["overall"]["share"]) == (0.75, approx(3 / 14, abs=1e-4))
    assert s["suggestions"]["relations"]["overall"]["suggested"] == 0


def test_gold_counts_as_adjudicated_not_as_labels(tmp_corpus: Path, capsys):
    db = build(tmp_corpus)
    with Store.open(db, tmp_corpus, "choi") as store:
        adj = conflicts_for(store, D1, names=["kim", "park"])  # identical: nothing to settle
        assert adj.conflicts == []
        resolve(store, adj, "choi")
    s = stats_json(capsys, tmp_corpus)
    assert s["progress"]["adjudicated"] == 1
    assert "gold" not in s["progress"]["annotators"]
    assert s["labels"]["entities"]["ORG"] == 8  # unchanged by gold's 2 ORG spans
    assert list(s["per_day"].values())[-1]["gold"] == 4


def test_stats_table(tmp_corpus: Path, capsys):
    build(tmp_corpus)
    assert main(["stats", str(tmp_corpus)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Progress: 2 of 3 article(s) done by someone (67%), 1 by two or more, 0 adjudicated")
    kim = next(line for line in out.splitlines() if line.startswith("kim"))
    assert "████████████████░░░░░░░░" in kim and "2/3" in kim  # 24 cells, 2/3 filled
    assert "Entity labels" in out and "Suggestions (entities)" in out
    assert "Suggestions (relations)" not in out  # none were made


def test_deleted_suggestion_counts_against_acceptance(tmp_corpus: Path, capsys):
    db = build(tmp_corpus)
    with Store.open(db, tmp_corpus, "lee") as lee:
        lee.add_suggestions(D2, [Span(id="x", start=0, end=4, label="ORG", text="삼성전자", source="gazetteer")], [])
        lee.delete(D2, lee.spans(D2)[0].id)
    q = stats_json(capsys, tmp_corpus)["suggestions"]["entities"]
    # ORG gazetteer: kim accepted, lee rejected one and deleted one -> acceptance 1/3
    assert q["per_source"]["gazetteer"]["deleted"] == 1
    assert q["per_label"]["ORG"]["acceptance"] == approx(1 / 3, abs=1e-4)
    with Store.open(db, tmp_corpus, "lee") as lee:
        lee.undo(D2)  # the suggestion is back (pending): no longer deleted
    q = stats_json(capsys, tmp_corpus)["suggestions"]["entities"]
    assert q["per_source"]["gazetteer"]["deleted"] == 0 and q["per_source"]["gazetteer"]["pending"] == 1
