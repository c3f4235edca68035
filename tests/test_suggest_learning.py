"""Learning from analysts' relation decisions: a relation accepted between two names is suggested again
where both meet in a sentence; one rejected often enough is no longer made. Sentences written for these
tests."""

from __future__ import annotations

import hashlib

import pytest

from annotator.lexicon import REJECT_THRESHOLD, Lexicon
from annotator.models import Relation, Span
from annotator.store import Store
from annotator.suggest import suggest


@pytest.fixture
def run(schema, analyzer):
    """text, lexicon -> {(head text, label, tail text): (score, source)} of the suggested relations."""
    def _run(text: str, lexicon: Lexicon | None = None) -> dict[tuple[str, str, str], tuple[float, str]]:
        spans, relations = suggest(text, analyzer.analyze(text), schema, lexicon)
        by_id = {s.id: s for s in spans}
        out = {}
        for r in relations:
            head, tail = by_id[r.head], by_id[r.tail]
            assert schema.relation(r.label).allows(head.label, tail.label)
            out[(head.text, r.label, tail.text)] = (r.score, r.source)
        return out

    return _run


QUIET = "한빛전자 제품은 가온텔레콤 매장에서도 팔린다."  # no cue word: the rules find nothing here


def test_accepted_relation_is_suggested_where_both_names_meet(run):
    assert run(QUIET) == {}
    lex = Lexicon()
    lex.add_related("한빛전자", "supplies", "가온텔레콤")  # an analyst added it in another article
    assert run(QUIET, lex) == {("한빛전자", "supplies", "가온텔레콤"): (0.7, "lexicon")}
    # the names the other way round in the sentence: the direction is the analyst's
    assert run("가온텔레콤 매장에는 한빛전자 제품이 많다.", lex) == {
        ("한빛전자", "supplies", "가온텔레콤"): (0.7, "lexicon")}


def test_learned_relation_needs_both_names_in_one_sentence(run):
    lex = Lexicon()
    lex.add_related("한빛전자", "supplies", "가온텔레콤")
    assert run("한빛전자는 새 공장을 지었다. 가온텔레콤은 요금제를 바꿨다.", lex) == {}


def test_a_relation_rules_also_find_keeps_the_rules_source_and_score(run):
    text = "한빛전자가 가온텔레콤에 100억원을 투자했다."
    fact = ("한빛전자", "invests_in", "가온텔레콤")
    by_rule = run(text)
    assert by_rule[fact] == (0.75, "rule")
    lex = Lexicon()
    lex.add_related(*fact)
    assert run(text, lex) == by_rule


def test_learned_relation_must_fit_the_schema_labels(run):
    lex = Lexicon()
    lex.add_related("한빛전자", "leads", "가온텔레콤")  # leads takes a person as head: never suggested
    assert run(QUIET, lex) == {}


def test_rejected_relation_stops_at_the_threshold_and_acceptance_brings_it_back(run):
    text = "한빛전자는 지난해 가온텔레콤과 업무협약을 맺었다."
    fact = ("한빛전자", "partners_with", "가온텔레콤")
    assert fact in run(text)
    lex = Lexicon()
    for _ in range(REJECT_THRESHOLD - 1):
        lex.add_unrelated(*fact)
    assert fact in run(text, lex)
    lex.add_unrelated(*fact)
    assert fact not in run(text, lex)
    lex.add_related(*fact)
    assert fact in run(text, lex)


def test_symmetric_relation_rejected_either_way_round(run):
    text = "가온텔레콤은 지난해 한빛전자와 업무협약을 맺었다."
    assert ("가온텔레콤", "partners_with", "한빛전자") in run(text)
    lex = Lexicon()
    for _ in range(REJECT_THRESHOLD):
        lex.add_unrelated("한빛전자", "partners_with", "가온텔레콤")  # stored the other way round
    assert run(text, lex) == {}


def test_learned_symmetric_relation_is_suggested_once_head_first_mentioned(run):
    lex = Lexicon()
    lex.add_related("가온텔레콤", "partners_with", "한빛전자")
    assert run(QUIET, lex) == {("한빛전자", "partners_with", "가온텔레콤"): (0.7, "lexicon")}


def test_lexicon_relations_count_only_direct_decisions(tmp_path):
    text = "한빛전자 제품은 가온텔레콤 매장에서도 팔린다. 누리랩은 지난해 한빛전자와 협력했다."
    root = tmp_path / "corpus"
    root.mkdir()
    with Store.open(tmp_path / "s.sqlite3", root, "ana") as store:
        store.ensure_article("a", hashlib.sha256(text.encode()).hexdigest(), text)
        hanbit = store.add_span("a", 0, 4, "ORG", "한빛전자")
        gaon = store.add_span("a", 9, 14, "ORG", "가온텔레콤")
        store.add_relation("a", hanbit, gaon, "supplies")  # added by hand: accepted
        nuri_at, second_at = text.index("누리랩"), text.rindex("한빛전자")
        store.add_suggestions("a", [Span(id="x1", start=nuri_at, end=nuri_at + 3, label="ORG", text="누리랩", source="morph"),
                                    Span(id="x2", start=second_at, end=second_at + 4, label="ORG", text="한빛전자",
                                         source="gazetteer")],
                              [Relation(id="q1", head="x1", tail="x2", label="partners_with"),
                               Relation(id="q2", head="x1", tail="x2", label="supplies")])
        stored = {r.label: r.id for r in store.relations("a") if r.status == "pending"}
        store.reject_relation("a", stored["partners_with"])  # the analyst says no to the relation ...
        lex = store.lexicon()
        assert lex.related_count == {("한빛전자", "supplies", "가온텔레콤"): 1}
        assert lex.unrelated_count == {("누리랩", "partners_with", "한빛전자"): 1}
        nuri = next(s.id for s in store.spans("a") if s.text == "누리랩")
        store.reject("a", nuri)  # ... then the name: its relations go with it (supplies too), and a
        # relation whose end is no name says nothing about the two names, whatever was said of it before
        assert {(r.label, r.status) for r in store.relations("a") if r.head != hanbit} == {
            ("partners_with", "rejected"), ("supplies", "rejected")}
        assert store.lexicon().unrelated_count == {}
