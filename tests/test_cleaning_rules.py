"""One test per cleaning rule, on lines we wrote: what it removes, and a near miss it must keep.

Every page here starts with a title line, because the pipeline treats the first kept line
as the title; the rule under test runs alone (`only`) unless the test says otherwise.
"""

from __future__ import annotations

import sys

import pytest

from annotator.cleaning.pipeline import Cleaned, clean
from annotator.cleaning.rules import RULES, by_name

TITLE = "가상 제목: 테크기업, 새 AI 서비스 공개"
BODY = "테크기업은 12일 새 AI 서비스를 공개했다고 밝혔다."


def only(*names: str, lines: list[str], fields: dict | None = None) -> Cleaned:
    return clean("\n".join([TITLE, *lines]), fields, rules=[by_name(n) for n in names])


def dropped(c: Cleaned, rule: str) -> list[str]:
    return c.dropped(rule)


def assert_drops(rule: str, boiler: list[str], keep: list[str]) -> Cleaned:
    c = only(rule, lines=[*boiler, *keep])
    assert dropped(c, rule) == boiler, f"{rule} should drop {boiler}"
    assert c.kept == [TITLE, *keep], f"{rule} should keep {keep}"
    return c


def test_every_rule_has_its_own_test_and_one_action():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    tests = {n for n in dir(sys.modules[__name__]) if n.startswith("test_rule_")}
    missing = [n for n in names if f"test_rule_{n}" not in tests]
    assert missing == []
    for r in RULES:
        assert r.doc and r.kind
        assert sum(x is not None for x in (r.drop, r.strip, r.block)) == 1, r.name


def test_rule_control_chars():
    c = only("control_chars", lines=["\x1b[1m굵은 소제목\x1b[0m", "본문에 \x1b[31m빨간\x1b[0m 글씨와 \x07벨 문자가 있다."])
    assert c.kept == [TITLE, "굵은 소제목", "본문에 빨간 글씨와 벨 문자가 있다."]


def test_rule_skip_link():
    assert_drops("skip_link", ["본문 바로가기", "컨텐츠 바로가기", "주메뉴 바로가기", "Skip to content"],
                 ["본문 바로가기 기능을 없앤 포털도 있다."])


def test_rule_site_address():
    assert_drops("site_address", ["gasangilbo.com", "www.techtimes.co.kr", "https://news.example.kr/"],
                 ["가상일보는 gasangilbo.com에서 볼 수 있다.", "Node는 3.5배 빨라졌다."])


def test_rule_reporter_intro():
    c = assert_drops("reporter_intro", ["가상일보 금융팀 이가을 기자입니다. 은행과 핀테크 현장의 목소리를 전합니다."],
                     ["그는 “저는 기자입니다”라고 말했다."])
    assert c.meta.reporters == ["이가을"]


def test_rule_market_bar():
    assert_drops("market_bar", ["[마켓] 회사채 수요예측 오늘 3건 | 공모주 청약 2건 | IPO 예비심사 청구 누적 41곳"],
                 ["[단독] 가온텔레콤, 한빛전자 인수 추진", "A | B 협력"])
    # a bar of trending links behind a bare label
    assert_drops("market_bar", ["실시간 | [인포그래픽] 2026 달라지는 세금 | [실적] 4분기 시즌"], ["실시간 검색어 | 순위가 바뀌었다."])


def test_rule_menu_bar():
    assert_drops("menu_bar", ["홈 | 정치 | 경제 | IT/과학", "로그인 회원가입", "전체메뉴", "모바일 | 게임 | 보안 | 인사",
                              "뉴스 > IT·과학 > 모바일", "다음뉴스", "가상부 | 가상국 | 가상과",
                              "컴퓨팅 | 홈&모바일 | 반도체/디스플레이 | 중기&스타트업", "속보 | 많이 본 뉴스 | 가상일보 TV",
                              "본문 글씨 키우기 | 본문 글씨 줄이기 | 기사저장", "전체메뉴 버튼", "로그인 회원가입 기사제보 모바일웹",
                              "뉴스레터 구독 | 로그인"],
                 ["경제 부처는 IT 예산을 늘렸다.", "A사 | B사 협력"])


def test_rule_summary_disclaimer():
    assert_drops("summary_disclaimer",
                 ["이 요약은 자동 추출 기술로 요약된 내용입니다. 원문을 확인하세요.",
                  "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.", "요약봇",
                  "핵심요약 AI가 기사를 요약했습니다. 정확한 내용은 본문을 확인해 주세요."],
                 ["테크기업은 AI 요약 기능을 모든 이용자에게 제공한다고 밝혔다."])


def test_rule_portal_notice():
    assert_drops("portal_notice",
                 ["기사가 속한 카테고리는 언론사가 분류합니다.", "이 기사는 언론사에서 경제 섹션으로 분류했습니다.",
                  "기자 구독", "구독자 3,210", "이 기자의 다른 기사", "번역 beta", "본문 듣기", "김가람 기자 다른기사 보기",
                  "텍스트 음성 변환 서비스 사용하기", "이 기사를 추천합니다", "언론사 구독 설정",
                  "이 기사에 대해 어떻게 생각하시나요?", "기사 섹션 분류 안내", "연합뉴스 구독", "전자신문 구독중",
                  "기사원문", "원문 보기", "기사를 읽어드립니다", "Your browser does not support the audio element.",
                  "기사 읽어주기 ▶ 재생",
                  "0:00 / 3:41"],
                 ["오픈랩은 모델을 세 가지 카테고리로 분류했다.", "구독자 100만명을 넘어서며 흑자로 돌아섰다.",
                  "연합뉴스 구독자 수가 100만명을 넘었다.", "법원은 판결 원문을 공개했다."])


