"""Ownership and deal relations stated by the shape of a phrase (called by clause_relations, in its order):

- a parent or subsidiary in apposition: "A의 모회사인 B", "A의 미국 자회사 B";
- a shareholder: "A의 최대주주는 B", "A 최대주주인 B", "A는 B가 최대주주다";
- a supply contract with a partner: "A는 B와 ... 공급 계약을 맺었다";
- a new company named in quotes: "A는 도쿄에 100% 자회사 'X'를 세웠다", "B와 합작법인 'X'를 세운다";
- a product's users supplied by its maker: "P는 A와 B 등 20여곳이 쓰고 있다";
- an acquisition as a noun phrase or completed by the subject: "A의 ... B 인수", "A가 B 인수를 마무리했다".
"""

from __future__ import annotations

import re
from bisect import bisect_left

from annotator.suggest.clause_ctx import (
    SUBJECT_MARKS,
    first_topic_org,
    listed_with,
    sentence_at,
    span_ending,
    subject_org,
    topic_org_before,
)
from annotator.suggest.morph import find_all

_PARENT = re.compile(r"의 (?:[가-힣A-Za-z]{1,6} )?(자회사|계열사|손자회사|모회사|지주사|지주회사|관계사)(?:인|로서|이자)? [‘'\"“]?")
_SHAREHOLDER = re.compile(r"(?:의)? (?:최대|2대|3대|주요|단일 최대) ?주주(?:는|인|로는) ")  # A(의) 최대주주인 B
# A는 B와 (칩 / 자체 개발한 ... 'X'를 3년 동안) 공급하는 (360억원 규모) 계약: the words between name no
# other party (checked in supply_deals)
_SUPPLY_DEAL = re.compile(r"(?P<alias>\([^()]{1,30}\))?(?:와|과) (?:[^\s.]{1,14} ){0,12}?(?:공급|납품|판매|수출)(?:하는|하기로 한)? ?"
                          r"(?:[0-9][0-9,.]*\s?[조억만천]*\s?(?:원|달러|유로|엔) 규모(?:의)? )?(?:계약|협약)")


# A는 일본 도쿄에 100% 자회사 'X'를 세웠다 / B와 합작법인 'X'를 세운다: a new company, named in quotes
_NEW_KIND = re.compile(r"(?:(?:100% |현지 |해외 |신규 |첫 )?([가-힣]{0,5}[^\s와과은는이가을를의에] )?(자회사|법인|현지법인|손자회사|합작법인|합작회사|합작사|"
                       r"조인트벤처|JV)(?:\(JV\))?(?:인)? [‘'\"“]?)$")
_NEW_VERB = re.compile(r"(?:\([^()]{1,20}\))?[’'\"”]?(?:\([^()]{1,20}\))?"  # (its name in brackets: 'X(HVE)')
                       r"(?:(?:을|를) (?:공동으로 |함께 |새로 |새롭게 )?(?:설립|세웠|세운|세우|만들|만든|출범|차렸|신설)"
                       r"| (?:공동 )?(?:설립|신설) ?(?:계약|협약|합의|을|를|하기로|키로|했|한다|에))")  # 'X' 설립 계약을 맺었다
# the place phrase before 에: up to three words (베트남 호찌민, 멕시코 누에보레온주 몬테레이), none with a
# particle (Kiwi's tags tell: 몬테레이 ends like a subject but is none)
_PLACE_PHRASE = re.compile(r"[^\s,.]+(?: [^\s,.]+){0,2}")


def _place_phrase(ctx, start: int, end: int) -> bool:
    return _PLACE_PHRASE.fullmatch(ctx.text, start, end) is not None and \
        not any(t.tag[0] == "J" for t in ctx.doc.tokens_between(start, end))


_KIND_QUOTE = re.compile(r"(?:인)? [‘'\"“]?")  # after the kind word, before the name (quoted or not)
_KIND_WORDS = ("자회사", "법인", "합작회사", "합작사", "조인트벤처", "JV")
_JV_KINDS = ("합작법인", "합작회사", "합작사", "조인트벤처", "JV")


