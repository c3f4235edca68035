"""From overlapping candidates to spans: the longest name wins, then the more trusted source;
then every other mention of a chosen name is labelled too."""

from __future__ import annotations

from itertools import accumulate, compress, repeat
from operator import itemgetter, lt, neg, sub

from annotator.suggest.cand import SOURCE_RANK, Cand, make
from annotator.suggest.doc import Doc
from annotator.suggest.lexical import COMMON_TOO, after_common_noun
from annotator.suggest.vocab import PROVINCES


def resolve(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping selection. Candidates from analysts (lexicon) beat equal-length ones."""
    # Only candidates that overlap others need choosing, and a group of overlapping ones (a run of the
    # candidates by start that reaches into each other) is decided the same alone: pick within each group.
    # Sorting by start keeps input order among equal starts, the last tie-break of _pick.
    by_start = sorted(cands, key=_start)
    starts, ends = list(map(_start, by_start)), list(map(_end, by_start))
    if not all(map(lt, starts, ends)):  # an empty candidate overlaps nothing yet sorts among the others
        return _pick(cands)
    joined = list(map(lt, starts[1:], accumulate(ends, max)))  # [k]: by_start[k + 1] overlaps one before
    if not any(joined):
        return by_start  # nothing overlaps (propagate's usual case): all are taken
    out: list[Cand] = []
    done = 0  # by_start[:done] are decided
    for k in compress(range(len(joined)), joined):
        if k + 1 < done:
            continue  # inside the group found last
        last = k + 1
        while last + 1 < len(by_start) and joined[last]:
            last += 1
        out += by_start[done:k]
        if last == k + 1:  # most groups are two candidates: the one _pick would order first wins
            a, b = by_start[k], by_start[last]
            out.append(a if _key(a) >= _key(b) else b)
        else:
            out += _pick(by_start[k:last + 1])
        done = last + 1
    out += by_start[done:]
    return out


def _pick(cands: list[Cand]) -> list[Cand]:
    """The longest first, then the more trusted source, the higher score, the earlier start, the
    earlier in `cands`; each taken unless it overlaps one taken before. Returned by start."""
    # That order is sorting by (start - end, -rank, -score, start), stable. A stable sort in reverse keeps
    # equal keys in input order too, so sorting by the negated key in reverse gives the same order, and
    # that key can be built by map/zip in C.
    starts = list(map(_start, cands))
    keys = list(zip(map(sub, map(_end, cands), starts), map(SOURCE_RANK.get, map(_source, cands), repeat(0)),
                    map(_score, cands), map(neg, starts), strict=True))
    order = [cands[i] for i in sorted(range(len(keys)), key=keys.__getitem__, reverse=True)]
    taken: list[Cand] = []
    occupied = bytearray(max(map(_end, cands), default=0))  # 1 where a chosen span already is
    for c in order:
        s, e = c[0], c[1]
        if occupied.find(1, s, e) != -1:
            continue
        taken.append(c)
        occupied[s:e] = b"\x01" * (e - s)
    taken.sort(key=_start)
    return taken


_start, _end, _score, _source = itemgetter(0), itemgetter(1), itemgetter(3), itemgetter(4)  # Cand fields


def _key(c: Cand) -> tuple:
    """_pick's order of one candidate (greater first; of equal keys, the first given)."""
    return c[1] - c[0], SOURCE_RANK.get(c[4], 0), c[3], -c[0]


def propagate(doc: Doc, spans: list[Cand]) -> list[Cand]:
    """Rule 7 (every mention is labelled): find each chosen name again wherever it stands on morpheme edges."""
    text = doc.text
    names: dict[str, Cand] = {}
    named: list[tuple[str, Cand]] = []
    for c in spans:
        if c.source == "pattern":
            continue
        s = text[c.start:c.end]
        named.append((s, c))
        best = names.get(s)
        if best is None or best.score < c.score:
            names[s] = c
    if not names:
        return spans
    # Where a chosen span already is what its name's mention would add (same label, score, source), the
    # copy changes nothing (resolve keeps the first of equal candidates): most mentions are such spans.
    same = {(c.start, c.end) for s, c in named if c[2:] == names[s][2:]}
    edges = doc.edges
    extra: list[Cand] = []
    for s, e, name in _mentions(text, names):
        if (s, e) in same or s not in edges or e not in edges:
            continue
        if text[s].isascii() and s and text[s - 1].isascii() and text[s - 1].isalnum():
            continue
        if text[e - 1].isascii() and e < len(text) and text[e].isascii() and text[e].isalnum():
            continue
        if name in COMMON_TOO and after_common_noun(doc, s):  # 라인 the messenger; 양산 라인 a production line
            continue
        if name in PROVINCES:  # 경기 성남시 is a place, 경기 침체 the economy: each address is found on its own
            continue
        src = names[name]
        extra.append(make(Cand, (s, e, src.label, src.score, src.source)))
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