def test_rule_provider_line():
    c = assert_drops("provider_line", ["기사제공 테크타임즈", "출처: 가상통신"], [BODY, "출처를 밝히지 않았다."])
    assert c.meta.outlet == "테크타임즈"


def test_rule_font_size():
    assert_drops("font_size", ["글씨 크게/작게", "글자 크기 조절", "본문 글씨 키우기", "글자크기조정", "가 가 가 가", "(예시) 빠른 소식을 만나보세요.",
                               "이 글자크기로 변경됩니다.", "가", "가나다라마바사"],
                 ["디스플레이 글자 크기를 키우는 기능이 추가됐다.", "가나"])


def test_rule_share_widget():
    assert_drops("share_widget", ["공유하기", "페이스북 트위터 카카오톡 링크복사", "URL이 복사되었습니다.", "인쇄 스크랩",
                                  "SNS 기사보내기", "카카오톡(으)로 기사보내기", "다른 공유 찾기", "클린뷰", "읽기모드",
                                  "이 기사를 공유합니다", "기사 스크랩하기", "가상일보 AI 요약 보기", "AI 요약",
                                  "이 기사가 도움이 되셨나요?", "기사 본문 요약 | 글자크기 | 공유 | 프린트", "기사내용 요약",
                                  "기사 URL이 복사되었습니다.", "글자크기 설정 | 가 가 가 가 | 프린트 | 스크랩 | 댓글 0",
                                  "기사 듣기 | 글씨 크기 조절 | 가 가 가 가 가 | 공유하기 | 스크랩 | 인쇄",
                                  "확대 | 축소 | 프린트 | 페이스북 | 링크복사", "공유 | 폰트크기 | 스크랩 | 인쇄",
                                  "글씨크게 글씨작게 인쇄 스크랩 공유", "이 기사를 공유합니다 Facebook Twitter LinkedIn 링크복사",
                                  "페이스북 | 트위터 | 네이버블로그 | 링크복사 | 글자 크기 설정 | 인쇄하기",
                                  "카카오톡 공유 | 페이스북 | X | 링크 복사 | 글자 크기 변경 | 댓글 12",
                                  "본문 글자 크기 | 공유 | 스크랩 | 인쇄", "이 기사 어떠셨나요?"],
                 ["이용자는 사진을 카카오톡으로 공유할 수 있다.", "이 기사를 공유합니다라는 문구가 사라졌다."])


def test_rule_comment_prompt():
    assert_drops("comment_prompt", ["댓글 12", "첫 댓글을 남겨주세요", "댓글 0 첫 댓글을 작성해보세요", "댓글쓰기",
                                    "로그인 후 댓글을 작성할 수 있습니다.", "댓글", "타임톡 5"],
                 ["포털은 악성 댓글을 걸러내는 AI를 도입했다."])


def test_rule_reactions():
    assert_drops("reactions", ["좋아요 0 / 훈훈해요 0", "추천 3", "조회수 1,024", "슬퍼요 2 화나요 1 후속기사 원해요 5",
                               "이 기사가 마음에 드셨다면 좋아요를 눌러주세요", "유익한 기사였다면 추천 버튼을 클릭해 주세요!"],
                 ["좋아요 버튼을 없앤 SNS가 늘고 있다.", "이용자는 좋아요를 눌러 의견을 표현한다."])


def test_rule_image_click():
    assert_drops("image_click", ["<이미지를 클릭하시면 크게 보실 수 있습니다>", "[사진 클릭하면 확대]", "원본보기", "[사진]",
                                 "▶ 동영상 재생", "사진 확대하기", "▶ 동영상 재생 [02:38] 자동재생 ON"],
                 ["▲김가상 테크기업 대표가 12일 신제품을 소개하고 있다. (사진=테크기업)"])


def test_rule_outlet_suffix():
    c = clean("테크기업, 새 칩 공개 - 연합뉴스\n" + BODY + "\n가격은 3 - 1 구조다", rules=[by_name("outlet_suffix")])
    assert c.kept == ["테크기업, 새 칩 공개", BODY, "가격은 3 - 1 구조다"]
    assert c.meta.outlet == "연합뉴스"
    # with the outlet's Latin name after it, as a page's <title> has it
    c = clean("테크기업, 새 칩 공개 - 디지털투데이 (DigitalToday)\n" + BODY, rules=[by_name("outlet_suffix")])
    assert c.kept[0] == "테크기업, 새 칩 공개" and c.meta.outlet == "디지털투데이"
    c = clean("테크기업, 새 칩 공개 : 네이버 뉴스\n" + BODY, rules=[by_name("outlet_suffix")])
    assert c.kept[0] == "테크기업, 새 칩 공개" and c.meta.outlet is None