def _subject_and_partner(ctx, before: list):
    """Among the spans before a company is set up: the first organisation marked as the subject, and
    the last other one joined by 와/과 (A는 ... B와 합작법인을 세운다)."""
    subject = next((s for s in before if s.label == "ORG" and ctx.particle(s)[1] in SUBJECT_MARKS), None)
    text = ctx.text
    partner = next((s for s in reversed(before) if s.label == "ORG" and s is not subject
                    and text[s.end:s.end + 2] in ("와 ", "과 ")), None)
    return subject, partner


def new_companies(ctx, add) -> None:
    text = ctx.text
    # from the few kind words of an article (str.find), not from every span or a regex scan of the text
    for p in sorted({p + len(w) + (w == "JV" and text[p + 2:p + 3] == ")") for w in _KIND_WORDS for p in find_all(text, w)}):
        q = _KIND_QUOTE.match(text, p)
        x = ctx.by_start.get(q.end()) if q else None
        if x is None or x.label != "ORG":
            continue
        kind = _NEW_KIND.search(text, max(0, x.start - 24), x.start)
        if kind is None:
            continue
        sent = sentence_at(ctx, x.start)
        if _NEW_VERB.match(text, x.end):
            before = ctx.between(sent[0], kind.start())
        elif m := _SET_UP_BEFORE.search(text, max(sent[0], kind.start() - 30), kind.start()):
            before = ctx.between(sent[0], m.start())  # A와 B가 인도에 세우는 합작법인 'X'
        else:
            if kind.group(2) in _JV_KINDS:
                _joint_venture_named_later(ctx, add, x)
            continue
        parent, partner = _subject_and_partner(ctx, before)
        if parent is None and not any(ctx.particle(s)[1] in SUBJECT_MARKS for s in before):
            parent = topic_org_before(ctx, sent[0]) or _named_after(ctx, x)  # no subject: the company in focus
        if parent is None or parent.text == x.text:
            continue
        if kind.group(2) in _JV_KINDS:
            _joint_owners(ctx, add, x, parent, partner)
        else:
            add(ctx, parent, "founded", x, 0.65)
            add(ctx, x, "subsidiary_of", parent, 0.65)
        # where it is: the places of the 'L에' phrase before it, and the place naming its kind (미국 법인)
        at = text.rfind("에 ", sent[0], kind.start() + 1)
        places = [s for s in before if s.label == "LOC" and at != -1 and s.end <= at
                  and _place_phrase(ctx, s.start, at)]
        places += [s for s in ctx.between(kind.start(), x.start) if s.label == "LOC"]
        for loc in places:
            add(ctx, x, "located_in", loc, 0.6)


def _named_after(ctx, x):
    """The organisation whose name the new one carries first (아라칩스 of 아라칩스 아메리카)."""
    return next((o for name, o in ctx.last_org.items() if x.text.startswith(name + " ")), None)


# A와 B가 인도에 세우는 (배터리) 합작법인 'X': the company set up in a relative clause before its kind word
_SET_UP_BEFORE = re.compile(r"(?:설립한|설립하는|설립할|세운|세우는|세울|만든|만드는|출범시킨|출범시키는|차린) (?:[^\s.]{1,8} ){0,2}$")
# A가 B와 손잡고 현지에 합작법인(JV)을 세운다: a joint venture set up before its name is given
_JV_SET_UP = re.compile(r"(?:합작법인|합작회사|합작사|조인트벤처)(?:\(JV\))?(?:을|를) (?:공동으로 |함께 )?(?:설립|세웠|세운|세우|만들|만든|출범)")


def _joint_owners(ctx, add, x, parent, partner) -> None:
    for owner in (parent, partner) if partner is not None else (parent,):
        add(ctx, owner, "founded", x, 0.6)
        add(ctx, owner, "invests_in", x, 0.6)
    # the guidelines' rule for any new company: subsidiary_of the one that set it up; of two, the one named
    # first (A는 B와 ... / A와 B가 ...: the lead partner)
    lead = parent if partner is None or parent.start < partner.start else partner
    add(ctx, x, "subsidiary_of", lead, 0.6)
    if partner is not None:  # setting up a joint venture together is a partnership
        add(ctx, parent, "partners_with", partner, 0.6)


