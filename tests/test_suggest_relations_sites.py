"""Relations of sites, partners in a product and deals worded at length (sentences written here):
where an organisation runs things, who co-develops a product, supply contracts with the terms in
between, new companies named after their parent, deputies' affiliations."""

from __future__ import annotations

import pytest


@pytest.fixture
def ents(schema, analyzer):
    """text -> {(span text, label)} of the suggested entities."""
    from annotator.suggest import suggest

    def _ents(text: str) -> set[tuple[str, str]]:
        spans, _ = suggest(text, analyzer.analyze(text), schema)
        return {(s.text, s.label) for s in spans}

    return _ents


def test_sites_run_in_a_list_of_places(rels):
    got = rels("가온텔레콤은 경기 안양시와 부산, 세종 등에서 데이터센터 5곳을 운영한다.")
    assert {("가온텔레콤", "located_in", p) for p in ("경기", "안양시", "부산", "세종")} <= got


def test_a_plant_run_abroad_too(rels):
    got = rels("한빛전자가 미국 조지아에서도 공장을 가동하고 있다.")
    assert {("한빛전자", "located_in", "미국"), ("한빛전자", "located_in", "조지아")} <= got


def test_a_place_before_a_verb_other_than_running_a_site_is_no_office(rels):
    got = rels("한빛전자는 미국에서 열린 전시회에 신제품을 내놓았다.")
    assert not any(label == "located_in" for _, label, _ in got)


def test_partner_in_a_co_developed_product_after_the_cue(rels):
    got = rels("누리랩은 미르전자와 공동 개발한 AI 모델 '누리온'을 공개했다.")
    assert {("누리랩", "develops", "누리온"), ("미르전자", "develops", "누리온")} <= got


def test_partner_in_a_co_developed_product_named_as_the_topic(rels):
    got = rels("로봇 관제 플랫폼 ‘온새 링크’는 한빛전자와 공동 개발했다.")
    assert ("한빛전자", "develops", "온새 링크") in got


def test_an_organisations_own_product_named_with_자사(rels):
    got = rels("가온텔레콤은 자사 주식 거래 앱 '누리톡'으로 가입자를 모았다.")
    assert ("가온텔레콤", "develops", "누리톡") in got


def test_자사_with_a_particle_between_is_someone_elses_product(rels):
    got = rels("가온텔레콤은 자사 플랫폼에 '미르톡'을 탑재했다.")
    assert ("가온텔레콤", "develops", "미르톡") not in got


def test_supply_contract_with_the_product_and_amount_between(rels):
    got = rels("미르바이오는 가온병원과 자체 개발한 판독 보조 소프트웨어 '클라라 체스트'를 3년 동안 "
               "공급하는 360억원 규모 계약을 맺었다.")
    assert ("미르바이오", "supplies", "가온병원") in got


def test_a_long_supply_phrase_with_another_company_between_names_that_one(rels):
    got = rels("세움전자는 가온모터스와 손잡고 한빛자동차에 배터리를 공급하는 계약을 맺었다.")
    assert ("세움전자", "supplies", "가온모터스") not in got


def test_a_new_company_named_after_its_parent_without_a_subject(rels):
    got = rels("업계는 한빛전자의 성장에 주목한다. 임직원을 250명으로 늘리고, 다음 달에는 미국 새너제이에 "
               "현지 법인 '한빛전자 아메리카'를 세운다.")
    assert {("한빛전자", "founded", "한빛전자 아메리카"), ("한빛전자 아메리카", "subsidiary_of", "한빛전자"),
            ("한빛전자 아메리카", "located_in", "새너제이")} <= got


def test_a_new_companys_place_named_in_three_words(rels):
    got = rels("한빛전자는 멕시코 누에보레온주 몬테레이에 현지 법인 '한빛전자 멕시코'를 세운다.")
    assert ("한빛전자 멕시코", "located_in", "멕시코") in got


@pytest.mark.parametrize("title", ["부위원장", "부회장", "차관", "법인장"])
def test_a_deputy_works_for_the_organisation(rels, title):
    got = rels(f"이승준 금융위원회 {title}이 간담회에서 발언했다.")
    assert ("이승준", "works_for", "금융위원회") in got
    assert ("이승준", "leads", "금융위원회") not in got


def test_a_name_after_a_place_is_not_a_place_by_its_list(ents):
    got = ents("다만 태국 라온과 인도네시아 고투 등 현지 슈퍼앱이 시장을 장악했다.")
    assert ("라온", "LOC") not in got


def test_this_company_and_a_word_is_not_a_company_name(ents):
    got = ents("한빛메디는 지난 6월 가온헬스케어와 손잡고 이 회사 CT 장비에 판독 프로그램을 탑재했다.")
    assert ("CT", "ORG") not in got


def test_a_member_of_a_group_written_as_계열(rels):
    got = rels("초기 투자자인 카카오 계열 벤처캐피털(VC) 카카오벤처스의 지분을 넘겨받는다.")
    assert ("카카오벤처스", "subsidiary_of", "카카오") in got


def test_the_topic_bought_by_the_subject(rels):
    got = rels("보스턴다이나믹스는 현대차그룹이 2021년 인수했다.")
    assert ("현대차그룹", "acquires", "보스턴다이나믹스") in got


def test_an_alias_points_from_the_short_form_whichever_the_gazetteer_names_first(rels):
    got = rels("현대자동차그룹은 로봇에 투자한다. 현대차그룹은 지난해 보스턴다이나믹스를 인수했다.")
    assert ("현대차그룹", "alias_of", "현대자동차그룹") in got
    assert ("현대자동차그룹", "acquires", "보스턴다이나믹스") in got  # relations go to the full form