def test_rule_byline_bracket():
    c = only("byline_bracket", lines=["[테크타임즈 김가람·이나래 기자] 테크기업이 12일 새 서비스를 공개했다.",
                                      "[데일리테크 박하늘 기자]"])
    assert c.kept == [TITLE, "테크기업이 12일 새 서비스를 공개했다."]
    assert (c.meta.outlet, c.meta.reporters) == ("테크타임즈", ["김가람", "이나래", "박하늘"])
    c = only("byline_bracket", lines=["[테크타임즈/박하늘 기자 (haneul@techtimes.example)]", BODY])
    assert c.kept == [TITLE, BODY] and c.meta.reporters == ["박하늘"]
    c = only("byline_bracket", lines=["[반도체 업계 동향] 테크기업이 증설에 나섰다."])
    assert c.kept == [TITLE, "[반도체 업계 동향] 테크기업이 증설에 나섰다."]


def test_rule_byline_dateline():
    c = only("byline_dateline", lines=["(서울=연합뉴스) 김가람 기자 = 테크기업이 새 모델을 내놨다."])
    assert c.kept == [TITLE, "테크기업이 새 모델을 내놨다."]
    assert (c.meta.outlet, c.meta.reporters) == ("연합뉴스", ["김가람"])
    c = only("byline_dateline", lines=["(테크타임즈=박하늘 기자) 테크기업이 상장했다.", "(사진=테크기업 제공)"])
    assert c.kept == [TITLE, "테크기업이 상장했다.", "(사진=테크기업 제공)"]  # a photo credit is no dateline
    assert (c.meta.outlet, c.meta.reporters) == ("테크타임즈", ["박하늘"])
    # A wire photo credit above the byline names the agency's outlet only weakly.
    c = only("byline_dateline", lines=["(AFP=연합뉴스) 행사장 모습.", "[세종=뉴시스] 김가람 기자 = 본문이다."])
    assert c.meta.outlet == "뉴시스"


def test_rule_byline_equals():
    c = only("byline_equals", lines=["김가람 이나래 기자 = 테크기업이 실적을 발표했다.", "가격 = 원가 + 마진"])
    assert c.kept == [TITLE, "테크기업이 실적을 발표했다.", "가격 = 원가 + 마진"]
    assert c.meta.reporters == ["김가람", "이나래"]


def test_rule_byline_outlet_tag():
    c = only("byline_outlet_tag", lines=["[파이낸셜뉴스] 테크기업이 투자를 유치했다.", "[단독] 테크기업, 인수 추진"])
    assert c.kept == [TITLE, "테크기업이 투자를 유치했다.", "[단독] 테크기업, 인수 추진"]
    assert c.meta.outlet == "파이낸셜뉴스"


def test_rule_reporter_email():
    c = assert_drops("reporter_email", ["김가람 (garam@techtimes.example)", "이나래 기자 narae@daily.example",
                                        "press@techtimes.example", "테크타임즈 뉴스룸 news@techtimes.example",
                                        "문의 (help@techtimes.example)", "기사제보 및 보도자료 desk@techtimes.example"],
                     ["문의는 이메일(help@tech.example)로 받는다고 회사는 밝혔다."])
    assert c.meta.reporters == ["김가람", "이나래"]
    c = assert_drops("reporter_email", ["창원=김가람 기자 garam@tech.example"], [BODY])
    assert c.meta.reporters == ["김가람"]
    c = assert_drops("reporter_email", ["김가람 기자 garam@tech.example·이나래 기자 narae@tech.example"], [BODY])
    assert c.meta.reporters == ["김가람", "이나래"]
    c = assert_drops("reporter_email", ["garam@tech.example 김가람 기자", "◎공감언론 뉴시스 press@tech.example"], [BODY])
    assert c.meta.reporters == ["김가람"]  # an outlet's name is not a reporter


def test_rule_reporter_email_tail():
    c = only("reporter_email_tail", lines=["테크기업은 연내 출시할 계획이다. /김가람 기자 garam@techtimes.example",
                                           "12일 행사장 모습. 2024.5.12. photo@agency.example",
                                           "양산은 내년이다. /이나래 기자", "비율은 1/2 기자단 몫",
                                           "거래를 마쳤다. 박하늘 기자", "주가는 올랐다. 증권가 기자들"])
    assert c.kept == [TITLE, "테크기업은 연내 출시할 계획이다.", "12일 행사장 모습. 2024.5.12.", "양산은 내년이다.",
                      "비율은 1/2 기자단 몫", "거래를 마쳤다.", "주가는 올랐다. 증권가 기자들"]
    assert c.meta.reporters == ["김가람", "이나래", "박하늘"]