def _joint_venture_named_later(ctx, add, x) -> None:
    """합작법인 'X'은 ... after a sentence (up to three back) in which A set one up with B: A and B own X."""
    text, doc = ctx.text, ctx.doc
    sents = doc.analysis.sentences
    here = doc.sentence_of(x.start)
    for k in range(here, max(here - 4, -1), -1):
        a, b = sents[k] if sents else (0, len(text))
        m = _JV_SET_UP.search(text, a, b)
        if m is None:
            continue
        parent, partner = _subject_and_partner(ctx, ctx.between(a, m.start()))
        if parent is not None and parent.text != x.text:
            _joint_owners(ctx, add, x, parent, partner)
        return


# P는 A와 B 등 20여곳이 쓰고 있다: the organisations using a product, closing a list
_USED_BY = re.compile(r"(?: 등(?: [0-9][0-9,]*여?(?:곳|개사|개 ?기업|개 ?기관))?)?(?:이|가|에서) (?:[^\s.]{1,10} )?"
                      r"(?:쓰고|쓴다|썼|사용하고|사용한다|사용했|사용 중|도입했|도입해|도입한다|이용하고|채택했)")


# A와 B 등 (금융 대기업이) (잇달아) P를 도입하면서: the organisations taking a product up, as its subject
_ADOPTS = re.compile(r"[’'\"”]?(?:을|를) (?:[^\s.]{1,8} )?(?:도입|사용|채택|쓰고|쓴다|구매|구입)")
_USERS_BEFORE = re.compile(r"(?: 등)?(?: [^\s.]{1,10}){0,3}(?:이|가|도) (?:[^\s.]{1,8} ){0,2}[‘'\"“]?")


def _makers_found(ctx) -> dict[str, list]:
    """Product surface -> the organisations the rules so far found to develop it."""
    makers: dict[str, list] = {}
    for (_, label, _), (_, head, tail) in ctx.out.items():
        if label == "develops":
            makers.setdefault(tail.text, []).append(head)
    return makers


def customers(ctx, add) -> None:
    """A product's users, in a sentence about the product (P는 ...) or taking it up (A와 B가 P를 도입),
    are supplied by its maker."""
    makers = _makers_found(ctx)
    if not makers:
        return
    text = ctx.text
    for i in ctx.products:
        p = ctx.spans[i]
        if p.text not in makers or ctx.particle(p)[1] not in ("은", "는"):
            continue
        sent = sentence_at(ctx, p.start)
        orgs = [s for s in ctx.between(p.end, sent[1]) if s.label == "ORG"]
        last = next((o for o in orgs if _USED_BY.match(text, o.end)), None)
        if last is not None:
            _supplied(ctx, add, makers[p.text], orgs, last)
    for i in ctx.products:  # A와 B 등 대기업이 잇달아 P를 도입
        p = ctx.spans[i]
        if p.text not in makers or not _ADOPTS.match(text, p.end):
            continue
        sent = sentence_at(ctx, p.start)
        orgs = [s for s in ctx.between(sent[0], p.start) if s.label == "ORG"]
        if orgs and orgs[-1].text not in {m.text for m in makers[p.text]} and _USERS_BEFORE.fullmatch(text, orgs[-1].end, p.start):
            _supplied(ctx, add, makers[p.text], orgs, orgs[-1])


_SUPPLIED_TO = re.compile(r"(?:공급|납품)(?:되|돼|된)")
_MADE_BY = re.compile(r"(?:이|가) (?:[^\s.,]{1,10} ){0,3}(?:자체 |직접 |독자 )?(?:개발|생산|제조|만든|설계)")


