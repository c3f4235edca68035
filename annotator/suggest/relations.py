"""Relation suggestions within a sentence, from cue words (labels.yaml) and Kiwi's particles.

- the 이/가/은/는 subject is the head of 투자/설립/인수/개발...; 에/에게 marks the tail of 투자,
  을/를 the tail of 설립/인수/개발; "X에 투자한 Y" (a relative clause) makes Y the head;
- "최수연 네이버 대표" (apposition) gives leads / works_for by the title's cue list;
- "A와 B가 협력", "A-B-C 동맹" give partners_with (once, head = first mentioned in the article);
- "네이버(NAVER)" and a short/full pair of the gazetteer give alias_of (head = the short or foreign form);
- "미국 컬럼비아대", "미국(구글, 애플)", "X 등 미국 기업" and 본사/법인 ...에 give located_in.
Relations to an alias are moved to the full form (박정호 SKT 사장 -> leads SK텔레콤).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from annotator.analysis.model import Token
from annotator.labels import RelationLabel, Schema
from annotator.lexicon import Lexicon
from annotator.models import Relation, Span
from annotator.suggest.clause_ctx import FOUNDER_BEFORE, listed_with, place_run, subject_org
from annotator.suggest.clause_relations import clause_relations
from annotator.suggest.doc import Doc
from annotator.suggest.learned_relations import learned_relations
from annotator.suggest.lexical import Gazetteer
from annotator.suggest.morph import _ORG_SUFFIX_SET, _SUFFIX_LENGTHS, find_all, title_of
from annotator.suggest.vocab import ORG_CLASS_NOUNS

SUBJECT = ("JKS", "JX")
OPEN = "(‘'\"“「<《"
CLOSE = ")’'\"”」>》"
_LATIN = re.compile(r"[A-Za-z]")
_HEAD_PARTICLES = {"이", "가", "은", "는", "도"}
_TOPIC = (("JX", "은"), ("JX", "는"))


class _Rules:
    """What the rules need from a schema: worked out once per schema, not once per article."""

    def __init__(self, schema: Schema) -> None:
        self.rules: dict[str, RelationLabel] = {}
        for r in schema.relations:  # first of a name wins, as in Schema.relation
            self.rules.setdefault(r.name, r)
        located, leads, works = (self.rules.get(n) for n in ("located_in", "leads", "works_for"))
        self.located_cues = located.cues if located else []
        self.leads = set(leads.cues) if leads else set()
        self.works = set(works.cues) if works else set()
        # cue word -> the relations it states; leads, works_for and located_in have rules of their own
        self.by_cue: dict[str, list[str]] = {}
        for r in schema.relations:
            if r.name not in ("leads", "works_for", "located_in"):
                for c in r.cues:
                    self.by_cue.setdefault(c, []).append(r.name)
        # The cues found at one place are all prefixes of the longest one there. The regex finds that
        # one (longest alternative first); `calls` maps it to the (cue, relation) pairs to look for,
        # longest cue first and each relation once, as a scan of every token did (인수한: subsidiary_of
        # by 인수한, acquires by 인수).
        cues = sorted(self.by_cue, key=len, reverse=True)
        # a cue ending in the adnominal 한 (인수한 B) is not its verb form (인수한다)
        self.cue_re = re.compile("|".join(re.escape(c) + ("(?!다)" if c.endswith("한") else "") for c in cues)) \
            if cues else None
        self.calls: dict[str, list[tuple[str, str]]] = {}
        for c in cues:
            done: dict[str, str] = {}
            for p in cues:
                if c.startswith(p):
                    for rel in self.by_cue[p]:
                        done.setdefault(rel, p)
            self.calls[c] = [(p, rel) for rel, p in done.items()]
        # offsets inside a cue where another cue may begin (업무협약: 협약; 투자사: 자사), so that
        # matches the regex steps over are looked for too
        self.inner = {c: [k for k in range(1, len(c)) if any(c[k:].startswith(d) or d.startswith(c[k:])
                                                              for d in cues)] for c in cues}


_RULES: dict[int, tuple[Schema, _Rules]] = {}  # id(schema) -> (schema, its rules); the schema is kept alive


def _rules_for(schema: Schema) -> _Rules:
    got = _RULES.get(id(schema))
    if got is None or got[0] is not schema:
        if len(_RULES) > 8:
            _RULES.clear()
        got = _RULES[id(schema)] = (schema, _Rules(schema))
    return got[1]


class _Ctx:
    """One article: its spans in text order, what several rules look up in them, and the relations found."""

    def __init__(self, doc: Doc, spans: list[Span], schema: Schema) -> None:
        self.doc, self.text, self.spans = doc, doc.text, spans
        self.r = _rules_for(schema)
        self.rules = self.r.rules
        # (head id, label, tail id) -> (score, head, tail), in the order relations are first found
        self.out: dict[tuple[str, str, str], tuple[float, Span, Span]] = {}
        self.starts = [s.start for s in spans]
        self.by_start = dict(zip(self.starts, spans, strict=True))  # start -> its (last) span
        self.first: dict[str, Span] = {}  # surface -> its first span, in order of first mention
        self.last_org: dict[str, Span] = {}  # ORG surface -> its last span, in order of first mention
        self.pers: list[Span] = []
        self.locs: list[int] = []  # indices into spans
        self.products: list[int] = []
        first, last_org, locs = self.first, self.last_org, self.locs
        for i, s in enumerate(spans):
            surface, label = s.text, s.label
            if surface not in first:
                first[surface] = s
            if label == "ORG":
                last_org[surface] = s
            elif label == "LOC":
                locs.append(i)
            elif label == "PER":
                self.pers.append(s)
            elif label == "PRODUCT":
                self.products.append(i)
        self.particles: dict[int, tuple[str, str]] = {}  # span end -> particle()
        self.tok_starts = _token_starts(doc)

    def particle(self, s: Span) -> tuple[str, str]:
        """(tag, surface) of the particle after a span, looking past closing quotes and a parenthesis."""
        pos = s.end
        p = self.particles.get(pos)
        if p is not None:
            return p
        text, toks = self.text, self.doc.tokens
        two = text[pos:pos + 2]
        if two[:1] in _BRACKET_START or two == " (":  # most spans: nothing to skip
            pos = _past_brackets(text, pos)
        k = bisect_left(self.tok_starts, pos)  # the first token from pos on
        p = _NO_PARTICLE
        if k < len(toks):
            t = toks[k]
            if t.start == pos:
                tag = t.tag
                if tag[:1] == "J" or tag == "VCP":
                    p = tag, text[pos:t.end]
        self.particles[s.end] = p
        return p

    def between(self, a: int, b: int) -> list[Span]:
        return self.spans[bisect_left(self.starts, a):bisect_left(self.starts, b)]


def relation_suggestions(doc: Doc, spans: list[Span], schema: Schema, gaz: Gazetteer,
                         lexicon: Lexicon | None = None) -> list[Relation]:
    if not spans or not schema.relations:
        return []
    ctx = _Ctx(doc, sorted(spans, key=attrgetter("start")), schema)
    alias_to = _aliases(ctx, gaz)
    _titles(ctx)
    _located(ctx)
    _cues(ctx)
    _funding(ctx)
    _product_apposition(ctx)
    _named_after_maker(ctx)
    clause_relations(ctx, _add)
    if lexicon is None:
        return _finish(ctx, alias_to)
    by_rules = set(ctx.out)  # what the lexicon adds next is its own (source "lexicon")
    learned_relations(ctx, _add, lexicon)
    return _finish(ctx, alias_to, lexicon, by_rules)


# ---------------------------------------------------------------------------------- helpers

def _add(ctx: _Ctx, head: Span, label: str, tail: Span, score: float) -> None:
    rel = ctx.rules.get(label)
    if rel is None or head.id == tail.id or head.text == tail.text:
        return
    if not rel.allows(head.label, tail.label):
        return
    key = (head.id, label, tail.id)
    old = ctx.out.get(key)
    ctx.out[key] = (max(score, old[0] if old else 0.0), head, tail)


_NO_PARTICLE = ("", "")
_BRACKET_START = frozenset("(" + CLOSE)


def _token_starts(doc: Doc) -> list[int]:
    """The start of each of doc.tokens, which Doc.tokens_between bisects: bisected here directly, not
    to build a list for every span and cue word."""
    return doc._tok_starts


def _past_brackets(text: str, pos: int) -> int:
    """Where the particle after `pos` may start: past closing quotes and up to four parentheses."""
    for _ in range(4):
        if text[pos:pos + 2] == " (":
            pos += 1
        if pos < len(text) and text[pos] == "(":
            close = text.find(")", pos)
            nested = text.find("(", pos + 1)
            if nested != -1 and close != -1 and nested < close:
                close = text.find(")", close + 1)
            if close == -1 or close - pos > 60:
                break
            pos = close + 1
        elif pos < len(text) and text[pos] in CLOSE:
            pos += 1
        else:
            break
    return pos


# ---------------------------------------------------------------------------------- aliases

# Company endings that name a country unit (라이언레밋코리아 is 라이언레밋's subsidiary, not another name for it).
_REGIONAL = frozenset({"코리아", "재팬", "차이나", "아메리카", "인터내셔널", "USA", "유럽"})


_ALL_LATIN = re.compile(r"[A-Za-z0-9 .&'-]+")


def _short_first(a: Span, b: Span) -> tuple[Span, Span]:
    """(alias, full form) of two names of one thing, whichever the gazetteer calls its entry: the one
    written in Latin letters only, else the shorter one, is the alias (SKT -> SK텔레콤, 기업은행 ->
    IBK기업은행, 현대차그룹 -> 현대자동차그룹), as the guidelines say."""
    la, lb = _ALL_LATIN.fullmatch(a.text) is not None, _ALL_LATIN.fullmatch(b.text) is not None
    if la != lb:
        return (a, b) if la else (b, a)
    return (b, a) if len(b.text) < len(a.text) else (a, b)


def _aliases(ctx: _Ctx, gaz: Gazetteer) -> dict[str, Span]:
    """alias_of relations; returns surface -> the full-form span other relations should use."""
    text = ctx.text
    alias_to: dict[str, Span] = {}
    if "(" in text:
        by_start = ctx.by_start
        for a in ctx.spans:  # 네이버(NAVER), ThinQ (씽큐)
            p = a.end + (1 if text[a.end:a.end + 1] == " " else 0)
            if text[p:p + 1] != "(":
                continue
            b = by_start.get(p + 1)
            if b is None or b.label != a.label:
                continue
            head, tail = (a, b) if _LATIN.search(a.text) and not _LATIN.search(b.text) else (b, a)
            _add(ctx, head, "alias_of", tail, 0.9)
            if head.label == "ORG":
                alias_to.setdefault(head.text, tail)
    first = ctx.first
    canonical = gaz.canonical
    for surface, s in first.items():  # SKT and SK텔레콤 both in the article (places never)
        canon = canonical(surface) if s.label != "LOC" else None
        if canon and canon != surface and canon in first and first[canon].label == s.label:
            head, tail = _short_first(s, first[canon])
            _add(ctx, head, "alias_of", tail, 0.85)
            if s.label == "ORG":
                alias_to.setdefault(head.text, tail)
    # 라이엇 and 라이엇게임즈: the name without its company ending. stem -> the first ORG surface
    # (in order of first mention) that is that stem plus a company ending
    full_of: dict[str, Span] = {}
    orgs = [t for t in ctx.last_org if first[t].label == "ORG"]  # first mentioned as an organisation
    for t in orgs:
        f, size = first[t], len(t)
        for n in _SUFFIX_LENGTHS:
            if n < size and t[-n:] in _ORG_SUFFIX_SET:
                if t[-n:] not in _REGIONAL:
                    full_of.setdefault(t[:-n], f)
        if t.endswith(("대학교", "대학")) and size > 3:  # 한결대 of 한결대학교
            full_of.setdefault(t[:t.rindex("대학")] + "대", f)
    if full_of:
        for surface in orgs:
            full = full_of.get(surface)
            # the full name comes first in the body (라이엇게임즈 ... 라이엇; headlines use short forms); a name
            # the body writes before its longer form is a company of its own, and the longer one its unit
            # (모아페이 ... 모아페이증권)
            if full is not None and gaz.label(surface) is None and gaz.label(full.text) is None \
                    and not _body_first(ctx, surface, full.text):
                _add(ctx, first[surface], "alias_of", full, 0.75)
                alias_to.setdefault(surface, full)
    return alias_to


def _body_first(ctx: _Ctx, a: str, b: str) -> bool:
    """`a` is mentioned before `b` below the headline (the first line)."""
    body = ctx.text.find("\n") + 1
    for s in ctx.spans:
        if s.start >= body and s.text in (a, b):
            return s.text == a
    return False


# ---------------------------------------------------------------------------------- people

def _titles(ctx: _Ctx) -> None:
    """이해진 의장 / 최수연 네이버 대표 / 네이버 최수연 대표 -> leads or works_for."""
    doc, text = ctx.doc, ctx.text
    leads, works = ctx.r.leads, ctx.r.works
    by_start = ctx.by_start
    chunks = doc.chunks
    placed: set[str] = set()  # people already named with their organisation
    for per in ctx.pers:
        i = doc.chunk_at(per.start)
        if i is None:
            continue
        # find the chunk that ends the person span, then walk right over bare chunks to the title
        j = i  # the last chunk of the person (강민/NNP of 강민아, which Kiwi reads as 강민 + 아/JKV)
        while j + 1 < len(chunks) and chunks[j + 1].start < per.end:
            j += 1
        orgs, title = [], None
        k = j
        while k + 1 < len(chunks) and k - j <= 3:
            cur, nxt = chunks[k], chunks[k + 1]
            if (text[per.end:nxt.start] if k == j else cur.next_tag or text[cur.end:nxt.start]) != " ":
                break
            k += 1
            surface = text[nxt.start:nxt.end]
            title = title_of(surface)
            if title:
                break
            if nxt.start in by_start and by_start[nxt.start].label == "ORG":
                orgs.append(by_start[nxt.start])
        if not title:
            continue
        label = "leads" if title in leads else "works_for" if title in works else None
        if label is None:
            continue
        before = _span_before(ctx, per)
        if before is not None and before.label == "ORG" and (_OF_GAP.match(text[before.end:per.start])
                                                            or _UNIT_GAP.match(text, before.end, per.start)):
            if text[before.end:before.end + 1] == ")":  # 엔비디아(NVIDIA)의 젠슨 황: the name before the bracket
                outer = _span_before(ctx, before)
                before = outer if outer is not None and outer.label == "ORG" else before
            orgs.append(before)  # 네이버 최수연 대표 / 엔비디아의 젠슨 황 CEO
        founder = FOUNDER_BEFORE.search(text, max(0, per.start - 8), per.start) is not None  # 창업자인 X 대표
        for org in orgs:
            _add(ctx, per, label, org, 0.85)
            if founder:
                _add(ctx, per, "founded", org, 0.7)
            placed.add(per.text)
        if not orgs and label == "leads" and per.text not in placed \
                and not _NAMED_BEFORE.search(text, max(0, per.start - 12), per.start) \
                and not _UNIT_TOPIC.search(text, doc.sentence_around(per.start)[0], per.start):
            # a reporter or professor rarely belongs to the story's company; the head of 현지 법인은 ...
            # leads that unit, not the story's company
            org = _topic_org(ctx, per.start)
            if org is not None:
                _add(ctx, per, label, org, 0.5)
                if founder:
                    _add(ctx, per, "founded", org, 0.5)


# 소담랩스를 이끄는 P 대표 / X 창업주 P 대표 / X 대표이사 P 사장: the organisation is named before the person
# (clause_relations handles those); the story's company is not a fallback then.
_NAMED_BEFORE = re.compile(r"(?:(?:을|를) (?:이끄는|이끌고 있는|맡고 있는|운영하는)|창업주|창업자|공동창업자|대표이사|설립자) $")


_UNIT_TOPIC = re.compile(r"(?:법인|자회사|합작사|합작회사|지사|지점|사무소|연구소|사업부|계열사)(?:은|는) ")


def _topic_org(ctx: _Ctx, pos: int) -> Span | None:
    """The organisation most recently made a topic (X는) in this or the three sentences before."""
    doc = ctx.doc
    here = doc.sentence_of(pos)
    lo = doc.analysis.sentences[max(here - 3, 0)][0] if doc.analysis.sentences else 0
    for s in reversed(ctx.between(lo, pos)):  # the last one wins: look from the end
        if s.label == "ORG" and ctx.particle(s) in _TOPIC:
            return s
    return None


# ---------------------------------------------------------------------------------- places

def _located(ctx: _Ctx) -> None:
    text = ctx.text
    spans = ctx.spans
    for i in ctx.locs:
        loc = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if nxt is not None and nxt.label == "ORG":
            # 미국 컬럼비아대 / 美 엔비디아 / 서울 중구 대한상공회의소: places written right before an organisation
            if text[loc.end:nxt.start] == " ":
                for place in reversed(place_run(ctx, i)):  # the nearest first
                    _add(ctx, nxt, "located_in", place, 0.8)
            # 미국 게임사 라이엇게임즈: a place, a class noun, then the organisation
            m = _CLASS_WORD.match(text, loc.end, loc.end + 16)
            if m and nxt.start == m.end() and (m.group(1) in ORG_CLASS_NOUNS or m.group(1).endswith(
                    ("사", "기업", "업체", "스타트업", "기관", "은행"))):
                _add(ctx, nxt, "located_in", loc, 0.7)
        # 최윤아 로보웨이브 대표가 경기 성남시 판교 본사에서: the company of the sentence has its head office there
        if _HEAD_OFFICE.match(text, loc.end, loc.end + 8):  # not 미국 본사 스타트업
            sent = ctx.doc.sentence_around(loc.start)
            org = next((x for x in reversed(ctx.between(sent[0], loc.start)) if x.label == "ORG"
                        and not _in_brackets(text, x)), None)
            if org is not None:
                for place in reversed(place_run(ctx, i)):
                    _add(ctx, org, "located_in", place, 0.65)
        # 미국(구글, 아마존, 애플): the organisations listed in brackets after a place
        if text[loc.end:loc.end + 1] == "(":
            close = text.find(")", loc.end)
            if 0 < close - loc.end < 120:
                for s in spans[i + 1:]:
                    if s.start >= close:
                        break
                    if s.label == "ORG":
                        _add(ctx, s, "located_in", loc, 0.8)
        # 오픈AI·구글·메타 등 미국 기업: a list before 등 and the place
        m = _LIST_END.search(text, max(0, loc.start - 6), loc.start)
        if m and _COMPANY_WORD.match(text, loc.end, loc.end + 8):
            j = i - 1
            while j >= 0 and spans[j].label == "ORG" and spans[j].end >= loc.start - 60:
                _add(ctx, spans[j], "located_in", loc, 0.7)
                gap = text[spans[j - 1].end:spans[j].start].strip() if j > 0 else "x"
                if gap not in ("·", ",", "、", "/", "와", "과", "및"):
                    break
                j -= 1


# ---------------------------------------------------------------------------------- cue words

_OBJECT_CUES = ("founded", "acquires", "develops", "subsidiary_of")
_OF_GAP = re.compile(r"^\)?(의)? $")
# 한화오션 상선영업 담당 김정호 전무 / 삼성전자 DS부문 P 사장 / 삼성SDI 중대형전지사업부장인 P 부사장: a unit of the company
_UNIT_GAP = re.compile(r"(?:의)? (?:[^\s.,]{1,10} )?[^\s.,]{0,10}(?:담당|부문|사업부|사업본부|본부|연구소|센터)(?:장인|장)? $")
_CLASS_WORD = re.compile(r"(?: [가-힣]{1,4})? ([가-힣]{1,6}?)(?:인)? ")  # (대형 국영은행인: a modifier, 인 after)
_HEAD_OFFICE = re.compile(r" (?:본사|사옥|본점)(?:에서|에|를|가|는|로) ")
_LIST_END = re.compile(r" ?(?:등|같은|등의) $")
_COMPANY_WORD = re.compile(r" ?(기업|업체|회사|빅테크|기술기업|테크기업|스타트업)")
_RELATIVE = re.compile(r"[가-힣]{0,4}(한|된|해온|했던|하는|한다는|해 온|할) ")
_THE_COMPANY = re.compile(r"(?:^|[ “\"])(?:이 |같은 |해당 )?회사(?:는|가|측은) ")
_KEEPS = re.compile(r"^[가-힣]{0,3}(를|을)? ?(둔|두고|둔다) ")
_TOPIC_AFTER = re.compile(r"^(는|은|를|을|도) ")
_BETWEEN = re.compile(r" ?(간|사이|끼리)")
_LIST_TO = re.compile(r"\s*(?:와|과|,|·|및)\s*(?:[가-힣]{1,6}(?:\([A-Za-z]{1,8}\))? ){0,3}")  # 과 벤처캐피털(VC) X


_CUE_TAGS = ("NN", "VV", "XR", "SL", "MA")  # the first two letters of a cue token's tag (VV-R, VV-I too)


class _Clause:
    """One clause with cue words: its spans, and its subjects (이/가/은/는/도), objects (을/를) and
    datives (에/에게) in order, bracketed second names left out (씽큐 of ThinQ (씽큐)). Spans are sorted
    out only as far as the cues reach: a cue looks at the spans before it."""

    __slots__ = ("ctx", "a", "b", "spans", "_subj", "_obj", "_dat", "_seen", "_reach", "_topic")

    def __init__(self, ctx: _Ctx, a: int, b: int, spans: list[Span]) -> None:
        self.ctx, self.a, self.b, self.spans = ctx, a, b, spans
        self._subj: list[Span] = []
        self._obj: list[Span] = []
        self._dat: list[Span] = []
        self._seen = 0  # spans[:_seen] are sorted out
        self._reach = 0  # the furthest end of a span in the three lists
        self._topic: list[Span] | None = None

    def roles(self, ts: int) -> tuple[list[Span], list[Span], list[Span]]:
        """Subjects, objects and datives ending by `ts` (the clause's own lists when all do: callers
        only read them)."""
        ctx, spans, k, n = self.ctx, self.spans, self._seen, len(self.spans)
        text, particles = ctx.text, ctx.particles
        while k < n and spans[k].start < ts:  # a span starting later cannot end by ts
            s = spans[k]
            k += 1
            if text[s.start - 1:s.start] == "(" and _paren_alias(ctx, s):
                continue
            tag, surf = particles.get(s.end) or ctx.particle(s)
            if tag in SUBJECT and surf in _HEAD_PARTICLES:
                self._subj.append(s)
            elif tag == "JKO":
                self._obj.append(s)
            elif tag == "JKB" and surf in _DATIVE:
                self._dat.append(s)
            else:
                continue
            if s.end > self._reach:
                self._reach = s.end
        self._seen = k
        if self._reach <= ts:  # usually: no span runs over the cue
            return self._subj, self._obj, self._dat
        return ([s for s in self._subj if s.end <= ts], [s for s in self._obj if s.end <= ts],
                [s for s in self._dat if s.end <= ts])

    def topic(self) -> list[Span]:
        """The last topic (X은/X는) of the sentence before the clause, as a list of one or none (the
        subject when the clause has none: only the last subject is ever used)."""
        if self._topic is None:
            ctx, a = self.ctx, self.a
            sents = ctx.doc.analysis.sentences
            sent = sents[ctx.doc.sentence_of(a)] if sents else (0, a)
            last = next((s for s in reversed(ctx.between(sent[0], a)) if ctx.particle(s) in _TOPIC), None)
            self._topic = [last] if last is not None else []
        return self._topic


def _cues(ctx: _Ctx) -> None:
    """Each sentence is cut into clauses after its connective endings (하고, 이어, 며); a cue word's
    relation is looked for in its clause."""
    doc, text, r = ctx.doc, ctx.text, ctx.r
    # found once per article, then picked out per clause by bisection
    cue_toks = _cue_tokens(doc, r)
    cue_starts = [t.start for t, _ in cue_toks]
    located_at = sorted({i for c in r.located_cues for i in find_all(text, c)})
    if not cue_toks and not located_at:
        return
    cut_starts, cut_ends = _connectives(doc)
    marks = sorted(cue_starts + located_at)  # where a clause has something to do
    n_marks, n_located, starts, all_spans = len(marks), len(located_at), ctx.starts, ctx.spans
    for s, e in doc.analysis.sentences:
        i = bisect_left(cut_starts, s)
        j = bisect_left(cut_starts, e, i)
        # a sentence with no mark in reach of its clauses (up to e or the furthest cut) has nothing to do
        k = bisect_left(marks, s)
        if k == n_marks or marks[k] >= (e if i == j else max(e, *cut_ends[i:j])):
            continue
        ends = [s, *cut_ends[i:j], e] if i < j else (s, e)
        for a, b in zip(ends, ends[1:], strict=False):
            if b <= a:
                continue
            k = bisect_left(marks, a)
            if k == n_marks or marks[k] >= b:  # nothing to do here: most clauses
                continue
            i = bisect_left(starts, a)
            j = bisect_left(starts, b, i)
            if i == j:
                continue
            spans = all_spans[i:j]
            clause = None  # built at the clause's first cue that needs its roles
            k = bisect_left(cue_starts, a)
            for t, calls in cue_toks[k:bisect_left(cue_starts, b, k)]:
                for cue, rel in calls:
                    if rel == "partners_with":  # its parties are found by _partners, not by subject and object
                        if cue != "함께" or not _ANNOUNCED.search(text, t.end, b):
                            _partners(ctx, spans, t)
                        continue
                    if clause is None:
                        clause = _Clause(ctx, a, b, spans)
                    _one_cue(ctx, rel, cue, t, clause)
            k = bisect_left(located_at, a)  # a located cue in the clause (_any_in, inlined: once a clause)
            if k < n_located and located_at[k] < b:
                _headquarters(ctx, a, b, spans)


# A와 함께 ... 발표했다: announcing something together (ministries, a joint statement) is no partnership
_ANNOUNCED = re.compile(r"발표|밝혔|밝힌|공개했|설명했|참석|주최|개최|점검|검사|조사|단속|감독")  # and regulators' checks


def _connectives(doc: Doc) -> tuple[list[int], list[int]]:
    """Starts and ends of the connective endings (하고, 이어, 며) a space or comma follows: where
    clauses are cut."""
    text = doc.text
    cuts = [t for t in doc.tokens if t.tag == "EC" and text[t.end:t.end + 1] in (" ", ",")]
    return [t.start for t in cuts], [t.end for t in cuts]


def _cue_tokens(doc: Doc, r: _Rules) -> list[tuple[Token, list[tuple[str, str]]]]:
    """The tokens a cue word starts (nouns, verbs, roots, Latin, adverbs) in text order, each with the
    (cue, relation) pairs to look for there."""
    text, inner, cue_re, out = doc.text, r.inner, r.cue_re, []
    if cue_re is None:
        return out
    toks, tok_starts, calls, n = doc.tokens, _token_starts(doc), r.calls, len(doc.tokens)
    for m in cue_re.finditer(text):
        p, cue = m.start(), m.group()
        k = bisect_left(tok_starts, p)
        while k < n and tok_starts[k] == p:  # the tokens starting there
            if toks[k].tag[:2] in _CUE_TAGS:
                out.append((toks[k], calls[cue]))
            k += 1
        for d in inner[cue]:  # in text order: inner places lie before the next match
            m2 = cue_re.match(text, p + d)
            if m2:
                q, c2 = p + d, m2.group()
                k = bisect_left(tok_starts, q)
                while k < n and tok_starts[k] == q:
                    if toks[k].tag[:2] in _CUE_TAGS:
                        out.append((toks[k], calls[c2]))
                    k += 1
    return out


def _any_in(positions: list[int], a: int, b: int) -> bool:
    """Some of the sorted `positions` lies in [a, b)."""
    k = bisect_left(positions, a)
    return k < len(positions) and positions[k] < b


_DATIVE = ("에", "에게", "에도", "에게서")


_PARENT_CUES = ("자회사", "계열사", "손자회사")


def _one_cue(ctx: _Ctx, rel: str, cue: str, tok, clause: _Clause) -> None:
    doc, text = ctx.doc, ctx.text
    a, b, spans = clause.a, clause.b, clause.spans
    subj, obj, dat = clause.roles(tok.start)  # the spans before the cue
    # A cue with nothing to take is done before its head is looked for (the costly part); the
    # branches below would find no tail either.
    if rel == "invests_in":
        if not (dat or obj and cue != "지분") and text.find("교환", a, b) == -1:
            return
    elif rel == "supplies":
        if not dat or dat[-1].label == "QUANTITY":  # A와 B 등 12곳에 공급: the list before the count
            dat = _listed_dative(ctx, spans, tok.start)
            if not dat:
                return
    elif rel in ("founded", "acquires") or rel == "subsidiary_of" and cue not in _PARENT_CUES:
        if not obj:
            return
    elif rel != "develops" and rel != "subsidiary_of":
        return
    # relative clause: 트웰브랩스에 투자한 네이버 / 기가지니를 보유한 KT
    rel_head = None
    if _RELATIVE.match(text, tok.end, tok.end + 12):
        nxt = next((s for s in spans if s.start >= tok.end), None)
        rule = ctx.rules.get(rel)
        # (공급하는 1200억원 규모 계약: an amount after the relative verb heads nothing)
        if nxt is not None and nxt.start - tok.end <= 12 and (rule is None or nxt.label in rule.head):
            rel_head = nxt
    if not subj and rel_head is None:  # ...를 열고 ‘익시오’를 공개: the sentence's topic is the subject
        subj = clause.topic()
    head = rel_head or (subj[-1] if subj else None)
    if head is not None and head.label == "PER":  # 샘 올트먼 오픈AI CEO는 ... 공개: the company acts
        org = next((s for s in spans if s.start == head.end + 1 and s.label == "ORG"), None)
        rule = ctx.rules.get(rel)
        if org is not None and rule is not None and "PER" not in rule.head:
            head = org
    if rel == "invests_in":
        if len(subj) >= 1 and text.find("교환", a, b) != -1:
            group = _coordinated_before(ctx, subj[-1], spans)
            if len(group) == 2:
                _add(ctx, group[0], "invests_in", group[1], 0.7)
                _add(ctx, group[1], "invests_in", group[0], 0.7)
                return
        tails = dat or (obj if cue != "지분" else [])
        if head is not None:
            for t in tails[-1:]:
                _add(ctx, head, "invests_in", t, 0.75)
        return
    if rel == "supplies":
        if head is None:  # no subject in the sentence: the company the story is about supplies
            head = _topic_org(ctx, a)
        if head is not None:
            for t in listed_with(ctx, dat[-1]) if dat else ():
                _add(ctx, head, "supplies", t, 0.6)
        return
    if rel == "subsidiary_of" and cue in _PARENT_CUES:
        _subsidiary(ctx, tok, spans, subj)
        return
    if rel == "develops" and head is None and not rel_head and _THE_COMPANY.search(text[a:tok.start]):
        head = _topic_org(ctx, a)  # 회사는 ... ‘X’를 출시: the company the story is about
    if rel in _OBJECT_CUES:
        tails = obj[-1:] if obj else []
        if rel == "develops" and not tails:
            # ‘X’를 ... 손잡고 출시한다 (the object sits before a clause cut) / X는 Y가 개발한 ...
            sent = doc.sentence_around(a)
            if head is None:
                head = next((s for s in reversed(ctx.between(sent[0], a)) if s.label == "ORG"
                             and ctx.particle(s)[1] in _HEAD_PARTICLES), None)
            if head is None:
                return
            before_cue = [s for s in ctx.between(sent[0], tok.start) if s.label == "PRODUCT"]
            tails = [s for s in before_cue if ctx.particle(s)[0] == "JKO" and s.start > head.start][-1:] or \
                [s for s in before_cue if ctx.particle(s) in _TOPIC and s.end <= head.start][:1]
        if rel_head is not None and not tails:
            tails = obj[-1:]
        if head is None or not tails:
            return
        tail = tails[-1]
        if rel == "subsidiary_of" and cue in ("설립",):
            return  # 설립 states founded; subsidiary_of follows from it below
        if rel == "founded":
            _add(ctx, head, "founded", tail, 0.75)
            if head.label == "ORG" and tail.label == "ORG":
                _add(ctx, tail, "subsidiary_of", head, 0.7)
            _founded_places(ctx, tail, dat)
            return
        if rel == "subsidiary_of":  # 인수한 B / A의 자회사
            _add(ctx, tail, "subsidiary_of", head, 0.6)
            return
        _add(ctx, head, rel, tail, 0.7)


def _listed_dative(ctx: _Ctx, spans: list[Span], pos: int) -> list[Span]:
    """The last member of a list closed by 등에 before `pos` (삼성전자, SK하이닉스 등에 / 등 12곳에 공급)."""
    text = ctx.text
    for s in reversed(spans):
        if s.end <= pos and s.label == "ORG" and _LIST_CLOSE.match(text, s.end, pos):
            return [s]
    return []


_LIST_CLOSE = re.compile(r" 등(?: [0-9][0-9,]*여?(?:곳|개사|개 ?기업|개 ?기관))?(?:에|에게) ")


# between a subject and its subsidiary cue: the particle and at most a place or kind (A는 베트남 자회사 B)
_SUBSIDIARY_OF_SUBJECT = re.compile(r"(?:은|는|이|가) (?:[가-힣A-Za-z]{1,8} )?")
_PARENT_GAP = re.compile(r"(?:의 | )(?:[가-힣A-Za-z]{1,6} ){0,2}|")  # A의 (반도체 장비) 계열사 (not A는 그룹 계열사)


def _subsidiary(ctx: _Ctx, tok, spans: list[Span], subj: list[Span]) -> None:
    """B는 A의 자회사 / A 자회사 B: the organisation before the cue (A의) is the parent."""
    text = ctx.doc.text
    parent = next((s for s in reversed(spans) if s.end <= tok.start and s.label == "ORG"
                   and _PARENT_GAP.fullmatch(text, s.end, tok.start)), None)
    after = next((s for s in spans if s.start >= tok.end and s.label == "ORG"), None)
    if parent is None:
        # A는 베트남 자회사 B에 출자: the subject owns the subsidiary named right after the cue
        if subj and subj[-1].label == "ORG" and after is not None and text[tok.end:after.start].strip(" ‘'\"“") == "" \
                and _SUBSIDIARY_OF_SUBJECT.fullmatch(text, subj[-1].end, tok.start):
            _add(ctx, after, "subsidiary_of", subj[-1], 0.7)
        return
    child = None
    if after is not None and text[tok.end:after.start].strip(" ‘'\"“인") == "":
        child = after  # 네이버 자회사 ‘스노우’ / 자회사인 X
    elif subj and subj[-1] is not parent:
        child = subj[-1]  # 케이뱅크는 BC카드의 자회사로
    if child is not None and child.label == "ORG":
        _add(ctx, child, "subsidiary_of", parent, 0.75)


def _paren_alias(ctx: _Ctx, s: Span) -> bool:
    """The span is a bracketed second name right after another span: the outer name speaks for both."""
    text = ctx.text
    p = s.start - 1
    if text[p:p + 1] != "(":
        return False
    prev = _span_before(ctx, s)
    return prev is not None and prev.end in (p, p - 1) and text[prev.end:p].strip() == ""


def _founded_places(ctx: _Ctx, org: Span, dat: list[Span]) -> None:
    """실리콘밸리에 ‘네이버벤처스’를 설립: the new organisation is located there (and in the country before)."""
    for loc in dat:
        if loc.label != "LOC":
            continue
        _add(ctx, org, "located_in", loc, 0.7)
        prev = _span_before(ctx, loc)
        if prev is not None and prev.label == "LOC" and ctx.doc.text[prev.end:loc.start] == " ":
            _add(ctx, org, "located_in", prev, 0.7)


_UNKNOWN_PLACE_AFTER = re.compile(r" [가-힣]{2,6}(?:에|에서) ")


def _unknown_place_after(ctx: _Ctx, s: Span) -> bool:
    """The place is followed by one proper noun no source labelled, then 에/에서 (매사추세츠주 월섬에)."""
    if not _UNKNOWN_PLACE_AFTER.match(ctx.text, s.end):
        return False
    nxt = next(ctx.doc.tokens_from(s.end + 1), None)
    return nxt is not None and nxt.start == s.end + 1 and nxt.tag == "NNP" and s.end + 1 not in ctx.by_start


def _free_cue(text: str, a: int, b: int, cues: list[str], spans: list[Span]) -> tuple[int, str] | None:
    """The first place in [a, b) of the first cue word written there outside every span (소재 inside
    누리엘소재 is a name, not the cue), as (position, cue)."""
    for cue in cues:
        p = text.find(cue, a, b)
        while p != -1:
            if not any(s.start <= p < s.end for s in spans):
                return p, cue
            p = text.find(cue, p + 1, b)
    return None


def _headquarters(ctx: _Ctx, a: int, b: int, spans: list[Span]) -> None:
    """본사는 미국 샌프란시스코에 있다 / 서울에 본사를 둔 X: located_in."""
    text = ctx.doc.text
    # no place with 에/에서/(으)로 in the clause (most clauses): nothing to do, whatever the cue
    # (and a place with one unknown word after it: 매사추세츠주 월섬에, a town Kiwi and the gazetteer do not know)
    locs = [s for s in spans if s.label == "LOC" and (ctx.particle(s)[1] in ("에", "에서", "으로", "로")
                                                      or _unknown_place_after(ctx, s))]
    if not locs:
        return
    found = _free_cue(text, a, b, ctx.r.located_cues, spans)
    if found is None:
        return
    cue_pos, cue = found
    cue_end = cue_pos + len(cue)
    orgs = [s for s in spans if s.label == "ORG" and ctx.particle(s)[0] in SUBJECT]
    after_rel = [s for s in spans if s.label == "ORG" and s.start > cue_pos and _KEEPS.match(text[cue_end:s.start])]
    named = [s for s in spans if s.label == "ORG" and 0 <= s.start - cue_end <= 3
             and text[cue_end:s.start].strip(" ‘'\"“") == ""]
    if not named and _SET_UP.search(text, a, b):
        return  # 설립 ... 에: the new organisation's place is handled with founded (not 2012년 설립된 X는)
    head = named[0] if named else after_rel[0] if after_rel else (orgs[-1] if orgs else None)
    if head is None and _TOPIC_AFTER.match(text[cue_end:cue_end + 2]):
        head = _topic_org(ctx, cue_pos)
    if head is None:
        return
    for loc in locs:
        for place in place_run(ctx, bisect_left(ctx.starts, loc.start)):  # 경기 성남시 분당구에: each of them
            _add(ctx, head, "located_in", place, 0.65)


_SET_UP = re.compile(r"설립(?!된|돼|됐|되)")


def _span_before(ctx: _Ctx, s: Span) -> Span | None:
    i = bisect_left(ctx.starts, s.start)
    return ctx.spans[i - 1] if i > 0 else None


_LIST_SEP = re.compile(r"\s*(-|·|,|、|/|및|와|과|와의|과의)\s*")  # the whole gap (fullmatch)


def _groups(ctx: _Ctx, spans: list[Span]) -> list[list[Span]]:
    """Runs of organisations joined by -, ·, 와/과, 및, commas (a '-' chain is one group of its own)."""
    text = ctx.text
    groups: list[list[Span]] = []
    for s in spans:
        if s.label != "ORG":
            continue
        if groups:
            last = groups[-1][-1]
            sep = _LIST_SEP.fullmatch(text, last.end, s.start)
            if sep and not (sep.group(1) == "," and "-" in text[groups[-1][0].start:last.end]):
                groups[-1].append(s)
                continue
        groups.append([s])
    return groups


def _coordinated_before(ctx: _Ctx, s: Span, spans: list[Span]) -> list[Span]:
    for g in _groups(ctx, spans):
        if s in g:
            return g
    return [s]


def _partners(ctx: _Ctx, spans: list[Span], tok) -> None:
    text = ctx.text
    # the organisations before the cue (_groups looks at no other span); a pair needs two
    inside = [s for s in spans if s.label == "ORG" and s.end <= tok.start]
    if not inside or len(inside) == 1 and text[inside[0].end:inside[0].end + 1] not in ("와", "과"):
        return  # one name pairs only as the companion of the company in focus (below)
    inside = [s for s in inside if not _in_brackets(text, s)]
    groups = [g for g in _groups(ctx, inside) if g and _joins(ctx, g)]
    multi = [g for g in groups if len(g) >= 2]
    subj = [g for g in groups if len(g) == 1 and ctx.particle(g[0])[0] in SUBJECT]
    pairs = []
    for g in multi:
        pairs += [(x, y) for i, x in enumerate(g) for y in g[i + 1:]]
    companions = [g[0] for g in groups if len(g) == 1 and (ctx.particle(g[0])[1] in ("와", "과", "와의", "과의")
                                                           or _UNIT_WITH.match(text, g[0].end))]
    if subj and multi:  # SK텔레콤은 삼성전자 및 카카오와 협력
        pairs += [(subj[-1][0], y) for y in multi[-1]]
    elif subj and companions:  # KT가 마이크로소프트와 손잡고
        pairs.append((subj[-1][0], companions[-1]))
    elif len(subj) >= 2:
        pairs.append((subj[-2][0], subj[-1][0]))
    elif companions and companions[-1] is inside[-1] and not subj and not multi:
        # 지난 7월에는 SBS와 협약을 맺었다: the partner is the last name before the cue; the other, the company in focus
        a = ctx.doc.sentence_around(tok.start)[0]
        # the sentence's own subject, in an earlier clause (A는 ...고, 일본에서는 B와 제휴해), else the company
        # in focus of the sentences before
        topic = subject_org(ctx, a, companions[-1].start) if _has_subject(ctx, a, tok.start) else _topic_org(ctx, a)
        if topic is not None and topic.text != companions[-1].text:
            pairs.append((topic, companions[-1]))
    for x, y in pairs:
        _add(ctx, x, "partners_with", y, 0.7)


# 대학교 [기계공학과 연구팀]과: a partner named with one of its units
_UNIT_WITH = re.compile(r"(?: [가-힣]{1,8}(?:과|부|팀|센터|연구실|연구팀|학과|학부|사업부|본부|연구소)){1,2}(?:와|과|와의|과의) ")


def _in_brackets(text: str, s: Span) -> bool:
    """Inside an open "(" on the same line: a list of examples, not the parties to a deal."""
    left = text.rfind("(", max(0, s.start - 80), s.start)
    return left != -1 and text.find(")", left, s.start) == -1


def _joins(ctx: _Ctx, group: list[Span]) -> bool:
    """A group takes part in the cue when it is a hyphen chain (A-B-C 동맹) or its last member
    is a subject, a companion (와/과), a possessor or followed by 간/사이/끼리."""
    text = ctx.text
    if len(group) >= 2 and text.find("-", group[0].end, group[1].start) != -1:
        return True
    if ctx.particle(group[-1])[1] in ("이", "가", "은", "는", "도", "와", "과", "의", "와의", "과의"):
        return True
    return bool(_BETWEEN.match(text, group[-1].end, group[-1].end + 3)) or \
        bool(_UNIT_WITH.match(text, group[-1].end))


_ROUND = re.compile(r"투자|라운드|시리즈\s?[A-Z]|펀딩|자금|프리\s?[A-Z]")
# after an investor (or the list it ends): 가 (공동으로) 주도한, 등도 이번 라운드에 참여, 로부터
_LEAD_INVESTOR = re.compile(r"(?: 등)?(?:(?:이|가|도)? ?(?:(?:이번|해당|이|후속|당시|앞선) ?(?:투자|라운드|펀딩)에(?:는|도)? ?)?"
                            r"(?:공동으로 |함께 |새로 |신규로 |추가로 )?(?:주도|이끈|리드|공동 주도|참여|합류|이름을 올렸)"
                            r"|(?:이|가|도) (?:[^\s.,]{1,12} ){1,3}?(?:처음 |새로 )?(?:이름을 올렸|합류했|참여했)"  # 도 전략적 투자자(SI)로 처음 이름을 올렸다
                            r"|(?:은|는|도|이|가) (?:[^\s.,]{1,8} ){0,3}?[0-9][0-9,.]*(?:억|조) ?원?(?:을|를) (?:넣었|투자했|베팅했)"
                            r"|(?:은|는|도)? ?(?:이번|후속|추가) ?투자에 나섰|(?:으로|로)부터 |에서 (?:[^\s.]+ ){0,3}투자(?:를 )?받)")
# a sentence that goes on about the round: 이번 라운드는 A가 주도했고 B가 참여했다 / C도 이름을 올렸다
_JOINED = re.compile(r"참여|합류|이름을 올렸|투자에 나섰|주도했|원을 넣었|원을 투자했")


_RAISED_WORDS = ("유치", "투자받", "투자를 받")  # a round raised
_RAISED = re.compile("|".join(_RAISED_WORDS))


def _funding(ctx: _Ctx) -> None:
    """A funding round: 'A는 B가 주도한 시리즈B 라운드에서 N억원을 유치했다', 'A는 B로부터 투자를 유치',
    then 'C와 D가 참여했다' in a sentence about the round: B, C and D invest in A."""
    doc, text = ctx.doc, ctx.text
    if not any(w in text for w in _RAISED_WORDS):  # no round raised: no investee (str.find, not a regex scan)
        return
    investee: Span | None = None
    since = 99
    for a, b in doc.analysis.sentences:
        since += 1
        # 말결랩스는 A와 B가 이끈 시리즈C 라운드를 마무리했다: the round is still the topic, and its leaders count
        again = investee is not None and text.find(investee.text, a, b) != -1 and _ROUND.search(text, a, b)
        if again:
            since = 0
        if _RAISED.search(text, a, b) and _ROUND.search(text, a, b):
            orgs, investors = _round_orgs(ctx, a, b)
            subj = [s for s in orgs if s not in investors and ctx.particle(s)[1] in ("은", "는", "이", "가")]
            if not subj and (_THE_COMPANY.search(text, max(0, a - 1), b) or not _has_subject(ctx, a, b)):
                topic = _topic_org(ctx, a)  # 회사는 ... 유치했다, or no subject at all: the company in focus
                subj = [topic] if topic is not None else []
            if subj:
                investee, since = subj[0], 0
        elif again or investee is not None and since <= 2 and _JOINED.search(text, a, b):
            orgs, investors = _round_orgs(ctx, a, b)
            if investors:
                since = 0  # a sentence naming investors keeps the round the topic
        else:
            continue
        if investee is None:
            continue
        for s in investors:
            if s.text != investee.text:
                _add(ctx, s, "invests_in", investee, 0.6)


def _has_subject(ctx: _Ctx, a: int, b: int) -> bool:
    """Some noun in [a, b) takes a subject or topic particle (X가, X는; not 7월에는)."""
    prev = ""
    for t in ctx.doc.tokens_between(a, b):
        if (t.tag == "JKS" or t.tag == "JX" and t.form in ("은", "는")) and prev[:1] in ("N", "S"):
            return True
        prev = t.tag
    return False


def _round_orgs(ctx: _Ctx, a: int, b: int) -> tuple[list[Span], list[Span]]:
    """The organisations of a sentence (not in brackets), and those of them that lead or join the round."""
    text = ctx.text
    orgs = [s for s in ctx.between(a, b) if s.label == "ORG" and not _in_brackets(text, s)]
    return orgs, [s for s in orgs if _LEAD_INVESTOR.match(text, _after_group(ctx, s, orgs))]


def _after_group(ctx: _Ctx, s: Span, orgs: list[Span]) -> int:
    """Where the list an organisation belongs to ends (A와 B가 참여: A's list ends after B)."""
    end = s.end
    for o in orgs:
        if o.start > end and _LIST_TO.fullmatch(ctx.text, end, o.start):
            end = o.end
    return end


def _named_after_maker(ctx: _Ctx) -> None:
    """A product named after its maker (루미 CXR of 루미헬스케어, 세린 N3 of 세린칩스): develops."""
    orgs = ctx.last_org
    for i in ctx.products:
        p = ctx.spans[i]
        first = p.text.split()[0]
        if len(first) < 2 or first == p.text:
            continue
        maker = next((o for t, o in orgs.items() if t.startswith(first) and len(t) > len(first)), None)
        if maker is not None:
            _add(ctx, maker, "develops", p, 0.55)


def _product_apposition(ctx: _Ctx) -> None:
    """KT 기가지니, 네이버의 클로바: the organisation's product."""
    text, spans = ctx.text, ctx.spans
    for i in ctx.products:
        if i == 0:
            continue
        x, y = spans[i - 1], spans[i]
        if x.label == "ORG" and text[x.end:y.start] in (" ", "의 ", " ‘", "의 ‘"):
            _add(ctx, x, "develops", y, 0.6)


# ---------------------------------------------------------------------------------- output

def _finish(ctx: _Ctx, alias_to: dict[str, Span], lexicon: Lexicon | None = None,
            by_rules: set[tuple[str, str, str]] | None = None) -> list[Relation]:
    """Move relations from aliases to the full form, keep each fact once, order and number them; leave
    out what analysts rejected often enough. `by_rules`: the keys of ctx.out the rules found (all of
    them when None); the rest came from the lexicon."""
    first = ctx.first  # surface -> its first span
    best: dict[tuple[str, str, str], tuple[float, Span, Span]] = {}
    by_rule: set[tuple[str, str, str]] = set()  # facts some rule found (the rest are the lexicon's)
    for out_key, (score, head, tail) in ctx.out.items():
        label = out_key[1]
        if label != "alias_of":
            head, tail = alias_to.get(head.text, head), alias_to.get(tail.text, tail)
        if head.text == tail.text:
            continue
        rel = ctx.rules.get(label)
        if rel is not None and rel.symmetric and first[tail.text].start < first[head.text].start:
            head, tail = tail, head
        key = (head.text, label, tail.text)
        if lexicon is not None and (lexicon.relation_blocked(*key) or rel is not None and rel.symmetric
                                    and lexicon.relation_blocked(tail.text, label, head.text)):
            continue
        if by_rules is None or out_key in by_rules:
            by_rule.add(key)
        if key not in best or best[key][0] < score:
            best[key] = (score, first[head.text], first[tail.text])
    facts = sorted(best.items(), key=lambda kv: (kv[1][1].start, kv[0][1]))
    # Relation's own validator, called directly: the same checks and result as Relation(...)
    validate = Relation.__pydantic_validator__.validate_python
    return [validate({"id": f"r{n}", "head": h.id, "tail": t.id, "label": key[1], "score": round(score, 3),
                      "source": "rule" if key in by_rule else "lexicon"})
            for n, (key, (score, h, t)) in enumerate(facts, start=1)]
