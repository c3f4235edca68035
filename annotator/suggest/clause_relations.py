"""Relations stated by the shape of a phrase rather than by a subject, a cue and an object:

- a leader in a relative clause: "A를 이끄는 P 대표", and an appointment: "P를 신임 대표로 선임";
- titles on both sides of a name: "A 대표이사 P 사장", "A 창업주 P 대표";
- a founder in a relative clause: "A는 2020년 P가 창업한 회사다" (also "김 대표가": a surname and a
  title stand for the one person of that surname named in the article);
- founders as the subject of a topic company: "A는 P 대표와 Q CTO가 2022년 함께 창업했다";
- who makes a product (relative clauses, flagships, brands, co-developers): product_relations.py;
- where organisations are (kinds of company after a place, sites, offices, captions): site_relations.py;
- ownership and deals (parents, group members, shareholders, supply contracts, new companies, joint
  ventures, a product's users, acquisitions): deal_relations.py.
All three are called from here, so the order in which relations are found holds.

`ctx` is relations._Ctx (spans in text order, particles, sentences) and `add` its relations._add.
"""

from __future__ import annotations

import re

from annotator.suggest.clause_ctx import (
    FOUNDER_BEFORE,
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
    client_lists,
    customers,
    group_members,
    new_companies,
    parents,
    passive_supplies,
    shareholder_subjects,
    shareholders,
    stakes_taken,
    supplies_to_sites,
    supply_deals,
)
from annotator.suggest.morph import title_of
from annotator.suggest.product_relations import (
    brand_products,
    co_developers,
    flagships,
    launched_by_topic,
    makers,
    own_make,
    products_of,
)
from annotator.suggest.site_relations import kind_places, offices_set_up, operates_in, places_around

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
    flagships(ctx, add, of)
    products_of(ctx, add, of)
    for a, b in acquisitions_named(ctx, of):
        add(ctx, a, "acquires", b, 0.7)
    if "인수" in text:
        acquisitions_by_subject(ctx, add)
        acquired_topics(ctx, add, after.get("이", []) + after.get("가", []))
    supply_deals(ctx, add, after.get("와", []) + after.get("과", []) + after.get("(", []))  # (B(Micron)와)
    if "공급" in text or "납품" in text or "제공" in text:
        supplies_to_sites(ctx, add, of + after.get(" ", []))
    _founded_by_reference(ctx, add, after.get("을", []) + after.get("를", []))
    if "한 " in text or "든 " in text or "인 " in text or "은 " in text:
        makers(ctx, add)
    _leaders(ctx, add)
    _title_chains(ctx, add)
    if "창업" in text or "설립" in text or "세운" in text or "창립" in text or "만든" in text:
        _founders(ctx, add)
    if "했" in text or "세웠" in text:
        _founded_by_people(ctx, add)
    _appointments(ctx, add)
    kind_places(ctx, add)
    if ctx.locs:
        places_around(ctx, add)
    launched_by_topic(ctx, add)
    _hires(ctx, add)
    if "개발" in text or "자사 " in text or "주력 " in text or "대표 " in text:
        own_make(ctx, add)
    if ctx.products:
        brand_products(ctx, add)
    if "공동 개발" in text or "공동개발" in text or "함께 개발" in text:
        co_developers(ctx, add)
    if "운영" in text or "가동" in text or "두고" in text:
        operates_in(ctx, add)
    offices_set_up(ctx, add)
    if "창업" in text or "설립" in text or "창립" in text:
        founded_and_led(ctx, add)
    if "법인" in text or "자회사" in text or "합작" in text:
        new_companies(ctx, add)
    if "고객" in text:
        client_lists(ctx, add)
    if " 지분 " in text:
        stakes_taken(ctx, add, after.get(" ", []))
    if "공급되" in text or "공급돼" in text or "공급된" in text or "납품되" in text or "납품돼" in text:
        passive_supplies(ctx, add)
    customers(ctx, add)  # last: it reads the develops relations found above


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
        if text[max(0, per.start - 2):per.start] in ("인 ", "자 ") and FOUNDER_BEFORE.search(text, max(0, per.start - 8), per.start):
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