def passive_supplies(ctx, add) -> None:
    """‘P’는 (A 등 병원 140곳과) B와 C의 라인에 공급되고 있다: P's maker supplies the organisations named
    before the passive verb. The maker: who develops P (found above), else X가 개발한 (이 제품은), else the
    company in focus."""
    text = ctx.text
    makers = _makers_found(ctx)
    for m in _SUPPLIED_TO.finditer(text):
        sent = sentence_at(ctx, m.start())
        before = ctx.between(sent[0], m.start())
        topic = next((s for s in before if ctx.particle(s)[1] in ("은", "는")), None)
        by = makers.get(topic.text, []) if topic is not None and topic.label == "PRODUCT" else []
        if not by:
            made = next((s for s in before if s.label == "ORG" and _MADE_BY.match(text, s.end)), None)
            by = [made] if made is not None else []
        if not by and topic is not None and topic.label == "PRODUCT":
            org = topic_org_before(ctx, sent[0])
            by = [org] if org is not None else []
        start = topic.end if topic is not None else sent[0]
        users = [s for s in before if s.label == "ORG" and s.start >= start and s not in by
                 and text[s.end:s.end + 1] in ("와", "과", ",", "·", " ", "의", "에")]
        for maker in by:
            for user in users:
                add(ctx, maker, "supplies", user, 0.55)


# A는 B, C 등 200여 곳을 고객사로 확보했다 / 고객사를 B와 C로 넓혔다: A supplies its named customers
_CLIENTS_AS = re.compile(r"(?:[0-9,]+여? ?(?:곳|개사|개 ?기업|개 ?기관)(?:을|를) )?고객(?:사|으)로 ")
_CLIENTS_TO = re.compile(r"고객(?:사|층)?(?:을|를) ")
_CLIENTS_WIDENED = re.compile(r"(?:으로|로) (?:[^\s.,]{1,8} )?(?:넓|확대|늘|확장|다변화)")


def client_lists(ctx, add) -> None:
    text = ctx.text
    for pat in (_CLIENTS_AS, _CLIENTS_TO):
        for m in pat.finditer(text):
            sent = sentence_at(ctx, m.start())
            if pat is _CLIENTS_AS:
                listed = [s for s in ctx.between(sent[0], m.start()) if s.label == "ORG"]
                clients = _list_before(ctx, listed, m.start())
            else:
                end = _CLIENTS_WIDENED.search(text, m.end(), sent[1])
                clients = [s for s in ctx.between(m.end(), end.start() + 1) if s.label == "ORG"] if end else []
            if not clients:
                continue
            supplier = subject_org(ctx, sent[0], clients[0].start) or topic_org_before(ctx, sent[0])
            for c in clients:
                if supplier is not None and supplier.text != c.text:
                    add(ctx, supplier, "supplies", c, 0.55)


def _list_before(ctx, orgs: list, pos: int) -> list:
    """The organisations closing right before `pos` as a list (A, B 등 / A와 B), last first checked."""
    text, out = ctx.text, []
    for s in reversed(orgs):
        gap = text[s.end:out[0].start if out else pos]
        if not out and gap.strip() not in ("", "등") or out and gap.strip(" ") not in (",", "와", "과", "·", "및"):
            break
        out.insert(0, s)
    return out


# B가 2500억원을 투자해 A 지분 35%를 확보했다: the subject holds a stake in A
_STAKE_TAKEN = re.compile(r" 지분 (?:([0-9.]+)% ?)?(?:을|를) (?:[^\s.,]{1,6} )?(확보|인수|취득|사들|매입|보유)")


def stakes_taken(ctx, add, orgs: list) -> None:
    """B가 A 지분 35%를 확보했다 -> B invests_in A; 지분 100%를 인수/취득 buys the whole company: B acquires A,
    A subsidiary_of B. (지분을 인수, with no share given, is left to the acquisition rules.)"""
    text = ctx.text
    for x in orgs:
        m = _STAKE_TAKEN.match(text, x.end)
        if m is None or m.group(1) is None and m.group(2) == "인수":
            continue
        sent = sentence_at(ctx, x.start)
        holder = subject_org(ctx, sent[0], x.start)
        if holder is None or holder.text == x.text:
            continue
        if m.group(1) == "100":
            add(ctx, holder, "acquires", x, 0.7)
            add(ctx, x, "subsidiary_of", holder, 0.65)
        else:
            add(ctx, holder, "invests_in", x, 0.65)