def test_rule_reporter_line():
    c = assert_drops("reporter_line", ["김가람 기자", "/이나래·박하늘 기자", "글·사진=최보라 기자", "정다온 특파원"],
                     ["김가람 기자는 현장을 취재했다."])
    assert c.meta.reporters == ["김가람", "이나래", "박하늘", "최보라", "정다온"]
    # the outlet's name before the reporter's: a known outlet is read, one more name is a reporter
    c = assert_drops("reporter_line", ["데일리안 권가온 기자", "SBS Biz 한다솜 기자", "김가람 이나래 기자"],
                     ["데일리안 권가온 기자가 현장을 취재했다."])
    assert c.meta.outlet == "데일리안"
    assert c.meta.reporters == ["권가온", "한다솜", "김가람", "이나래"]
    assert only("reporter_line", lines=["서채윤 기자 다른기사 보기", "윤태경 기자(다른기사 보기)"]).kept == [TITLE]
    c = only("reporter_line", lines=["산업부 홍길동 기자"])  # a desk: neither an outlet nor a reporter
    assert (c.meta.outlet, c.meta.reporters) == (None, ["홍길동"])
    # an outlet we do not list, said before the name, is still the outlet (weakly: a byline beats it)
    assert only("reporter_line", lines=["테크타임즈 나유라 기자"]).meta.outlet == "테크타임즈"


def test_rule_copyright_notice():
    c = only("copyright_notice", lines=[
        "Copyright © 테크타임즈. 무단전재 및 재배포 금지.",
        "[ⓒ 한국경제 & hankyung.com, 무단전재 및 재배포 금지]",
        "<저작권자 © 데일리테크 무단전재-재배포 금지>",
        "무단전재 및 재배포 금지",
        "12일 행사장 모습. Copyright (C) 뉴스에이전시. All rights reserved. 무단 전재, AI 학습 이용 금지.",
        "출판사들은 AI 기업의 무단 전재 및 학습 이용을 금지해 달라고 요구했다.",
        "13일 공장 전경. 2024.5.13 [테크기업 제공. 재판매 및 DB 금지]",
    ])
    assert c.kept == [TITLE, "12일 행사장 모습.", "출판사들은 AI 기업의 무단 전재 및 학습 이용을 금지해 달라고 요구했다.",
                      "13일 공장 전경. 2024.5.13"]
    assert c.meta.outlet == "테크타임즈"
    # an outlet's Latin name is read as its Korean one
    c = only("copyright_notice", lines=["Copyright © ZDNet Korea. 무단전재 및 재배포 금지."])
    assert c.meta.outlet == "지디넷코리아"
    assert only("copyright_notice", lines=["Copyright by dongA.com All rights reserved."]).meta.outlet == "동아일보"
    c = only("copyright_notice", lines=["Copyright by techtimes.example All rights reserved."])
    assert c.meta.outlet == "techtimes"  # 'by' is no outlet


def test_rule_copyright_mark_line():
    assert_drops("copyright_mark_line", ["ⓒ 테크타임즈", "Copyright © 데일리테크 & daily.example", "<저작권자 ⓒ 블로터>",
                                         "ⓒ 세상을 여는 창, 믿음의 미디어 국민일보"],
                 ["ⓒ 표시는 저작권을 뜻한다고 설명했다."])


def test_rule_print_edition():
    c = assert_drops("print_edition", ["지면 : 2025-04-23 7면", "[지면 A12면]", "2025년 4월 23일자 3면 게재", "지면보기"],
                     ["이 기사는 7면에 실린 기사를 보완한 것이다.", "경기 3면"])
    assert c.meta.date is None  # the print date is not read as the publication date


def test_rule_date_stamp():
    c = assert_drops("date_stamp", ["입력 2024.03.28. 오전 10:12 수정 2024.03.29. 오후 1:05", "03.28 (목)",
                                    "송고시간 2024-03-27 09:00"],
                     ["2024년 3월 28일 테크기업은 신제품을 공개했다.", "3월 5일"])
    assert c.meta.date == "2024-03-28"  # 입력 (published) beats an earlier-listed or later 수정/송고 date
    c = only("date_stamp", lines=["수정 2025-01-09 08:00", "기사입력 2025.01.08 17:30"])
    assert c.meta.date == "2025-01-08"
    assert only("date_stamp", lines=["01.08 (수)"]).meta.date is None  # no year: no date
    assert only("date_stamp", lines=["공개 2025-12-01 07:10:21"]).meta.date == "2025-12-01"  # some outlets say 공개
    assert only("date_stamp", lines=["기사수정 2025-09-24 10:17"]).meta.date == "2025-09-24"
    # a weekday in hanja, as some papers print it
    assert only("date_stamp", lines=["게재 일자 : 2026년 05월 15일(金)"]).meta.date == "2026-05-15"
    assert only("date_stamp", lines=["입력: 2026.05.27 10:05 / 수정: 2026.05.28 10:32"]).meta.date == "2026-05-27"
    assert only("date_stamp", lines=["Published : 2026-01-20"]).meta.date == "2026-01-20"
    # where it ran in print may close the line; the print day is not the publication date
    assert only("date_stamp", lines=["입력2025.11.03 17:48 수정2025.11.04 01:12 지면A14"]).meta.date == "2025-11-03"


def test_rule_end_mark():
    assert_drops("end_mark", ["(끝)", "<END>"], ["끝까지 협상하겠다고 밝혔다."])


def test_rule_tag_list():
    assert_drops("tag_list", ["#AI #반도체 #테크기업", "관련 태그", "키워드: #클라우드 #보안", "이슈 #AI기본법 #MWC2026"],
                 ["#1 자리를 지키겠다는 각오다."])


