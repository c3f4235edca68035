"""Who develops a product, from how news copy names its maker: a relative clause (X가 개발한 ‘P’), the
company in focus launching it, a flagship (A의 주력 제품은 ‘P’ / 주력 제품인 ‘P’), the organisation's own
(A의 ‘P’, 자체 개발한 ‘P’, 자사 ‘P’), a brand before its kind and name (A 충전기 ‘P’, ‘P’ 운영사 A), and
co-developers (B와 공동 개발한 ‘P’). Called by clause_relations in its order."""

from __future__ import annotations

import re
from bisect import bisect_left

from annotator.suggest.clause_ctx import sentence_at, span_ending, subject_org, topic_org_before

_MAKE = re.compile(r"(?:이|가) (?:(?:자체|직접|독자|함께|공동|공동으로|새로|처음) )?(?:개발한|개발해 온|만든|만들어 온|선보인|"
                   r"내놓은|출시한|공개한|설계한|제작한)(?= )")


# what may stand between a relative clause's verb and the product: a few words, an opening quote
_TO_PRODUCT = re.compile(r" (?:[^\s.?!\"“”]{1,12} ){0,3}[‘'\"“]?")


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


def makers(ctx, add) -> None:
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


_LAUNCHED = re.compile(r"(?:을|를) (?:[^\s.]{1,10} ){0,2}?(?:개발했|출시했|선보였|공개했|내놨|내놓았|출시한다|공개한다|선보인다)")


def launched_by_topic(ctx, add) -> None:
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


_FLAGSHIP = re.compile(r"의 (?:주력|대표|핵심|간판|첫) ?(?:제품|파이프라인|서비스|모델|브랜드|신약|후보물질|플랫폼|게임)(?:은|는|이|가) ")


def flagships(ctx, add, orgs: list) -> None:
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


def products_of(ctx, add, orgs: list) -> None:
    text = ctx.text
    for org in orgs:
        m = _OF_PRODUCT.match(text, org.end)
        p = ctx.by_start.get(m.end()) if m else None
        if p is not None and p.label == "PRODUCT":
            add(ctx, org, "develops", p, 0.6)


# 차지온 초급속 충전기 ‘하이퍼차지 350’ / 엔비디아 GPU ‘H100’: a company, what kind of thing, its name
_BRAND_GAP = re.compile(r" (?:[가-힣A-Za-z0-9]{1,10} ){1,3}[‘'\"“]")


# 배달앱 ‘한끼로’ 운영사 한끼컴퍼니: the product, then the company that makes or runs it
_MAKER_AFTER = re.compile(r"[’'\"”]? (?:운영사|개발사|제조사|운영업체|개발업체)인? ")


def brand_products(ctx, add) -> None:
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


# 자체 개발한 (모델) ‘X’ / 자사 (대출 비교 앱) ‘X’ (no word between with a particle: not 자사 플랫폼에 ‘X’)
# and 주력 제품인 (초급속 충전기) ‘X’ / 대표 파이프라인인 (고형암 이중항체) ‘X’: the company's own flagship
_OWN_MAKE = re.compile(r"(?:(?:자체|독자|직접) ?개발(?:한)? (?:[^\s.]{1,10} ){0,2}|자사 (?:[^\s.]{0,9}[^\s.에을를와과은는이가의로도] ){0,3}"
                       r"|(?:주력|대표) (?:제품|상품|파이프라인|서비스|게임|모델|브랜드)(?:인|은|이|으로)? "
                       r"(?:[^\s.]{0,9}[^\s.에을를와과은는이가의로도] ){0,5})[‘'\"“]?$")


def own_make(ctx, add) -> None:
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


_CO_DEVELOP = re.compile(r"공동 ?개발|함께 개발")


_PARTNER_MARK = ("와 ", "과 ", "와의", "과의")


def co_developers(ctx, add) -> None:
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