def _supplied(ctx, add, makers: list, orgs: list, last) -> None:
    """The maker supplies `last` and the organisations listed before it (A와 B, C 등)."""
    text = ctx.text
    users = [last]
    for o in reversed([o for o in orgs if o.end < last.start]):
        if text[o.end:o.end + 1] not in ("와", "과", ",", "·") or users[0].start - o.end > 40:
            break
        users.insert(0, o)
    for user in users:
        for maker in makers:
            add(ctx, maker, "supplies", user, 0.55)


def parents(ctx, add, orgs: list) -> None:
    """A의 모회사인 B -> A subsidiary_of B; A의 미국 자회사 B -> B subsidiary_of A."""
    text = ctx.text
    for a in orgs:
        m = _PARENT.match(text, a.end)
        if m is None:
            continue
        b = ctx.by_start.get(m.end())
        if b is None or b.label != "ORG":
            continue
        if m.group(1) in ("모회사", "지주사", "지주회사"):
            add(ctx, a, "subsidiary_of", b, 0.75)
        elif m.group(1) != "관계사":
            add(ctx, b, "subsidiary_of", a, 0.75)


_GROUP_OF = re.compile(r" ?(?:계열|산하)(?:사|의)? ")
_GROUP_GAP = re.compile(r"(?:[^\s.,]{1,12} ){0,3}")  # 로봇 기업 / 벤처캐피털(VC): what kind of member it is


def group_members(ctx, add, orgs: list) -> None:
    """현대자동차그룹 계열 로봇 기업 보스턴다이나믹스 / 카카오 산하 카카오벤처스 -> the member subsidiary_of the group."""
    text = ctx.text
    for x in orgs:
        m = _GROUP_OF.match(text, x.end)
        if m is None:
            continue
        g = _GROUP_GAP.match(text, m.end())
        member = next((y for y in ctx.between(m.end(), g.end() + 1) if y.label == "ORG" and y.start <= g.end()), None)
        if member is not None and member.text != x.text:
            add(ctx, member, "subsidiary_of", x, 0.7)


def shareholders(ctx, add, orgs: list) -> None:
    """A의 최대주주는 B -> B invests_in A."""
    text = ctx.text
    for a in orgs:
        m = _SHAREHOLDER.match(text, a.end)
        if m is None:
            continue
        sent = sentence_at(ctx, a.start)
        holder = next((s for s in ctx.between(m.end(), sent[1]) if s.label in ("ORG", "PER")), None)
        if holder is not None:
            add(ctx, holder, "invests_in", a, 0.65)


_SHAREHOLDER_IS = re.compile(r"(?:이|가) (?:최대|2대|3대|주요|단일 최대) ?주주(?:다|이다|로|이며|인) ?")


def shareholder_subjects(ctx, add) -> None:
    """A는 (지분 34%를 가진) B가 최대주주다 -> B invests_in A (A the sentence's topic)."""
    text = ctx.text
    for m in _SHAREHOLDER_IS.finditer(text):
        holder = span_ending(ctx, m.start(), ("ORG", "PER"))
        if holder is None:
            continue
        sent = sentence_at(ctx, m.start())
        topic = first_topic_org(ctx, sent[0], holder.start)
        if topic is not None:
            add(ctx, holder, "invests_in", topic, 0.65)


def supply_deals(ctx, add, orgs: list) -> None:
    """A는 (지난달) B와 칩 공급 계약을 맺었다 -> A supplies B."""
    text = ctx.text
    for b in orgs:
        m = _SUPPLY_DEAL.match(text, b.end)  # (its name in brackets may come first: B(Micron)와)
        if m is None or m.end() - b.end > 40 and any(s.label == "ORG" for s in ctx.between(max(m.end("alias"), b.end), m.end())):
            continue
        sent = sentence_at(ctx, b.start)
        head = subject_org(ctx, sent[0], b.start)
        if head is None and not any(s.label == "ORG" for s in ctx.between(sent[0], b.start)):
            # the company in focus (X는), not the subject of a clause about something else (N2는 TSMC가 생산)
            head = topic_org_before(ctx, sent[0], ("은", "는"), 4)
        if head is not None:
            add(ctx, head, "supplies", b, 0.6)


