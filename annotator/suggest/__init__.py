"""Entity and relation suggestions from a cached `Analysis`, the schema and the learned lexicon.

Pure Python: no Kiwi call here, so the app can run it in its own process on a cached analysis.

Entities: candidates from every source (`source` on each span) -> analysts' rejections removed ->
non-overlapping selection, longest name first -> bracketed aliases, list members and short forms
(라이엇 of 라이엇게임즈) take their neighbours' labels -> every other mention of a chosen name is labelled (rule 7).
  gazetteer  labels.yaml names and aliases, matched on the text at morpheme edges
  lexicon    surfaces analysts accepted in other articles (Lexicon.accepted)
  multidict  Kiwi's multi-word proper nouns, typed by their WikiData class
  hanja      韓 美 中 日 北 ... as LOC
  pattern    DATE / MONEY / QUANTITY over number and unit morphemes
  morph      proper-noun chunks: organisation suffixes, people before titles, apposition, class
             nouns (스타트업 X), company verbs, venues, events with a year
Relations: relations.py, from the chosen spans and the particles around cue words; and relations
analysts accepted between two names, wherever both meet in a sentence (learned_relations.py).
"""

from __future__ import annotations

import re

from annotator.analysis.model import Analysis
from annotator.labels import Schema
from annotator.lexicon import Lexicon
from annotator.models import Relation, Span
from annotator.suggest.cand import Cand
from annotator.suggest.doc import NOMINAL, Doc
from annotator.suggest.lexical import gazetteer_for, hanja_cands, lexicon_cands, multidict_cands
from annotator.suggest.morph import (
    coordinated,
    morph_cands,
    names_before_titles,
    paren_aliases,
    short_forms,
    spaced_foreign_names,
)
from annotator.suggest.patterns import pattern_cands
from annotator.suggest.relations import relation_suggestions
from annotator.suggest.resolve import propagate, resolve

__all__ = ["suggest", "suggest_entities"]


def suggest(text: str, analysis: Analysis, schema: Schema,
            lexicon: Lexicon | None = None) -> tuple[list[Span], list[Relation]]:
    doc = Doc(text, analysis)
    cands = suggest_entities(doc, schema, lexicon)
    trusted = Span.trusted  # the candidates' offsets, labels and scores are already checked values
    rounded = {s: round(s, 3) for s in {c.score for c in cands}}  # a few distinct scores; round() is ~0.3 us
    # (unpacked: a Cand's fields read by name cost a descriptor call each)
    spans = [trusted(i, s, e, label, text[s:e], rounded[score], source)
             for i, (s, e, label, score, source) in zip(_span_ids(len(cands)), cands, strict=False)]
    relations = relation_suggestions(doc, spans, schema, gazetteer_for(schema), lexicon)
    return spans, relations


_SPAN_IDS = [f"s{i}" for i in range(1, 1025)]


def _span_ids(n: int) -> list[str]:
    """s1, s2, ...: at least n span ids, made once, not per article (an f-string a span costs ~0.1 us).
    A longer list replaces the old one whole, so a thread still reading the old one is not disturbed."""
    global _SPAN_IDS
    if len(_SPAN_IDS) < n:
        _SPAN_IDS = [f"s{i}" for i in range(1, 2 * n + 1)]
    return _SPAN_IDS