def test_rule_related_header():
    assert_drops("related_header", ["▶ 관련기사", "많이 본 뉴스", "이 시각 인기 뉴스", "테크타임즈 주요뉴스",
                                    "▶ 관련기사 : 테크기업, 새 칩 공개", "가상 이런 기사 어때요?"],
                 ["관련 기사에 따르면 테크기업은 매출이 늘었다."])


def test_rule_headline_list():
    c = clean("\n".join([TITLE, BODY, "- 소제목처럼 보이는 목록 항목", "Copyright © 테크타임즈. 무단전재 및 재배포 금지.",
                         "- 가상 헤드라인 하나…업계 촉각", "- “가상 헤드라인 둘” 논란", "인기 기사",
                         "가상 헤드라인 셋(종합)", "가상 헤드라인 넷"]))
    assert c.dropped("headline_list") == ["- 가상 헤드라인 하나…업계 촉각", "- “가상 헤드라인 둘” 논란",
                                          "가상 헤드라인 셋(종합)", "가상 헤드라인 넷"]
    assert "- 소제목처럼 보이는 목록 항목" in c.kept  # before the copyright tail: article text
    # A short caption after the reporter's e-mail is still a sentence, not a headline.
    c = clean("\n".join([TITLE, BODY * 3, "김가람 기자 garam@techtimes.example",
                         "▲김가상 대표가 발표하고 있다. (사진=테크기업) 2024.5.12.", "- 가상 헤드라인 하나"]))
    assert c.dropped("headline_list") == ["- 가상 헤드라인 하나"]
    # A reporter credited at the top does not turn the article's own list into page furniture.
    c = clean("\n".join([TITLE, "김가람 기자 garam@techtimes.example", BODY * 3, "- 첫째 과제: 전력 확보",
                         "- 둘째 과제: 인재 확보", BODY]))
    assert c.dropped("headline_list") == []
    # "▶ 관련기사: headline" is a one-line link; the sub-headline after it stays.
    c = clean("\n".join([TITLE, BODY, "▶ 관련기사: 테크기업, 새 칩 공개", "양산 일정 앞당겨", BODY + " 추가"]))
    assert "양산 일정 앞당겨" in c.kept


def test_rule_headline_list_items_that_end_in_a_verb():
    # Under a list header, or below the tail: '...넘었다' without a full stop, and ranked items, are headlines.
    c = clean("\n".join([TITLE, BODY * 3, "김가람 기자 garam@techtimes.example", "가상일보 관련뉴스",
                         "가상 거래소 수수료 경쟁…“0.1%까지 내린다”", "가상 은행 대출 비중 30% 돌파", "가상일보 인기기사",
                         "1 가상 데이터센터 전력 어쩌나", "2 [IT 클로즈업] 가상폰 교체 주기 4년 넘었다",
                         "가상일보 | 서울 중구 가상로 0 | 대표전화 02-000-0000", "Copyright © 가상일보. All rights reserved."]))
    assert c.kept == [TITLE, BODY * 3]
    # Before the tail a sub-headline without a full stop is article text.
    c = clean("\n".join([TITLE, BODY, "매출 두 배로 늘었다", BODY * 3, "김가람 기자 garam@techtimes.example"]))
    assert "매출 두 배로 늘었다" in c.kept


def test_rule_breadcrumb():
    c = assert_drops("breadcrumb", ["테크 > 스타트업", "경제·금융 > 금융정책", "홈 › IT › 모바일"],
                     ["매출은 1년 새 10억원 > 20억원으로 두 배가 됐다고 회사는 밝혔다."])
    assert c.meta.title == TITLE


def test_rule_site_tagline():
    c = assert_drops("site_tagline", ["가상일보 | 테크 산업 전문 미디어", "데일리테크 | 미래를 보는 IT 뉴스"],
                     ["가상일보와 데일리테크는 공동 취재팀을 꾸렸다."])
    assert c.meta.outlet == "가상일보"


def test_rule_site_footer():
    assert_drops("site_footer", ["가상일보 | 서울특별시 중구 가상로 000 | 등록번호 서울 아 00000 | 발행·편집인 홍길순",
                                 "사업자등록번호 000-00-00000 | 청소년보호책임자 김가람", "대표전화 02-000-0000"],
                 ["신문사 등록번호를 위조한 사이트가 적발됐다."])


def test_rule_byline_date():
    c = assert_drops("byline_date", ["김가람 기자 | 입력 : 2025-10-14 14:32:10", "이나래 기자  공개 2025-12-01 07:10:21",
                                     "김가람 기자  |  입력 2025.10.30 14:20  |  댓글 0",
                                     "박하늘 기자 sky@techtimes.example 2025-11-02 16:21:34",
                                     "기자명 정다온 기자   입력 2026.02.10 09:12   댓글 0"],
                     ["김가람 기자는 2025년 10월 14일 현장을 찾았다."])
    assert c.meta.reporters == ["김가람", "이나래", "박하늘", "정다온"]
    assert c.meta.date == "2025-10-14"