# A는 B(의) (이천·청주 / 미국 아이다호주 보이시 신규) 공장에 장비를 공급한다: B's plant, so B is supplied
_SITE_SUPPLIED = re.compile(r"(?:의)? (?:[^\s.,]{1,10} ){0,4}?(?:공장|팹|사업장|생산라인|생산 라인|데이터센터|매장|물류센터|법인|"
                            r"현지 법인)(?:들)?에 (?:[^\s.]{1,10} ){0,6}?(?:공급|납품|제공)")


def supplies_to_sites(ctx, add, orgs: list) -> None:
    """A는 B 공장에 장비를 공급한다 -> A supplies B (the subject of the sentence before B)."""
    text = ctx.text
    for b in orgs:
        m = _SITE_SUPPLIED.match(text, b.end)
        if m is None or any(s.label == "ORG" for s in ctx.between(b.end, m.end())):
            continue
        head = subject_org(ctx, sentence_at(ctx, b.start)[0], b.start)
        if head is not None:
            for client in listed_with(ctx, b):  # LG전자와 LG디스플레이의 베트남 법인에
                add(ctx, head, "supplies", client, 0.6)


_ACQUISITION_OF = re.compile(r"의 (?:[가-힣A-Za-z]{1,10} ){0,2}$")
_ACQUISITION_AFTER = re.compile(r"(?: 지분 [0-9.]+% ?)? ?인수")


# A가 (독일 검사장비 기업) B (지분 100%) 인수를 마무리했다: the subject completes or decides the purchase
_TO_TARGET = re.compile(r"(?:이|가|은|는) (?:[^\s.,]{1,10} ){0,4}")
_TARGET_BOUGHT = re.compile(r"인수(?:를|에) (?:[^\s.]{1,8} )?(?:마무리|완료|마쳤|끝냈|확정|결정|추진|매듭)")


_STAKE_BEFORE = re.compile(r"(?: 지분 [0-9.]+% ?| )?$")


def acquisitions_by_subject(ctx, add) -> None:
    spans, text = ctx.spans, ctx.text
    for p in find_all(text, "인수"):  # from the few purchases: the target before, its buyer before that
        if not _TARGET_BOUGHT.match(text, p):
            continue
        b = span_ending(ctx, _STAKE_BEFORE.search(text, max(0, p - 16), p).start())
        if b is None:
            continue
        i = bisect_left(ctx.starts, b.start)
        a = next((s for s in reversed(spans[max(0, i - 5):i]) if s.label == "ORG"), None)
        if a is not None and text[a.end:a.end + 1] in ("이", "가", "은", "는") and _TO_TARGET.fullmatch(text, a.end, b.start):
            add(ctx, a, "acquires", b, 0.7)


# X는 (2021년) Y가 인수했다 / X는 Y가 지난해 인수한 회사다: the topic was bought by the subject
_BOUGHT_BY = re.compile(r"(?:이|가) (?:[^\s.,]{1,10} ){0,2}인수(?:했|한|해)")


def acquired_topics(ctx, add, orgs: list) -> None:
    """`orgs`: organisations followed by 이/가. X는 Y가 2021년 인수했다 -> Y acquires X (no object between)."""
    text = ctx.text
    for y in orgs:
        if not _BOUGHT_BY.match(text, y.end):
            continue
        sent = sentence_at(ctx, y.start)
        x = first_topic_org(ctx, sent[0], y.start)
        if x is not None and x.text != y.text and not any(
                ctx.particle(s)[1] in ("을", "를") for s in ctx.between(x.end, y.start)):
            add(ctx, y, "acquires", x, 0.65)


def acquisitions_named(ctx, orgs_of: list) -> list:
    """가온클라우드의 데이터센터 운영사 이음IDC 인수 -> (A, B) pairs for acquires."""
    text, out = ctx.text, []
    for a in orgs_of:
        i = bisect_left(ctx.starts, a.end)
        if i >= len(ctx.spans):
            continue
        b = ctx.spans[i]
        if b.label == "ORG" and b.start - a.end <= 24 and _ACQUISITION_OF.fullmatch(text, a.end, b.start) \
                and _ACQUISITION_AFTER.match(text, b.end):
            out.append((a, b))
    return out
