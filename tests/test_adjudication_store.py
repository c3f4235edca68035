"""Adjudication against a real store: conflicts read from analysts' versions, gold written back."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.agreement.adjudicate import conflicts_for, resolve, reviewable, versions_for
from annotator.agreement.model import SpanKey, Version
from annotator.agreement.source import final_version
from annotator.errors import InputError
from annotator.store import Store
from tests.test_agreement_helpers import D1, D2, build

NC, N, PER = SpanKey(0, 8, "ORG"), SpanKey(0, 3, "ORG"), SpanKey(9, 12, "PER")
US_LOC, KAKAO, QTY = SpanKey(16, 18, "LOC"), SpanKey(19, 22, "ORG"), SpanKey(23, 25, "QUANTITY")


@pytest.fixture
def store(tmp_corpus: Path):
    db = build(tmp_corpus)
    s = Store.open(db, tmp_corpus, "choi")  # the reviewer
    yield s
    s.close()


def test_versions_are_the_accepted_labels_of_analysts_who_finished(store: Store):
    v = versions_for(store, D1)
    assert set(v) == {"kim", "lee", "park"}
    # lee's rejected suggestion (네이버 클라우드) is not part of lee's version
    assert v["lee"] == Version.of([N, PER, (16, 18, "ORG"), KAKAO, QTY], [(PER, "works_for", KAKAO)])
    assert v["kim"] == v["park"] == Version.of([NC, PER, US_LOC, KAKAO],
                                               [(PER, "leads", NC), (PER, "leads", KAKAO)])
    assert set(versions_for(store, D2)) == {"kim"}


def test_review_writes_gold_with_the_reviewer_in_the_event_log(store: Store):
    adj = conflicts_for(store, D1, names=["kim", "lee"])
    assert adj.agreed.spans == {PER, KAKAO}
    assert sorted(c.kind for c in adj.conflicts) == ["boundary", "label", "missing", "relation", "relation"]
    with pytest.raises(InputError, match="not settled"):
        resolve(store, adj, "choi")
    for c in adj.conflicts:
        if c.kind == "missing":
            adj.drop(c.id)
        elif c.kind == "relation" and c.start == 9:   # leads vs works_for: take lee's
            adj.pick(c.id, "lee")
        else:
            adj.pick(c.id, "kim")
    gold = resolve(store, adj, "choi")
    assert gold == Version.of([NC, PER, US_LOC, KAKAO], [(PER, "leads", NC), (PER, "works_for", KAKAO)])
    assert final_version(store, D1, "gold") == gold
    assert store.status(D1, "gold") == "done"
    rows = {(s.start, s.end): s.source for s in store.spans(D1, "gold")}
    assert rows[(9, 12)] == "agreed:choi" and rows[(0, 8)] == "review:choi"
    last = [e for e in store.events(D1) if e["annotator"] == "gold"][-1]
    assert {row["source"] for row in last["after"]["spans"].values()} == {"agreed:choi", "review:choi"}
    assert last["actor"] == "choi" and last["action"] == "replace_labels"
    # analysts' own versions are untouched
    assert final_version(store, D1, "lee").spans == {N, PER, SpanKey(16, 18, "ORG"), KAKAO, QTY}

    # a second review must say it replaces the first
    again = conflicts_for(store, D1, names=["kim", "lee"])
    for c in again.conflicts:
        again.pick(c.id, "lee")
    with pytest.raises(InputError, match="already has a gold"):
        resolve(store, again, "choi")
    assert resolve(store, again, "choi", replace=True) == final_version(store, D1, "gold")
    assert final_version(store, D1, "gold").spans == {N, PER, SpanKey(16, 18, "ORG"), KAKAO, QTY}
    assert store.verify() == []


def test_three_analysts_agree_where_all_three_do(store: Store):
    adj = conflicts_for(store, D1)
    assert adj.annotators == ["kim", "lee", "park"]
    label = next(c for c in adj.conflicts if c.kind == "label")
    assert label.who(Version.of([US_LOC])) == ["kim", "park"]


def test_review_needs_two_finished_versions(store: Store):
    with pytest.raises(InputError, match="finished by 1 analyst"):
        conflicts_for(store, D2)
    adj = conflicts_for({"a": Version.of([PER]), "b": Version.of([PER])}, "x")
    assert adj.conflicts == []


def test_an_edit_outside_the_text_writes_nothing(store: Store):
    adj = conflicts_for(store, D1, names=["kim", "lee"])
    for c in adj.conflicts:
        adj.pick(c.id, "kim")
    adj.edit("s23-25", spans=[(23, 40, "QUANTITY")])  # the text is 25 characters long
    with pytest.raises(InputError, match="outside the text"):
        resolve(store, adj, "choi")
    assert store.spans(D1, "gold") == [] and store.status(D1, "gold") == "new"


def test_review_queue(store: Store):
    assert reviewable(store) == [(D1, ["kim", "lee", "park"], False)]
    assert reviewable(store, ["kim", "lee"]) == [(D1, ["kim", "lee"], False)]
    resolve(store, conflicts_for(store, D1, names=["kim", "park"]), "choi")
    assert reviewable(store) == [(D1, ["kim", "lee", "park"], True)]  # gold is not one of the analysts


def test_agreement_with_gold(tmp_corpus: Path, capsys):
    import json

    from annotator.cli import main

    db = build(tmp_corpus)
    with Store.open(db, tmp_corpus, "choi") as store:
        resolve(store, conflicts_for(store, D1, names=["kim", "park"]), "choi")  # gold = kim's version
    assert main(["agreement", str(tmp_corpus), "--json", "--whitespace", "--annotators", "lee,gold"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["pairs"][0]["span_f1"] == pytest.approx(4 / 9, abs=1e-4)  # as lee against kim
