"""Names from morphology: proper-noun chunks, organisation suffixes, people by their titles,
parenthesised aliases, coordination with known names, events with a year.

Every rule works on chunks (see doc.py), so spans start and end on morpheme edges and never
hold a particle; a title is never inside a person span because titles are separate chunks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress, repeat
from operator import attrgetter, is_, itemgetter

from annotator.suggest.cand import Cand, make
from annotator.suggest.doc import Chunk, Doc
from annotator.suggest.lexical import Gazetteer
from annotator.suggest.vocab import (
    EVENT_SUFFIXES,
    GENERIC_NOUNS,
    INSTITUTION_SUFFIXES,
    LATIN_STOP,
    NAME_ONLY_SUFFIXES,
    ORG_CLASS_NOUNS,
    ORG_SUFFIXES,
    PERSON_TITLES,
    PRODUCT_CLASS_NOUNS,
    PROVINCES,
    SURNAMES,
    TITLE_SET,
    WEAK_SUFFIXES,
)

_HANGUL = re.compile(r"^[가-힣]+$")
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.\-]{1,9}$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_LOC_SUFFIX = ("동", "구", "군", "읍", "면", "밸리", "반도")
_FOREIGN_PER_TITLES = frozenset({"대통령", "부통령", "총리", "주석", "장관", "의원", "씨", "교수", "박사", "국무장관"})
# Words that, in the sentence of a subject, say the subject is a company (not a concept like 메타버스).
_BUSINESS_VERBS = re.compile(r"(투자를? 유치|유치했|설립했|인수했|합병했|상장|매출|영업이익|수주했|출시했|임직원|본사|창업했)")
VENUE_SUFFIXES = ("호텔", "볼룸", "컨벤션센터", "전시장", "경기장", "스타디움", "공항", "아레나", "컨벤션홀")
# Matched at a chunk's end with pattern.match(text, pos, endpos), so no "^": it would never match there.
_ORG_AFTER = re.compile(r"(에 따르면| 관계자| 측[은이의]? | 대변인| 주가| 임직원| 노조| 주주)")
_BASED_BEFORE = re.compile(r"(본사를|본사가|법인을|거점을) 둔 $")
_LAUNCHED = re.compile(r"[’'\"”]?(을|를) ?(새로 |처음 |정식 |공식 |국내에 |전격 )?(출시|공개|선보|개발|내놓|내놨|탑재|상용화)")
_HELD_AT = re.compile(r"에서 (?:열리|열린|열렸|개최)")
_ACRONYM_AFTER = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_DEFAULT_ORG_SCORE = 0.45
DEFAULT_ORG = False


_TITLE_LENGTHS = sorted({len(t) for t in PERSON_TITLES if len(t) >= 2}, reverse=True)
_ORG_SUFFIX_SET = frozenset(ORG_SUFFIXES) | frozenset(INSTITUTION_SUFFIXES)
_SUFFIX_LENGTHS = sorted({len(x) for x in _ORG_SUFFIX_SET}, reverse=True)
_SUFFIX_LAST = frozenset(x[-1] for x in _ORG_SUFFIX_SET)
_MEMO_LIMIT = 100_000  # chunk surfaces of a whole corpus: keep the memos bounded


def _remember(memo: dict, key, value):
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


_TITLE_MEMO: dict[str, str | None] = {}


def title_of(surface: str) -> str | None:
    """The title a chunk is or ends with (센터장, AI센터장 -> 센터장), else None."""
    try:
        return _TITLE_MEMO[surface]
    except KeyError:
        return _remember(_TITLE_MEMO, surface, _title_of(surface))


_TITLE_LAST = frozenset(t[-1] for t in TITLE_SET)


def _title_of(surface: str) -> str | None:
    if surface[-1:] not in _TITLE_LAST:  # most words: no title ends like them
        return None
    if surface in TITLE_SET:
        return surface
    for n in _TITLE_LENGTHS:
        if len(surface) - 6 <= n < len(surface) and surface[-n:] in TITLE_SET:
            return surface[-n:]
    return None


_SUFFIX_MEMO: dict[str, tuple[str, ...]] = {}


def _org_suffixes(s: str) -> tuple[str, ...]:
    """The organisation suffixes `s` ends with, longest first, each with something before it."""
    sufs = _SUFFIX_MEMO.get(s)
    if sufs is None:
        sufs = _remember(_SUFFIX_MEMO, s, _suffixes_of(s))
    return sufs


def _suffixes_of(s: str) -> tuple[str, ...]:
    if s[-1:] not in _SUFFIX_LAST:
        return ()
    return tuple([s[-n:] for n in _SUFFIX_LENGTHS if n < len(s) and s[-n:] in _ORG_SUFFIX_SET])


# What the rules ask of a chunk's surface alone, as bits memoised per surface: every article has
# ~800 chunks and the passes below would otherwise test each against suffix lists and word sets.
_HANGUL_F = 1  # all Hangul
_TITLED = 2  # title_of is not None
_SUFFIXED = 4  # _org_suffixes is not empty
_EVENT = 8  # ends with an event suffix, with something before it
_LOC_ENDING = 16  # 3+ syllables, no surname first, a place ending (pass 1)
_VENUE = 32
_ADMIN = 64  # shaped like a city, county, district or town (성남시, 중구)
_PROVINCE = 128
_ORG_CLASS = 256  # a class noun of organisations (스타트업 X)
_PRODUCT_CLASS = 512  # a class noun of products (플랫폼 X), and not of organisations
_GENERIC = 1024
_NAME_SHAPE = 2048  # is_korean_name but for its token test
_CUT_SHAPE = 4096  # cut_name (in morph_cands) but for its token test
_CLASS = _ORG_CLASS | _PRODUCT_CLASS
_PASS1 = _SUFFIXED | _EVENT | _LOC_ENDING
# chunks some pass looks at whatever their tokens: the passes walk only these
_MARKS = _PASS1 | _TITLED | _VENUE | _ADMIN | _PROVINCE | _CLASS

# Endings of a government body's name, and words with them that name none (a region, 정부 itself, a unit).
_GOV_ENDINGS = ("부", "청", "처", "성", "위원회", "국", "당국")
_NOT_GOV = frozenset({"북동부", "북서부", "남동부", "남서부", "중서부", "중동부", "본사부", "연방정부", "중앙정부", "지방정부",
                      "주정부", "자치정부", "사업부", "영업부", "인사부", "기획부", "연구부", "홍보부", "재무부서", "관계당국",
                      "금융당국", "규제당국", "보건당국", "경쟁당국", "통상당국", "사법당국", "수사당국", "방역당국", "외교부서",
                      "지역본부", "사업본부", "연구본부", "본부국", "가맹국", "회원국", "상대국", "수입국", "수출국",
                      "생산국", "개최국", "주최국", "동맹국", "우방국", "참가국", "당사국", "선진국", "개도국", "신흥국"})

# a determiner before a class noun: the noun points back to an organisation already named (이 회사, 해당 업체)
_THIS_ONE = re.compile(r"(?:^|(?<=[\s(]))(?:이|그|해당|같은|두|양|동) $")
_UNIT_ENDINGS = ("부문", "사업부", "본부", "사업단", "연구소장")  # units of a company, before a title

_FLAG_MEMO: dict[str, int] = {}
_NOT_GIVEN = _GENERIC | _CLASS | _TITLED | _SUFFIXED | _EVENT | _VENUE | _ADMIN | _PROVINCE
# Words that stand before "김 박사" and are no given name.
_ROLE_WORDS = frozenset({"담당", "소속", "출신", "당시", "신임", "전임", "후임", "현직", "연구팀", "개발팀", "책임", "주임",
                         "수석", "선임", "공동", "초대", "차기", "전직", "은퇴", "퇴임", "취임"})
# Compounds ending in these are organisation class nouns too (송금업체, 바이오기업, 장비제조사).
_ORG_CLASS_HEADS = ("기업", "스타트업", "업체", "제조사", "운용사", "운영사", "유통사", "증권사", "투자사", "개발사", "게임사", "제약사",
                    "전문기업", "벤처캐피털", "벤처캐피탈", "법인", "자회사", "합작사", "계열사")  # 합작법인, 손자회사


def _flags(s: str) -> int:
    f = _FLAG_MEMO.get(s)  # (get, not try: a miss would raise for every new surface)
    return _remember(_FLAG_MEMO, s, _surface_flags(s)) if f is None else f


def _surface_flags(s: str) -> int:
    n = len(s)
    hangul = _HANGUL.match(s) is not None
    untitled = _title_of(s) is None
    generic = s in GENERIC_NOUNS
    f = 0
    if hangul:
        f |= _HANGUL_F
    if not untitled:
        f |= _TITLED
    if _org_suffixes(s):  # (memoised: org_suffix asks again for these)
        f |= _SUFFIXED
    if s.endswith(EVENT_SUFFIXES) and any(s.endswith(x) and n > len(x) for x in EVENT_SUFFIXES):
        f |= _EVENT
    if n >= 3 and s[0] not in SURNAMES and s.endswith(_LOC_SUFFIX):
        f |= _LOC_ENDING
    if s.endswith(VENUE_SUFFIXES):
        f |= _VENUE
    if hangul and 2 <= n <= 5 and s[-1] in "시군구동읍면":
        f |= _ADMIN
    if s in PROVINCES:
        f |= _PROVINCE
    if s in ORG_CLASS_NOUNS or s.endswith(_ORG_CLASS_HEADS):
        f |= _ORG_CLASS
    elif s in PRODUCT_CLASS_NOUNS or s.endswith(("플랫폼", "서비스", "모델")):
        f |= _PRODUCT_CLASS
    if generic:
        f |= _GENERIC
    if 2 <= n <= 4 and hangul and (s[0] in SURNAMES or s[:2] in SURNAMES) and not generic and untitled:
        f |= _NAME_SHAPE
    if n == 3 and hangul and s[0] in SURNAMES and not generic and untitled:
        f |= _CUT_SHAPE
    return f


def is_korean_name(doc: Doc, c: Chunk) -> bool:
    return bool(_flags(doc.text[c.start:c.end]) & _NAME_SHAPE) and c.tokens[0].tag == "NNP"


def is_name_chunk(doc: Doc, c: Chunk) -> bool:
    """A chunk that holds a proper noun or a Latin name (not Latin vocabulary like AI or CEO)."""
    return c.named


def org_suffix(doc: Doc, c: Chunk) -> str | None:
    """The organisation suffix the chunk ends with, when what precedes it can carry a name."""
    return _org_suffix(doc, c, doc.text[c.start:c.end])


_SINGLE_SUFFIX_MEMO: dict[tuple[str, bool], str | None] = {}


def _org_suffix(doc: Doc, c: Chunk, s: str) -> str | None:
    toks = c.tokens
    if len(toks) != 1:
        return _org_suffix_of(doc, c, s)
    # one token: the answer depends only on the surface and whether it is a proper noun
    key = (s, toks[0].tag == "NNP")
    try:
        return _SINGLE_SUFFIX_MEMO[key]
    except KeyError:
        return _remember(_SINGLE_SUFFIX_MEMO, key, _org_suffix_of(doc, c, s))


def _org_suffix_of(doc: Doc, c: Chunk, s: str) -> str | None:
    for suf in _org_suffixes(s):
        cut = c.end - len(suf)
        stem_named = _stem_named(c.tokens, cut)
        if suf in NAME_ONLY_SUFFIXES and len(s) - len(suf) >= 2 and s not in ORG_CLASS_NOUNS:  # not 벤처캐피털
            return suf  # 누리벤처파트너스, 한결캐피탈: an ending only names take, whatever Kiwi made of the stem
        if suf in WEAK_SUFFIXES:
            single = len(c.tokens) == 1 and c.tokens[0].tag == "NNP"
            last = c.tokens[-1]
            if suf == "대" and last.tag == "NNP" and last.end - last.start >= 3 and (single or stem_named):
                return suf
            if single and suf not in ("청", "부", "처", "원", "대") and len(s) - len(suf) >= 2:
                return suf  # 누리랩, 사피온코리아: one proper noun with a company ending
            if not stem_named or cut not in doc.edges:
                continue
            return suf
        if stem_named or (suf in INSTITUTION_SUFFIXES and len(s) - len(suf) >= 3):
            return suf
        if len(c.tokens) == 1 and c.tokens[0].tag == "NNP" and len(s) - len(suf) >= 2:
            return suf  # 네이버벤처스: Kiwi kept the whole name as one proper noun
    return None


def _stem_named(tokens: list, cut: int) -> bool:
    """The tokens ending by `cut` hold a proper noun or a Latin word, or are two or more one-syllable
    nouns: Kiwi cuts a word it does not know into those (가/NNG 온/NNG), a name, too.
    (One loop: this runs for every chunk with an organisation ending.)"""
    count, unknown, named = 0, True, False
    for t in tokens:
        if t.end <= cut:
            count += 1
            tag = t.tag
            if tag == "NNP" or tag == "SL":
                named = True
            if tag != "NNG" or t.end - t.start != 1:
                unknown = False
    return named or (unknown and count >= 2)


def morph_cands(doc: Doc, gaz: Gazetteer, known: list[Cand], skip: set[tuple[int, int]]) -> list[Cand]:
    """`known`: candidates from the lexical sources (gazetteer...), used as context here.

    The passes run one after another (a later one sees what earlier ones decided) and each walks
    only the chunks it can act on: `marked` (a surface bit says so) or the named ones; `decided`
    keeps the order of first decisions, which is the output order."""
    text = doc.text
    chunks = doc.chunks
    n = len(chunks)
    label_at: dict[tuple[int, int], str] = {(k.start, k.end): k.label for k in known}
    out: list[Cand] = []
    decided: dict[int, Cand] = {}  # chunk index -> candidate

    def put(i: int, label: str, score: float, start: int | None = None, end: int | None = None) -> None:
        c = chunks[i]
        s, e = (c.start if start is None else start), (c.end if end is None else end)
        if (s, e) in skip:
            return
        old = decided.get(i)
        if old is None or old.score < score:
            decided[i] = make(Cand, (s, e, label, score, "morph"))

    surfs = doc.surfs
    flags = list(map(_FLAG_MEMO.get, surfs))
    if None in flags:  # surfaces not seen before (numbers, new names: most articles have some)
        for i in compress(range(n), map(is_, flags, repeat(None))):
            flags[i] = _flags(surfs[i])
    named = [c.named for c in chunks]
    free_named = [i for i in compress(range(n), named) if (chunks[i].start, chunks[i].end) not in label_at]
    marked = list(compress(range(n), map(_MARKS.__and__, flags)))

    def spaced(i: int, j: int) -> bool:
        return _spaced(text, chunks[i], chunks[j])

    def kname(i: int) -> bool:  # is_korean_name
        return flags[i] & _NAME_SHAPE and chunks[i].tokens[0].tag == "NNP"

    def cut_name(i: int) -> bool:
        """A three-syllable name Kiwi did not know and cut into pieces (오/NR 영/NR 진/NNG);
        only trusted where a title follows."""
        return flags[i] & _CUT_SHAPE and len(chunks[i].tokens) >= 2

    # 1. organisation, institution and event suffixes
    for i in marked:
        f = flags[i]
        if not f & _PASS1:
            continue
        c = chunks[i]
        if (c.start, c.end) in label_at:
            continue
        if f & _SUFFIXED and _org_suffix(doc, c, surfs[i]):
            put(i, "ORG", 0.75)
        elif f & _EVENT and named[i]:
            put(i, "EVENT", 0.6)
        elif f & _LOC_ENDING and len(c.tokens) == 1 and c.tokens[0].tag == "NNP":
            put(i, "LOC", 0.55)

    def loose_name(i: int) -> bool:
        """Shaped like a three-syllable Korean name whatever Kiwi tagged it (윤서경/NNG): trusted only
        between an organisation and a title."""
        return flags[i] & _CUT_SHAPE and all(t.tag in ("NNG", "NNP", "NR") for t in chunks[i].tokens)

    def org_before(i: int) -> bool:  # 새봄인베스트먼트의 [i]: an organisation and 의 right before
        if i == 0 or text[chunks[i - 1].end:chunks[i].start] != "의 ":
            return False
        p = chunks[i - 1]
        return label_at.get((p.start, p.end)) == "ORG" or (i - 1 in decided and decided[i - 1].label == "ORG")

    def given_name_before(i: int) -> bool:
        """레이철 before 김 박사: a bare Hangul word of 2-4 syllables that is no vocabulary the rules know."""
        if i == 0 or not spaced(i - 1, i):
            return False
        p = chunks[i - 1]
        return (flags[i - 1] & _HANGUL_F and not flags[i - 1] & _NOT_GIVEN and 2 <= len(surfs[i - 1]) <= 4
                and (p.start, p.end) not in label_at and i - 1 not in decided and surfs[i - 1] not in _ROLE_WORDS
                and all(t.tag in ("NNG", "NNP") for t in p.tokens))

    # 2. people by a title after them, with an organisation in between as apposition
    near_title = {i for j in marked if flags[j] & _TITLED for i in range(max(0, j - 4), j)}
    middles: set[int] = set()

    def _after_org_of(i: int) -> bool:
        """반탄마이닝의 리아 쿠스마와티 CEO: with the organisation given by 의, the two words before the
        title are one foreign name, not a name and an organisation."""
        if i == 0 or chunks[i - 1].next_tag != "JKG" or text[chunks[i - 1].end:chunks[i].start] != "의 ":
            return False
        prev = chunks[i - 1]
        return label_at.get((prev.start, prev.end)) in ("ORG", None) and is_name_chunk(doc, prev)

    for i in sorted(near_title):
        c = chunks[i]
        if c.next_tag or i in middles:  # a particle follows: neither a title nor a name comes next
            continue
        j = i + 1
        mids = []
        while j < n and j - i <= 3 and spaced(j - 1, j):
            if flags[j] & _TITLED:
                break
            mids.append(j)
            j += 1
        else:
            continue
        if j >= n or not flags[j] & _TITLED or not spaced(j - 1, j):
            continue
        title = title_of(surfs[j])
        lab = label_at.get((c.start, c.end))
        if i in decided and decided[i].label == "ORG":
            lab = "ORG"
        if (len(mids) == 1 and lab is None and i not in decided and flags[i] & _HANGUL_F
                and c.tokens[-1].tag == "NNP" and chunks[mids[0]].tokens[0].tag == "NNP"
                and (len(surfs[mids[0]]) <= 2 or _after_org_of(i)) and not kname(i)
                and (chunks[mids[0]].start, chunks[mids[0]].end) not in label_at):
            put(i, "PER", 0.6, end=chunks[mids[0]].end)  # ARM의 르네 하스 CEO: a two-part foreign name
            middles.add(mids[0])
            prev = chunks[i - 1] if i else None
            if prev is not None and _after_org_of(i) and (prev.start, prev.end) not in label_at:
                put(i - 1, "ORG", 0.6)  # 반탄마이닝의 ... CEO: whose chief the person is
            continue
        if (len(mids) == 2 and lab is None and i not in decided and flags[i] & _HANGUL_F
                and c.tokens[-1].tag == "NNP" and chunks[mids[0]].tokens[0].tag == "NNP" and flags[mids[0]] & _HANGUL_F
                and len(surfs[mids[0]]) <= 4 and (chunks[mids[0]].start, chunks[mids[0]].end) not in label_at
                and not flags[mids[0]] & _SUFFIXED and not kname(mids[1]) and not cut_name(mids[1])
                and (named[mids[1]] or label_at.get((chunks[mids[1]].start, chunks[mids[1]].end)) == "ORG"
                     or surfs[mids[1]].endswith(_UNIT_ENDINGS))):  # 케빈 라슨 글로벌사업부문 대표
            # 마르쿠스 베버 헤르만옵틱 CEO: two name words before an organisation are one foreign name
            # (a Korean name is one word, so even a Korean-looking first word is the given name here)
            put(i, "PER", 0.6, end=chunks[mids[0]].end)
            middles.update(mids)
            if (chunks[mids[1]].start, chunks[mids[1]].end) not in label_at and not surfs[mids[1]].endswith(_UNIT_ENDINGS):
                put(mids[1], "ORG", 0.7)
            continue
        if mids and (kname(mids[-1]) or cut_name(mids[-1]) or lab == "ORG" and len(mids) == 1 and loose_name(mids[-1])) \
                and not kname(i) and not cut_name(i):
            put(mids[-1], "PER", 0.85)  # 한빛전자 정민호 사장: organisation, then the person
            middles.add(mids[-1])
            if lab is None and named[i] and len(mids) == 1:
                put(i, "ORG", 0.7)
            continue
        if lab not in (None, "PER"):
            continue
        mids_named = [m for m in mids if named[m] or (chunks[m].start, chunks[m].end) in label_at]
        if kname(i) or (mids_named and lab is None and cut_name(i)) or (not mids and loose_name(i) and org_before(i)):
            put(i, "PER", 0.85)  # (윤서경/NNG after 새봄인베스트먼트의: Kiwi missed the name, the context did not)
        elif lab is None and named[i] and flags[i] & _HANGUL_F and (title in _FOREIGN_PER_TITLES or mids_named):
            # a foreign name: may span two chunks (젠슨 황, 레이철 김)
            start = c.start
            if i > 0 and spaced(i - 1, i) and named[i - 1] and \
                    (chunks[i - 1].start, chunks[i - 1].end) not in label_at and \
                    chunks[i - 1].tokens[-1].tag == "NNP" and len(surfs[i]) <= 2:
                start = chunks[i - 1].start
            elif surfs[i] in SURNAMES and len(surfs[i]) == 1:
                if not given_name_before(i):
                    continue  # 김 박사: a surname and a title name nobody (rule: unnamed)
                start = chunks[i - 1].start  # 레이철 김 박사: a foreign given name Kiwi cut (레이/NNG 철/NNG)
            put(i, "PER", 0.6, start=start)
        elif lab is None and not mids and named[i] and not flags[i] & _GENERIC and len(surfs[i]) > 1 \
                and not surfs[i].endswith(_UNIT_ENDINGS):  # 동남아사업부문 대표: a division's head, no company
            put(i, "ORG", 0.55)  # 센드버드 대표: the company's head (박 대표 is a person, unnamed)
            continue
        else:
            continue
        middles.update(mids)
        for m in mids:  # 최수연 네이버 대표: the middle name is the organisation
            if m in mids_named and (chunks[m].start, chunks[m].end) not in label_at:
                put(m, "ORG", 0.75)

    # 2b. a title before a full Korean name that a particle ends: 대표 서민혁은, 신임 대표에 ... 사장 권민재가
    for j in marked:
        if not flags[j] & _TITLED or j + 1 >= n or not spaced(j, j + 1):
            continue
        i = j + 1
        c = chunks[i]
        s = surfs[i]
        if i in decided or (c.start, c.end) in label_at or not c.next_tag.startswith("J") or not kname(i):
            continue
        if len(s) == 3 and s[0] in SURNAMES or len(s) == 4 and s[:2] in SURNAMES:  # not 한국전력
            put(i, "PER", 0.7)

    # 3. class nouns before a name: 스타트업 트웰브랩스, 플랫폼 ‘기가지니’
    for p in marked:
        if not flags[p] & _CLASS or p + 1 >= n:
            continue
        i = p + 1
        c = chunks[i]
        if i in decided or (c.start, c.end) in label_at:
            continue
        if not named[i]:
            # quotes make a name of a common-looking word: 플랫폼 ‘누리온’ (Kiwi: 누리온/NNG)
            quoted = text[c.start - 1:c.start] in "‘'\"“《「" and text[c.end:c.end + 1] in ("’", "'", "\"", "”", "》", "」", "(")
            if not (quoted and flags[i] & _HANGUL_F and len(surfs[i]) >= 2):
                continue
        prev = chunks[p]
        if _THIS_ONE.search(text, max(0, prev.start - 4), prev.start):
            continue  # 이 회사 CT 장비: the company already named, and something of its own
        if text[prev.end:c.start].strip(" ‘'\"“<《「") == "" and prev.next_tag in ("", "SSO"):
            if flags[p] & _ORG_CLASS:
                put(i, "ORG", 0.7)
            else:
                put(i, "PRODUCT", 0.6)

    # the passes below look only at named chunks no lexical source labelled (free_named)

    # 3b. words after a name that only an organisation takes: 네이버 관계자, 더브이씨에 따르면
    for i in free_named:
        if i in decided:
            continue
        c = chunks[i]
        if surfs[i] in _ORG_SUFFIX_SET:
            continue  # a company word alone (본사를 둔 클라우드·데이터센터 사업자) is no name
        if _ORG_AFTER.match(text, c.end, c.end + 8) or _BASED_BEFORE.search(text, max(0, c.start - 10), c.start):
            put(i, "ORG", 0.6)  # ...에 본사를 둔 데이터독

    # 3c. a proper noun launched or developed by someone: ‘익시오’를 출시했다
    for i in free_named:
        if i in decided or not flags[i] & _HANGUL_F:
            continue
        c = chunks[i]
        if _LAUNCHED.match(text, c.end, c.end + 14):
            put(i, "PRODUCT", 0.55)

    # 3c2. a government body right after a country or city: 사우디아라비아 보건부, 독일 연방카르텔청, 일본 경제산업성
    for (s, e), lab in label_at.items():
        k = doc.chunk_at(s) if lab == "LOC" else None
        if k is None or chunks[k].end != e or k + 1 >= n or not spaced(k, k + 1):
            continue
        i = k + 1
        c = chunks[i]
        if i in decided or (c.start, c.end) in label_at or not flags[i] & _HANGUL_F or len(surfs[i]) < 3:
            continue
        if surfs[i].endswith(_GOV_ENDINGS) and surfs[i] not in _NOT_GOV:
            put(i, "ORG", 0.6)

    # 3d. venues: 코엑스 그랜드볼룸, 포시즌스 호텔 (a place, whatever kind of business runs it)
    for i in marked:
        c = chunks[i]
        if not flags[i] & _VENUE or (c.start, c.end) in label_at:
            continue
        if i > 0 and named[i - 1] and spaced(i - 1, i):
            put(i, "LOC", 0.6, start=chunks[i - 1].start)
        elif named[i] and len(surfs[i]) > 3:
            put(i, "LOC", 0.6)

    # 3f. an address: 경기 성남시 판교, 서울 중구, 고양시 킨텍스에서; and 뮌헨에서 열리는 (a place where things are held)
    places = set()
    for (s, e), lab in label_at.items():
        if lab == "LOC":
            k = doc.chunk_at(s)
            if k is not None and chunks[k].end == e:
                places.add(k)

    def admin(i: int) -> bool:  # names a city, county, district or town (성남시, 중구, 분당동)
        toks = chunks[i].tokens
        return flags[i] & _ADMIN and len(toks) == 1 and toks[0].tag == "NNP"

    # only provinces, admin-shaped chunks and named ones before 에서 can match; the rest fall through
    addresses = {i for i in marked if flags[i] & (_PROVINCE | _ADMIN)}
    addresses.update(i for i in free_named if text.startswith("에서 ", chunks[i].end))
    for i in sorted(addresses):
        c = chunks[i]
        if (c.start, c.end) in label_at or (c.start, c.end) in skip or not flags[i] & _HANGUL_F:
            continue
        after_loc = i > 0 and (i - 1) in places and spaced(i - 1, i)
        if flags[i] & _PROVINCE and i + 1 < n and spaced(i, i + 1) and (
                admin(i + 1) or label_at.get((chunks[i + 1].start, chunks[i + 1].end)) == "LOC"):
            put(i, "LOC", 0.7)  # 경기 성남시, 경기 평택: a province before a city
            places.add(i)
        elif admin(i) and (after_loc or (i > 0 and flags[i - 1] & _PROVINCE and spaced(i - 1, i))):
            put(i, "LOC", 0.7)  # 서울 중구, 성남시 after 경기
            places.add(i)
        elif i in decided or not named[i]:
            continue
        elif after_loc and text.startswith("에서 ", c.end) and \
                surfs[i - 1].endswith(("시", "구", "군", "동", "읍", "면")):
            put(i, "LOC", 0.6)  # 고양시 킨텍스에서: a venue at the end of an address
            places.add(i)
        elif _HELD_AT.match(text, c.end, c.end + 8):
            put(i, "LOC", 0.55)  # 뮌헨에서 열리는 ...
            places.add(i)

    # 3g. a foreign agency: 미국 식품의약국(FDA) -- a place, a compound noun, its acronym in brackets
    for i in sorted(p + 1 for p in places if p + 1 < n):  # chunks right after a place
        c = chunks[i]
        if not text.startswith("(", c.end) or not spaced(i - 1, i) or i in decided or (c.start, c.end) in label_at:
            continue  # (the acronym's bracket first: the cheapest test)
        m = _ACRONYM_AFTER.match(text, c.end, c.end + 10)
        if m and m.group(1) not in LATIN_STOP and flags[i] & _HANGUL_F and len(surfs[i]) >= 3 \
                and not flags[i] & _ORG_CLASS:  # 영국 사모펀드(PEF) 린덴파트너스: a kind, not a name
            put(i, "ORG", 0.65)

    # 3e. a proper noun that acts like a company: the subject of a business verb in its sentence
    for i in free_named:
        c = chunks[i]
        if i in decided or (c.start, c.end) in skip:
            continue
        if c.next_tag not in ("JKS", "JX") or text[c.end:c.end + 1] not in "이가은는" or flags[i] & _GENERIC:
            continue
        if not (len(c.tokens) == 1 and c.tokens[0].tag == "NNP" and flags[i] & _HANGUL_F) or kname(i):
            continue
        sent = doc.sentence_around(c.start)
        if _BUSINESS_VERBS.search(text, c.end, sent[1]):
            put(i, "ORG", 0.5)

    # 3h. universities however Kiwi cut the name (한결/MAG 대학교/NNG): X대학교 written as one word
    out += _universities(doc, label_at, skip)

    # 4. events: a quoted name or a known event followed by a year (CES 2024, ‘밸류 챌린지 2021’)
    out += _year_events(doc, label_at)
    # 4b. a quoted name is one name, however Kiwi cut it: 칩 ‘세린 N2’, ‘스마트제조 혁신 박람회’
    out += quoted_cands(doc, label_at)

    # 5. what is left: proper nouns and acronyms nobody explained
    for i, c in enumerate(chunks if DEFAULT_ORG else ()):
        if i in decided or (c.start, c.end) in label_at or (c.start, c.end) in skip:
            continue
        s = surfs[i]
        if s in GENERIC_NOUNS or not named[i]:
            continue
        if len(c.tokens) == 1 and c.tokens[0].tag == "NNP" and _HANGUL.match(s) and len(s) >= 2:
            if not is_korean_name(doc, c) or len(s) == 4:
                put(i, "ORG", _DEFAULT_ORG_SCORE)
        elif all(t.tag == "SL" for t in c.tokens) and _ACRONYM.match(s) and s.isupper() and s not in LATIN_STOP:
            put(i, "ORG", _DEFAULT_ORG_SCORE - 0.05)
    out += decided.values()
    return out


_QUOTED = re.compile(r"[‘'\"“「《]([0-9A-Za-z가-힣][0-9A-Za-z가-힣 .+\-&:]{0,28}[0-9A-Za-z가-힣+])"
                     r"(?:\([0-9A-Za-z가-힣 .+\-&]{1,30}\))?[’'\"”」》]")  # ('솔비 2(Solbi 2)': its alias inside the quotes)
_LAUNCH_AFTER = re.compile(r"[’'\"”」》](?:을|를) ?(?:(?:지난 |오는 )?\d{1,2}일 |이날 |올해 |연내 |내년 )?"
                           r"(?:새로 |처음 |정식 |공식 |국내에 |전격 |잇달아 )?(?:출시|공개|선보|선봬|개발|내놓|내놨|탑재|상용화)")
_EVENT_AFTER = re.compile(r"[’'\"”」》](?:에|에서) ?(?:참가|참여|참석|출전|전시|출품|부스)")
_EVENT_BEFORE = re.compile(r"(?:열리는|열린|개최되는|개최된|개최하는|개최한|막을 올린|막을 내린) $")
_PLAN_WORDS = ("비전", "전략", "계획", "로드맵", "프로젝트", "정책", "방안", "캠페인", "사업")
_SENTENCE_END = re.compile(r"[.?!]$|다$")
_YEAR_END = re.compile(r" (?:19|20)\d\d$")
_VERSION_CHAR = re.compile(r"[0-9A-Z]")


def quoted_cands(doc: Doc, label_at: dict) -> list[Cand]:
    """A short quoted name taken whole, when what surrounds it says what it is: a product class noun
    before it (칩 ‘세린 N2’, 솔루션 ‘루미 CXR’) or a launch verb after it (‘웨이브봇 3.0’을 22일 공개),
    an event word at its end (‘스마트제조 혁신 박람회’) or a year with an event context
    (열리는 ‘로지맷 2025’에 참가). Plans and slogans in quotes (‘비전 2030’) are left alone."""
    text = doc.text
    out = []
    for m in _QUOTED.finditer(text):
        s, e = m.span(1)
        q = m.end() - 1  # the closing quote (after a bracketed alias, if any)
        inner = m.group(1)
        words = inner.split()
        if len(words) > 4 or not doc.on_edges(s, e) or (s, e) in label_at or inner in LATIN_STOP:
            continue
        if words[-1].endswith(_PLAN_WORDS) or _SENTENCE_END.search(inner):
            continue
        toks = doc.tokens_between(s, e)
        if not toks or any(t.tag[0] in "VEJ" and t.tag != "JKG" and not _glued(text, t, e) for t in toks):
            continue  # a clause in quotes (a slogan, a quote), not a name
        year = _YEAR_END.search(inner)
        if len(words) >= 2 and words[-1].endswith(EVENT_SUFFIXES) and len(words[-1]) > 1:
            out.append(Cand(s, e, "EVENT", 0.65, "morph"))
        elif year and (_EVENT_AFTER.match(text, q) or _EVENT_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            out.append(Cand(s, e, "EVENT", 0.65, "morph"))
        elif year:
            continue
        elif (prev := _word_before(text, m.start())) and (_product_head(prev, inner) or _product_head(
                _outer_word_before(text, m.start()), inner)):
            out.append(Cand(s, e, "PRODUCT", 0.6, "morph"))  # 양극재 ‘RX-N9’, 후보물질 ‘OG-201’: a model code
        elif prev and (prev in ORG_CLASS_NOUNS or prev.endswith(_ORG_CLASS_HEADS)) and len(words) <= 3:
            out.append(Cand(s, e, "ORG", 0.6, "morph"))  # 합작법인 ‘누리세움’, 100% 자회사 ‘한빛 비나’
        elif _CODE_NAME.fullmatch(inner) and not _YEAR_END.search(inner):
            out.append(Cand(s, e, "PRODUCT", 0.55, "morph"))  # ‘SR-H40’, ‘HT-9000’: a model code alone in quotes
        elif (launched := _LAUNCH_AFTER.match(text, q)) and not all(t.tag == "NNG" for t in toks if t.tag != "SN"):
            out.append(Cand(s, e, "PRODUCT", 0.55, "morph"))
        elif launched and _VERSION_CHAR.search(inner):
            out.append(Cand(s, e, "PRODUCT", 0.55, "morph"))  # ‘웨이브봇 3.0’을 공개: a version makes a name
    return out


def _product_head(word: str, inner: str) -> bool:
    """`word` says the quoted `inner` after it is a product: a product class noun, or a noun of things
    named by model codes before a code."""
    return bool(word) and (word in PRODUCT_CLASS_NOUNS or word.endswith(_PRODUCT_HEADS)
                           or word.endswith(_CODED_HEADS) and _MODEL_CODE.search(inner) is not None)


# Compounds ending in these are product class nouns too (운반로봇, 판독솔루션, 차세대칩).
_PRODUCT_HEADS = ("로봇", "솔루션", "플랫폼", "서비스", "모델", "소프트웨어", "칩", "앱", "신작", "게임", "반도체",
                  "스마트폰", "챗봇", "에이전트", "프로세서", "가속기", "기기", "단말", "브랜드", "시리즈", "서버",
                  "감속기", "충전기", "테스터", "검사기", "인버터", "액추에이터")


# Nouns of things that are named by model codes; a quoted code after them is a product.
_CODED_HEADS = ("서버", "장비", "모듈", "센서", "배터리", "소재", "양극재", "음극재", "물질", "치료제", "백신", "드론",
                "카메라", "패널", "트럭", "차량", "엔진", "부품", "제품", "신제품", "파이프라인", "항체", "기판", "장치",
                "단말기", "라우터", "스위치", "위성", "모터")
# A model code: letters and digits together (RX-N9, OG-201, X2, A100), not a year or a plain word.
_MODEL_CODE = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z]{1,5}-?[A-Za-z]?[0-9]+[A-Za-z0-9]*|[0-9]+-?[A-Za-z]+[0-9]*)(?![A-Za-z0-9])")


# A quoted model code that needs no class noun before it: letters, a hyphen, digits (SR-H40, HT-5100)
_CODE_NAME = re.compile(r"[A-Z]{1,4}-[A-Z]{0,3}[0-9]{1,5}[A-Z]{0,2}")


def _glued(text: str, t, end: int) -> bool:
    """A particle-looking morpheme inside a word (OT가드: Kiwi read 가 as a particle), not a clause's."""
    return t.tag[0] == "J" and t.start > 0 and t.end < end and text[t.start - 1] != " " and text[t.end] != " "