def suggest_entities(doc: Doc, schema: Schema, lexicon: Lexicon | None = None) -> list[Cand]:
    labels = set(schema.entity_names)
    gaz = gazetteer_for(schema)
    known = gaz.find(doc) + lexicon_cands(doc, lexicon) + hanja_cands(doc)
    md, untyped = multidict_cands(doc)
    known += md
    cands = known + pattern_cands(doc) + morph_cands(doc, gaz, known, untyped)
    cands = [_model_suffix(doc, c) if c.label == "PRODUCT" else _place_suffix(doc, c) if c.label == "LOC" else c
             for c in cands if c.label in labels]
    cands = _particles_off(doc.text, cands)
    cands += names_before_titles(doc, cands) + spaced_foreign_names(doc, cands)  # (need the organisations found)
    if lexicon is not None:  # analysts rejected these often enough: never suggest them again
        cands = [c for c in cands if not lexicon.is_blocked(doc.text[c.start:c.end], c.label)]
    spans = propagate(doc, resolve(cands))
    for _ in range(3):  # aliases and list members take their neighbours' labels, then every mention
        more = paren_aliases(doc, spans) + coordinated(doc, spans) + short_forms(doc, spans) + \
            names_before_titles(doc, spans)  # (again: an organisation only propagation found)
        if more:  # (usually there are none: only then is it worth indexing the spans)
            have = {(c.start, c.end, c.label) for c in spans}
            more = [c for c in more if (c.start, c.end, c.label) not in have]
        if not more:
            break
        if lexicon is not None:
            more = [c for c in more if not lexicon.is_blocked(doc.text[c.start:c.end], c.label)]
        spans = propagate(doc, resolve(spans + more))
    if lexicon is not None:
        spans = [c for c in spans if not lexicon.is_blocked(doc.text[c.start:c.end], c.label)]
    return spans


_PARTICLE_ENDS = frozenset("에은는이가을를의와과도")


def _particles_off(text: str, cands: list[Cand]) -> list[Cand]:
    """Kiwi sometimes reads an unknown name and its particle as one word (미나토제약에/NNP); when the
    name without that last syllable is itself a candidate elsewhere, the particle is cut off."""
    glued = [c for c in cands if text[c.end - 1] in _PARTICLE_ENDS and c.end - c.start >= 3]
    if not glued:
        return cands
    names = {text[c.start:c.end] for c in cands}
    cut = {c: Cand(c.start, c.end - 1, c.label, c.score, c.source) for c in glued if text[c.start:c.end - 1] in names}
    return [cut.get(c, c) for c in cands] if cut else cands


_MODEL = re.compile(r"(?:[0-9][0-9A-Za-z.+]*|-[0-9A-Za-z.+]+| (?:[0-9]+\.[0-9]+|[A-Z]?[0-9]+[A-Za-z+]*)(?![0-9A-Za-z.]))")


# one-syllable words that make a place of the place before them: 버지니아주, 박닌성, 오창읍, 시즈오카현, 마곡동
_PLACE_SUFFIXES = frozenset("주성섬읍현군동")  # (마곡동, 역삼동: a Seoul neighbourhood)


def _place_suffix(doc: Doc, c: Cand) -> Cand:
    """A place takes the administrative word glued after it (Kiwi: 버지니아/NNP 주/NNG), when a particle,
    a space or punctuation follows (not 미국주식 or 중국성장률)."""
    text, e = doc.text, c.end
    if text[e:e + 1] not in _PLACE_SUFFIXES or e + 1 not in doc.edges:
        return c
    nxt = next(doc.tokens_from(e), None)
    if nxt is None or nxt.start != e or nxt.end != e + 1 or nxt.tag not in ("NNG", "NNB", "XSN"):
        return c
    after = next(doc.tokens_from(e + 1), None)
    if after is not None and after.start == e + 1 and after.tag in NOMINAL:
        return c
    return Cand(c.start, e + 1, c.label, c.score, c.source)


_PARTICLE_SURFACES = frozenset("과 와 은 는 이 가 을 를 의 도 로 으로 에 에서".split())


def _model_suffix(doc: Doc, c: Cand) -> Cand:
    """A product name takes the model number written after it: 아이폰16, 갤럭시 S24, 코GPT 2.0."""
    m = _MODEL.match(doc.text, c.end)
    if m is None or not doc.on_edges(c.start, m.end()):
        return c
    nxt = next(doc.tokens_from(m.end()), None)
    if nxt is not None and nxt.start == m.end() and not nxt.tag.startswith(("J", "S")) \
            and doc.text[nxt.start:nxt.end] not in _PARTICLE_SURFACES:  # Kiwi reads some particles as nouns
        return c  # 갤럭시 2개: a count, not a model
    return Cand(c.start, m.end(), c.label, c.score, c.source)
