"""Relation suggestions: direction for each cue family, allowed label pairs, aliases (sentences written here)."""

from __future__ import annotations


def test_apposition_title_gives_leads(rels):
    assert ("박서준", "leads", "한빛소프트") in rels("박서준 한빛소프트 대표는 신사업을 발표했다.")


def test_org_before_person_gives_leads(rels):
    assert ("정민호", "leads", "한빛전자") in rels("한빛전자 정민호 사장은 이날 취임했다.")


def test_other_titles_give_works_for(rels):
    got = rels("김하늘 미래대 교수는 논문을 냈다.")
    assert ("김하늘", "works_for", "미래대") in got
    assert not any(r[1] == "leads" for r in got)


def test_subject_invests_in_dative(rels):
    got = rels("가온텔레콤은 누리랩에 50억원을 투자했다.")
    assert ("가온텔레콤", "invests_in", "누리랩") in got
    assert ("누리랩", "invests_in", "가온텔레콤") not in got


def test_relative_clause_makes_the_head(rels):
    assert ("카카오", "invests_in", "리벨리온") in rels("리벨리온에 투자한 카카오는 웃었다.")


def test_founding_gives_founded_subsidiary_and_place(rels):
    got = rels("한빛전자는 미국 실리콘밸리에 투자법인 ‘한빛벤처스’를 설립했다.")
    assert {("한빛전자", "founded", "한빛벤처스"), ("한빛벤처스", "subsidiary_of", "한빛전자"),
            ("한빛벤처스", "located_in", "실리콘밸리"), ("한빛벤처스", "located_in", "미국")} <= got


def test_acquisition_direction(rels):
    got = rels("가온텔레콤이 누리랩을 인수했다.")
    assert ("가온텔레콤", "acquires", "누리랩") in got
    assert ("누리랩", "acquires", "가온텔레콤") not in got


def test_develops_product(rels):
    assert ("가온텔레콤", "develops", "가온이") in rels("가온텔레콤은 새 AI 비서 ‘가온이’를 출시했다.")


def test_partners_once_head_first_mentioned(rels):
    got = rels("누리솔루션과 가온텔레콤이 AI 분야에서 협력한다.")
    assert ("누리솔루션", "partners_with", "가온텔레콤") in got
    assert ("가온텔레콤", "partners_with", "누리솔루션") not in got


def test_partners_hyphen_chain_and_not_across_groups(rels):
    got = rels("한빛전자-가온텔레콤-누리솔루션의 협력에 이어, 신한은행-키움증권간 동맹이 생겼다.")
    assert ("한빛전자", "partners_with", "가온텔레콤") in got
    assert ("신한은행", "partners_with", "키움증권") in got
    assert not any(r[0] == "한빛전자" and r[2] in ("신한은행", "키움증권") for r in got)


def test_examples_in_brackets_are_not_partners(rels):
    got = rels("미국(구글, 아마존, 애플) 기업간 협력이 본격화됐다.")
    assert ("구글", "located_in", "미국") in got and ("애플", "located_in", "미국") in got
    assert not any(r[1] == "partners_with" for r in got)


def test_country_before_org_gives_located_in(rels):
    assert ("경쟁시장청", "located_in", "영국") in rels("영국 경쟁시장청은 조사를 시작했다.")


def test_parenthesised_alias_head_is_the_foreign_form(rels):
    got = rels("라온테크(RAONTECH)는 새 칩을 내놨다.")
    assert ("RAONTECH", "alias_of", "라온테크") in got


def test_short_and_full_form_alias_and_relations_move_to_full_form(rels):
    got = rels("SK텔레콤은 AI에 힘을 쏟는다. 정민호 SKT 사장은 웃었다.")
    assert ("SKT", "alias_of", "SK텔레콤") in got
    assert ("정민호", "leads", "SK텔레콤") in got
    assert ("정민호", "leads", "SKT") not in got


def test_only_allowed_label_pairs(rels):
    # a person subject of 인수 is not an allowed head for acquires (ORG -> ORG)
    got = rels("박서준이 누리랩을 인수했다.")
    assert not any(r[1] == "acquires" for r in got)


def test_subsidiary_of_from_possessive(rels):
    assert ("케이뱅크", "subsidiary_of", "BC카드") in rels("케이뱅크는 BC카드의 자회사로, 2017년 출범했다.")


