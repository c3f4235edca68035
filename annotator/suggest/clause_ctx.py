"""What the phrase-shape relation rules ask of an article: the sentence around a position, the span
ending at a position, and the organisation a sentence or the last few are about."""

from __future__ import annotations

import re
from bisect import bisect_left

# 창업자인 X 대표 / X 창업주 Y 대표: the person named next founded the organisation (searched up to the person)
FOUNDER_BEFORE = re.compile(r"(?:공동창업자|창업자|창업주|설립자|창립자)(?:인|이자|이며)? $")
_LIST_GAP = re.compile(r"(?:\([^()]{1,12}\))?\s*(?:와|과|,|·|및)\s*")  # 제너럴모터스(GM)와 삼성SDI


def listed_with(ctx, last) -> list:
    """`last` and the spans of its label listed right before it (A와 B에, A, B 등에, A와 B의)."""
    text, out = ctx.text, [last]
    i = bisect_left(ctx.starts, last.start) - 1
    while i >= 0:
        s = ctx.spans[i]
        i -= 1
        if text[s.start - 1:s.start] == "(":  # a bracketed second name: the list goes on before it
            continue
        if s.label != last.label or not _LIST_GAP.fullmatch(text, s.end, out[0].start):
            break
        out.insert(0, s)
    return out


def _one_space(gap: str) -> bool:
    return gap == " "


def place_run(ctx, i: int, joined=_one_space) -> list:
    """spans[i], a place, with the places written right before it, in text order: an address by default
    (경기 성남시 판교: one space between), or a list when `joined` accepts 와, 과 or a comma between."""
    spans, text = ctx.spans, ctx.text
    k = i
    while k > 0 and spans[k - 1].label == "LOC" and joined(text[spans[k - 1].end:spans[k].start]):
        k -= 1
    return spans[k:i + 1]


def sentence_at(ctx, pos: int) -> tuple[int, int]:
    return ctx.doc.sentence_around(pos)


def span_ending(ctx, end: int, labels: tuple[str, ...] = ("ORG",)):
    """The span ending exactly at `end` (before a particle), if it has one of the labels."""
    i = bisect_left(ctx.starts, end) - 1
    while i >= 0 and ctx.spans[i].end > end:
        i -= 1
    if i >= 0 and ctx.spans[i].end == end and ctx.spans[i].label in labels:
        return ctx.spans[i]
    return None


SUBJECT_MARKS = ("은", "는", "이", "가")


def subject_org(ctx, lo: int, pos: int, marks: tuple[str, ...] = SUBJECT_MARKS):
    """The last organisation between `lo` and `pos` marked as a subject or topic (은/는/이/가)."""
    return next((s for s in reversed(ctx.between(lo, pos)) if s.label == "ORG" and ctx.particle(s)[1] in marks), None)


def topic_org_before(ctx, pos: int, marks: tuple[str, ...] = SUBJECT_MARKS, back: int = 3):
    """The organisation the last sentences were about (X는 / X가 as a subject), up to three back."""
    doc = ctx.doc
    sents = doc.analysis.sentences
    here = doc.sentence_of(pos)
    return subject_org(ctx, sents[max(here - back, 0)][0] if sents else 0, pos, marks)


def first_topic_org(ctx, lo: int, pos: int):
    """The first organisation between `lo` and `pos` marked as the topic (X는): what a sentence is about."""
    return next((s for s in ctx.between(lo, pos) if s.label == "ORG" and ctx.particle(s)[1] in ("은", "는")), None)
