"""Sources that match known surface forms on the text: the gazetteer, the learned lexicon, hanja
country abbreviations and Kiwi's multi-word dictionary (multi.dict, typed by WikiData class).

Matches count only where both ends fall on Kiwi morpheme edges (네이버는 matches 네이버; 토스트
does not match 토스).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, repeat
from operator import getitem
from pathlib import Path
from typing import NamedTuple

from annotator.labels import Schema
from annotator.lexicon import Lexicon
from annotator.suggest.cand import Cand, make
from annotator.suggest.doc import NOMINAL, Doc
from annotator.suggest.vocab import NAME_ONLY_SUFFIXES

HANJA_COUNTRIES = {
    "韓": "한국", "美": "미국", "中": "중국", "日": "일본", "北": "북한", "英": "영국", "獨": "독일",
    "佛": "프랑스", "露": "러시아", "印": "인도", "伊": "이탈리아", "濠": "호주", "加": "캐나다",
    "臺": "대만", "越": "베트남", "歐": "유럽", "亞": "아시아", "西": "스페인", "泰": "태국",
}

# endings that only company names have (vocab.NAME_ONLY_SUFFIXES), longest first
_COMPANY_ENDING = re.compile("|".join(sorted(map(re.escape, NAME_ONLY_SUFFIXES), key=len, reverse=True)))
_HANJA_COUNTRY = re.compile("[" + "".join(HANJA_COUNTRIES) + "]")


class Gazetteer:
    """surface -> (label, canonical name) for every name and alias in labels.yaml."""

    def __init__(self, schema: Schema):
        self.entries: dict[str, tuple[str, str]] = {}
        for g in schema.gazetteer:
            for s in (g.name, *g.aliases):
                self.entries.setdefault(s, (g.label, g.name))
        self.patterns = _alternation(self.entries)
        self._labels = {s: e[0] for s, e in self.entries.items()}  # for find: a C-level lookup per match

    def label(self, surface: str) -> str | None:
        e = self.entries.get(surface)
        return e[0] if e else None

    def canonical(self, surface: str) -> str | None:
        e = self.entries.get(surface)
        return e[1] if e else None

    def find(self, doc: Doc) -> list[Cand]:
        found = _matches(doc, self.patterns, self._labels.__getitem__, "gazetteer", 0.95)
        return [_with_company_ending(doc, c) if c.label == "ORG" else c for c in found
                if doc.text[c.start:c.end] not in COMMON_TOO or not after_common_noun(doc, c.start)]


# Names that are everyday nouns too: 라인 (the messenger; but 양산 라인, 전용 라인 are production lines)
COMMON_TOO = frozenset({"라인"})


def after_common_noun(doc: Doc, start: int) -> bool:
    """The word before `start` (one space before) is a common noun other than one naming what the name is
    (메신저 라인): the name is then that noun's compound (양산 라인)."""
    toks = doc.tokens_between(max(0, start - 12), start)
    return bool(toks) and toks[-1].end == start - 1 and toks[-1].tag in ("NNG", "XSN") \
        and doc.text[toks[-1].start:toks[-1].end] not in _CLASS_BEFORE


_CLASS_BEFORE = frozenset({"메신저", "앱", "서비스", "플랫폼", "모바일"})


def _with_company_ending(doc: Doc, c: Cand) -> Cand:
    """A known company with a company word glued on is another company named after it (소프트뱅크벤처스,
    카카오인베스트먼트): the span takes the ending, when it ends on an edge and no more name follows."""
    text, edges = doc.text, doc.edges
    m = _COMPANY_ENDING.match(text, c.end)
    if m is None:
        return c
    e = m.end()
    if e in edges:
        nxt = next(doc.tokens_from(e), None)
        if nxt is not None and nxt.start == e and nxt.tag in NOMINAL:  # more name follows
            return c
    elif not (text[e:e + 1] in _PARTICLE_SYLLABLES and e + 1 in edges):  # Kiwi glued the particle on (벤처|스와)
        return c
    return Cand(c.start, e, c.label, 0.9, "gazetteer")


_PARTICLE_SYLLABLES = frozenset("와과은는이가을를의에도")


_GAZ_CACHE: dict[str, Gazetteer] = {}


def gazetteer_for(schema: Schema) -> Gazetteer:
    key = schema.sha256 or str(id(schema))
    if key not in _GAZ_CACHE:
        _GAZ_CACHE[key] = Gazetteer(schema)
    return _GAZ_CACHE[key]


