"""Heuristic rules that look at neighbouring lines rather than one line at a time.

Each function takes every line of the page (dropped ones included, so it can see where
a copyright notice or list header was) and the metadata found so far, and returns the
alive lines it drops. `rules.py` lists them with the pattern rules.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from annotator.cleaning.lines import Line
from annotator.cleaning.meta import OUTLET_KOREAN, OUTLETS, PHOTO_AGENCIES, MetaFinder, outlet_in

# A line that reads as a sentence: ends in a Korean sentence ending, maybe quoted or bracketed.
_SENTENCE = re.compile(r"(다|요|죠|음|함|됨|까|니다|했다)\s*[.!?…]*\s*[\"'”’)\]]*\s*$")
_INLINE = re.compile(r"[:：]\s*\S")
_BULLET = re.compile(r"^[-–—·•ㆍ▶▷►☞■□◆◇○●]\s*\S")
# Lines whose removal marks the end of the article proper: what follows is page furniture.
TAIL_RULES = {"copyright_notice", "copyright_mark_line", "reporter_email", "reporter_line", "end_mark"}
LIST_HEADER_RULES = {"related_header"}


# What may trail a sentence without making it less of one: a credit "(사진=네이버)", a date, "/뉴스1".
_TRAILER = re.compile(r"(?:\s*(?:[\[(<][^\[\]()<>]{0,30}[\])>]|\d{4}\.\s*\d{1,2}\.\s*\d{1,2}\.?|/\S{1,12}))+\s*$")


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE.search(text) or _SENTENCE.search(_TRAILER.sub("", text)))


def headline_like(text: str) -> bool:
    return len(text) <= 100 and not is_sentence(text)


# Headlines in a list often end in a verb (…4년 넘었다, …"0.01%까지 내린다") but never with a full stop.
_FULL_STOP = re.compile(r"[.!?。]\s*[\"'”’)\]]*\s*$")
_RANK = re.compile(r"^\d{1,2}\s+")  # '2 [IT클로즈업] ...' in a most-read list


def listed_headline(text: str) -> bool:
    """A line under a list header or below the article's tail that reads as a headline."""
    return headline_like(text) or (len(text) <= 80 and not _FULL_STOP.search(text)) or bool(
        _RANK.match(text) and len(text) <= 100)