def test_a_head_office_in_a_town_no_source_knows(rels):
    got = rels("미국 매사추세츠주 월섬에 본사를 둔 보스턴다이나믹스는 로봇을 만든다.")
    assert {("보스턴다이나믹스", "located_in", "매사추세츠주"), ("보스턴다이나믹스", "located_in", "미국")} <= got


def test_a_cue_word_inside_a_company_name_is_no_cue(rels):
    got = rels("누리엘소재는 미국 테네시주 클라크스빌에 공장을 짓는다.")
    assert ("누리엘소재", "located_in", "미국") not in got


def test_the_head_of_a_local_unit_does_not_lead_the_story_company(rels):
    got = rels("한빛전자는 미국 진출을 서두른다. 현지 법인은 브라이언 콜 대표가 이끌고 있다.")
    assert ("브라이언 콜", "leads", "한빛전자") not in got


def test_an_appointment_by_a_company_marked_with_도(rels):
    got = rels("한빛전자는 실적을 냈다. 경쟁사인 한결머티리얼즈도 지난해 박재훈 부사장을 대표로 선임했다.")
    assert ("박재훈", "leads", "한결머티리얼즈") in got
    assert ("박재훈", "leads", "한빛전자") not in got


def test_an_amount_after_a_relative_supply_verb_heads_nothing(rels):
    got = rels("가온텔레콤은 한빛전자에 올해부터 3년간 칩 약 300만개를 공급하는 1200억원 규모 계약을 체결했다.")
    assert ("가온텔레콤", "supplies", "한빛전자") in got


def test_a_product_supplied_in_the_passive_by_the_maker_of_a_relative_clause(rels):
    got = rels("한빛전자가 2023년 자체 개발한 이 제품은 미국 마이크론과 대만 TSMC의 후공정 라인에 공급되고 있다.")
    assert {("한빛전자", "supplies", "마이크론"), ("한빛전자", "supplies", "TSMC")} <= got


def test_a_product_supplied_in_the_passive_by_its_known_maker(rels):
    got = rels("가온텔레콤은 관제 플랫폼 ‘온새링크’를 개발했다. ‘온새링크’는 현재 한빛전자 등 40곳에 공급되고 있다.")
    assert ("가온텔레콤", "supplies", "한빛전자") in got


def test_a_company_and_a_kind_of_thing_before_its_quoted_name(rels):
    got = rels("한빛전자 초급속 충전기 '하이퍼차지 350'이 인기다.")
    assert ("한빛전자", "develops", "하이퍼차지 350") in got


def test_a_flagship_named_as_the_companys_주력_제품(rels):
    got = rels("가온텔레콤은 주력 제품인 초급속 충전기 '하이퍼차지 350'의 부품을 공급한다.")
    assert ("가온텔레콤", "develops", "하이퍼차지 350") in got


def test_a_particle_between_company_and_product_is_no_brand(rels):
    got = rels("한빛전자에 충전기 '하이퍼차지 350'을 공급한다.")
    assert ("한빛전자", "develops", "하이퍼차지 350") not in got


def test_the_company_running_a_product_named_after_it(rels):
    got = rels("배달앱 ‘한끼로’ 운영사 가온텔레콤은 과징금을 냈다.")
    assert ("가온텔레콤", "develops", "한끼로") in got


def test_companies_listed_before_their_country_and_kind(rels):
    got = rels("감속기 시장은 하모닉드라이브시스템즈(HDS)와 나부테스코 등 일본 업체들이 70%를 차지해 왔다.")
    assert {("하모닉드라이브시스템즈", "located_in", "일본"), ("나부테스코", "located_in", "일본")} <= got


def test_a_caption_with_the_company_its_address_and_head_office(rels):
    got = rels("한빛전자 경기 화성시 본사 전경.")
    assert {("한빛전자", "located_in", "경기"), ("한빛전자", "located_in", "화성시")} <= got


def test_where_a_new_company_stands(rels):
    got = rels("합작법인 '한빛비나'는 베트남 하노이에 들어선다.")
    assert {("한빛비나", "located_in", "하노이"), ("한빛비나", "located_in", "베트남")} <= got


def test_a_local_outlet_of_a_country(rels):
    got = rels("6일 인도네시아 현지 매체 안타라통신에 따르면 계약이 맺어졌다.")
    assert ("안타라통신", "located_in", "인도네시아") in got


def test_an_alias_with_latin_in_the_full_name_points_to_the_full_name(rels):
    got = rels("IBK기업은행은 핀테크와 손잡았다. 기업은행은 이 회사에 투자했다.")
    assert ("기업은행", "alias_of", "IBK기업은행") in got
    assert ("IBK기업은행", "alias_of", "기업은행") not in got


def test_a_stake_taken_by_the_subject(rels):
    got = rels("미래에셋증권이 한빛전자 지분 35%를 확보했다.")
    assert ("미래에셋증권", "invests_in", "한빛전자") in got


def test_the_whole_stake_bought_is_an_acquisition(rels):
    got = rels("미래에셋증권은 한빛전자 지분 100%를 인수했다.")
    assert {("미래에셋증권", "acquires", "한빛전자"), ("한빛전자", "subsidiary_of", "미래에셋증권")} <= got
    assert ("미래에셋증권", "invests_in", "한빛전자") not in got


def test_customers_listed_as_고객사(rels):
    got = rels("가온텔레콤은 KB국민은행, 카카오뱅크 등 200여 곳을 고객사로 확보했다.")
    assert {("가온텔레콤", "supplies", "KB국민은행"), ("가온텔레콤", "supplies", "카카오뱅크")} <= got


def test_a_kind_of_company_with_its_rank_after_a_place(rels):
    assert ("넷이즈", "located_in", "중국") in rels("현지 퍼블리싱은 중국 2위 게임사 넷이즈가 맡는다.")
