"""Relations stated by the shape of a phrase rather than by a subject, a cue and an object:

- a maker in a relative clause: "A가 자체 개발한 양극재 ‘X’", "A와 B가 함께 만든 플랫폼 ‘X’";
- a leader in a relative clause: "A를 이끄는 P 대표", and an appointment: "P를 신임 대표로 선임";
- titles on both sides of a name: "A 대표이사 P 사장", "A 창업주 P 대표";
- a founder in a relative clause: "A는 2020년 P가 창업한 회사다" (also "김 대표가": a surname and a
  title stand for the one person of that surname named in the article);
- founders as the subject of a topic company: "A는 P 대표와 Q CTO가 2022년 함께 창업했다";
- a place of a company described by its kind: "미국 보스턴의 바이오기업 A", "독일 검사장비 기업 A";
- a product launched in a sentence without a subject: the company the story is about made it;
- ownership and deals (parents, shareholders, supply contracts, new companies, joint ventures, a
  product's users, acquisitions): deal_relations.py, called from here so the order of relations holds.

`ctx` is relations._Ctx (spans in text order, particles, sentences) and `add` its relations._add.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from annotator.suggest.clause_ctx import (
    SUBJECT_MARKS,
    first_topic_org,
    sentence_at,
    span_ending,
    subject_org,
    topic_org_before,
)
from annotator.suggest.deal_relations import (
    acquired_topics,
    acquisitions_by_subject,
    acquisitions_named,
    customers,
    group_members,
    new_companies,
    parents,
    passive_supplies,
    shareholder_subjects,
    shareholders,
    supply_deals,
)
from annotator.suggest.morph import title_of

_MAKE = re.compile(r"(?:이|가) (?:(?:자체|직접|독자|함께|공동|공동으로|새로|처음) )?(?:개발한|개발해 온|만든|만들어 온|선보인|"
                   r"내놓은|출시한|공개한|설계한|제작한)(?= )")
# what may stand between a relative clause's verb and the product: a few words, an opening quote
_TO_PRODUCT = re.compile(r" (?:[^\s.?!\"“”]{1,12} ){0,3}[‘'\"“]?")
_LEAD_BY = re.compile(r"(?:을|를) (?:이끄는|이끌고 있는|이끌어 온|맡고 있는|운영하는) ")
_FOUNDED_BY = re.compile(r"(?:이|가) (?:(?:\d{4}년|지난해|올해)(?: \d{1,2}월)?(?:에)? )?"
                         r"(?:(?:[^\s.]{1,12} ){0,2}[^\s.]{0,12}(?:과|와) (?:함께 |같이 )?)?(?:창업한|설립한|세운|창립한|만든) "
                         r"(?:[^\s.]{1,12} ){0,3}?[^\s.]{0,12}(?:회사|기업|업체|스타트업|전문기업|벤처)(?:이다|다|로|로서|이며|인)")
_FOUNDER_TITLES = ("창업주", "창업자", "공동창업자", "창립자", "설립자")
_HEAD_TITLES = ("대표이사", "대표", "공동대표", "사장", "부회장", "회장", "의장", "CEO", "최고경영자")
_APPOINT = re.compile(r"(?:[가-힣A-Za-z]{1,8})?(?:을|를) (?:신임 |새 |차기 )?(?:각자 |공동 )?(대표이사|대표|사장|CEO|최고경영자|의장|회장)"
                      r"(?:으로|로) (?:선임|임명|내정|선출|승진)"
                      r"|(?:[가-힣A-Za-z]{1,8})?(?:이|가) [^.\"]{0,16}?(?:신임|새|차기) (대표이사|대표|사장|CEO|최고경영자|의장|회장)"
                      r"(?:\([A-Z]{2,5}\))?(?:에|으로|로) (?:오른|올라|취임|선임|내정)")
# 미국 보스턴의 바이오기업 A / 독일 광학 검사장비 기업 A / 영국 사모펀드(PEF) A: a few words (no particle) and a kind
_KIND_OF_COMPANY = re.compile(r"(?:의)? (?:[가-힣A-Za-z]{0,9}[가-힣A-Za-z](?<![에을를이가은는와과로의서]) ){0,3}?"
                              r"([가-힣A-Za-z]{0,8}(?:기업|업체|회사|스타트업|제조사|운용사|개발사|게임사|제약사|증권사|은행|"
                              r"기관|통신사|사모펀드|벤처캐피털|VC|투자사|매체|언론사|방송사|일간지|사)(?:\([A-Z]{2,5}\))?) ")
_LAUNCHED = re.compile(r"(?:을|를) (?:[^\s.]{1,10} ){0,2}?(?:개발했|출시했|선보였|공개했|내놨|내놓았|출시한다|공개한다|선보인다)")
# " 대표" right before a founding verb's particle, and a surname alone before it (김 대표가)
_TITLE_BEFORE = re.compile(r" (?:신임 |공동 )?(?:대표이사|대표|사장|의장|회장|부회장|CEO|창업자|창업주)$")
_SURNAME_END = re.compile(r"(?:^|(?<=[^가-힣]))([가-힣]{1,2})$")  # searched on a slice: ^ is its start


def clause_relations(ctx, add) -> None:
    text = ctx.text
    # Organisations by the character after them: each phrase below starts with its own particle,
    # so most spans are passed over by one lookup (hundreds of spans an article).
    after: dict[str, list] = {}
    for s in ctx.spans:
        if s.label == "ORG":
            after.setdefault(text[s.end:s.end + 1], []).append(s)
    of = after.get("의", [])
    parents(ctx, add, of)
    if "계열" in text or "산하" in text:
        group_members(ctx, add, after.get(" ", []))
    shareholders(ctx, add, of + [s for s in after.get(" ", ()) if text.startswith(" 최대주주", s.end)])
    if "주주" in text:
        shareholder_subjects(ctx, add)
    _flagships(ctx, add, of)
    _products_of(ctx, add, of)
    for a, b in acquisitions_named(ctx, of):
        add(ctx, a, "acquires", b, 0.7)
    if "인수" in text:
        acquisitions_by_subject(ctx, add)
        acquired_topics(ctx, add, after.get("이", []) + after.get("가", []))
    supply_deals(ctx, add, after.get("와", []) + after.get("과", []))
    _founded_by_reference(ctx, add, after.get("을", []) + after.get("를", []))
    if "한 " in text or "든 " in text or "인 " in text or "은 " in text:
        _makers(ctx, add)
    _leaders(ctx, add)
    _title_chains(ctx, add)
    if "창업" in text or "설립" in text or "세운" in text or "창립" in text or "만든" in text:
        _founders(ctx, add)
    if "했" in text or "세웠" in text:
        _founded_by_people(ctx, add)
    _appointments(ctx, add)
    _kind_places(ctx, add)
    if ctx.locs:
        _places_around(ctx, add)
    _launched_by_topic(ctx, add)
    _hires(ctx, add)
    if "개발" in text or "자사 " in text or "주력 " in text or "대표 " in text:
        _own_make(ctx, add)
    if ctx.products:
        _brand_products(ctx, add)
    if "공동 개발" in text or "공동개발" in text or "함께 개발" in text:
        _co_developers(ctx, add)
    if "운영" in text or "가동" in text or "두고" in text:
        _operates_in(ctx, add)
    _offices_set_up(ctx, add)
    if "창업" in text or "설립" in text or "창립" in text:
        founded_and_led(ctx, add)
    if "법인" in text or "자회사" in text or "합작" in text:
        new_companies(ctx, add)
    if "공급되" in text or "공급돼" in text or "공급된" in text or "납품되" in text or "납품돼" in text:
        passive_supplies(ctx, add)
    customers(ctx, add)  # last: it reads the develops relations found above


def _with_partners(ctx, s) -> list:
    """The span and those listed right before it with 와/과/·/, (A와 B가 -> [A, B])."""
    out, text = [s], ctx.text
    i = bisect_left(ctx.starts, s.start) - 1
    while i >= 0:
        p = ctx.spans[i]
        gap = text[p.end:out[0].start]
        if p.label != s.label or not re.fullmatch(r"\s*(?:와|과|·|,|및)\s*(?:[가-힣]{1,8} ){0,2}", gap):
            break
        out.insert(0, p)
        i -= 1
    return out


def _makers(ctx, add) -> None:
    text = ctx.text
    for i in ctx.products:
        p = ctx.spans[i]
        lo = max(sentence_at(ctx, p.start)[0], p.start - 60)
        for m in _MAKE.finditer(text, lo, p.start):
            gap = _TO_PRODUCT.fullmatch(text, m.end(), p.start)
            maker = span_ending(ctx, m.start())
            if gap is None or maker is None:
                continue
            for org in _with_partners(ctx, maker):
                add(ctx, org, "develops", p, 0.7)


def _title_after(ctx, per) -> str | None:
    m = re.match(r" ([^\s]{1,8}?)(?:은|는|이|가|도|의|과|와|을|를)?(?=[\s,.])", ctx.text[per.end:per.end + 12])
    return title_of(m.group(1)) if m else None


def _relation_for(ctx, title: str | None, default: str | None) -> str | None:
    if title in ctx.r.leads:
        return "leads"
    if title in ctx.r.works:
        return "works_for"
    return default


def _leaders(ctx, add) -> None:
    """A를 이끄는 P 대표 -> leads; A에서 ... 총괄하는 P 전무 -> by the title."""
    text = ctx.text
    for per in ctx.pers:
        lo = max(0, per.start - 20)
        m = _LEAD_BY.search(text, lo, per.start)
        if m is not None and m.end() == per.start:
            org = span_ending(ctx, m.start())
            if org is not None:
                label = _relation_for(ctx, _title_after(ctx, per), "leads")
                add(ctx, per, label, org, 0.7)
            continue
        m = re.search(r"에서 [^.\"“”]{0,30}?(?:총괄하는|담당하는|맡고 있는|이끄는|일하는|근무하는) $", text[max(0, per.start - 45):per.start])
        if m is not None:
            org = span_ending(ctx, per.start - len(m.group(0)))
            label = _relation_for(ctx, _title_after(ctx, per), None)
            if org is not None and label is not None:
                add(ctx, per, label, org, 0.6)


def _title_chains(ctx, add) -> None:
    """A 대표이사 P 사장 / A 창업주 P 대표: the title before the name names the organisation;
    카이스트 바이오및뇌공학과 P 교수: so does an organisation before the person's department;
    대표 P는 (no organisation): the company the story is about."""
    text = ctx.text
    for per in ctx.pers:
        dept = _DEPT_BEFORE.search(text, max(0, per.start - 16), per.start)
        if dept is not None:
            org = span_ending(ctx, dept.start())
            label = _relation_for(ctx, _title_after(ctx, per), None)
            if org is not None and label is not None:
                add(ctx, per, label, org, 0.7)
        bare = _BARE_TITLE.search(text, max(0, per.start - 8), per.start)
        if bare is not None and (bare.start() == 0 or text[bare.start() - 1] in "\n.“\"'‘ ") \
                and span_ending(ctx, bare.start() - 1) is None and bare.group(1) in ctx.r.leads:
            org = topic_org_before(ctx, per.start)
            if org is not None:
                add(ctx, per, "leads", org, 0.55)
        m = _TITLE_WORD_BEFORE.search(text[max(0, per.start - 20):per.start])
        if m is None:
            continue
        word = m.group(1)
        if word not in _FOUNDER_TITLES and word not in ctx.r.leads and word not in ctx.r.works:
            continue
        org = span_ending(ctx, per.start - len(m.group(0)) - 1)
        if org is None or text[org.end:org.end + 1] != " ":
            continue
        after = _title_after(ctx, per)
        if word in _FOUNDER_TITLES:
            add(ctx, per, "founded", org, 0.75)
            label = _relation_for(ctx, after, None)
        else:
            label = _relation_for(ctx, word, None)
        if label is not None:
            add(ctx, per, label, org, 0.8)


# the word right before a person: a title, maybe with its acronym and 인 (최고재무책임자(CFO)인)
_TITLE_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([^\s()]{2,8})(?:\([A-Z]{2,5}\))?(?:인)? $")
_DEPT_BEFORE = re.compile(r" [가-힣A-Za-z]{1,12}(?:학과|학부|공학과|대학원|연구소|연구실|연구팀|사업부|본부|센터|팀|실|부문) $")
_BARE_TITLE = re.compile(r"(?:^|(?<=[\s“\"'‘]))(대표|대표이사|사장|회장|의장|CEO) $")


def _people_by_surname(ctx) -> dict[str, list]:
    """Surname -> the people of the article with it (first mention each): 김 대표 -> 김도윤."""
    out: dict[str, list] = {}
    seen = set()
    for p in ctx.pers:
        name = p.text
        if name in seen or " " in name or not re.fullmatch(r"[가-힣]{2,4}", name):
            continue
        seen.add(name)
        for n in (1, 2) if len(name) == 4 else (1,):
            out.setdefault(name[:n], []).append(p)
    return out


_FOUNDER_BEFORE = re.compile(r"(?:공동창업자|창업자|창업주|설립자)(?:인|이자) $")  # searched up to the person
_FOUNDED_REF = re.compile(r"회사를 (?:창업한|설립한|세운) $")  # searched up to the person: $ is there


def _founders(ctx, add) -> None:
    """A는 ... P가 창업한 회사다 / 2018년 회사를 창업한 P 대표 -> founded."""
    text = ctx.text
    by_surname = None
    for m in _FOUNDED_BY.finditer(text):
        sent = sentence_at(ctx, m.start())
        founder = span_ending(ctx, m.start(), ("PER", "ORG"))
        if founder is None:  # 김도윤 대표가 / 김 대표가
            t = _TITLE_BEFORE.search(text, max(sent[0], m.start() - 16), m.start())
            if t is None:
                continue
            founder = span_ending(ctx, t.start(), ("PER",))
            if founder is None:
                ref = _SURNAME_END.search(text[max(sent[0], t.start() - 3):t.start()])
                by_surname = by_surname if by_surname is not None else _people_by_surname(ctx)
                people = by_surname.get(ref.group(1), []) if ref else []
                if len(people) != 1 or people[0].start > m.start():
                    continue
                founder = people[0]
        topic = first_topic_org(ctx, sent[0], m.start())
        if topic is not None and topic is not founder:
            add(ctx, founder, "founded", topic, 0.7)
    for per in ctx.pers:  # 창업자인 서민혁 하람시큐리티 대표: the founder's company named after the name
        if text[max(0, per.start - 2):per.start] in ("인 ", "자 ") and _FOUNDER_BEFORE.search(text, max(0, per.start - 8), per.start):
            org = ctx.by_start.get(per.end + 1)
            if org is not None and org.label == "ORG" and text[per.end:per.end + 1] == " ":
                add(ctx, per, "founded", org, 0.7)
    for per in ctx.pers:  # 2018년 회사를 창업한 서도윤 대표는: the company in focus
        # "한 "/"운 " before the name first: most people are passed over without the regex
        if text[max(0, per.start - 2):per.start] in ("한 ", "운 ") and \
                _FOUNDED_REF.search(text, max(0, per.start - 12), per.start):
            org = topic_org_before(ctx, per.start)
            if org is not None:
                add(ctx, per, "founded", org, 0.6)


# A는 P 대표와 Q 최고기술책임자(CTO)가 2022년 (함께) 창업했다: the people are the subject, the company the topic
_FOUNDED_FINITE = re.compile(r"(?:이|가) (?:(?:\d{4}년|지난해|올해)(?: \d{1,2}월)?(?:에)? )?(?:함께 |공동으로 |공동 )?"
                             r"(?:창업했|설립했|세웠|창립했)")
_PERSON_SUBJECT = re.compile(r"(?: [가-힣A-Za-z]{1,10}(?:\([A-Za-z]{2,6}\))?)?(?:와|과|이|가) ")


def _founded_by_people(ctx, add) -> None:
    text = ctx.text
    for m in _FOUNDED_FINITE.finditer(text):
        sent = sentence_at(ctx, m.start())
        inside = ctx.between(sent[0], m.start())
        topic = first_topic_org(ctx, sent[0], m.start())
        if topic is None:
            continue
        people = [s for s in inside if s.label == "PER" and s.start > topic.end and _PERSON_SUBJECT.match(text, s.end)]
        if not people or text.find("을 ", people[-1].end, m.start()) != -1 or text.find("를 ", people[-1].end, m.start()) != -1:
            continue
        for per in people:
            add(ctx, per, "founded", topic, 0.65)


def _appointments(ctx, add) -> None:
    """A는 ... P 부사장을 신임 대표이사로 선임했다 -> P leads A."""
    text = ctx.text
    for per in ctx.pers:
        m = _APPOINT.match(text, per.end + (1 if text[per.end:per.end + 1] == " " else 0))
        if m is None and text[per.end:per.end + 1] in ("을", "를"):
            m = _APPOINT.match(text, per.end)
        if m is None:
            continue
        sent = sentence_at(ctx, per.start)
        # (X도 ... P를 대표로 선임: 도 marks the appointing company too, after another one's story)
        org = subject_org(ctx, sent[0], per.start, SUBJECT_MARKS + ("도",)) or topic_org_before(ctx, per.start)
        if org is not None:
            add(ctx, per, _relation_for(ctx, m.group(1) or m.group(2), "leads"), org, 0.7)


# A와 B 등 일본 업체들이 / A, B 같은 미국 빅테크: companies listed before their country and kind
_LISTED_KIND = re.compile(r" ?(?:등|같은|등의) $")
_PAREN = re.compile(r"\([^()]{0,30}\)")
_KIND_AFTER_PLACE = re.compile(r" (?:[가-힣]{0,6}(?:업체|기업|회사|빅테크|스타트업|제조사|통신사|은행|증권사)들?)(?:이|가|은|는|과|와|의|도|을|를)? ")
# X 경기 화성시 동탄 본사 전경 / X 서울 본사: a company, its address, its head office (a caption)
_OFFICE_AFTER = re.compile(r"(?: [가-힣]{2,6}){0,2} (?:본사|사옥|본점)")
# X는 L에 들어선다 / 위치한다 / 자리 잡았다: where the organisation stands
_STANDS_AT = re.compile(r"(?:에|에서) (?:[^\s.,]{1,8} )?(?:들어선|들어설|들어섰|위치|자리)")


def _places_around(ctx, add) -> None:
    text, spans = ctx.text, ctx.spans
    for i in ctx.locs:
        loc = spans[i]
        # A와 B 등 일본 업체들이
        if i and _KIND_AFTER_PLACE.match(text, loc.end) and _LISTED_KIND.search(text, max(0, loc.start - 4), loc.start):
            j = i - 1
            while j >= 0 and spans[j].label != "ORG" and loc.start - spans[j].end < 12:
                j -= 1
            members = []
            while j >= 0 and spans[j].label == "ORG":
                if text[spans[j].start - 1:spans[j].start] == "(":  # 하모닉드라이브시스템즈(HDS): the alias
                    j -= 1
                    continue
                gap = _PAREN.sub("", text[spans[j].end:members[0].start]) if members else ""
                if gap.strip(" ,·") not in ("", "와", "과", "및"):
                    break
                members.insert(0, spans[j])
                j -= 1
            for m in members:
                add(ctx, m, "located_in", loc, 0.6)
        # X 경기 화성시 동탄 본사
        first = i
        while first and spans[first - 1].label == "LOC" and text[spans[first - 1].end:spans[first].start] == " ":
            first -= 1
        if first and spans[first - 1].label == "ORG" and text[spans[first - 1].end:spans[first].start] == " " \
                and (i + 1 == len(spans) or spans[i + 1].label != "LOC") and _OFFICE_AFTER.match(text, loc.end):
            for place in spans[first:i + 1]:
                add(ctx, spans[first - 1], "located_in", place, 0.6)
        # X는 L에 들어선다
        if _STANDS_AT.match(text, loc.end):
            sent = sentence_at(ctx, loc.start)
            org = subject_org(ctx, sent[0], spans[first].start)
            if org is not None:
                for place in spans[first:i + 1]:
                    add(ctx, org, "located_in", place, 0.6)


def _kind_places(ctx, add) -> None:
    """미국 보스턴의 바이오기업 A / 독일 검사장비 기업 A -> A located_in 보스턴 (and 미국)."""
    text, spans = ctx.text, ctx.spans
    for i in ctx.locs:
        loc = spans[i]
        m = _KIND_OF_COMPANY.match(text, loc.end)
        if m is None:
            continue
        org = ctx.by_start.get(m.end())
        if org is None or org.label != "ORG":
            continue
        add(ctx, org, "located_in", loc, 0.7)
        j = i - 1
        while j >= 0 and spans[j].label == "LOC" and text[spans[j].end:spans[j + 1].start] == " ":
            add(ctx, org, "located_in", spans[j], 0.7)
            j -= 1


def _launched_by_topic(ctx, add) -> None:
    """물류용 로봇 팔 ‘X’를 개발했다, with no organisation in the sentence: the company in focus made it."""
    text = ctx.text
    for i in ctx.products:
        p = ctx.spans[i]
        end = p.end + (1 if text[p.end:p.end + 1] in "’'\"”" else 0)
        if not _LAUNCHED.match(text, end):
            continue
        sent = sentence_at(ctx, p.start)
        if any(s.label in ("ORG", "PER") for s in ctx.between(sent[0], sent[1])):
            continue  # someone in the sentence: the cue rules decide
        org = topic_org_before(ctx, p.start)
        if org is not None:
            add(ctx, org, "develops", p, 0.55)


_HIRE = re.compile(r"(?:[가-힣A-Za-z]{1,8})?(?:을|를) (?:새로 |신규 |전격 )?(?:영입|채용)(?:했|한다|하기로|해)")


def _hires(ctx, add) -> None:
    """최고기술책임자(CTO)로는 ... P 박사를 영입했다 -> P works_for the company in focus."""
    text = ctx.text
    for per in ctx.pers:
        pos = per.end + (1 if text[per.end:per.end + 1] == " " else 0)
        if not (_HIRE.match(text, pos) or _HIRE.match(text, per.end)):
            continue
        sent = sentence_at(ctx, per.start)
        org = subject_org(ctx, sent[0], per.start) or topic_org_before(ctx, per.start)
        if org is not None:
            add(ctx, per, "works_for", org, 0.6)


_FLAGSHIP = re.compile(r"의 (?:주력|대표|핵심|간판|첫) ?(?:제품|파이프라인|서비스|모델|브랜드|신약|후보물질|플랫폼|게임)(?:은|는|이|가) ")


def _flagships(ctx, add, orgs: list) -> None:
    """A의 주력 파이프라인은 ... ‘X’이다 -> A develops X."""
    text = ctx.text
    for org in orgs:
        if not _FLAGSHIP.match(text, org.end):
            continue
        sent = sentence_at(ctx, org.start)
        for s in ctx.between(org.end, sent[1]):
            if s.label == "PRODUCT" and re.match(r"[’'\"”]?(?:이다|다|이며|로)", text[s.end:s.end + 4]):
                add(ctx, org, "develops", s, 0.65)
                break


# A의 (그래픽처리장치(GPU)) ‘H100’ / SK하이닉스의 차세대 메모리 ‘HBM4’: the product is the organisation's own
_OF_PRODUCT = re.compile(r"의 (?:[^\s.,]{1,12}(?<![은는이가을를와과에도]) ){0,3}[‘'\"“]")


# 차지온 초급속 충전기 ‘하이퍼차지 350’ / 엔비디아 GPU ‘H100’: a company, what kind of thing, its name
_BRAND_GAP = re.compile(r" (?:[가-힣A-Za-z0-9]{1,10} ){1,3}[‘'\"“]")
# 배달앱 ‘한끼로’ 운영사 한끼컴퍼니: the product, then the company that makes or runs it
_MAKER_AFTER = re.compile(r"[’'\"”]? (?:운영사|개발사|제조사|운영업체|개발업체)인? ")


def _brand_products(ctx, add) -> None:
    text, spans = ctx.text, ctx.spans
    for i in ctx.products:
        p = spans[i]
        m = _MAKER_AFTER.match(text, p.end)
        maker = ctx.by_start.get(m.end()) if m else None
        if maker is not None and maker.label == "ORG":
            add(ctx, maker, "develops", p, 0.6)
            continue
        org = next((s for s in reversed(spans[max(0, i - 3):i]) if s.label == "ORG"), None)
        if org is None or p.start - org.end > 40 or not _BRAND_GAP.fullmatch(text, org.end, p.start):
            continue
        gap = ctx.doc.tokens_between(org.end, p.start)
        if all(t.tag in ("NNG", "NNP", "SL", "SN", "XSN", "XPN", "SSO", "NNB") for t in gap) \
                and not any(s.start > org.end for s in spans[max(0, i - 3):i]):
            add(ctx, org, "develops", p, 0.55)


def _products_of(ctx, add, orgs: list) -> None:
    text = ctx.text
    for org in orgs:
        m = _OF_PRODUCT.match(text, org.end)
        p = ctx.by_start.get(m.end()) if m else None
        if p is not None and p.label == "PRODUCT":
            add(ctx, org, "develops", p, 0.6)


# 자체 개발한 (모델) ‘X’ / 자사 (대출 비교 앱) ‘X’ (no word between with a particle: not 자사 플랫폼에 ‘X’)
# and 주력 제품인 (초급속 충전기) ‘X’ / 대표 파이프라인인 (고형암 이중항체) ‘X’: the company's own flagship
_OWN_MAKE = re.compile(r"(?:(?:자체|독자|직접) ?개발(?:한)? (?:[^\s.]{1,10} ){0,2}|자사 (?:[^\s.]{0,9}[^\s.에을를와과은는이가의로도] ){0,3}"
                       r"|(?:주력|대표) (?:제품|상품|파이프라인|서비스|게임|모델|브랜드)(?:인|은|이|으로)? "
                       r"(?:[^\s.]{0,9}[^\s.에을를와과은는이가의로도] ){0,5})[‘'\"“]?$")


def _own_make(ctx, add) -> None:
    """A는 ... 자체 개발 모델 ‘X’를 제공한다 -> A develops X (its subject, else the company in focus)."""
    text = ctx.text
    for i in ctx.products:
        p = ctx.spans[i]
        if not _OWN_MAKE.search(text, max(0, p.start - 45), p.start):
            continue
        sent = sentence_at(ctx, p.start)
        org = subject_org(ctx, sent[0], p.start)
        if org is None and not any(s.label == "ORG" for s in ctx.between(sent[0], p.start)):
            org = topic_org_before(ctx, p.start)
        if org is not None:
            add(ctx, org, "develops", p, 0.6)


# ...에서(도) 데이터센터 5곳을 운영한다 / 공장을 가동하고: the organisation has a site there
_RUNS_THERE = re.compile(r"(?: 등)?에서(?:도|는)? (?:[^\s.]{1,10} ){0,3}?(?:데이터센터|공장|생산기지|법인|사무소|연구소|"
                         r"연구센터|센터|지사|매장|캠퍼스|거점|생산라인|라인)\S{0,4} (?:[^\s.]{1,8} )?(?:운영|가동|두고)")
_PLACE_LIST_GAPS = (" ", "와 ", "과 ", ", ", ",", "·")


def _operates_in(ctx, add) -> None:
    """A는 경기 안양시와 부산, 세종 등에서 데이터센터를 운영한다 -> A located_in each place."""
    text, spans = ctx.text, ctx.spans
    for i in ctx.locs:
        loc = spans[i]
        if not _RUNS_THERE.match(text, loc.end):
            continue
        places, k = [loc], i
        while k > 0 and spans[k - 1].label == "LOC" and text[spans[k - 1].end:places[0].start] in _PLACE_LIST_GAPS:
            k -= 1
            places.insert(0, spans[k])
        sent = sentence_at(ctx, loc.start)
        org = subject_org(ctx, sent[0], places[0].start)
        if org is None and not any(s.label == "ORG" for s in ctx.between(sent[0], places[0].start)):
            org = topic_org_before(ctx, sent[0])
        if org is not None:
            for place in places:
                add(ctx, org, "located_in", place, 0.6)


_CO_DEVELOP = re.compile(r"공동 ?개발|함께 개발")
_PARTNER_MARK = ("와 ", "과 ", "와의", "과의")


def _co_developers(ctx, add) -> None:
    """‘X’는 B와 공동 개발했다 / B와 공동 개발한 ‘X’ / B와의 협력 ... ‘X’를 공동 개발: B develops X too."""
    text = ctx.text
    for m in _CO_DEVELOP.finditer(text):
        sent = sentence_at(ctx, m.start())
        before = ctx.between(sent[0], m.start())
        partners = [s for s in before if s.label == "ORG" and text[s.end:s.end + 2] in _PARTNER_MARK]
        if not partners:
            continue
        after = next((s for s in ctx.between(m.end(), min(sent[1], m.end() + 16)) if s.label == "PRODUCT"), None)
        if after is not None and text.startswith("한 ", m.end()):
            product = after  # B와 공동 개발한 (AI 모델) ‘X’
        else:
            products = [s for s in before if s.label == "PRODUCT" and s.start > partners[0].start
                        and ctx.particle(s)[1] in ("을", "를")]
            product = products[-1] if products else next(
                (s for s in before if s.label == "PRODUCT" and ctx.particle(s)[1] in ("은", "는")), None)
        if product is None:
            continue
        for b in partners:
            add(ctx, b, "develops", product, 0.6)


_FOUND_VERB = re.compile(r"(?:을|를) (?:공동 )?(?:창업|설립|창립)(?:했|한|하)")


def _founded_by_reference(ctx, add, orgs: list) -> None:
    """서 대표는 ... 2020년 머니웨이브를 창업했다 -> the person of that surname founded it."""
    text = ctx.text
    by_surname = None
    for org in orgs:
        if not _FOUND_VERB.match(text, org.end):
            continue
        sent = sentence_at(ctx, org.start)
        if any(s.label in ("PER", "ORG") and ctx.particle(s)[1] in SUBJECT_MARKS
               for s in ctx.between(sent[0], org.start)):
            continue  # a named subject: the cue rules decide
        ref = _SURNAME_SUBJECT.search(text, sent[0], org.start)
        if ref is None:
            continue
        by_surname = by_surname if by_surname is not None else _people_by_surname(ctx)
        people = by_surname.get(ref.group(1), [])
        if len(people) == 1 and people[0].start < org.start:
            add(ctx, people[0], "founded", org, 0.65)


_SURNAME_SUBJECT = re.compile(r"(?:^|(?<=[\s“\"]))([가-힣]{1,2}) (?:신임 )?(?:대표|대표이사|사장|회장|의장|창업자|창업주|CEO)(?:은|는|이|가) ")
_OFFICE_SET_UP = re.compile(r"에 (?:현지 |해외 |신규 |첫 )?(?:법인|지사|지점|사무소|본사|현지법인)(?:을|를) (?:설립|세우|세운|세웠|열|연다|개설|마련|둔다|두고)")


def _offices_set_up(ctx, add) -> None:
    """A는 ... 베트남 하노이와 태국 방콕에 현지 법인을 설립한다 -> A located_in each place."""
    text, spans = ctx.text, ctx.spans
    for i in ctx.locs:
        loc = spans[i]
        if not _OFFICE_SET_UP.match(text, loc.end):
            continue
        sent = sentence_at(ctx, loc.start)
        if any(s.label == "ORG" and s.start > loc.end for s in ctx.between(loc.end, sent[1])
               if s.start - loc.end < 25):
            continue  # 실리콘밸리에 법인 ‘X’를 세웠다: the new organisation is placed (founded rules)
        org = subject_org(ctx, sent[0], loc.start) or topic_org_before(ctx, loc.start)
        if org is None:
            continue
        j = i
        while j >= 0 and spans[j].label == "LOC" and (j == i or re.fullmatch(r"\s*(?:와|과|,|·|및)?\s*", text[spans[j].end:spans[j + 1].start])):
            add(ctx, org, "located_in", spans[j], 0.65)
            j -= 1


_FOUNDED_AND_LED = re.compile(r"(?:을|를) (?:공동 )?(?:창업|설립|창립)(?:한|해 [^.\"]{0,30}?(?:이끈|이끌어 온|키운|일군|운영해 온)) $")


def founded_and_led(ctx, add) -> None:
    """1998년 엘피온을 창업해 27년간 회사를 이끈 마동훈 회장 -> founded (and leads, by the title)."""
    text = ctx.text
    for per in ctx.pers:
        m = _FOUNDED_AND_LED.search(text, max(0, per.start - 45), per.start)
        if m is None:
            continue
        org = span_ending(ctx, m.start())
        if org is None:
            continue
        add(ctx, per, "founded", org, 0.7)
        if m.group(0).endswith(("이끈 ", "이끌어 온 ")):
            label = _relation_for(ctx, _title_after(ctx, per), None)
            if label is not None:
                add(ctx, per, label, org, 0.65)