def test_bank_head_title_gives_leads(rels):
    assert ("정민호", "leads", "케이뱅크") in rels("정민호 케이뱅크 행장은 웃었다.")


def test_subject_and_companion_are_partners(rels):
    assert ("KT", "partners_with", "마이크로소프트") in rels("KT가 마이크로소프트(MS)와 손잡고 서비스를 내놓는다.")


def test_outer_name_speaks_for_its_bracketed_alias(rels):
    got = rels("가온텔레콤은 새 플랫폼 ‘누리온(NURION)’을 출시했다.")
    assert ("가온텔레콤", "develops", "누리온") in got
    assert ("NURION", "alias_of", "누리온") in got


def test_foreign_two_part_name_after_possessive(rels):
    assert ("르네 하스", "leads", "ARM") in rels("영국 ARM의 르네 하스 CEO는 방한했다.")


def test_headquartered_in_relative_clause(rels):
    got = rels("미국 뉴욕에 본사를 둔 데이터독은 한국 법인을 세웠다.")
    assert {("데이터독", "located_in", "뉴욕"), ("데이터독", "located_in", "미국")} <= got


# ---------------------------------------------------------------- held-out generalisation (names not in the gazetteer)

def test_funding_round_lead_and_participants_invest(rels):
    got = rels("누리소프트는 새벽벤처스가 주도한 시리즈A 라운드에서 50억원을 유치했다. "
               "이번 투자에는 다온벤처파트너스와 기존 투자사 새봄캐피탈이 참여했다.")
    assert {("새벽벤처스", "invests_in", "누리소프트"), ("다온벤처파트너스", "invests_in", "누리소프트"),
            ("새봄캐피탈", "invests_in", "누리소프트")} <= got


def test_investment_from_an_investor(rels):
    assert ("새벽캐피탈", "invests_in", "가온테크") in rels("가온테크는 새벽캐피탈로부터 30억원 규모의 투자를 유치했다.")


def test_partner_named_with_its_unit_and_agreement_cues(rels):
    assert ("누리소프트", "partners_with", "한빛대학교") in rels(
        "누리소프트는 한빛대학교 기계공학과 연구팀과 공동 연구를 거쳐 기술을 확보했다.")
    assert ("가온테크", "partners_with", "한국소프트웨어협회") in rels(
        "가온테크는 지난 2월 한국소프트웨어협회와 인력 양성을 위한 업무협약을 맺었다.")


def test_head_office_address_gives_located_in(rels):
    got = rels("김오일 누리소프트 사장이 3일 경기 성남시 분당구 본사에서 발표했다.")
    assert {("누리소프트", "located_in", "경기"), ("누리소프트", "located_in", "성남시"),
            ("누리소프트", "located_in", "분당구")} <= got


def test_headquartered_as_an_adjective_is_not_located_in(rels):
    got = rels("가온리서치에 따르면 미국 본사 한국 스타트업은 늘었다.")
    assert not any(r[1] == "located_in" for r in got)


def test_place_class_noun_organisation(rels):
    assert ("사쿠라게임즈", "located_in", "일본") in rels("가온게임즈는 일본 게임사 사쿠라게임즈와 손잡았다.")


def test_launch_after_a_clause_cut_and_by_the_company(rels):
    got = rels("가온게임즈가 신작 ‘스타 레전드’를 일본 게임사 사쿠라게임즈와 손잡고 북미에 출시한다.")
    assert ("가온게임즈", "develops", "스타 레전드") in got
    got = rels("누리헬스케어는 올해 흑자를 냈다. 회사는 하반기 중 차세대 칩 ‘누리 X9’를 출시할 계획이다.")
    assert ("누리헬스케어", "develops", "누리 X9") in got


def test_short_form_without_company_ending(rels):
    assert ("스텔라", "alias_of", "스텔라게임즈") in rels("스텔라게임즈는 신작을 냈다. 스텔라는 흑자를 냈다.")


def test_foreign_agency_with_acronym(rels):
    got = rels("유럽 의약품청(EMA)은 승인을 미뤘다.")
    assert {("EMA", "alias_of", "의약품청"), ("의약품청", "located_in", "유럽")} <= got
