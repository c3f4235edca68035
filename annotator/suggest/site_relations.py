"""Where organisations are, from how news copy places them: a place before a kind of company (미국 게임사
X), companies listed before their country (A와 B 등 일본 업체들), an address before a head office, sites
run in a list of places (A는 경기 안양시와 부산 등에서 데이터센터를 운영), offices set up there, where a
new company stands. Called by clause_relations in its order (the order relations are found in holds)."""

from __future__ import annotations

import re

from annotator.suggest.clause_ctx import place_run, sentence_at, subject_org, topic_org_before

# 미국 보스턴의 바이오기업 A / 독일 광학 검사장비 기업 A / 영국 사모펀드(PEF) A: a few words (no particle) and a kind
_KIND_OF_COMPANY = re.compile(r"(?:의)? (?:[가-힣A-Za-z0-9]{0,9}[가-힣A-Za-z](?<![에을를이가은는와과로의서]) ){0,3}?"
                              r"([가-힣A-Za-z]{0,8}(?:기업|업체|회사|스타트업|제조사|운용사|개발사|게임사|제약사|증권사|은행|"
                              r"기관|통신사|사모펀드|벤처캐피털|VC|투자사|매체|언론사|방송사|일간지|사)(?:\([A-Z]{2,5}\))?) ")


# A와 B 등 일본 업체들이 / A, B 같은 미국 빅테크: companies listed before their country and kind
_LISTED_KIND = re.compile(r" ?(?:등|같은|등의) $")


_PAREN = re.compile(r"\([^()]{0,30}\)")


_KIND_AFTER_PLACE = re.compile(r" (?:[가-힣]{0,6}(?:업체|기업|회사|빅테크|스타트업|제조사|통신사|은행|증권사)들?)(?:이|가|은|는|과|와|의|도|을|를)? ")


# X 경기 화성시 동탄 본사 전경 / X 서울 본사: a company, its address, its head office (a caption)
_OFFICE_AFTER = re.compile(r"(?: [가-힣]{2,6}){0,2} (?:본사|사옥|본점)")


# X는 L에 들어선다 / 위치한다 / 자리 잡았다: where the organisation stands
_STANDS_AT = re.compile(r"(?:에|에서) (?:[^\s.,]{1,8} )?(?:들어선|들어설|들어섰|위치|자리)")


def places_around(ctx, add) -> None:
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
        address = place_run(ctx, i)
        first = i + 1 - len(address)
        if first and spans[first - 1].label == "ORG" and text[spans[first - 1].end:spans[first].start] == " " \
                and (i + 1 == len(spans) or spans[i + 1].label != "LOC") and _OFFICE_AFTER.match(text, loc.end):
            for place in address:
                add(ctx, spans[first - 1], "located_in", place, 0.6)
        # X는 L에 들어선다
        if _STANDS_AT.match(text, loc.end):
            sent = sentence_at(ctx, loc.start)
            org = subject_org(ctx, sent[0], spans[first].start)
            if org is not None:
                for place in address:
                    add(ctx, org, "located_in", place, 0.6)


def kind_places(ctx, add) -> None:
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
        for place in reversed(place_run(ctx, i)):  # the nearest first
            add(ctx, org, "located_in", place, 0.7)


# ...에서(도) 데이터센터 5곳을 운영한다 / 공장을 가동하고: the organisation has a site there
_RUNS_THERE = re.compile(r"(?: 등)?에서(?:도|는)? (?:[^\s.]{1,10} ){0,3}?(?:데이터센터|공장|생산기지|법인|사무소|연구소|"
                         r"연구센터|센터|지사|매장|캠퍼스|거점|생산라인|라인)\S{0,4} (?:[^\s.]{1,8} )?(?:운영|가동|두고)")


_PLACE_LIST_GAPS = (" ", "와 ", "과 ", ", ", ",", "·")


def operates_in(ctx, add) -> None:
    """A는 경기 안양시와 부산, 세종 등에서 데이터센터를 운영한다 -> A located_in each place."""
    text, spans = ctx.text, ctx.spans
    for i in ctx.locs:
        loc = spans[i]
        if not _RUNS_THERE.match(text, loc.end):
            continue
        places = place_run(ctx, i, _PLACE_LIST_GAPS.__contains__)
        sent = sentence_at(ctx, loc.start)
        org = subject_org(ctx, sent[0], places[0].start)
        if org is None and not any(s.label == "ORG" for s in ctx.between(sent[0], places[0].start)):
            org = topic_org_before(ctx, sent[0])
        if org is not None:
            for place in places:
                add(ctx, org, "located_in", place, 0.6)


_OFFICE_LIST_GAP = re.compile(r"\s*(?:와|과|,|·|및)?\s*")  # 하노이와 태국 방콕: between the places listed
_OFFICE_SET_UP = re.compile(r"에 (?:현지 |해외 |신규 |첫 )?(?:법인|지사|지점|사무소|본사|현지법인)(?:을|를) (?:설립|세우|세운|세웠|열|연다|개설|마련|둔다|두고)")


def offices_set_up(ctx, add) -> None:
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
        for place in reversed(place_run(ctx, i, _OFFICE_LIST_GAP.fullmatch)):  # the nearest first
            add(ctx, org, "located_in", place, 0.65)
