"""Entity suggestions: each source and each span rule, on sentences written for these tests."""

from __future__ import annotations

import pytest

from annotator.lexicon import Lexicon
from annotator.models import span_problems
from annotator.suggest import suggest


@pytest.fixture
def run(schema, analyzer):
    def _run(text: str, lexicon: Lexicon | None = None):
        spans, relations = suggest(text, analyzer.analyze(text), schema, lexicon)
        assert span_problems(text, spans) == []  # offsets match the text, no overlaps
        return spans, relations

    return _run


def found(spans) -> set[tuple[str, str]]:
    return {(s.text, s.label) for s in spans}


def sources(spans) -> dict[tuple[str, str], str]:
    return {(s.text, s.label): s.source for s in spans}


# ---------------------------------------------------------------- sources

def test_gazetteer_names_and_aliases(run):
    spans, _ = run("SKT와 마이크로소프트가 손잡았다. 과기정통부는 환영했다.")
    got = sources(spans)
    assert got[("SKT", "ORG")] == "gazetteer"
    assert got[("마이크로소프트", "ORG")] == "gazetteer"
    assert got[("과기정통부", "ORG")] == "gazetteer"


def test_gazetteer_needs_morpheme_edges(run):
    spans, _ = run("그는 토스트를 먹으며 MSCI 지수를 봤다.")
    assert ("토스", "ORG") not in found(spans)
    assert ("MS", "ORG") not in found(spans)


def test_a_known_company_with_a_company_ending_is_the_company_named_after_it(run):
    spans, _ = run("소프트뱅크벤처스와 카카오인베스트먼트가 투자했다. 소프트뱅크는 빠졌다.")
    got = found(spans)
    assert {("소프트뱅크벤처스", "ORG"), ("카카오인베스트먼트", "ORG"), ("소프트뱅크", "ORG")} <= got
    assert ("카카오", "ORG") not in got


def test_org_suffix_compounds(run):
    spans, _ = run("한빛전자와 누리랩은 국제인공지능학회에 가입했다. 김하늘 미래대 교수가 발표했다.")
    got = found(spans)
    assert {("한빛전자", "ORG"), ("누리랩", "ORG"), ("국제인공지능학회", "ORG"), ("미래대", "ORG")} <= got
    assert all(s.source == "morph" for s in spans if s.text in ("한빛전자", "국제인공지능학회"))


def test_person_by_title_without_the_title(run):
    spans, _ = run("박서준 한빛소프트 대표는 이날 간담회에서 말했다. 정민호 교수도 참석했다.")
    got = found(spans)
    assert ("박서준", "PER") in got and ("정민호", "PER") in got
    assert ("한빛소프트", "ORG") in got  # the organisation between name and title
    assert not any("대표" in s.text or "교수" in s.text for s in spans)


def test_hanja_country_abbreviations(run):
    spans, _ = run("美 정부와 中 기업이 맞섰다. 韓美 정상회담이 열렸다.")
    hanja = [(s.text, s.label, s.source) for s in spans if s.source == "hanja"]
    assert hanja == [("美", "LOC", "hanja"), ("中", "LOC", "hanja"), ("韓", "LOC", "hanja"), ("美", "LOC", "hanja")]


def test_multidict_typed_names(run):
    spans, _ = run("샘 올트먼 오픈AI CEO는 새 모델을 소개했다.")
    assert sources(spans)[("샘 올트먼", "PER")] == "multidict"


