"""`evaluate`: suggester output against gold, figures worked out by hand."""

from __future__ import annotations

import pytest

from annotator.agreement.evaluation import evaluate
from annotator.agreement.model import SpanKey, Version

approx = pytest.approx
N, K, P, US = SpanKey(0, 3, "ORG"), SpanKey(4, 7, "ORG"), SpanKey(8, 11, "PER"), SpanKey(12, 14, "LOC")


def test_precision_recall_f1_per_label_pooled_over_articles():
    gold1 = Version.of([N, K, P], [(P, "leads", N), (N, "partners_with", K)])
    # predicted: 네이버 right, 카카오 as PRODUCT (wrong), PER right, extra LOC; partners_with reversed
    pred1 = Version.of([N, (4, 7, "PRODUCT"), P, US], [(K, "partners_with", N)])
    gold2 = Version.of([(0, 2, "ORG")])
    pred2 = Version.of([(0, 2, "ORG")])
    r = evaluate([(pred1, gold1), (pred2, gold2)], symmetric={"partners_with"}, label_order=["PER", "ORG"])
    assert r["articles"] == 2
    e = r["entities"]
    # gold 3 + 1 = 4, predicted 4 + 1 = 5, correct: 네이버, PER, doc 2 ORG = 3
    # P = 3/5, R = 3/4, F1 = 2*3/(4+5) = 2/3
    assert (e["gold"], e["predicted"], e["correct"]) == (4, 5, 3)
    assert (e["precision"], e["recall"], e["f1"]) == (approx(3 / 5), approx(3 / 4), approx(2 / 3))
    assert list(e["per_label"]) == ["PER", "ORG", "LOC", "PRODUCT"]
    # ORG: gold {네이버, 카카오, doc2} = 3, predicted {네이버, doc2} = 2, correct 2 -> P 1, R 2/3, F1 4/5
    org = e["per_label"]["ORG"]
    assert (org["precision"], org["recall"], org["f1"]) == (approx(1.0), approx(2 / 3), approx(4 / 5))
    # LOC: predicted only -> precision 0, recall undefined, F1 0
    loc = e["per_label"]["LOC"]
    assert (loc["precision"], loc["recall"], loc["f1"]) == (0.0, None, 0.0)
    rel = r["relations"]
    # gold {leads, partners_with}, predicted {partners_with reversed = same, symmetric} -> P 1, R 1/2, F1 2/3
    assert (rel["precision"], rel["recall"], rel["f1"]) == (approx(1.0), approx(0.5), approx(2 / 3))
    assert rel["per_label"]["leads"]["recall"] == 0.0
    assert rel["per_label"]["partners_with"]["f1"] == approx(1.0)


def test_reversed_directed_relation_is_wrong():
    gold = Version.of([P, N], [(P, "leads", N)])
    pred = Version.of([P, N], [(N, "leads", P)])
    assert evaluate([(pred, gold)])["relations"]["f1"] == 0.0
    assert evaluate([])["entities"]["f1"] is None
