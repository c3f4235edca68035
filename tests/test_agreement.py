"""Agreement figures on tiny hand-built articles; every expected value is worked out in the comments."""

from __future__ import annotations

import pytest

from annotator.agreement.model import Doc, RelKey, SpanKey, Version, version_from, whitespace_tokens
from annotator.agreement.report import agreement
from annotator.agreement.scores import Counts, bio_tags, cohen_kappa, fleiss_kappa

approx = pytest.approx

# "네이버 이해진 의장 미국 방문": whitespace tokens 네이버(0,3) 이해진(4,7) 의장(8,10) 미국(11,13) 방문(14,16)
TEXT = "네이버 이해진 의장 미국 방문"
ORG, PER, LOC, ORG2 = SpanKey(0, 3, "ORG"), SpanKey(4, 7, "PER"), SpanKey(11, 13, "LOC"), SpanKey(11, 13, "ORG")


def two_analyst_doc() -> Doc:
    # A: 네이버 ORG, 이해진 PER, 미국 LOC, leads(이해진 -> 네이버)
    # B: the same except 미국 is ORG
    return Doc("d1", {
        "A": Version.of([ORG, PER, LOC], [(PER, "leads", ORG)]),
        "B": Version.of([ORG, PER, ORG2], [(PER, "leads", ORG)]),
    }, text=TEXT)


def test_whitespace_tokens_are_offsets():
    assert whitespace_tokens(TEXT) == [(0, 3), (4, 7), (8, 10), (11, 13), (14, 16)]
    assert whitespace_tokens("  a  bc ") == [(2, 3), (5, 7)]


def test_bio_tags_multi_token_span_and_token_wider_than_span():
    tokens = whitespace_tokens(TEXT)
    assert bio_tags([SpanKey(4, 10, "PER")], tokens) == ["O", "B-PER", "I-PER", "O", "O"]
    # "네이버는" is one whitespace token; the span 네이버 (0,3) still tags it
    assert bio_tags([SpanKey(0, 3, "ORG")], whitespace_tokens("네이버는 간다")) == ["B-ORG", "O"]
    # only= ignores other labels
    assert bio_tags([ORG, PER], tokens, only="PER") == ["O", "B-PER", "O", "O", "O"]


def test_bio_tags_on_kiwi_like_tokens():
    # "했다": Kiwi gives 하(0,1) and 었(0,1) for the contracted syllable, then 다(1,2); a long
    # token (0,4) overlapping shorter ones must not hide later tokens from the search
    assert bio_tags([SpanKey(1, 2, "X")], [(0, 1), (0, 1), (1, 2)]) == ["O", "B-X"]
    assert bio_tags([SpanKey(3, 5, "X")], [(0, 4), (1, 2), (2, 3), (4, 5)]) == ["B-X", "O", "O", "I-X"]
    assert bio_tags([SpanKey(0, 2, "A"), SpanKey(2, 4, "B")], [(0, 3), (3, 4)]) == ["B-A", "B-B"]


def test_counts_f1_precision_recall():
    c = Counts()
    c.add({1, 2, 3}, {2, 3, 4, 5})  # tp 2, reference 3, other 4
    assert (c.precision, c.recall) == (approx(2 / 4), approx(2 / 3))
    assert c.f1 == approx(2 * 2 / (3 + 4))  # 4/7
    assert Counts().f1 is None
    empty_other = Counts()
    empty_other.add({1}, set())
    assert empty_other.f1 == 0


def test_cohen_kappa_by_hand():
    # po = 4/5; A has B-ORG 1, B-PER 1, O 2, B-LOC 1; B has B-ORG 2, B-PER 1, O 2
    # pe = (1*2 + 1*1 + 2*2 + 1*0) / 25 = 7/25; kappa = (0.8 - 0.28) / 0.72 = 13/18
    a = ["B-ORG", "B-PER", "O", "B-LOC", "O"]
    b = ["B-ORG", "B-PER", "O", "B-ORG", "O"]
    assert cohen_kappa(a, b) == approx(13 / 18)
    assert cohen_kappa(["O", "O"], ["O", "O"]) is None  # pe = 1: undefined
    assert cohen_kappa(["X", "O"], ["O", "X"]) == approx(-1.0)  # po 0, pe 1/2


def test_fleiss_kappa_by_hand():
    # items: (ORG,ORG,ORG) P=1, (PER,PER,LOC) P=(4+1-3)/6=1/3, (O,O,O) P=1, (O,O,O) P=1; mean 10/12
    # p: ORG 3/12, PER 2/12, LOC 1/12, O 6/12 -> pe = (9+4+1+36)/144 = 50/144
    # kappa = (120/144 - 50/144) / (94/144) = 70/94
    items = [["ORG"] * 3, ["PER", "PER", "LOC"], ["O"] * 3, ["O"] * 3]
    assert fleiss_kappa(items) == approx(70 / 94)
    assert fleiss_kappa([["O", "O"]]) is None
    # with two raters Fleiss is Scott's pi: ["A","B"] vs ["A","A"]: po = 1/2, p(A)=3/4, p(B)=1/4
    # pe = 10/16, kappa = (8/16 - 10/16) / (6/16) = -1/3
    assert fleiss_kappa([["A", "A"], ["B", "A"]]) == approx(-1 / 3)