_WORD_BEFORE = re.compile(r"([0-9A-Za-z가-힣]+)\)?\s?$")
_OUTER_WORD_BEFORE = re.compile(r"([0-9A-Za-z가-힣]+)\([0-9A-Za-z가-힣 ]{1,12}\)\s?$")  # 소형언어모델(sLLM) ‘X’


def _word_before(text: str, pos: int) -> str:
    """The word ending one space (or nothing) before `pos`, without a closing bracket."""
    m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def _outer_word_before(text: str, pos: int) -> str:
    """The word before a bracketed abbreviation before `pos` (소형언어모델 of 소형언어모델(sLLM))."""
    m = _OUTER_WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group(1) if m else ""


_YEAR_AT = re.compile(r"(?:19|20)\d\d")
_START = attrgetter("start")
_CAND_START, _CAND_END = itemgetter(0), itemgetter(1)  # Cand.start, Cand.end, read in C by map


def _year_tokens(doc: Doc):
    """(index, token) of the number tokens that are a year, found in the text rather than by a walk
    over all tokens; years before 년 (dates) are left out, as _year_events would drop them."""
    text, toks, edges = doc.text, doc.tokens, doc.edges
    for p in sorted(find_all(text, "19") + find_all(text, "20")):  # str.find: faster than a regex scan
        if p not in edges or text.startswith("년", p + 4) or not _YEAR_AT.match(text, p):
            continue
        for k in range(bisect_left(toks, p, key=_START), len(toks)):
            t = toks[k]
            if t.start != p:
                break
            if t.tag == "SN" and _YEAR.match(text[t.start:t.end]):
                yield k, t