def headline_list(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """Headlines ('- headline', bare titles) after the copyright/e-mail tail or under a list header."""
    # A marker ends the article only once most of the page's text is above it (some outlets
    # credit the reporter at the top; headline lists below are short lines).
    total = sum(len(x.text) for x in lines)
    above, tail = 0, len(lines)
    for i, x in enumerate(lines):
        if x.dropped_by in TAIL_RULES and above >= total / 2:
            tail = i
            break  # the first such marker: a footer's own copyright line further down must not move it
        above += len(x.text)
    in_list = False
    for i, line in enumerate(lines):
        if line.dropped_by in LIST_HEADER_RULES:
            in_list = not _INLINE.search(line.text)  # "▶ 관련기사: headline" is a one-line link, not a list
            continue
        if not line.alive:
            continue
        if (i > tail or in_list) and listed_headline(line.text):
            yield line
        else:
            in_list = False


_NUMERIC_WORDS = re.compile(r"KOSPI|KOSDAQ|NASDAQ|NYSE|코스피|코스닥|나스닥|USD|KRW|포인트|만원|억원|원|달러|pt|%")
_NUMERIC_REST = re.compile(r"[\d\s,.+\-−▲▼△▽↑↓()|/]*")
# A character that is in no market word and not allowed in the rest: a line holding one is not
# numeric (the quick answer for every sentence, without rewriting it).
_NOT_NUMERIC = re.compile(r"[^\d\s,.+\-−▲▼△▽↑↓()|/"
                          + "".join(re.escape(c) for c in sorted(set(_NUMERIC_WORDS.pattern) - {"|"})) + "]")


def _numeric(text: str) -> bool:
    if _NOT_NUMERIC.search(text):
        return False
    rest = _NUMERIC_WORDS.sub("", text)
    return any(c.isdigit() for c in text) and bool(_NUMERIC_REST.fullmatch(rest))


_SIGNED = re.compile(r"[▲▼△▽↑↓]|^[+\-−]\s*\d")


def _exchange_only(text: str) -> bool:
    return not _NUMERIC_WORDS.sub("", text).strip() and bool(text.strip())


def quote_block(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """A stock/crypto quote widget split over lines: price, change, percent (and the name above)."""
    alive = [x for x in lines if x.dropped_by is None]
    i = 0
    while i < len(alive):
        if not _numeric(alive[i].text):
            i += 1
            continue
        j = i  # the run: numeric lines, with market words ("KOSPI") between them
        while j + 1 < len(alive) and (_numeric(alive[j + 1].text) or _exchange_only(alive[j + 1].text)):
            j += 1
        digits = sum(_numeric(x.text) for x in alive[i : j + 1])
        # One bare number ("10%") may be article text; a widget has several, or a ▲/▼/+/- change.
        if digits >= 2 or _SIGNED.search(alive[i].text):
            yield from alive[i : j + 1]
        else:
            i = j + 1
            continue
        prev = alive[i - 1] if i > 1 else None  # alive[0] is the title: never a widget label
        if digits >= 2 and prev is not None and len(prev.text) <= 20 and not is_sentence(prev.text):
            yield prev
        i = j + 1


def _page_outlets(meta: MetaFinder) -> tuple[str, ...]:
    """This page's own outlet, from its byline or the crawler's fields (an outlet the lists may lack)."""
    return tuple(v for v in (meta.get("outlet"), meta.fields.get("outlet")) if v)


def _alternation(names) -> str:
    """The names as one regex alternation, longest first (연합뉴스TV before 연합뉴스)."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


def lone_outlet(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """A line that is only an outlet or photo agency name (what an image credit leaves behind)."""
    lone = _lone_pattern(_page_outlets(meta))
    for line in lines:
        if line.dropped_by is None and lone.fullmatch(line.text):
            yield line


@functools.lru_cache(maxsize=256)
def _lone_pattern(extra: tuple[str, ...]) -> re.Pattern:
    """The known outlet and agency names plus this page's own outlet (from its byline or fields)."""
    alternation = _alternation((*OUTLETS, *OUTLET_KOREAN, *PHOTO_AGENCIES, *extra))
    return re.compile(rf"/?\s*[\[(<]?\s*(?:사진\s*=?\s*)?(?:{alternation})\s*(?:DB|제공|자료\s*사진|캡[처쳐]|화면\s*캡[처쳐])?"
                      rf"\s*[.\])>]?")


_MIN_SUMMARY = 20


def summary_block(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """The portal's auto-summary beside its disclaimer, when its sentences only repeat the body."""
    anchors = [i for i, x in enumerate(lines) if x.dropped_by == "summary_disclaimer"]
    if not anchors:
        return []
    alive = [x for x in lines if x.dropped_by is None]
    block: list[Line] = []

    def repeats(line: Line) -> bool:
        if len(line.key) < _MIN_SUMMARY or not is_sentence(line.text):
            return False
        taken = {id(x) for x in block}
        rest = "\n".join(x.loose for x in alive if x is not line and id(x) not in taken)
        return line.loose in rest

    for a in anchors:
        for step in (1, -1):
            j = a + step
            while 0 <= j < len(lines):
                cand = lines[j]
                j += step
                if not cand.alive or any(cand is b for b in block):
                    continue
                if cand is alive[0] or not repeats(cand):  # never the title
                    break
                block.append(cand)
    return block


_MENU_WORD = 12  # 'HeraldCorp', 'fnnews.com': a site's name over its menus


# The site's name as its masthead prints it: with a slogan or section after a separator ('데일리안 - 이슈 그
# 한 발 앞에', '오늘의 문화일보 | 2026년 05월 15일'), or beside its Latin name ('뉴스웨이 NEWSWAY', 'EKN 에너지경제신문').
_MAST_REST = r"(?:\s*[-|–—]\s*[^.…,\n]{1,30}|\s+[A-Za-z][A-Za-z0-9.&' ]{0,24})?"
_MAST_LEAD = r"(?:오늘의\s*|(?:[A-Za-z][A-Za-z0-9.&']{1,15}\s+){1,3})?"


def masthead(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """The outlet's masthead above the title (not only a lone name: lone_outlet takes those).
    Only before the first paragraph that reads as a sentence, so a headline list further down,
    or a lead that starts with an outlet's name, is never taken for one.

    Right under the outlet's name, its slogan or Latin name ('온라인 저널리즘의 미래', 'Business Watch')
    goes too, but only once a menu or ticker below it shows it was not the headline."""
    mast = _masthead_pattern(_page_outlets(meta))
    brand = False  # the outlet's name was seen at the top of the page
    pending: list[Line] = []
    for n, line in enumerate(lines):
        if line.dropped_by is not None:
            if line.dropped_by in _BRAND_RULES:
                brand = True
                if line.dropped_by == "lone_outlet" and line.text.strip() in OUTLETS:
                    meta.offer("outlet", line.text.strip(), 2)  # the page's own masthead names its brand
            elif line.dropped_by in _BELOW_MASTHEAD and pending:
                yield from pending
                pending = []
            continue
        if is_sentence(line.text):
            return
        if n < _TOP_LINES and mast.fullmatch(line.text):  # at the top: further down, 'SBS - 넷플릭스와 ...' is a headline
            yield line
            brand = True
            # the masthead names the brand ('Platum 플래텀' over 'Copyright © Platum'; Latin names read as Korean)
            meta.offer("outlet", outlet_in(line.text), 2)
        elif brand and n < _TOP_LINES and _SLOGAN.fullmatch(line.text):
            pending.append(line)


_TOP_LINES = 6
_BRAND_RULES = {"lone_outlet", "pre_title_menu", "site_address", "masthead"}
_BELOW_MASTHEAD = {"menu_bar", "ticker_row", "market_bar", "skip_link"}
# A slogan or Latin name: short, no digits and none of a headline's marks (, … quotes brackets).
_SLOGAN = re.compile(r"[^\d,…\"‘’“”\[\]()|:]{2,24}")


@functools.lru_cache(maxsize=256)
def _masthead_pattern(extra: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"{_MAST_LEAD}(?:{_alternation((*OUTLETS, *extra))})(?:신문|일보|뉴스)?{_MAST_REST}")


# A summary's header ('AI 요약 ⓘ', '핵심 요약', '기사 요약'); the bulleted lines under it are the summary.
_SUMMARY_HEADER = re.compile(r"[\[<【]?\s*(?:(?:[가-힣A-Za-z]{1,6}\s+)?(?:AI|인공지능)\s*|기사\s*내용\s*|기사\s*|핵심\s*|본문\s*"
                             r"|세\s*줄\s*|3줄\s*)요약(?:\s*(?:보기|ⓘ|ⓒ|\(?beta\)?|\(?베타\)?))*\s*[\]>】]?")  # not 실적 요약


_FLASH = re.compile(r"\[(?:속보|단독|긴급|1보|2보)\]\s*\S.{4,}")


def flash_ticker(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """A ticker of breaking headlines above the article: two or more '[속보] ...' lines in a row before the
    first paragraph (one alone may be the article's own headline)."""
    run: list[Line] = []
    for line in lines:
        if line.dropped_by is not None:
            continue
        if is_sentence(line.text) and not _FLASH.match(line.text):
            break
        if _FLASH.match(line.text):
            run.append(line)
            continue
        if len(run) >= 2:
            yield from run
        run = []
    if len(run) >= 2:
        yield from run


def summary_bullets(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """The bulleted lines right under a summary header: a machine summary, not the article
    (unbulleted lines under one stay: some outlets print their sub-headlines there)."""
    for i, line in enumerate(lines):
        if not _SUMMARY_HEADER.fullmatch(line.text):
            continue
        if line.dropped_by is None:
            yield line
        for nxt in lines[i + 1:]:
            if nxt.dropped_by is not None:
                continue
            if not _BULLET.match(nxt.text) or len(nxt.text) > 100:
                break
            yield nxt


def pre_title_menu(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """Single short words ('NAVER', '프리미엄', '연재') stacked above the title: no headline is one short word."""
    for line in lines:
        if not line.alive:
            continue
        if len(line.text) > _MENU_WORD or " " in line.text:
            return
        yield line


def duplicate_paragraph(lines: list[Line], meta: MetaFinder) -> Iterable[Line]:
    """Keep the first of identical paragraphs (scrapes repeat leads, captions and sub-headlines)."""
    seen: set[str] = set()
    for line in lines:
        if not line.alive:
            continue
        key = line.key
        if key in seen:
            yield line
        seen.add(key)