def test_two_analysts_report():
    r = agreement([two_analyst_doc()], label_order=["PER", "ORG", "LOC"])
    assert r["annotators"] == ["A", "B"]
    assert r["articles"] == 1
    # spans: A {ORG, PER, LOC}, B {ORG, PER, ORG@미국}: tp 2 -> F1 = 2*2/(3+3) = 2/3
    assert r["spans"]["f1"] == approx(2 / 3)
    assert r["spans"]["kappa"] == approx(13 / 18)  # the Cohen example above
    assert r["spans"]["kappa_method"] == "cohen"
    per = r["spans"]["per_label"]
    assert list(per) == ["PER", "ORG", "LOC"]
    # ORG: A {네이버}, B {네이버, 미국}: F1 = 2*1/(1+2) = 2/3; n = union of distinct spans = 2
    # kappa: A [B,O,O,O,O] B [B,O,O,B,O]: po 4/5, pe (1*2 + 4*3)/25 = 14/25 -> (0.8-0.56)/0.44 = 6/11
    assert per["ORG"] == {"n": 2, "f1": approx(2 / 3), "kappa": approx(6 / 11)}
    # PER identical: F1 1; po 1, pe (1+16)/25 -> kappa 1
    assert per["PER"] == {"n": 1, "f1": approx(1.0), "kappa": approx(1.0)}
    # LOC only in A: F1 0/(1+0) = 0; po 4/5, pe (4*5 + 1*0)/25 = 4/5 -> kappa 0
    assert per["LOC"] == {"n": 1, "f1": approx(0.0), "kappa": approx(0.0)}
    # relation leads(이해진 -> 네이버) in both
    assert r["relations"] == {"f1": approx(1.0), "per_label": {"leads": {"n": 1, "f1": approx(1.0)}}}
    assert r["pairs"] == [{"a": "A", "b": "B", "articles": 1, "span_f1": approx(2 / 3),
                           "relation_f1": approx(1.0), "kappa": approx(13 / 18)}]


def test_articles_done_by_one_analyst_are_left_out():
    solo = Doc("d2", {"A": Version.of([SpanKey(0, 1, "PER")])}, text="x")
    r = agreement([two_analyst_doc(), solo])
    assert r["articles"] == 1
    assert r["spans"]["f1"] == approx(2 / 3)  # unchanged by d2


def test_figures_pool_articles_before_dividing():
    # second article: A {PER(0,1)}, B {} -> pair counts over both: tp 2, |A| 4, |B| 3
    # F1 = 2*2/(4+3) = 4/7 (pooled, not the mean of 2/3 and 0)
    other = Doc("d2", {"A": Version.of([SpanKey(0, 1, "PER")]), "B": Version.of([])}, text="x y")
    r = agreement([two_analyst_doc(), other])
    assert r["spans"]["f1"] == approx(4 / 7)
    # kappa over the 5 + 2 tokens: A [B-ORG,B-PER,O,B-LOC,O,B-PER,O] B [B-ORG,B-PER,O,B-ORG,O,O,O]
    # po 5/7; A: B-ORG 1, B-PER 2, O 3, B-LOC 1; B: B-ORG 2, B-PER 1, O 4
    # pe = (1*2 + 2*1 + 3*4)/49 = 16/49; kappa = (35/49 - 16/49)/(33/49) = 19/33
    assert r["spans"]["kappa"] == approx(19 / 33)


def test_symmetric_relations_compare_unordered():
    x, y = SpanKey(0, 3, "ORG"), SpanKey(4, 7, "ORG")
    versions = {"A": Version.of([x, y], [(x, "partners_with", y)]),
                "B": Version.of([x, y], [(y, "partners_with", x)])}
    sym = agreement([Doc("d", versions, text=TEXT, symmetric=frozenset({"partners_with"}))])
    assert sym["relations"]["f1"] == approx(1.0)
    assert sym["relations"]["per_label"]["partners_with"]["n"] == 1
    # the same data with a directed label: head and tail swapped -> no match, F1 0
    directed = agreement([Doc("d", versions, text=TEXT)])
    assert directed["relations"]["f1"] == approx(0.0)


def test_relation_needs_identical_spans():
    # B's relation joins a span with another label -> a different relation: tp 0 -> F1 0
    per_b = SpanKey(4, 7, "ORG")
    d = Doc("d", {"A": Version.of([ORG, PER], [(PER, "leads", ORG)]),
                  "B": Version.of([ORG, per_b], [(per_b, "leads", ORG)])}, text=TEXT)
    assert agreement([d])["relations"]["f1"] == approx(0.0)