def find_all(text: str, sub: str) -> list[int]:
    """Where `sub` starts in `text`, overlaps included (str.find: faster than a regex scan)."""
    found = []
    p = text.find(sub)
    while p != -1:
        found.append(p)
        p = text.find(sub, p + 1)
    return found


def _year_events(doc: Doc, label_at: dict) -> list[Cand]:
    text = doc.text
    out = []
    toks = doc.tokens
    for k, t in _year_tokens(doc):
        if k == 0:
            continue
        if t.end < len(text) and text[t.end:t.end + 1] in "년":
            continue
        # walk back over name tokens on this line: Latin words or proper nouns, spaces allowed
        j = k - 1
        if text[toks[j].end:t.start] not in (" ", ""):
            continue
        start = None
        while j >= 0 and toks[j].tag in ("SL", "NNP", "NNG") and text[toks[j].end:toks[j + 1].start] in (" ", ""):
            start = toks[j].start
            if (toks[j].start, toks[j].end) in label_at and label_at[(toks[j].start, toks[j].end)] == "EVENT":
                break
            j -= 1
        if start is None:
            continue
        quoted = start > 0 and text[start - 1] in "‘'\"“「<《"
        head = text[start:t.start].strip()
        known_event = any(v == "EVENT" and s >= start and e <= t.start for (s, e), v in label_at.items())
        latin_name = all(w[:1].isupper() for w in head.split()) and head.isascii() and head not in LATIN_STOP
        eventish = any(w.endswith(EVENT_SUFFIXES) for w in head.split())  # not ‘비전 2030’ (a plan)
        if known_event or (quoted and eventish and len(head.split()) <= 4) or (latin_name and len(head.split()) >= 2):
            out.append(Cand(start, t.end, "EVENT", 0.7, "morph"))
    return out