@pytest.mark.parametrize("text, surface, label", [
    ("매출은 8109억원이었다.", "8109억원", "MONEY"),
    ("규모는 137억5000만 달러다.", "137억5000만 달러", "MONEY"),
    ("점유율이 62% 늘었다.", "62%", "QUANTITY"),
    ("약 300명이 모였다.", "약 300명", "QUANTITY"),
    ("약 200여 명이 모였다.", "약 200여 명", "QUANTITY"),
    ("지점이 131곳이다.", "131곳", "QUANTITY"),
    ("총 2조5000억원을 투입한다.", "2조5000억원", "MONEY"),
    ("매출은 2600억동이다.", "2600억동", "MONEY"),  # Vietnam's dong, after 억/만/조 only (not 3동)
    ("투자액은 5억 바트다.", "5억 바트", "MONEY"),  # 약 is in the span, 총 is not (as every gold set has it)
    ("지난 5일 발표했다.", "지난 5일", "DATE"),
    ("2021년 10월 출시됐다.", "2021년 10월", "DATE"),
    ("2019년 10월 28일 열렸다.", "2019년 10월 28일", "DATE"),
    ("연내 출시한다.", "연내", "DATE"),
    ("올해 상반기 실적이다.", "올해 상반기", "DATE"),
    ("최근 10년간 늘었다.", "최근 10년간", "DATE"),
    ("지난해 10월 맺었다.", "지난해 10월", "DATE"),
    ("올해 초 출시했다.", "올해 초", "DATE"),
    ("3월 말 기준이다.", "3월 말", "DATE"),
    ("점유율은 10~20% 수준이다.", "10~20%", "QUANTITY"),
])
def test_number_patterns(run, text, surface, label):
    spans, _ = run(text)
    assert (surface, label) in found(spans)
    assert sources(spans)[(surface, label)] == "pattern"


def test_ranks_are_not_quantities(run):
    spans, _ = run("검색 부문 1위를 차지했고 세계 10위 안에 든다.")
    assert not [s for s in spans if s.label == "QUANTITY"]


# ---------------------------------------------------------------- span rules

def test_particles_never_inside_spans(run):
    spans, _ = run("네이버는 카카오의 제안을 미국으로 보냈다.")
    got = found(spans)
    assert {("네이버", "ORG"), ("카카오", "ORG"), ("미국", "LOC")} <= got
    assert not any(s.text.endswith(("는", "의", "으로")) for s in spans)


def test_parenthesised_alias_is_its_own_span(run):
    spans, _ = run("라온테크(RAONTECH)는 새 칩을 내놨다. 네이버(NAVER(035420))는 웃었다.")
    got = found(spans)
    assert {("라온테크", "ORG"), ("RAONTECH", "ORG"), ("네이버", "ORG"), ("NAVER", "ORG")} <= got
    assert not any("035420" in s.text for s in spans)


def test_every_mention_is_labelled(run):
    text = "박서준 한빛소프트 대표가 왔다. 한빛소프트는 성장했다. 박서준은 웃었다."
    spans, _ = run(text)
    assert [s.start for s in spans if s.text == "한빛소프트"] == [text.index("한빛소프트"), text.rindex("한빛소프트")]
    assert len([s for s in spans if s.text == "박서준"]) == 2


def test_longest_name_wins_no_overlap(run):
    spans, _ = run("카카오브레인과 삼성전자가 발표했다.")
    got = found(spans)
    assert ("카카오브레인", "ORG") in got and ("카카오", "ORG") not in got
    assert ("삼성전자", "ORG") in got and ("삼성", "ORG") not in got


def test_country_before_org_is_separate(run):
    spans, _ = run("영국 경쟁시장청은 조사를 시작했다. 미국 컬럼비아대도 참여했다.")
    got = found(spans)
    assert ("영국", "LOC") in got and ("미국", "LOC") in got and ("컬럼비아대", "ORG") in got


def test_generic_mentions_not_labelled(run):
    spans, _ = run("업계 관계자는 정부와 빅테크 기업의 협력을 강조했다.")
    assert spans == []


# ---------------------------------------------------------------- learning

def test_accepted_surface_is_suggested_elsewhere(run):
    text = "모두의마루가 새 서비스를 내놨다."
    before, _ = run(text)
    assert ("모두의마루", "ORG") not in found(before)  # nothing in the text says it is a name
    lex = Lexicon()
    lex.add_accepted("모두의마루", "ORG")  # an analyst added it by hand in another article
    after, _ = run(text, lex)
    assert sources(after)[("모두의마루", "ORG")] == "lexicon"


