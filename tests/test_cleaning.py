"""Cleaning as a whole: page -> title + body, metadata, repeats, the offset map, the sample corpus."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cleaning import clean_doc
from annotator.cleaning.pipeline import clean_text
from annotator.corpus import RawDoc, open_corpus
from tests.conftest import SAMPLE_CORPUS

PAGE = """본문 바로가기
홈 | 뉴스 | 경제 | IT/과학
05.02 (목)
테크기업, 차세대 AI 칩 ‘가온’ 공개…“연내 양산”
입력 2024.05.02. 오전 9:30 수정 2024.05.02. 오전 11:10
공유하기
글씨 크게/작게

[테크타임즈 김가람·이나래 기자] 테크기업이 차세대 AI 칩 ‘가온’을 공개했다.
<이미지를 클릭하시면 크게 보실 수 있습니다>
▲김가상 테크기업 대표가 2일 서울에서 ‘가온’을 소개하고 있다. (사진=테크기업)
양산 일정 앞당겨

김가상 대표는 “연내 양산하겠다”고 말했다.
김가상 대표는 “연내 양산하겠다”고 말했다.
코스피 2,700.00 ▲ 12.30 (+0.46%)
김가람 기자 garam@techtimes.example
좋아요 0 / 훈훈해요 0
Copyright © 테크타임즈. 무단전재 및 재배포 금지.
- 가상 헤드라인 하나…업계 촉각
- 가상 헤드라인 둘(종합)
"""

EXPECTED = """테크기업, 차세대 AI 칩 ‘가온’ 공개…“연내 양산”