_UNIV_STEM = re.compile(r"[가-힣]{2,8}$")
# Words that make a common noun of 대학교 (국립대학교 is a kind, not a name).
_UNIV_KINDS = frozenset({"국립", "사립", "공립", "명문", "지방", "전문", "해외", "국내", "외국", "주요", "일반", "지역",
                         "거점", "글로벌", "미국", "한국", "중국", "일본", "영국", "연구중심", "사이버", "종합", "신설"})


def _universities(doc: Doc, label_at: dict, skip: set) -> list[Cand]:
    text, edges = doc.text, doc.edges
    out = []
    for p in find_all(text, "대학교"):
        m = _UNIV_STEM.search(text, max(0, p - 8), p)
        if m is None:
            continue
        s, e = m.start(), p + 3
        if s > 0 and "가" <= text[s - 1] <= "힣" or s not in edges or e not in edges:
            continue
        if m.group() in _UNIV_KINDS or (s, e) in label_at or (s, e) in skip:
            continue
        nxt = next(doc.tokens_from(e), None)
        if nxt is not None and nxt.start == e and nxt.tag in ("NNG", "NNP", "SL"):
            continue  # 한결대학교병원: a longer name
        out.append(Cand(s, e, "ORG", 0.7, "morph"))
    return out


_VERSIONED = re.compile(r"^(.+?) ?(?:[0-9]+(?:\.[0-9]+)*|[A-Z]?[0-9]+[A-Za-z+]*)$")


