"""Kiwi, built once per process with the gazetteer registered as user words."""

from __future__ import annotations

import sys
import threading
from collections import deque
from collections.abc import Iterable

from annotator.analysis.model import Analysis, Token
from annotator.labels import Schema

_KIWIS: dict[tuple, object] = {}
_new = tuple.__new__  # builds a Token without NamedTuple's argument handling (hundreds of thousands a corpus)
_LOCK = threading.Lock()
# Kiwi hands out a new string for every token's tag; one shared object per tag makes the rules'
# comparisons identity checks and their set lookups reuse a cached hash.
_intern = sys.intern
# Kiwi does not look for a stray final consonant glued onto an ending or particle (chat style:
# 먹었어욥 -> 먹었어요 + ㅂ). News copy has none, and Kiwi documents that search as a cost: without
# it analysis is about 5% cheaper, and on our sample, seed and held-out articles no token changes.
TOKENIZE_OPTIONS = {"z_coda": False}


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
        if self.num_workers == 0:  # single-thread Kiwi has no batch API
            return _joined([(off, self.kiwi.tokenize(line, **TOKENIZE_OPTIONS)) for off, line in paragraphs(text)])
        return next(self.iter_analyze([text]))

    def analyze_many(self, texts: Iterable[str]) -> list[Analysis]:
        return list(self.iter_analyze(texts))

    def iter_analyze(self, texts: Iterable[str]):
        """Analyses in input order; Kiwi's worker threads analyse ahead while the caller consumes.

        Kiwi gets one paragraph (line) at a time, never a whole article: a line break always ends a
        sentence in a cleaned article, and Kiwi is about 6% cheaper per character on paragraphs than on
        whole articles (it no longer reads a headline and the lead as one sentence context, which also
        tags more names at the start of a paragraph as proper nouns)."""
        if self.num_workers == 0:
            yield from map(self.analyze, texts)
            return
        pending: deque[_Pending] = deque()

        def lines():
            for text in texts:
                paras = paragraphs(text)
                pending.append(_Pending(paras))
                for _, line in paras:
                    yield line

        for toks in self.kiwi.tokenize(lines(), **TOKENIZE_OPTIONS):
            while not pending[0].left:  # articles without a paragraph take no Kiwi result
                yield pending.popleft().analysis()
            head = pending[0]
            head.add(toks)
            if not head.left:
                yield pending.popleft().analysis()
        while pending:
            yield pending.popleft().analysis()


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, line) of every line of `text` with something to analyse."""
    out = []
    off = 0
    for line in text.split("\n"):
        if line and not line.isspace():
            out.append((off, line))
        off += len(line) + 1
    return out


class _Pending:
    """One article whose paragraphs are with Kiwi: the results so far, and how many are still to come."""

    __slots__ = ("paras", "parts", "left")

    def __init__(self, paras: list[tuple[int, str]]):
        self.paras, self.parts, self.left = paras, [], len(paras)

    def add(self, toks) -> None:
        self.parts.append((self.paras[len(self.parts)][0], toks))
        self.left -= 1

    def analysis(self) -> Analysis:
        return _joined(self.parts)


def _joined(parts) -> Analysis:
    """One article's Analysis from its paragraphs' Kiwi tokens, each shifted by its paragraph's offset.

    Sentences are runs of equal `sent_position` within a paragraph: what split_sents=True gives,
    without kiwipiepy's per-token groupby in Python (the C++ analysis is the same either way)."""
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    append = tokens.append
    for off, toks in parts:
        sent = -1
        s_start = s_end = 0
        for t in toks:
            start = t.start + off
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