def lexicon_cands(doc: Doc, lexicon: Lexicon | None) -> list[Cand]:
    """Surfaces analysts accepted anywhere, found on this text (not added to Kiwi: that would rebuild it).

    Not one-character surfaces: a surname standing for a person (한 대표는, 이 사장은) is a name only
    beside its title, which the rules see; learned, it would label the determiner 한 and the particle
    이 in every article."""
    if lexicon is None or not lexicon.accepted:
        return []
    return _matches(doc, _lexicon_patterns(tuple(lexicon.accepted)), lexicon.accepted.get, "lexicon", 0.9)


@lru_cache(maxsize=4)
def _lexicon_patterns(surfaces: tuple[str, ...]):
    """_alternation of the accepted surfaces of two characters or more, built once while they stay the
    same (the lexicon grows between sessions, not between articles): a pattern per first character is
    too many to compile per article."""
    return _alternation(s for s in surfaces if len(s) > 1)


# Two-character abbreviations whose second character is not a country of its own (印尼: Indonesia).
HANJA_PAIRS = {"印尼": "인도네시아", "南阿": "남아프리카공화국", "沙宇": "사우디아라비아"}


def hanja_cands(doc: Doc) -> list[Cand]:
    """One-character hanja country abbreviations (韓, 美; 韓美 -> 韓 + 美)."""
    out: list[Cand] = []
    if _HANJA_COUNTRY.search(doc.text) is None:  # most texts: a C scan instead of a loop over the tokens
        return out
    for t in doc.tokens:
        if t.tag != "SH":
            continue
        chars = doc.text[t.start:t.end]
        if chars in HANJA_PAIRS:
            out.append(Cand(t.start, t.end, "LOC", 0.9, "hanja"))
        elif all(c in HANJA_COUNTRIES for c in chars) or len(chars) == 1 and chars in HANJA_COUNTRIES:
            out += [Cand(t.start + i, t.start + i + 1, "LOC", 0.9, "hanja") for i in range(len(chars))]
        elif chars[0] in HANJA_COUNTRIES and len(chars) <= 2:  # 美토니상 / 中企: the country char only
            out.append(Cand(t.start, t.start + 1, "LOC", 0.7, "hanja"))
    return out


# WikiData classes of multi.dict entries -> our labels; entries of other classes (films, songs,
# fictional people...) are recorded as None so the morphology rules do not label them either.
MULTIDICT_CLASSES = {
    "Q5": "PER",
    "Q4830453": "ORG", "Q43229": "ORG", "Q891723": "ORG", "Q6881511": "ORG", "Q783794": "ORG",
    "Q3918": "ORG", "Q327333": "ORG", "Q31855": "ORG", "Q7278": "ORG", "Q163740": "ORG",
    "Q2085381": "ORG", "Q1664720": "ORG", "Q484652": "ORG", "Q11032": "ORG",
    "Q7397": "PRODUCT", "Q35127": "PRODUCT", "Q3231690": "PRODUCT", "Q9135": "PRODUCT",
    "Q515": "LOC", "Q6256": "LOC", "Q5119": "LOC", "Q1549591": "LOC", "Q94993988": "LOC",
    "Q1248784": "LOC", "Q82794": "LOC", "Q35657": "LOC", "Q27686": "LOC", "Q41176": "LOC",
    "Q1656682": "EVENT", "Q2761147": "EVENT", "Q1190554": "EVENT", "Q57305": "EVENT",
}


@lru_cache(maxsize=1)
def _multidict_bytes() -> bytes:
    """Kiwi's multi.dict as raw bytes: reading costs milliseconds, while decoding (0.3 s) or parsing
    all 250k lines (0.6 s) would hold the GIL in the app, so entries are looked up one at a time."""
    try:
        import kiwipiepy_model

        return b"\n" + Path(kiwipiepy_model.__file__).with_name("multi.dict").read_bytes()
    except (ImportError, OSError):
        return b""


@lru_cache(maxsize=8192)
def multidict_label(surface: str) -> tuple[bool, str | None]:
    """(known, label): whether multi.dict lists the surface, and our label for its WikiData class."""
    data = _multidict_bytes()
    i = data.find(b"\n" + surface.encode("utf-8") + b"\t")
    if i == -1:
        return False, None
    line = data[i + 1:data.find(b"\n", i + 1)].decode("utf-8", "replace")
    parts = line.split("\t")
    qid = parts[3].lstrip("# ").strip() if len(parts) > 3 else ""
    return True, MULTIDICT_CLASSES.get(qid)