def test_lexicon_respects_morpheme_edges(run):
    lex = Lexicon()
    lex.add_accepted("마루", "ORG")
    spans, _ = run("모두의마루가 새 서비스를 내놨다.", lex)
    assert ("마루", "ORG") not in found(spans)


def test_one_character_surfaces_are_not_learned(run):
    lex = Lexicon()
    for surname in ("이", "한"):  # accepted where they stood for a person: 이 대표는, 한 사장은
        lex.add_accepted(surname, "PER")
    spans, _ = run("한빛전자가 한 해 동안 이 제품을 팔았다.", lex)
    assert not any(s.text in ("이", "한") for s in spans)


def test_rejected_suggestion_is_not_made_again(run):
    text = "한빛전자는 새 공장을 지었다."
    spans, _ = run(text)
    assert ("한빛전자", "ORG") in found(spans)
    lex = Lexicon()
    lex.add_rejected("한빛전자", "ORG")
    lex.add_rejected("한빛전자", "ORG")
    spans, _ = run(text, lex)
    assert ("한빛전자", "ORG") not in found(spans)


def test_suggest_makes_no_kiwi_call(schema, monkeypatch):
    import annotator.analysis.kiwi as kiwi_mod
    from annotator.analysis import Analysis, Token

    monkeypatch.setattr(kiwi_mod, "get_kiwi", lambda *a, **k: pytest.fail("suggest built Kiwi"))
    text = "네이버는"
    spans, _ = suggest(text, Analysis([Token(0, 3, "네이버", "NNP"), Token(3, 4, "는", "JX")], [(0, 4)]), schema)
    assert found(spans) == {("네이버", "ORG")}


def test_product_takes_its_model_number(run):
    spans, _ = run("아이폰16과 갤럭시 S24, 코GPT 2.0을 비교했다. 갤럭시 2개를 샀다.")
    got = found(spans)
    assert {("아이폰16", "PRODUCT"), ("갤럭시 S24", "PRODUCT"), ("코GPT 2.0", "PRODUCT"), ("갤럭시", "PRODUCT")} <= got
    assert ("2개", "QUANTITY") in got


def test_place_adjectives_are_not_places(run):
    spans, _ = run("한국형 AI와 중국계 자본이 미국에 간다.")
    assert found(spans) == {("미국", "LOC")}


def test_launched_proper_noun_is_a_product(run):
    spans, _ = run("가온텔레콤은 새 서비스 브랜드로 ‘누리온’을 출시했다.")
    assert ("누리온", "PRODUCT") in found(spans)


def test_venues_are_places(run):
    spans, _ = run("서울 한빛컨벤션 그랜드볼룸에서 행사가 열렸다.")
    assert ("한빛컨벤션 그랜드볼룸", "LOC") in found(spans)


def test_subject_of_company_verbs_is_an_organisation(run):
    spans, _ = run("뤼이드가 시리즈C 투자를 유치했다. 메타버스는 새 사업을 열었다.")
    got = found(spans)
    assert ("뤼이드", "ORG") in got
    assert not any(s.text == "메타버스" for s in spans)


def test_institution_suffix_and_known_name_with_more_nouns(run):
    spans, _ = run("소프트뱅크비전펀드는 미국 뉴욕증권거래소에 갔다.")
    got = found(spans)
    assert {("소프트뱅크비전펀드", "ORG"), ("뉴욕증권거래소", "ORG"), ("미국", "LOC")} <= got
    assert ("소프트뱅크", "ORG") not in got


def test_date_does_not_take_the_verb_after_it(run):
    spans, _ = run("그는 지난 5일 말했다.")
    assert ("지난 5일", "DATE") in found(spans)


# ---------------------------------------------------------------- held-out generalisation (names not in the gazetteer)

def test_quoted_name_is_taken_whole(run):
    spans, _ = run("가온테크는 차세대 칩 ‘가온 X7’을 공개했다. 누리소프트는 ‘하늘봇 2.1’을 지난 3일 출시했다.")
    got = found(spans)
    assert {("가온 X7", "PRODUCT"), ("하늘봇 2.1", "PRODUCT")} <= got
    assert ("가온", "PRODUCT") not in got