def test_rule_ticker_row():
    assert_drops("ticker_row", ["코스피 2,500.12 ▲ 10.3 (+0.41%)", "비트코인 9,000만원 ▼ 1.2%",
                                "테크기업 123456 52,300원 ▲ 1,100 (+2.15%)", "나스닥 17,230.50 -120.4",
                                "코스피 2,810.11 ▲12.40 +0.44% | 코스닥 850.20 ▼3.10 -0.36% | 원·달러 1,390.00 ▲1.50",
                                "[가상 마켓] 코스피 2,711.35 ▲12.40 (+0.46%) | 국고채 3년 2.681% ▼0.012",
                                "주요 증시 코스피 2,698.20 ▼4.11 (-0.15%) | 코스닥 739.55 ▲1.02 (+0.14%)",
                                "국고채 3년 2.715% ▼1.2bp | 국고채 10년 2.948% ▼0.8bp | 달러-원 1,352.40 ▲2.10"],
                 ["코스피는 2,500선을 회복했다.", "테크기업 주가 ▲3%…신고가"])


def test_rule_quote_table_header():
    assert_drops("quote_table_header", ["종목명 현재가 등락률", "코인 시세"], ["종목별 현재가는 다음과 같다."])


def test_rule_quote_block():
    c = only("quote_block", lines=["테크기업", "123456", "KOSDAQ", "52,300", "▲ 1,100", "+2.15%", BODY, "10%", BODY,
                                   "▼ 300"])
    assert c.kept == [TITLE, BODY, "10%", BODY]  # one bare number may be text; a signed change is not
    assert c.dropped("quote_block") == ["테크기업", "123456", "KOSDAQ", "52,300", "▲ 1,100", "+2.15%", "▼ 300"]


def test_rule_app_promo():
    assert_drops("app_promo", ["▶ 네이버에서 테크타임즈를 구독하세요!", "▶ 테크타임즈 앱 다운로드", "카카오톡 채널 친구 추가",
                               "▶ 뉴스레터 무료로 받아보세요", "메인에서 바로 보는 뉴스 지금 구독해보세요!",
                               "트위터 @techtimes_graphics", "재미가득 [영상보기▶] , 오늘의 운세 [운세보기▶]",
                               "[가상TV] 하이브리드 본딩, 판도 바꿀까…영상 보러 가기"],
                 ["김가상 대표는 “새 앱을 꼭 만나보세요”라고 말했다."])


def test_rule_editorial_note():
    assert_drops("editorial_note", ["※ 이 기사는 AI의 도움을 받아 작성됐습니다.", "본 기사는 유료 플랫폼에 먼저 게재됐습니다.",
                                    "※ 투자 판단의 책임은 투자자 본인에게 있습니다.", "▶ 기사 제보 tip@example.com",
                                    "[광고]", "제보는 카카오톡 tipline"],
                     ["제보에 따르면 테크기업은 지난달 감사를 받았다."])


def test_rule_broadcast_banner():
    assert_drops("broadcast_banner", ["LIVE 지금 방송중 ▶ 성공투자 오후증시", "ON AIR ▶ 경제현장 오늘 LIVE | 편성표 보기",
                                      "실시간 인기 검색어 1 금리 2 배달앱 3 삼성전자"],
                 ["테크기업은 LIVE 커머스 매출이 두 배로 늘었다고 밝혔다.", "생방송 중 사고가 났다는 지적이 나왔다."])


def test_broadcast_banner_leaves_headlines_and_is_quick_on_long_lines():
    import time

    keep = ["LIVE 커머스 시장 5조 돌파", "갤럭시 언팩 ON AIR 생중계 시작", "넷플릭스, 'LIVE' 스포츠 중계 확대"]
    assert only("broadcast_banner", lines=keep).kept == [TITLE, *keep]
    start = time.perf_counter()
    only("broadcast_banner", lines=["검색어 " + " ".join(f"{n} 9{n}" for n in range(1, 60)) + " 끝."])
    assert time.perf_counter() - start < 1.0


def test_rule_broadcast_signoff():
    c = assert_drops("broadcast_signoff", ["한국경제TV 고영민입니다.", "SBS Biz 윤태경입니다."],
                     ["김가상입니다.", "연합뉴스 보도에 따르면 그렇습니다."])
    assert c.meta.reporters == ["고영민", "윤태경"]
    assert only("broadcast_signoff", lines=["SBS 뉴스입니다."]).meta.reporters == []


def test_rule_dated_menu():
    assert_drops("dated_menu", ["2026년 06월 16일 (화) | 구독신청 | 로그인 | 회원가입 | 모바일웹"],
                 ["2026년 6월 16일 | 테크기업이 신제품을 공개했다."])
    # a date stamp is date_stamp's, and gives the date
    c = only("dated_menu", "date_stamp", lines=["2025.10.14 | 입력 14:32 | 수정 15:00"])
    assert c.dropped("date_stamp") and c.meta.date == "2025-10-14"


def test_rule_flash_ticker():
    flash = ["[속보] 한은, 기준금리 2.25% 동결", "[속보] 5월 수출 612억달러…석 달째 증가"]
    c = clean("\n".join([*flash, TITLE, BODY]), rules=[by_name("flash_ticker")])
    assert c.dropped("flash_ticker") == flash and c.meta.title == TITLE
    c = clean("\n".join(["[속보] 테크기업, 새 AI 칩 공개", BODY]), rules=[by_name("flash_ticker")])
    assert c.meta.title == "[속보] 테크기업, 새 AI 칩 공개"  # one is the article's own headline


