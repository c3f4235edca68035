"""From overlapping candidates to spans: the longest name wins, then the more trusted source;
then every other mention of a chosen name is labelled too."""

from __future__ import annotations

from operator import itemgetter

from annotator.suggest.cand import SOURCE_RANK, Cand
from annotator.suggest.doc import Doc


def resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping selection. Candidates from analysts (lexicon) beat equal-length ones."""
    # Same order as sorting by that key with a lambda (stable: equal keys keep their input order), but
    # the keys are built in one comprehension and the sort calls a C method instead of a Python function.
    rank = SOURCE_RANK.get
    keys = [(c.start - c.end, -rank(c.source, 0), -c.score, c.start) for c in cands]
    order = [cands[i] for i in sorted(range(len(keys)), key=keys.__getitem__)]
    taken: list[Cand] = []
    occupied = bytearray(max((c.end for c in cands), default=0))  # 1 where a chosen span already is
    for c in order:
        if occupied.find(1, c.start, c.end) != -1:
            continue
        taken.append(c)
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    taken.sort(key=_start)
    return taken


_start = itemgetter(0)  # Cand.start


def propagate(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """Rule 7 (every mention is labelled): find each chosen name again wherever it stands on morpheme edges."""
    names: dict[str, Cand] = {}
    for c in spans:
        if c.source == "pattern":
            continue
        s = doc.text[c.start:c.end]
        if s not in names or names[s].score < c.score:
            names[s] = c
    if not names:
        return spans
    extra: list[Cand] = []
    text = doc.text
    for s, e, name in _mentions(text, names):
        if not doc.on_edges(s, e):
            continue
        if text[s].isascii() and s and text[s - 1].isascii() and text[s - 1].isalnum():
            continue
        if text[e - 1].isascii() and e < len(text) and text[e].isascii() and text[e].isalnum():
            continue
        src = names[name]
        extra.append(Cand(s, e, src.label, src.score, src.source))
    return resolve(spans + extra)


def _mentions(text: str, names) -> list[tuple[int, int, str]]:
    """Non-overlapping mentions of the names, left to right, the longest name where several start:
    what finditer of their alternation (longest first) gives, without compiling a pattern per article."""
    longest: dict[int, str] = {}  # start -> the longest name written there
    for n in names:
        i = text.find(n)
        while i != -1:
            cur = longest.get(i)
            if cur is None or len(n) > len(cur):
                longest[i] = n
            i = text.find(n, i + 1)
    out = []
    pos = 0
    for s in sorted(longest):
        if s >= pos:
            n = longest[s]
            pos = s + len(n)
            out.append((s, pos, n))
    return out