def _siblings(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """웨이브봇 2.5 beside a chosen ‘웨이브봇 3.0’: another version of a product; 한결대 beside 한결대학교."""
    text, edges = doc.text, doc.edges
    out = []
    for c in spans:
        name = text[c.start:c.end]
        if c.label == "PRODUCT":
            m = _VERSIONED.match(name)
            if m is None or len(m.group(1)) < 2:
                continue
            stem, label, after = m.group(1), "PRODUCT", _MODEL_AFTER
        elif c.label == "ORG" and name.endswith("대학교") and len(name) >= 5:
            stem, label, after = name[:-2], "ORG", None  # 한결대 of 한결대학교
        else:
            continue
        i = text.find(stem)
        while i != -1:
            e = i + len(stem)
            if after is not None:
                mm = after.match(text, e)
                e = mm.end() if mm else -1
            if e != -1 and (i, e) != (c.start, c.end) and i in edges and e in edges \
                    and not (i > 0 and ("가" <= text[i - 1] <= "힣" or text[i - 1].isascii() and text[i - 1].isalnum())):
                nxt = next(doc.tokens_from(e), None)
                if nxt is None or nxt.start != e or nxt.tag not in ("NNG", "NNP", "NNB", "XSN", "SL", "SN"):
                    out.append(Cand(i, e, label, 0.6, "morph"))
            i = text.find(stem, i + 1)
    return out


_MODEL_AFTER = re.compile(r" ?(?:[0-9]+(?:\.[0-9]+)*|[A-Z]?[0-9]+[A-Za-z+]*)(?![0-9A-Za-z.])")


def short_forms(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """라이엇 of 라이엇게임즈: an organisation's name without its company ending, standing alone;
    and the siblings of a versioned product or a university (_siblings)."""
    text = doc.text
    stems = set()
    seeds = []  # the spans _siblings acts on (one pass over the spans gathers both)
    for c in spans:
        if c.label == "ORG":
            name = text[c.start:c.end]
            if (stem := _stem(name)) is not None:
                stems.add(stem)
            if name.endswith("대학교") and len(name) >= 5:
                seeds.append(c)
        elif c.label == "PRODUCT":
            seeds.append(c)
    sib = _siblings(doc, seeds) if seeds else []
    if not stems:
        return sib
    hits = list(compress(doc.chunks, map(stems.__contains__, doc.surfs)))  # chunks written as a stem
    if not hits:
        return sib
    taken = set(zip(map(_CAND_START, spans), map(_CAND_END, spans), strict=True))
    return [Cand(ch.start, ch.end, "ORG", 0.6, "morph") for ch in hits
            if (ch.start, ch.end) not in taken and all(t.tag in ("NNP", "SL") for t in ch.tokens)] + sib


_STEM_MEMO: dict[str, str | None] = {}


def _stem(name: str) -> str | None:
    """An organisation's Hangul name without its (not weak) company ending, else None (memoised)."""
    try:
        return _STEM_MEMO[name]
    except KeyError:
        pass
    stem = None
    if _HANGUL.match(name):
        for n in _SUFFIX_LENGTHS:
            if n < len(name) - 1 and name[-n:] in _ORG_SUFFIX_SET and name[-n:] not in WEAK_SUFFIXES:
                stem = name[:-n]
                break
    return _remember(_STEM_MEMO, name, stem)


_PAREN = re.compile(r"\(([^()\n,]{1,40}?)[)(]")
# ... and where a person stands in a photo: 정태오(오른쪽) 대표, 김철수(앞줄 왼쪽 두 번째) 사장
_NOT_ALIAS = re.compile(r"\d{5,}|[=:]|사진|현지시간|종합|기자"
                        r"|^(?:앞줄|뒷줄|윗줄|아랫줄|맨\s*앞|맨\s*뒤)?\s*(?:왼쪽|오른쪽|가운데|좌측|우측|중앙|좌|우)(?:\s|부터|에서|$)")


# a word of three Hangul syllables, a space, an organisation, a space and a title word (then a particle or space)
_NAME_WORD = re.compile(r"(?:^|(?<=[\s(“\"‘']))([가-힣]{3}) $")
_TITLE_WORD = re.compile(r" ([가-힣A-Z]{1,8}?)(?=[\s,.(]|이|가|은|는|을|를|의|과|와|도|에)")


def names_before_titles(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """장석현 하이엘테크 대표는 / 한소라 공정거래위원회 시장감시국장이: a name Kiwi cut into other words (장석/NNG
    현/MM), shaped like a Korean name, before an organisation and a title (the apposition every outlet uses)."""
    text, out = doc.text, []
    starts = None  # the spans' starts, sorted, built at the first candidate (most articles have few)
    for c in spans:
        if c.label != "ORG" or c.start < 4:
            continue
        if not _title_at(text, c.end):
            continue
        m = _NAME_WORD.search(text, max(0, c.start - 5), c.start)
        if m is None:
            continue
        name, a, b = m.group(1), m.start(1), m.end(1)
        if name[0] not in SURNAMES or _flags(name) & _NOT_GIVEN or not doc.on_edges(a, b) \
                or not all(t.tag[0] in "NM" or t.tag == "JKV" for t in doc.tokens_between(a, b)):
            # (not 이번엔: 이번/NNG 엔/JX; but 강민아: 강민/NNP 아/JKV, Kiwi's vocative misreading of a name)
            continue
        if starts is None:  # candidates may overlap: the furthest end among those starting before each one
            ordered = sorted(spans, key=_CAND_START)
            starts = list(map(_CAND_START, ordered))
            reach = list(accumulate(map(_CAND_END, ordered), max))
        k = bisect_left(starts, b)  # the candidates starting before b: does any reach past a?
        if k == 0 or reach[k - 1] <= a:
            out.append(Cand(a, b, "PER", 0.6, "morph"))
    return out


# Vietnamese names as Korean news writes them: a surname and one to three one- or two-syllable words
# (응우옌 반 탄, 쩐 티 투 하), each spaced; Kiwi reads their parts as separate nouns. A one-syllable surname
# (레, 당, 도 ...) is an everyday word too: its name must have the middle name 반 or 티.
_VIET_SURNAME = r"(?:응우옌|응우엔|쩐|팜|호앙|후인|부이|응오|즈엉|브엉|쯔엉)"
_VIET_SHORT = r"(?:레|보|당|도|호|판|딘|람)"
_VIET_NAME = re.compile(rf"(?<![가-힣])(?:{_VIET_SURNAME}(?: [가-힣]{{1,2}}){{1,3}}|{_VIET_SHORT} (?:반|티)(?: [가-힣]{{1,2}}){{1,2}})"
                        r"(?=[ ,(]|$)")
_VIET_AFTER = re.compile(r" ?\((?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+\)| ([가-힣A-Za-z]{1,10}) ")


def spaced_foreign_names(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """응우옌 반 탄 PV파워 사장 / 응우옌 반 탄(Nguyen Van Thanh) CEO: a Vietnamese name before a title, an
    organisation and a title, or its Latin spelling in brackets. The longest such name is taken, and a
    title is never a part of it (응우옌 반 탄 대표)."""
    text, out = doc.text, []
    if "응우" not in text and " 반 " not in text and " 티 " not in text:  # (almost every such name has one)
        return out
    orgs = {c.start: c for c in spans if c.label == "ORG"}
    for m in _VIET_NAME.finditer(text):
        a = m.start()
        ends = [a + len(w) for w in _prefixes(m.group())]  # the name with 3, 2, then 1 words after the surname
        b = next((e for e in ends if doc.on_edges(a, e) and _titled(text, e, orgs)), None)
        if b is not None:
            out.append(Cand(a, b, "PER", 0.6, "morph"))
    return out


def _prefixes(name: str) -> list[str]:
    """'응우옌 반 탄' -> ['응우옌 반 탄', '응우옌 반']: the name less its last words, longest first."""
    words = name.split(" ")
    return [" ".join(words[:k]) for k in range(len(words), 1, -1)]


def _titled(text: str, end: int, orgs: dict) -> bool:
    """A title, an organisation and a title, or a bracketed Latin spelling follows the name ending at `end`."""
    after = _VIET_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    if word is None or title_of(word) is not None:
        return True
    org = orgs.get(end + 1)
    return org is not None and _title_at(text, org.end)


def _title_at(text: str, pos: int) -> bool:
    """A title word follows `pos` after a space (an organisation's end: 한빛전자 사장이)."""
    t = _TITLE_WORD.match(text, pos)
    return t is not None and title_of(t.group(1)) is not None


def paren_aliases(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """네이버(NAVER(035420)) -> NAVER gets 네이버's label; ThinQ (씽큐) -> 씽큐 gets ThinQ's."""
    text = doc.text
    out = []
    # where a bracket opens, or a space and a bracket: ends worth looking at (few; spans are many)
    opens = set(find_all(text, "("))
    opens.update([q - 1 for q in opens if text[q - 1:q] == " "])
    for c in spans:
        if c.end not in opens or c.label not in ("ORG", "PER", "PRODUCT", "LOC", "EVENT"):
            continue
        p = c.end + (1 if text[c.end:c.end + 1] == " " else 0)
        if text[p:p + 1] != "(":
            continue
        m = _PAREN.match(text, p)
        if not m:
            continue
        inner = m.group(1).strip()
        s = p + 1 + m.group(1).index(inner)
        e = s + len(inner)
        if not inner or inner.isdigit() or inner in LATIN_STOP or not doc.on_edges(s, e):
            continue
        if _NOT_ALIAS.search(inner) or len(inner.split()) > 5:
            continue
        out.append(Cand(s, e, c.label, 0.8, "morph"))
    return out


def coordinated(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """A name listed with names of one label takes that label: 센드버드, 휴이노, 눔 등 / 구글·애플."""
    text = doc.text
    listed = _listed(doc)
    if not listed:
        return []
    chunks = doc.chunks
    # spans are looked up only at listed chunks and their neighbours: index just those
    starts = {chunks[k].start for i in listed for k in (i, i + 1) if k < len(chunks)}
    ends = {chunks[i - 1].end for i in listed if i > 0}
    by_start, by_end = _index(_CAND_START, spans, starts), _index(_CAND_END, spans, ends)
    out = []
    for i in listed:
        ch = doc.chunks[i]
        if ch.start in by_start or not is_name_chunk(doc, ch) and not _HANGUL.match(text[ch.start:ch.end]):
            continue
        if _flags(doc.surfs[i]) & (_CLASS | _GENERIC):
            continue  # 은행과 벤처캐피털: a class noun listed with names is still not a name
        if ch.tokens[0].tag not in ("NNP", "SL", "NNG") or len(text[ch.start:ch.end]) < 2 \
                or text[ch.start:ch.end] in _ORG_SUFFIX_SET:  # a company word alone (클라우드·AI 사업) is no name
            continue
        labels = set()
        both_sides = 0
        for j in (i - 1, i + 1):
            if not 0 <= j < len(doc.chunks):
                continue
            nb = doc.chunks[j]
            lo, hi = (nb.end, ch.start) if j < i else (ch.end, nb.start)
            sep = text[lo:hi].strip()
            if sep not in ("·", ",", "、", "/") and not (
                    sep in ("와", "과", "및") and is_name_chunk(doc, ch)):  # 리벨리온과 사피온
                continue
            if j < i and sep in ("와", "과", "및") and not ch.next_tag and _WORD_AFTER.match(text, ch.end, ch.end + 2):
                continue  # 협회와 [클라우드 보안 인력]: the word after 와 opens a longer noun phrase
            other = by_start.get(nb.start) if j > i else by_end.get(nb.end)
            if other is not None and other.label in ("ORG", "LOC", "PRODUCT") and (other.start, other.end) == (nb.start, nb.end):
                labels.add(other.label)
                both_sides += 1
        named = is_name_chunk(doc, ch)
        if labels == {"LOC"} and _placed_before(doc, i, by_end):
            continue  # 싱가포르 그랩과 인도네시아 고투: a place written before a name describes it
        if len(labels) == 1 and (named or both_sides == 2):
            out.append(Cand(ch.start, ch.end, labels.pop(), 0.55, "morph"))
    return out


def _spaced(text: str, a: Chunk, b: Chunk) -> bool:
    """Chunk b follows chunk a after one space, and a takes no particle."""
    return not a.next_tag and b.start - a.end == 1 and text[a.end] == " "


def _placed_before(doc: Doc, i: int, by_end: dict[int, Cand]) -> bool:
    """Chunk i comes right after a place and one space (미국 X)."""
    if i == 0:
        return False
    prev = doc.chunks[i - 1]
    place = by_end.get(prev.end)
    return place is not None and place.label == "LOC" and place.start == prev.start and \
        _spaced(doc.text, prev, doc.chunks[i])


def _index(key, cands: list[Cand], wanted: set[int]) -> dict[int, Cand]:
    """{key(c): c} of the candidates whose key is wanted, the last one winning, built by map in C."""
    keys = list(map(key, cands))
    return dict(compress(zip(keys, cands, strict=True), map(wanted.__contains__, keys)))


_SEPARATORS = ("·", ",", "、", "/", "와", "과", "및")
_WORD_AFTER = re.compile(r" [가-힣A-Za-z]")
_SEPARATOR_CHAR = re.compile("[·,、/와과및]")


def _listed(doc: Doc) -> list[int]:
    """Indices of chunks written next to a list separator (computed once per document)."""
    cached = doc.cache.get("listed")
    if cached is None:
        text, chunks = doc.text, doc.chunks
        # a separator stands alone between chunks j - 1 and j: look only where the text has one
        listed: set[int] = set()
        last = 0
        for m in _SEPARATOR_CHAR.finditer(text):
            j = bisect_right(chunks, m.start(), key=_START)  # the first chunk after the separator
            if j != last and 0 < j < len(chunks) and \
                    text[chunks[j - 1].end:chunks[j].start].strip() in _SEPARATORS:
                listed.update((j - 1, j))
            last = j
        cached = sorted(listed)
        doc.cache["listed"] = cached
    return cached