def test_rule_photo_credit():
    assert_drops("photo_credit", ["(사진=테크기업 제공)", "[그래픽=김가람 기자]", "자료: 가상통계청", "사진 제공=데일리테크",
                                  "/사진=게티이미지뱅크", "[테크기업 제공. 재판매 및 DB 금지]", "/테크기업 제공"],
                 ["▲김가상 대표가 발표하고 있다. (사진=테크기업)"])


def test_rule_caption_credit():
    c = only("caption_credit", lines=["김가상 대표가 시연하고 있다. [사진: 테크기업]", "가온전자 신임 대표. / 사진=가온전자",
                                      "서울 본사 전경. /가온 CNS", "관계자들이 협약식을 하고 있다. 사진=하람전자",
                                      "협약식 모습 (사진=가상일보)", "매출은 3.5/10 수준이다", "비율은 1/3이다."])
    assert c.kept == [TITLE, "김가상 대표가 시연하고 있다.", "가온전자 신임 대표.", "서울 본사 전경.",
                      "관계자들이 협약식을 하고 있다.", "협약식 모습", "매출은 3.5/10 수준이다", "비율은 1/3이다."]


def test_rule_lone_outlet():
    # The byline names the outlet; its name alone later is an image credit. Known agencies too.
    c = only("byline_bracket", "lone_outlet", lines=["[테크타임즈 김가람 기자] 테크기업이 투자했다.", "테크타임즈",
                                                     "/게티이미지뱅크", "연합뉴스", "[연합뉴스 자료사진]",
                                                     "테크타임즈는 창간 10주년을 맞았다."])
    assert c.dropped("lone_outlet") == ["테크타임즈", "/게티이미지뱅크", "연합뉴스", "[연합뉴스 자료사진]"]
    assert c.kept[-1] == "테크타임즈는 창간 10주년을 맞았다."
    # an outlet's Latin masthead name, alone on its line
    assert only("lone_outlet", lines=["연합뉴스", "Yonhap News Agency", TITLE, BODY]).dropped("lone_outlet") == [
        "연합뉴스", "Yonhap News Agency"]


def test_rule_masthead():
    # The masthead with a slogan, a date or a Latin name, above the title; never a line below the lead.
    mast = ["데일리안 - 이슈 그 한 발 앞에", "오늘의 문화일보 | 2026년 05월 15일(金)", "뉴스웨이 NEWSWAY", "EKN 에너지경제신문"]
    c = clean("\n".join([*mast, TITLE, BODY, "데일리안 - 이슈 그 한 발 앞에"]), rules=[by_name("masthead")])
    assert c.dropped("masthead") == mast
    assert c.kept == [TITLE, BODY, "데일리안 - 이슈 그 한 발 앞에"]
    assert c.meta.title == TITLE
    # an outlet we do not list is known from the byline; a headline naming an outlet is no masthead
    c = clean("\n".join(["테크타임즈 TECHTIMES", "문화일보, 창간 35주년 포럼 열어…AI 미래 논의", "[테크타임즈 김가람 기자] " + BODY]),
              rules=[by_name("byline_bracket"), by_name("masthead")])
    assert c.dropped("masthead") == ["테크타임즈 TECHTIMES"]
    assert c.meta.title == "문화일보, 창간 35주년 포럼 열어…AI 미래 논의"
    # under the outlet's name: its slogan and Latin name, once a menu below shows they were not the headline;
    # the name at the top names the brand over a copyright line
    rules = [by_name(n) for n in ("lone_outlet", "menu_bar", "copyright_mark_line", "masthead")]
    c = clean("\n".join(["비즈워치", "Business Watch", "특종에 강한 비즈워치", "홈 | 경제 | 산업", TITLE, BODY, "ⓒ 비즈니스워치"]),
              rules=rules)
    assert c.dropped("masthead") == ["특종에 강한 비즈워치"] and c.dropped("lone_outlet") == ["비즈워치", "Business Watch"]
    assert c.meta.title == TITLE and c.meta.outlet == "비즈워치"
    # several Latin words before the name, a slogan with an apostrophe; the masthead's Korean name is the outlet
    c = clean("\n".join(["Platum 플래텀", "Startup's Story Platform", "뉴스 | 투자 | 인터뷰", TITLE, BODY,
                          "Copyright © Platum. All rights reserved."]), rules=rules)
    assert c.dropped("masthead") == ["Platum 플래텀", "Startup's Story Platform"] and c.meta.outlet == "플래텀"
    # a headline naming a broadcaster, below the top of the page, or first but joined by a middle dot
    page = ["홈 | 경제 | 산업", "로그인", "IT | 과학", "전체메뉴", "증권 | 금융", "뉴스 | 정치", "SBS - 넷플릭스와 콘텐츠 동맹 강화", BODY]
    assert clean("\n".join(page), rules=rules).meta.title == "SBS - 넷플릭스와 콘텐츠 동맹 강화"
    assert clean("\n".join(["KBS·MBC 수신료 분리징수 논란", BODY]), rules=rules).meta.title == "KBS·MBC 수신료 분리징수 논란"
    c = clean("\n".join(["비즈워치", "네이버 새 AI 공개", "2026.01.08 입력", BODY]), rules=rules)  # no menu after it
    assert c.meta.title == "네이버 새 AI 공개"