def multidict_cands(doc: Doc) -> tuple[list[Cand], set[tuple[int, int]]]:
    """Kiwi merges multi.dict names into one NNP token with a space; type it by its WikiData class.
    Also returns the spans of untyped entries, which other rules leave alone."""
    out, untyped = [], set()
    for t in doc.tokens:
        if t.tag != "NNP" or " " not in t.form:
            continue
        known, label = multidict_label(doc.text[t.start:t.end])
        if not known and t.form != doc.text[t.start:t.end]:
            known, label = multidict_label(t.form)
        if label == "ORG" and t.form.endswith(("호텔", "공항", "경기장", "스타디움")):
            label = "LOC"  # a hotel or airport named in a story is a venue
        if label:
            out.append(Cand(t.start, t.end, label, 0.8, "multidict"))
        else:
            untyped.add((t.start, t.end))
    return out, untyped


class Alternation(NamedTuple):
    """What _matches looks names up by: first character -> its pattern (see _alternation); the first
    two characters of the surfaces -> the pattern of the first; first characters that are surfaces
    alone -> their pattern."""

    by_first: dict[str, re.Pattern]
    by_pair: dict[str, re.Pattern]
    by_single: dict[str, re.Pattern]


def _alternation(surfaces) -> Alternation:
    """First character -> a pattern that matches what the alternation of the surfaces starting with
    it, longest first, matches (at a place, the longest surface written there). Each pattern is a
    character trie, so the engine tries one branch per character; one pattern per first character,
    because a regex alternation of ~300 first characters walks every branch at each place it fails."""
    trie: dict = {}
    for s in surfaces:
        if not s:
            continue
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = {}  # a surface ends here
    by_first = {ch: re.compile(re.escape(ch) + _trie_regex(sub)) for ch, sub in trie.items()}
    return Alternation(by_first, {ch + nx: by_first[ch] for ch, sub in trie.items() for nx in sub if nx},
                       {ch: by_first[ch] for ch, sub in trie.items() if "" in sub})


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a surface ending here: the longer ones are tried first (greedy), this one if they fail
    return "(?:" + body + ")?" if "" in node else body


def _matches(doc: Doc, patterns: Alternation, label_of, source: str, score: float) -> list[Cand]:
    out: list[Cand] = []
    by_first, by_pair, by_single = patterns
    if not by_first:
        return out
    text, edges = doc.text, doc.edges
    # a name starts on a morpheme edge with one of the first characters (map/compress: no per-edge Python)
    starts = sorted(edges)
    if starts and starts[-1] == len(text):
        starts.pop()
    # Most of those places have no name going on with the next character: one lookup of the two
    # characters tells. A one-character surface (괌) is looked for only in texts that have one.
    singles = len(by_single) > 8 or any(ch in text for ch in by_single)
    pos = 0
    # (operator.getitem, not text.__getitem__: a builtin calls faster from map than a slot wrapper)
    for s in compress(starts, map(by_first.__contains__, map(getitem, repeat(text), starts))):
        if s < pos:  # inside the last name taken
            continue
        if (pattern := by_pair.get(text[s:s + 2])) is None:
            if not singles or (pattern := by_single.get(text[s])) is None:
                continue
        match = pattern.match
        if (m := match(text, s)) is None:
            continue
        e = m.end()
        # the longest known name here that ends on an edge and is not part of a longer Latin word
        # (which can only happen when its first or last letter is ASCII, i.e. not > "\x7f")
        while not (e in edges and (text[s] > "\x7f" < text[e - 1] or _whole_latin(text, s, e))):
            if e - s <= 1 or (m := match(text, s, e - 1)) is None:  # a shorter name (갤럭시 of 갤럭시 S24)
                m = None
                break
            e = m.end()
        if m is None:
            continue
        label = label_of(text[s:e])
        if label == "LOC" and doc.suffix_after(e):
            label = None  # 한국형, 중국계, 미국산: an adjective, not the place
        if label:
            out.append(make(Cand, (s, e, label, score, source)))
        pos = e
    return out


def _whole_latin(text: str, s: int, e: int) -> bool:
    """A Latin match must not sit inside a longer Latin word (MS in MSCI), whatever Kiwi did."""
    before = text[s - 1] if s else " "
    after = text[e] if e < len(text) else " "
    return not ((text[s].isascii() and before.isascii() and before.isalnum())
                or (text[e - 1].isascii() and after.isascii() and after.isalnum()))
