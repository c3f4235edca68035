"""DATE, MONEY and QUANTITY over Kiwi's number (SN, NR) and unit morphemes.

A number is SN tokens with NR multipliers (137억5000만); what follows decides the label: a
currency -> MONEY, a counter or % -> QUANTITY, 년/월/일 -> DATE. Ranks (1위) are not quantities.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import itemgetter

from annotator.suggest.cand import Cand, make
from annotator.suggest.doc import Doc

CURRENCIES = ("원", "달러", "엔", "위안", "유로", "파운드", "루피", "弗", "페소", "링깃", "달러화", "엔화", "위안화",
              "루피아", "바트", "루블", "리라", "헤알", "디르함", "리얄")
COUNTERS = ("%", "％", "퍼센트", "%포인트", "%p", "％p", "포인트", "명", "곳", "건", "개", "개국", "개사", "배",
            "가지", "종", "개월", "년간", "주년", "대", "권", "편", "채", "석", "톤", "장", "회", "차례",
            "만명", "社", "GB", "TB", "MB", "PB", "MW", "GW", "kW", "km", "㎞", "kg", "m", "㎡", "평",
            "가구", "척", "팀", "개팀", "종목", "배럴", "mm", "nm", "큐비트",
            "t", "GWh", "MWh", "kWh", "TWh", "Gbps", "Mbps", "GHz", "MHz", "mAh", "cm", "bp", "㎏", "㎾", "㎿", "톤급")
DURATION = ("개월", "년간", "주간", "일간", "시간")  # these counters make a DATE (2개월, 10년간)
NOT_QUANTITY = ("위", "등", "호", "번째", "차", "세대", "층", "조")
DATE_WORDS = ("지난해", "올해", "내년", "작년", "재작년", "이달", "지난달", "다음달", "이번달", "연내", "연초",
              "연말", "상반기", "하반기", "올 상반기", "올 하반기", "이날", "오늘", "어제", "내일", "금주",
              "지난주", "이번주", "다음주", "내후년", "전날", "당일", "올초", "올 초", "연중", "월말", "월초",
              "내달", "익월", "차주", "하루", "이틀", "사흘", "나흘", "닷새", "엿새", "이레", "열흘", "보름")
DATE_PREFIX = ("지난", "올해", "오는", "내년", "작년", "지난해", "이번", "올", "다음", "최근", "향후", "앞으로")
QTY_PREFIX = ("약",)  # not 총: "총 2조5000억원" is the amount 2조5000억원 in every gold set
_FRACTION = re.compile(r"(?<![0-9.,])[0-9]+분의 ?[0-9]+(?![0-9])")
NUM_TAGS = ("SN", "NR")

_NUM_CHUNK = re.compile(r"^[0-9][0-9,.]*(조|억|만|천)?([0-9][0-9,.]*(억|만|천)?)*$")
_DATE_WORD_SET = frozenset(DATE_WORDS)
_HALF = re.compile(r"^(상|하)반기$|^[1-4]분기$")
_DATE_SURFACES = _DATE_WORD_SET | {"상반기", "하반기", "1분기", "2분기", "3분기", "4분기"}  # a chunk that is a date: what _HALF matches
_PREFIX_ENDS = frozenset(w[-1] for w in QTY_PREFIX + DATE_PREFIX)  # a prefix word ends with one of these
_DATE_PREFIX_NEAR = DATE_PREFIX[:-3]  # not 최근, 향후, 앞으로 before a day or month
_DURATION_PREFIX = ("최근", "지난", "향후", "앞으로")  # before a duration: 최근 10년간, 앞으로 3개월
_CURRENCY_SET, _COUNTER_SET = frozenset(CURRENCIES), frozenset(COUNTERS + DURATION)
_DURATION_SET, _NOT_QUANTITY_SET = frozenset(DURATION), frozenset(NOT_QUANTITY)
_NOT_DIGIT = re.compile(r"[^0-9]")
# One scan finds both two-word constructions by the letter before the space and the one after:
# 다음 달 / 이번 주 / 지난 달 (a relative month or week; 다음달 is one DATE_WORDS word) and a native
# numeral with a counter, 두 배 / 세 곳 / 다섯 명 (not 한: 한 곳 is mostly "a place"; not ranks).
_SPACED = re.compile(r"[음번난두세네섯곱덟홉열무] [달주배곳명개건척대가종차팀편채권]")
_RELATIVE_WORDS = frozenset({"다음", "이번", "지난"})
_NATIVE_NUMERALS = ("다섯", "여섯", "일곱", "여덟", "아홉", "스무", "두", "세", "네", "열")
NATIVE_COUNTERS = ("개국", "개사", "배", "곳", "명", "개", "건", "척", "대", "가지", "종", "차례", "팀", "편", "채",
                   "권", "달")  # 두 달: a duration, so a DATE
_NUMERAL_TAGS = frozenset({"MM", "NR"})
_NOMINAL_NEXT = frozenset({"NNG", "NNP", "NNB", "SL", "SN", "XSN", "NR"})
# A bare 억/조 amount is money where Korean headlines drop 원: 450억 시리즈B 유치, 매출 1조 돌파.
_MONEY_NEXT = re.compile(r" ?(?:(?:에|의|을|를|으로|로|은|는|이|가)? ?)(?:규모|시리즈|투자|유치|펀딩|조달|상당|어치|베팅"
                         r"|수주|계약|인수|매각|대출|손실|적자|흑자|펀드|예산|출자|매출|몸값|밸류|공급|납품|수출|판매|몰려|몰렸)")
_MONEY_BEFORE = re.compile(r"(?:매출액?|영업(?:이)?익|순(?:이)?익|손실|적자|흑자|투자금?|자본금|시가총액|시총|기업가치|몸값"
                           r"|예산|자금|펀드|인수가|거래액|수주액|계약금|조달|유치|가치|과징금|벌금|배상금|보상금|지원금|"
                           r"투자비|사업비|공사비|연봉)(?:은|는|이|가|을|를|도|만|으로|로)?"
                           r" (?:약 |총 |무려 )?$")
_start = itemgetter(0)  # Cand.start


_BEFORE_DATE = re.compile(r"(?<![가-힣0-9])(?:전년(?: 동기| 같은 기간| 동월| 동기간)?|전 거래일|전날|직전 분기|전 분기|전분기|전월"
                          r"|[0-9]+(?:년|개월|주) 전)")


def pattern_cands(doc: Doc) -> list[Cand]:
    out: list[Cand] = []
    toks = doc.tokens
    nxt = 0  # tokens before this one belong to a number already taken
    for i in [k for k, t in enumerate(toks) if t.tag == "SN"]:  # only SN tokens can start a number
        if i < nxt:
            continue
        if i and toks[i - 1].tag in ("SL", "SN") and toks[i - 1].end == toks[i].start:
            continue  # inside a code or a longer number (A4, 3.5)
        c, j = _number_phrase(doc, i)
        if c:
            out.append(c)
            nxt = j
    out += _date_words(doc)
    out += _spaced_counts(doc)
    if "전" in doc.text:  # 전년 (동기), 전 거래일, 1년 전: dates relative to the story's own (guidelines rule 8)
        out += [Cand(m.start(), m.end(), "DATE", 0.8, "pattern") for m in _BEFORE_DATE.finditer(doc.text)
                if doc.on_edges(m.start(), m.end())]
    if "분의" in doc.text:  # 5분의 1, 10분의 1: a ratio (not 5분, a duration)
        out += [Cand(m.start(), m.end(), "QUANTITY", 0.85, "pattern") for m in _FRACTION.finditer(doc.text)
                if doc.on_edges(m.start(), m.end())]
    text = doc.text
    return [_period_edge(doc, c) if c.label == "DATE" and text.startswith((" 초", " 말"), c.end) else c
            for c in _merge_dates(doc, out)]


def _period_edge(doc: Doc, c: Cand) -> Cand:
    """올해 초, 지난해 말, 3월 말: the start or end of a period belongs to the date (not 5일 말했다)."""
    text, e = doc.text, c.end
    if c.label != "DATE" or text[e:e + 2] not in (" 초", " 말") or (e + 2) not in doc.edges:
        return c
    nxt = next(doc.tokens_from(e + 2), None)
    if nxt is not None and nxt.start == e + 2 and not nxt.tag.startswith(("J", "S")):
        return c
    return Cand(c.start, e + 2, "DATE", c.score, c.source)


def _number_phrase(doc: Doc, i: int) -> tuple[Cand | None, int]:
    text, toks = doc.text, doc.tokens
    n = len(toks)
    j, t = i, toks[i]  # t: the last token of the number
    # the number: SN (NR SN?)* with no spaces, or "1억 5000만" with one space before an SN
    while j + 1 < n:
        nx = toks[j + 1]
        if nx.tag not in NUM_TAGS or nx.start - t.end > (1 if nx.tag == "SN" and t.tag == "NR" else 0):
            break
        j, t = j + 1, nx
    # a range: 10~20%, 3-4일 (the unit after the second number covers both)
    if j + 2 < n and toks[j + 1].start == t.end and text[t.end:toks[j + 1].end] in ("~", "-", "∼") \
            and toks[j + 2].tag == "SN" and toks[j + 2].start == toks[j + 1].end:
        j += 2
        while j + 1 < n and toks[j + 1].tag in NUM_TAGS and toks[j + 1].start == toks[j].end:
            j += 1
        t = toks[j]
    start, end = toks[i].start, t.end
    if start > 1 and text[start - 1] in "-." and text[start - 2].isalnum():  # part of a code or a version: 3.5-4
        return None, j + 1
    k = j + 1
    # the unit: the next token(s) with at most one space (8109억원, 1억 달러, 약 300 명)
    if k >= n or toks[k].start - end > 1:
        return _bare_money(doc, start, end, toks[j]), j + 1
    u = toks[k]
    unit = text[u.start:u.end]
    if k + 1 < n and toks[k + 1].start == u.end and text[u.start:toks[k + 1].end] in _COUNTER_SET:
        u = toks[k + 1]
        unit = text[toks[k].start:u.end]
    elif unit == "여" and u.tag == "XSN" and k + 1 < n and toks[k + 1].start - u.end <= 1:
        # 200여 명: keep 여 in the span
        k += 1
        u = toks[k]
        unit = text[u.start:u.end]
    if not unit:
        return None, j + 1
    unit_end = u.end
    if unit in _CURRENCY_SET or unit == "동" and toks[j].tag == "NR":  # 2600억동 (Vietnam's dong; not 3동)
        return make(Cand, (_prefix(doc, start, QTY_PREFIX), unit_end, "MONEY", 0.9, "pattern")), k + 1
    if unit in ("년", "월", "일", "분기", "반기"):
        return _date_from(doc, i, start, unit_end, unit), k + 1
    if unit in _NOT_QUANTITY_SET or unit.startswith("위"):
        return None, k + 1
    if unit in _DURATION_SET:
        if unit == "개월" and text[unit_end:unit_end + 1] == "간" and unit_end + 1 in doc.edges:
            unit_end += 1  # 6개월간, as 3년간
        return Cand(_prefix(doc, start, _DURATION_PREFIX), unit_end, "DATE", 0.8, "pattern"), k + 1
    if unit in _COUNTER_SET:
        if unit == "대" and not any(t.tag == "NR" for t in toks[i:j + 1]) and _int(text[start:end]) < 10:
            return None, k + 1  # 3대 강국 is "three major", not a count
        return make(Cand, (_prefix(doc, start, QTY_PREFIX), unit_end, "QUANTITY", 0.85, "pattern")), k + 1
    if u.tag not in ("NNB",):  # 2억 주, 3억 회 are counts; anything else may follow a bare amount
        money = _bare_money(doc, start, end, toks[j])
        if money is not None:
            return money, j + 1
    return None, k + 1


def _bare_money(doc: Doc, start: int, end: int, last) -> Cand | None:
    """A number ending in 억 or 조 without 원, where what follows or precedes it says money:
    450억 시리즈B 유치, 2800억 규모, 매출 1조2000억을 (not 가입자 1억 돌파, 2억 화소, 2억 주)."""
    text = doc.text
    if last.tag != "NR" or text[last.end - 1:last.end] not in ("억", "조"):  # 억, 조, 천억 (8천억)
        return None
    if _MONEY_NEXT.match(text, end) or _MONEY_BEFORE.search(text, max(0, start - 14), start):
        return Cand(_prefix(doc, start, QTY_PREFIX), end, "MONEY", 0.75, "pattern")
    return None


def _date_from(doc: Doc, i: int, start: int, end: int, unit: str) -> Cand | None:
    text = doc.text
    if unit == "년" and end < len(text) and text[end:end + 1] == "간":
        return Cand(_prefix(doc, start, ("최근", "지난", "향후")), end + 1, "DATE", 0.85, "pattern")
    num = text[start:end - len(unit)]
    if unit == "일" and _int(num) > 31:  # no day of a month: a duration in days (90일간, 100일 만에)
        return make(Cand, (_prefix(doc, start, _DURATION_PREFIX), end, "DATE", 0.8, "pattern")) \
            if _int(num) < 1000 else None
    if unit == "월" and _int(num) > 12:
        return None
    return make(Cand, (_prefix(doc, start, _DATE_PREFIX_NEAR), end, "DATE", 0.9, "pattern"))


def _date_words(doc: Doc) -> list[Cand]:
    chunks = doc.chunks
    return [Cand(chunks[i].start, chunks[i].end, "DATE", 0.85, "pattern")
            for i in compress(range(len(chunks)), map(_DATE_SURFACES.__contains__, doc.surfs))]


def _spaced_counts(doc: Doc) -> list[Cand]:
    """다음 달, 이번 주 -> DATE; 두 배, 세 곳, 다섯 명 -> QUANTITY (두 달: a duration, DATE): a word and a
    one-syllable noun after a space, where Kiwi read the numeral as one (MM or NR: not 문을 열 곳, 네 = yes)."""
    text, edges = doc.text, doc.edges
    out = []
    for m in _SPACED.finditer(text):
        p = m.start() + 2  # where the second word starts
        if text[m.start()] in "음번난":
            s = m.start() - 1
            if text[s:p - 1] not in _RELATIVE_WORDS or s and "가" <= text[s - 1] <= "힣":
                continue
            words: tuple[str, ...] = (text[p],)
        else:
            s = next((p - 1 - len(w) for w in _NATIVE_NUMERALS if text.startswith(w, p - 1 - len(w))), -1)
            if s < 0 or s and (text[s - 1].isalnum()):
                continue
            num = next(doc.tokens_from(s), None)
            if num is None or num.start != s or num.tag not in _NUMERAL_TAGS:
                continue
            words = NATIVE_COUNTERS
        if s not in edges:
            continue
        for w in words:
            e = p + len(w)
            if not text.startswith(w, p) or e not in edges:
                continue
            nxt = next(doc.tokens_from(e), None)
            if nxt is not None and nxt.start == e and nxt.tag in _NOMINAL_NEXT and text[e:nxt.end] != "만":
                break  # 두 번째, 이번 주가 (the share price), 다음 주주총회: a longer word
            if len(words) == 1:
                out.append(Cand(s, e, "DATE", 0.85, "pattern"))
            else:
                out.append(Cand(_prefix(doc, s, QTY_PREFIX), e, "DATE" if w == "달" else "QUANTITY", 0.8, "pattern"))
            break
    return out


def _merge_dates(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """2019년 10월 28일 and 지난해 10월 are one DATE: join dates separated by one space."""
    cands.sort(key=_start)
    out: list[Cand] = []
    for c in cands:
        if out and c.label == "DATE" == out[-1].label and c.start - out[-1].end == 1 \
                and doc.text[out[-1].end] == " " and _date_continues(doc.text[out[-1].start:out[-1].end],
                                                                     doc.text[c.start:c.end]):
            out[-1] = Cand(out[-1].start, c.end, "DATE", max(out[-1].score, c.score), "pattern")
        else:
            out.append(c)
    return out


def _date_continues(left: str, right: str) -> bool:
    order = {"년": 0, "해": 0, "월": 1, "달": 1, "일": 2}
    if left[-1] in "해년" and _HALF.match(right.split()[-1]):
        return True  # 올해 상반기, 2024년 1분기
    lu, ru = order.get(left[-1]), order.get(right[-1])
    if lu is None or ru is None or ru <= lu:
        return False
    return right[0].isdigit()


def _prefix(doc: Doc, start: int, words: tuple[str, ...]) -> int:
    """Extend `start` left over one prefix word (약 300명, 지난 5일) separated by one space.
    `words` are some of QTY_PREFIX and DATE_PREFIX (whose last letters _PREFIX_ENDS lists)."""
    text = doc.text
    if start < 2 or text[start - 1] != " " or text[start - 2] not in _PREFIX_ENDS:
        return start
    for w in words:
        s = start - 1 - len(w)
        if s >= 0 and text.startswith(w, s) and (s == 0 or not text[s - 1].isalnum()) and s in doc.edges:
            return s
    return start


def _int(s: str) -> int:
    digits = s if s.isascii() and s.isdigit() else _NOT_DIGIT.sub("", s)
    return int(digits[:9]) if digits else 0