def test_rule_summary_bullets():
    summary = ["AI 요약 ⓘ", "· 실적 사상 최고, 수익성도 개선", "· 결제 사업이 성장 견인"]
    c = only("summary_bullets", lines=[*summary, BODY, "- 목록의 한 줄"])
    assert c.dropped("summary_bullets") == summary
    assert c.kept == [TITLE, BODY, "- 목록의 한 줄"]
    # unbulleted lines under the header are the outlet's sub-headlines, and stay
    c = only("summary_bullets", lines=["실적 요약", "· 매출 4120억원, 31% 증가", BODY])  # a sub-headline
    assert c.kept == [TITLE, "실적 요약", "· 매출 4120억원, 31% 증가", BODY]
    c = only("summary_bullets", lines=["기사내용 요약", "테크기업, 새 AI 칩 공개", BODY])
    assert c.dropped("summary_bullets") == ["기사내용 요약"]
    assert c.kept == [TITLE, "테크기업, 새 AI 칩 공개", BODY]


def test_rule_pre_title_menu():
    c = clean("\n".join(["PORTAL", "프리미엄", "연재", "techdaily.kr", TITLE, "짧은말", BODY]),
              rules=[by_name("pre_title_menu")])
    assert c.dropped("pre_title_menu") == ["PORTAL", "프리미엄", "연재", "techdaily.kr"]
    assert c.kept == [TITLE, "짧은말", BODY]
    c = clean("\n".join(["AI 칩 전쟁", BODY]), rules=[by_name("pre_title_menu")])  # a short title with a space
    assert c.kept[0] == "AI 칩 전쟁"


def test_rule_summary_block():
    lead = "테크기업이 새 AI 칩을 공개하며 시장 공략에 나섰다."
    quote = '김가상 대표는 "연내 양산하겠다"고 말했다.'
    page = [f"{TITLE}", "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.", lead, quote, "소제목: 양산 일정",
            f"[테크타임즈 김가람 기자] {lead} 업계는 긴장했다.", "김가상 대표는 “연내 양산하겠다”고 말했다."]
    c = clean("\n".join(page), rules=[by_name(n) for n in ("summary_disclaimer", "byline_bracket", "summary_block")])
    assert c.dropped("summary_block") == [lead, quote]  # repeated below (quotes differ: still a repeat)
    assert c.kept[1] == "소제목: 양산 일정"
    # A summary that says something the body does not is kept.
    c = clean("\n".join([TITLE, "자동 추출 기술로 요약된 내용입니다.", "요약에만 있는 문장이 여기 하나 더 있습니다.", BODY]),
              rules=[by_name("summary_disclaimer"), by_name("summary_block")])
    assert c.dropped("summary_block") == []


def test_rule_duplicate_paragraph():
    c = only("duplicate_paragraph", lines=[BODY, "소제목", BODY, "소제목 ", "다른 문단이다."])
    assert c.kept == [TITLE, BODY, "소제목", "다른 문단이다."]


# Sentences an article may well contain; no rule may touch them (rules describe kinds of
# boilerplate, so words like 댓글, 구독, 공유, 기자, 코스피, ⓒ in running text are not enough).
BODY_SENTENCES = [
    "테크기업은 댓글 기능을 개편하고 로그인 없이도 공감 버튼을 누를 수 있게 했다.",
    "회사는 유료 구독자 100만명을 확보했으며, 공유하기 기능을 강화했다고 밝혔다.",
    "코스피는 이날 1.2% 오른 2,650.30에 거래를 마쳤다.",
    "김가람 기자회견에서 대표는 “저작권 보호를 위해 무단 전재를 막겠다”고 강조했다.",
    "정부는 2024년 3월 28일 AI 기본법 시행령을 입법예고했다.",
    "관련 업계는 이번 조치가 이용자 보호에 도움이 될 것으로 본다.",
    "▲김가상 테크기업 대표가 12일 서울 강남구에서 열린 행사에서 발표하고 있다. (현지시간)",
    "네이버(NAVER)와 카카오는 각각 3000억원을 투자한다.",
    "많이 본 뉴스 상위권은 AI 관련 기사가 차지했다고 포털은 설명했다.",
    "이 기사를 쓴 기자는 현장에서 12시간을 머물렀다.",
    "사진 속 인물은 김가상 테크기업 대표다.",
    "韓·美 양국은 AI 안전 연구소 간 협력 각서(MOU)를 맺었다.",
    "검찰은 저작권자의 허락 없이 기사 3만건을 무단 복제해 AI 학습에 쓴 혐의로 업체를 기소했다.",
    "이 서비스는 무단 전재 및 재배포 금지 규정을 어긴 게시물을 자동으로 찾아낸다.",
]


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
def test_no_rule_removes_an_article_sentence(sentence):
    c = clean("\n".join([TITLE, "[테크타임즈 김가람 기자]", sentence, "Copyright © 테크타임즈. 무단전재 및 재배포 금지."]))
    assert c.kept == [TITLE, sentence]