def test_quoted_event_by_its_word_or_its_context(run):
    spans, _ = run("회사는 오는 5월 열리는 ‘테크위크 2026’에 참가한다. 한빛시는 ‘부산 스마트시티 박람회’를 연다.")
    got = found(spans)
    assert {("테크위크 2026", "EVENT"), ("부산 스마트시티 박람회", "EVENT")} <= got


def test_quoted_plans_and_clauses_are_not_names(run):
    spans, _ = run("정부는 ‘비전 2030’을 발표했다. 그는 ‘AI가 답이다’라고 했다. 회사는 ‘디지털 전환 전략’을 공개했다.")
    assert {s.label for s in spans} <= {"DATE"}


def test_address_chain_places(run):
    spans, _ = run("회사는 충남 천안시 동남구에 공장을 짓는다. 행사는 부산 해운대구 벡스코에서 열렸다.")
    got = found(spans)
    assert {("충남", "LOC"), ("천안시", "LOC"), ("동남구", "LOC"), ("해운대구", "LOC"), ("벡스코", "LOC")} <= got


def test_place_where_something_is_held(run):
    spans, _ = run("그는 스페인 바야돌리드에서 열린 회의에 갔다.")
    assert ("바야돌리드", "LOC") in found(spans)


def test_province_word_alone_is_not_a_place(run):
    spans, _ = run("경기 침체가 이어지자 경기 부양책이 나왔다.")
    assert not any(s.label == "LOC" for s in spans)


def test_surname_before_title_is_not_an_organisation(run):
    spans, _ = run("누리소프트는 신제품을 냈다. 박 대표는 웃었다. 최 사장은 말을 아꼈다.")
    got = found(spans)
    assert ("박", "ORG") not in got and ("최", "ORG") not in got


def test_name_kiwi_cut_into_pieces_before_org_and_title(run):
    spans, rels = run("김오일 누리소프트 사장은 올해 목표를 밝혔다.")
    assert ("김오일", "PER") in found(spans)
    by_id = {s.id: s.text for s in spans}
    assert ("김오일", "leads", "누리소프트") in {(by_id[r.head], r.label, by_id[r.tail]) for r in rels}


def test_company_ending_on_an_unknown_word(run):
    spans, _ = run("이번 투자에는 다온벤처파트너스와 새벽캐피탈이 참여했다. 서울상공회의소는 환영했다.")
    got = found(spans)
    assert {("다온벤처파트너스", "ORG"), ("새벽캐피탈", "ORG"), ("서울상공회의소", "ORG")} <= got
    spans, _ = run("벤처캐피털과 사모펀드가 몰렸다.")
    assert ("벤처캐피털", "ORG") not in found(spans)


def test_word_after_wa_that_opens_a_noun_phrase_is_not_listed(run):
    spans, _ = run("가온테크는 한국소프트웨어협회와 클라우드 보안 인력을 키운다.")
    assert ("클라우드", "ORG") not in found(spans)


def test_a_name_that_is_an_everyday_noun_too(run):
    spans, _ = run("네이버는 라인·웹툰 등이 강세다. 양산 라인에 장비를 넣고 전용 라인도 짓는다.")
    assert [s.start for s in spans if s.text == "라인"] == [5]  # the messenger; not the production lines
    spans, _ = run("일본 메신저 라인은 이용자가 늘었다.")
    assert ("라인", "PRODUCT") in found(spans)


def test_a_province_before_a_known_city_and_the_economy(run):
    text = "SK하이닉스는 경기 이천 본사에서 행사를 열었다. 경기 용인에 팹을 짓는다. 경기 침체가 길다."
    spans, _ = run(text)
    places = [text.index("경기 이천"), text.index("경기 용인")]
    assert [s.start for s in spans if s.text == "경기"] == places  # not 경기 침체 (the economy)
    assert ("용인", "LOC") in found(spans)
