"""Adjudication: agreed labels, each conflict kind with who said what, and resolution into gold."""

from __future__ import annotations

import pytest

from annotator.agreement.conflicts import adjudicate, describe
from annotator.agreement.model import RelKey, SpanKey, Version
from annotator.errors import InputError

TEXT = "네이버 클라우드 이해진 의장 미국 카카오 3곳"
NC = SpanKey(0, 8, "ORG")      # 네이버 클라우드
N = SpanKey(0, 3, "ORG")       # 네이버
PER = SpanKey(9, 12, "PER")    # 이해진
US_LOC = SpanKey(16, 18, "LOC")
US_ORG = SpanKey(16, 18, "ORG")
KAKAO = SpanKey(19, 22, "ORG")
QTY = SpanKey(23, 25, "QUANTITY")  # 3곳


def two_versions() -> dict[str, Version]:
    return {
        # A: 네이버 클라우드 as one ORG, 미국 LOC; leads(이해진 -> 네이버 클라우드), leads(이해진 -> 카카오)
        "A": Version.of([NC, PER, US_LOC, KAKAO], [(PER, "leads", NC), (PER, "leads", KAKAO)]),
        # B: 네이버 only, 미국 ORG, also 3곳; works_for(이해진 -> 카카오)
        "B": Version.of([N, PER, US_ORG, KAKAO, QTY], [(PER, "works_for", KAKAO)]),
    }


def test_agreed_labels_and_each_conflict_kind():
    adj = adjudicate(two_versions(), doc_id="d1")
    assert adj.agreed == Version.of([PER, KAKAO])
    kinds = {c.id: c.kind for c in adj.conflicts}
    assert kinds == {
        "s0-8": "boundary",          # 네이버 클라우드 vs 네이버
        "s16-18": "label",           # 미국 LOC vs ORG
        "s23-25": "missing",         # 3곳 only in B
        "r0-8:9-12": "relation",     # A's leads to 네이버 클라우드; B has no relation there
        "r9-12:19-22": "relation",   # leads vs works_for between 이해진 and 카카오
    }
    boundary = adj.conflict("s0-8")
    assert boundary.options == {"A": Version.of([NC]), "B": Version.of([N])}
    assert adj.conflict("s23-25").options == {"A": Version(), "B": Version.of([QTY])}
    assert adj.conflict("s23-25").who(Version()) == ["A"]
    rel = adj.conflict("r9-12:19-22")
    assert rel.options == {"A": Version.of([], [(PER, "leads", KAKAO)]),
                           "B": Version.of([], [(PER, "works_for", KAKAO)])}
    assert (rel.start, rel.end) == (9, 22)
    assert describe(adj.conflict("s16-18"), TEXT) == ["A: 미국 LOC", "B: 미국 ORG"]
    assert describe(rel, TEXT) == ["A: 이해진 PER -leads-> 카카오 ORG", "B: 이해진 PER -works_for-> 카카오 ORG"]


def test_resolve_by_pick_edit_and_drop():
    adj = adjudicate(two_versions(), doc_id="d1")
    adj.pick("s0-8", "A")
    adj.edit("s16-18", spans=[(16, 18, "LOC")])
    adj.drop("s23-25")
    adj.pick("r0-8:9-12", "A")
    assert [c.id for c in adj.unresolved()] == ["r9-12:19-22"]
    adj.pick("r9-12:19-22", "B")
    assert adj.unresolved() == []
    assert adj.gold() == Version.of([NC, PER, US_LOC, KAKAO],
                                    [(PER, "leads", NC), (PER, "works_for", KAKAO)])
    # reopening takes a resolution back out of gold
    adj.reopen("s23-25")
    adj.pick("s23-25", "B")
    assert QTY in adj.gold().spans


def test_relation_to_a_span_not_chosen_is_left_out_and_reported():
    adj = adjudicate(two_versions())
    adj.pick("s0-8", "B")             # gold has 네이버, not 네이버 클라우드
    adj.pick("r0-8:9-12", "A")        # ... but A's relation points at 네이버 클라우드
    assert RelKey(PER, "leads", NC) not in adj.gold().relations
    assert adj.dangling() == [RelKey(PER, "leads", NC)]


def test_resolution_refuses_overlaps_and_strangers():
    adj = adjudicate(two_versions())
    with pytest.raises(InputError, match="overlaps"):
        adj.edit("s0-8", spans=[(0, 10, "ORG")])  # runs into the agreed 이해진 (9-12)
    with pytest.raises(InputError, match="overlaps"):
        adj.edit("s0-8", spans=[(0, 3, "ORG"), (2, 8, "ORG")])  # two edited spans overlap
    with pytest.raises(InputError, match="did not annotate"):
        adj.pick("s0-8", "C")
    with pytest.raises(InputError, match="no conflict"):
        adj.drop("s99-100")
    assert adj.resolutions == {}  # nothing half-applied


def test_three_analysts_present_in_some_only_and_label_split():
    x, y = SpanKey(0, 3, "ORG"), SpanKey(4, 8, "PRODUCT")
    adj = adjudicate({"A": Version.of([x, y]), "B": Version.of([x, y]),
                      "C": Version.of([x, SpanKey(4, 8, "ORG")])})
    assert adj.agreed.spans == {x}
    [c] = adj.conflicts
    assert c.kind == "label"
    assert c.who(Version.of([y])) == ["A", "B"]
    # present in two of three -> missing, listing C with nothing
    adj = adjudicate({"A": Version.of([x]), "B": Version.of([x]), "C": Version()})
    assert adj.agreed == Version() and [c.kind for c in adj.conflicts] == ["missing"]
    assert adj.conflicts[0].who(Version()) == ["C"]


def test_boundary_region_chains_overlapping_spans():
    # A: 네이버(0-3) + 클라우드(4-8); B: 네이버 클라우드(0-8) -> one boundary region 0-8
    adj = adjudicate({"A": Version.of([N, (4, 8, "PRODUCT")]), "B": Version.of([NC])})
    [c] = adj.conflicts
    assert (c.id, c.kind) == ("s0-8", "boundary")
    assert c.options["A"] == Version.of([N, (4, 8, "PRODUCT")])


def test_symmetric_relation_written_either_way_is_agreed():
    v1 = Version.of([N, KAKAO], [(N, "partners_with", KAKAO)])
    v2 = Version.of([N, KAKAO], [(KAKAO, "partners_with", N)])
    assert adjudicate({"A": v1, "B": v2}, symmetric={"partners_with"}).conflicts == []
    directed = adjudicate({"A": v1, "B": v2})
    assert [c.kind for c in directed.conflicts] == ["relation"]


def test_full_agreement_has_no_conflicts():
    v = two_versions()["A"]
    adj = adjudicate({"A": v, "B": v})
    assert adj.conflicts == [] and adj.gold() == v
