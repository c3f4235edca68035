"""Kiwi, built once per process with the gazetteer registered as user words."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable

from annotator.analysis.model import Analysis, Token
from annotator.labels import Schema

_KIWIS: dict[tuple, object] = {}
_new = tuple.__new__  # builds a Token without NamedTuple's argument handling (hundreds of thousands a corpus)
_LOCK = threading.Lock()
# Kiwi hands out a new string for every token's tag; one shared object per tag makes the rules'
# comparisons identity checks and their set lookups reuse a cached hash.
_intern = sys.intern


def user_words(schema: Schema) -> list[str]:
    """Gazetteer names and aliases, as Kiwi user words. Kiwi ignores words it cannot take (returns False)."""
    words: dict[str, None] = {}
    for g in schema.gazetteer:
        for w in (g.name, *g.aliases):
            w = w.strip()
            if w:
                words[w] = None
    return list(words)


def get_kiwi(words: Iterable[str] = (), num_workers: int = 1):
    """The process's Kiwi for this word list (built and warmed once: the first analysis rebuilds its dictionary)."""
    key = (tuple(words), num_workers)
    with _LOCK:
        kiwi = _KIWIS.get(key)
        if kiwi is None:
            from kiwipiepy import Kiwi

            kiwi = Kiwi(num_workers=num_workers)
            for w in key[0]:
                kiwi.add_user_word(w, "NNP", 0.0)
            kiwi.tokenize("준비")  # pay the lazy dictionary build now, not on the first article
            _KIWIS[key] = kiwi
        return kiwi


class Analyzer:
    """`analyze(text)` / `analyze_many(texts)` -> `Analysis` (tokens and sentences from one Kiwi call)."""

    def __init__(self, schema: Schema, num_workers: int = 1):
        # Kiwi's batch API needs worker threads (num_workers >= 1); -1 takes every core.
        self.num_workers = num_workers
        self.kiwi = get_kiwi(user_words(schema), num_workers)

    def analyze(self, text: str) -> Analysis:
        if not text.strip():
            return Analysis()
        return _to_analysis(self.kiwi.tokenize(text))

    def analyze_many(self, texts: Iterable[str]) -> list[Analysis]:
        return list(self.iter_analyze(texts))

    def iter_analyze(self, texts: Iterable[str]):
        """Analyses in input order; Kiwi's worker threads analyse ahead while the caller consumes."""
        if self.num_workers == 0:  # single-thread Kiwi has no batch API
            yield from map(self.analyze, texts)
            return
        for toks in self.kiwi.tokenize(iter(texts)):
            yield _to_analysis(toks)


def _to_analysis(toks) -> Analysis:
    """Tokens, and sentences as runs of equal `sent_position`: what split_sents=True gives, without
    kiwipiepy's per-token groupby in Python (the C++ analysis is the same either way)."""
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    append = tokens.append
    sent = -1
    s_start = s_end = 0
    for t in toks:
        start = t.start
        end = start + t.len
        append(_new(Token, (start, end, t.form, _intern(t.tag))))
        pos = t.sent_position
        if pos != sent:
            if sent != -1:
                sentences.append((s_start, s_end))
            sent, s_start, s_end = pos, start, end
        elif end > s_end:
            s_end = end
    if sent != -1:
        sentences.append((s_start, s_end))
    return Analysis(tokens, sentences)