테크기업이 차세대 AI 칩 ‘가온’을 공개했다.
▲김가상 테크기업 대표가 2일 서울에서 ‘가온’을 소개하고 있다.
양산 일정 앞당겨
김가상 대표는 “연내 양산하겠다”고 말했다."""


def test_page_becomes_title_blank_line_and_body_paragraphs():
    meta, text, offsets = clean_text(PAGE, {})
    assert text == EXPECTED
    assert meta.title == "테크기업, 차세대 AI 칩 ‘가온’ 공개…“연내 양산”"
    assert (meta.date, meta.outlet, meta.reporters) == ("2024-05-02", "테크타임즈", ["김가람", "이나래"])
    assert len(offsets) == len(text)


def test_offsets_map_every_kept_character_back_to_the_raw_page():
    _, text, offsets = clean_text(PAGE, {})
    for i, ch in enumerate(text):
        if offsets[i] == -1:
            assert ch == "\n"
        else:
            assert PAGE[offsets[i]] == ch
    kept = [o for o in offsets if o >= 0]
    assert kept == sorted(kept) and len(set(kept)) == len(kept)
    lead = text.index("테크기업이 차세대")  # after the stripped byline: points past it in the raw page
    assert PAGE[offsets[lead]:offsets[lead] + 9] == "테크기업이 차세대"
    assert PAGE[offsets[lead] - 2] == "]"


def test_raw_span_finds_a_cleaned_span_in_the_file():
    doc = RawDoc("a.txt", "a.txt", "0", PAGE, "utf-8")
    art = clean_doc(doc)
    start = art.text.index("가온")
    a, b = art.raw_span(start, start + 2)
    assert PAGE[a:b] == "가온"
    with pytest.raises(ValueError):
        art.raw_span(art.text.index("\n"), art.text.index("\n") + 1)


# Raw pages built from article-ish and boilerplate-ish pieces, plus arbitrary characters
# (whitespace, combining marks, controls), so rules fire, strip and drop in every order.
_PIECES = st.sampled_from([
    "[테크타임즈 김가람 기자] ", "(서울=연합뉴스) 이나래 기자 = ", "Copyright © 테크타임즈. 무단전재 및 재배포 금지.",
    "김가람 기자 garam@x.example", "입력 2024.05.02. 오전 9:30", "좋아요 0", "- 헤드라인", "▶ 관련기사",
    "코스피 2,700.00 ▲ 12.30", "테크기업이 AI 칩을 공개했다.", "소제목", "  ", "\t", "\x1b[31m", "\u200b", "ⓒ", "·",
    "(사진=테크기업)", "52,300", "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.",
])
_PAGE = st.lists(st.one_of(_PIECES, st.text(max_size=12), st.just("\n")), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PAGE)
def test_property_offsets_always_point_at_the_same_raw_characters(raw):
    _, text, offsets = clean_text(raw, {})
    assert len(offsets) == len(text)
    for i, ch in enumerate(text):
        if offsets[i] == -1:
            assert ch == "\n"
        else:
            assert raw[offsets[i]] == ch
    kept = [o for o in offsets if o >= 0]
    assert all(a < b for a, b in zip(kept, kept[1:], strict=False))
    assert "\n\n\n" not in text and text == text.strip()


def test_jsonl_fields_take_precedence_and_a_given_title_is_not_repeated():
    raw = "테크기업, 상장 추진\n테크기업이 상장을 추진한다.\nCopyright © 데일리테크. 무단전재 및 재배포 금지."
    fields = {"title": "테크기업, 상장 추진", "date": "2024-12-10T09:00:00+09:00", "outlet": "테크타임즈",
              "url": "https://example.com/a"}
    meta, text, offsets = clean_text(raw, fields)
    assert text == "테크기업, 상장 추진\n\n테크기업이 상장을 추진한다."
    assert (meta.title, meta.date, meta.outlet, meta.url) == ("테크기업, 상장 추진", "2024-12-10", "테크타임즈",
                                                             "https://example.com/a")
    assert offsets[0] == 0  # the title line is the raw one


def test_a_title_only_in_the_fields_is_inserted_text():
    meta, text, offsets = clean_text("테크기업이 상장을 추진한다.", {"title": "상장 추진"})
    assert text == "상장 추진\n\n테크기업이 상장을 추진한다."
    assert offsets[: len("상장 추진") + 2] == [-1] * (len("상장 추진") + 2)
    assert offsets[-1] == len("테크기업이 상장을 추진한다.") - 1


@pytest.mark.parametrize(("line", "outlet", "reporters"), [
    ("(서울=연합뉴스) 김가람 기자 = 본문이다.", "연합뉴스", ["김가람"]),
    ("[세종=뉴시스]이나래 기자 = 본문이다.", "뉴시스", ["이나래"]),
    ("[디지털데일리 박하늘기자] 본문이다.", "디지털데일리", ["박하늘"]),
    ("<저작권자 © 전자신문 무단전재-재배포 금지>", "전자신문", []),
    ("[ⓒ 한국경제 & hankyung.com, 무단전재 및 재배포 금지]", "한국경제", []),
    ("기사제공 머니투데이", "머니투데이", []),
    ("© 2024 테크타임즈. All rights reserved.", "테크타임즈", []),
])
def test_outlet_and_reporters_from_each_kind_of_byline(line, outlet, reporters):
    meta, _, _ = clean_text(f"가상 제목\n{line}\n본문 문장이다.", {})
    assert meta.outlet == outlet
    assert meta.reporters == reporters


def test_byline_outlet_beats_copyright_and_photo_credit():
    raw = "가상 제목\n(사진=연합뉴스)\n[테크타임즈 김가람 기자] 본문이다.\nCopyright © 데일리테크. 무단전재 및 재배포 금지."
    assert clean_text(raw, {})[0].outlet == "테크타임즈"


@pytest.mark.parametrize(("stamp", "date"), [
    ("입력 2024.03.28. 오전 10:12", "2024-03-28"),
    ("2024-03-28 10:12", "2024-03-28"),
    ("기사입력 2024.03.28", "2024-03-28"),
    ("등록 2024년 03월 28일 10시 12분", "2024-03-28"),
    ("03.28 (목)", None),
    ("입력 2024.02.30 10:00", None),  # not a real day
])
def test_date_only_where_the_page_gives_a_year(stamp, date):
    assert clean_text(f"가상 제목\n{stamp}\n본문 문장이다.", {})[0].date == date


def test_repeated_paragraphs_are_kept_once_in_first_place():
    raw = "가상 제목\n첫 문단이다.\n둘째 문단이다.\n첫  문단이다.\n셋째 문단이다."
    assert clean_text(raw, {})[1] == "가상 제목\n\n첫 문단이다.\n둘째 문단이다.\n셋째 문단이다."


def test_empty_and_boilerplate_only_pages_give_empty_text():
    assert clean_text("", {})[1:] == ("", [])
    meta, text, _ = clean_text("본문 바로가기\n공유하기\nCopyright © 테크타임즈. 무단전재 및 재배포 금지.", {})
    assert text == "" and meta.title is None and meta.outlet == "테크타임즈"


# --- the sample corpus -------------------------------------------------------------

BOILERPLATE = re.compile(
    r"무단\s*전재|재배포|Copyright|ⓒ|©|\w@\w|바로\s*가기|클릭하시면|좋아요\s*\d|훈훈해요|댓글\s*\d|첫 댓글|구독하|공유하기|"
    r"글씨\s*크게|글자\s*크기|[▲▼]\s*[\d,]+|기자\]|기자 =|^입력|송고|많이 본|인기 (뉴스|기사)|주요뉴스|^- |\x1b|"
    r"카테고리|섹션으로|예시\)|요약봇|권장합니다", re.M)


@pytest.fixture(scope="module")
def sample():
    corpus = open_corpus(SAMPLE_CORPUS)
    return corpus, {ref.id: clean_doc(corpus.load(ref.id)) for ref in corpus.refs}


def test_sample_corpus_has_the_promised_variety(sample):
    corpus, _ = sample
    assert corpus.skipped == []
    txt = [r for r in corpus.refs if r.id.endswith(".txt")]
    jsonl = [r for r in corpus.refs if "#" in r.id]
    assert len(txt) >= 12 and 2 <= len(jsonl) <= 3
    docs = {r.id: corpus.load(r.id) for r in corpus.refs}
    assert all(len(docs[r.id].text) > 1500 for r in txt)
    assert sum(d.encoding == "cp949" for d in docs.values()) == 2
    assert any("[bold]" in d.text and "[@click=app.quit]" in d.text for d in docs.values())
    assert any("\x1b[31m" in d.text for d in docs.values())


def test_every_sample_article_cleans_to_a_titled_article_without_boilerplate(sample):
    _, articles = sample
    for doc_id, art in articles.items():
        title, blank, *body = art.text.split("\n")
        assert title == art.meta.title and blank == "" and len(body) >= 6, doc_id
        assert art.meta.outlet, doc_id
        left = [m[0] for m in BOILERPLATE.finditer(art.text)]
        assert left == [], f"{doc_id} keeps boilerplate: {left}"


def test_sample_articles_keep_their_markup_captions_and_subheadlines(sample):
    _, articles = sample
    markup = articles["2024-09-prompt-injection-markup.txt"].text
    assert "‘[@click=app.quit]’ 같은 동작 태그" in markup and "[bold]무료 쿠폰[/bold]" in markup
    ces = articles["2025-01-ces-samsung-lg-ai-home-ansi.txt"]
    assert "‘모두를 위한 AI(AI for All)’를 주제로" in ces.text  # escape codes gone, words kept
    assert "가전 넘어 집 전체를 AI로 연결" in ces.text and ces.meta.date is None
    # a caption stays, the photo credit closing it goes
    assert "‘씽큐 온’을 소개하고 있다." in ces.text and "(사진=LG전자)" not in ces.text
    hbm = articles["2024-06-samsung-hbm-nvidia.txt"]
    assert hbm.text.split("\n")[2].startswith("삼성전자가 미국 엔비디아의")  # quote widget gone
    assert (hbm.meta.date, hbm.meta.outlet, hbm.meta.reporters) == ("2024-06-05", "한국경제", ["김민수"])
    crypto = articles["2024-11-upbit-bitcoin-rally-cp949.txt"]
    assert "12일 서울 강남구 업비트 라운지 전광판에 비트코인 시세가 표시돼 있다." in crypto.text
    assert crypto.meta.date == "2024-11-12"


@pytest.mark.parametrize("line", ["김가람 " * 2000, "김가람김가람" * 500, "김가람·" * 2000, "(서울=" * 2000,
                                  "ⓒ " * 3000 + "무단", "1,2" * 2000 + "▲", "a@" * 2000])
def test_long_junk_lines_clean_in_linear_time(line):
    import time

    start = time.perf_counter()
    clean_text(f"가상 제목\n{line}\n본문 문장이다.", {})
    assert time.perf_counter() - start < 2.0  # a backtracking regex takes minutes here