def three_analyst_doc() -> Doc:
    # tokens 가 나 다 라; A and B: 가 ORG, 나 PER; C: 가 ORG, 나 LOC
    g, n = SpanKey(0, 1, "ORG"), (2, 3)
    return Doc("t", {"A": Version.of([g, (*n, "PER")]), "B": Version.of([g, (*n, "PER")]),
                     "C": Version.of([g, (*n, "LOC")])},
               text="가 나 다 라", tokens=[(0, 1), (2, 3), (4, 5), (6, 7)])


def test_three_analysts_use_fleiss():
    r = agreement([three_analyst_doc()], label_order=["PER", "ORG", "LOC"])
    assert r["spans"]["kappa_method"] == "fleiss"
    assert r["spans"]["kappa"] == approx(70 / 94)  # the Fleiss example above
    # pair F1: A-B 1, A-C 2*1/(2+2) = 1/2, B-C 1/2 -> mean 2/3
    assert r["spans"]["f1"] == approx(2 / 3)
    # pair Cohen: A-B identical -> 1; A-C [ORG,PER,O,O] vs [ORG,LOC,O,O]: po 3/4,
    # pe (1*1 + 1*0 + 2*2)/16 = 5/16 -> (12/16 - 5/16)/(11/16) = 7/11
    assert [(p["a"], p["b"], p["kappa"]) for p in r["pairs"]] == [
        ("A", "B", approx(1.0)), ("A", "C", approx(7 / 11)), ("B", "C", approx(7 / 11))]
    per = r["spans"]["per_label"]
    # PER F1 per pair: 1, 0, 0 -> 1/3. Fleiss on PER tags: item 나 (PER,PER,O) P=1/3, others 1
    # mean 10/12; p(PER) 2/12, p(O) 10/12 -> pe 104/144; kappa = (120-104)/(144-104) = 2/5
    assert per["PER"] == {"n": 1, "f1": approx(1 / 3), "kappa": approx(0.4)}
    assert per["ORG"]["f1"] == approx(1.0) and per["ORG"]["kappa"] == approx(1.0)
    assert r["relations"] == {"f1": None, "per_label": {}}  # no relations anywhere


def test_annotators_option_restricts_to_a_pair():
    r = agreement([three_analyst_doc()], annotators=["A", "C"])
    assert r["annotators"] == ["A", "C"]
    assert r["spans"]["kappa_method"] == "cohen"
    assert r["spans"]["kappa"] == approx(7 / 11)
    assert r["spans"]["f1"] == approx(0.5)
    assert len(r["pairs"]) == 1


def test_nothing_to_compare_is_none_not_zero():
    r = agreement([Doc("d", {"A": Version(), "B": Version()}, text="가 나")])
    assert r["articles"] == 1
    assert r["spans"]["f1"] is None and r["spans"]["kappa"] is None
    assert agreement([])["pairs"] == []


def test_version_from_records_by_span_id():
    spans = [{"id": "s1", "start": 0, "end": 3, "label": "ORG"}, {"id": "s2", "start": 4, "end": 7, "label": "PER"}]
    rels = [{"head": "s2", "tail": "s1", "label": "leads"}, {"head": "s9", "tail": "s1", "label": "leads"}]
    v = version_from(spans, rels)
    assert v.spans == {ORG, PER}
    assert v.relations == {RelKey(PER, "leads", ORG)}  # the one naming a missing span is dropped


def test_fleiss_with_varying_raters_per_item():
    # item 1: three raters A,A,A -> P = (9-3)/(3*2) = 1; item 2: two raters A,B -> P = (1+1-2)/(2*1) = 0
    # mean P 1/2; ratings A 4, B 1 of 5 -> pe = (16+1)/25 = 17/25; kappa = (1/2 - 17/25)/(8/25) = -9/16
    assert fleiss_kappa([["A", "A", "A"], ["A", "B"], ["A"]]) == approx(-9 / 16)  # a lone rating is left out


def test_three_analysts_when_one_skipped_an_article():
    # second article "가 나" done by A and B only, both 가 ORG: items (ORG,ORG) P=1, (O,O) P=1
    # with the first article: P = (1 + 1/3 + 1 + 1 + 1 + 1)/6 = 8/9
    # ratings 12 + 4: ORG 3+2, PER 2, LOC 1, O 6+2 -> pe = (25+4+1+64)/256 = 94/256
    # kappa = (8/9 - 94/256)/(162/256) = 1202/1458
    two = Doc("u", {"A": Version.of([(0, 1, "ORG")]), "B": Version.of([(0, 1, "ORG")])}, text="가 나")
    r = agreement([three_analyst_doc(), two])
    assert r["articles"] == 2
    assert r["spans"]["kappa"] == approx(1202 / 1458)
    # pairs: A-B over both articles (spans 3+3, tp 3 -> F1 1); A-C and B-C over the first only (1/2)
    assert [(p["a"], p["b"], p["articles"], p["span_f1"]) for p in r["pairs"]] == [
        ("A", "B", 2, approx(1.0)), ("A", "C", 1, approx(0.5)), ("B", "C", 1, approx(0.5))]
