"""A read-only view of one analysed text that every rule shares: tokens, morpheme edges, chunks.

A *chunk* is a maximal run of nominal tokens with nothing between them (no space, no particle):
네이버(NAVER)는 -> [네이버] [NAVER]; 카카오브레인과 -> [카카오브레인]. Entity rules work on chunks,
so particles, copulas and endings can never end up inside a span. A chunk is *named* when it holds
a proper noun or a Latin word that is no common vocabulary (AI, CEO: vocab.LATIN_STOP).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter, lt

from annotator.analysis.model import Analysis, Token
from annotator.suggest.vocab import LATIN_STOP

NOMINAL = frozenset({"NNP", "NNG", "NNB", "NR", "SL", "SN", "SH", "XPN", "XSN", "XR", "W_SERIAL"})
PARTICLE_PREFIX = ("J",)
_start, _end = itemgetter(0), itemgetter(1)  # Token.start, Token.end


@dataclass(slots=True)  # hundreds of thousands a corpus: slots make them cheaper to build and read
class Chunk:
    start: int
    end: int
    tokens: list[Token]
    next_tag: str = ""  # tag of the token right after the chunk when adjacent (a particle...), else ""
    named: bool = False  # a token is NNP, or SL and not in LATIN_STOP (found while the chunk is built)

    @property
    def tags(self) -> list[str]:
        return [t.tag for t in self.tokens]

    def has(self, *tags: str) -> bool:
        return any(t.tag in tags for t in self.tokens)


@dataclass
class Doc:
    text: str
    analysis: Analysis
    tokens: list[Token] = field(init=False)
    edges: set[int] = field(init=False)
    chunks: list[Chunk] = field(init=False)
    cache: dict = field(init=False, default_factory=dict)  # per-document memo for the rules

    def __post_init__(self) -> None:
        toks = self.analysis.tokens
        starts, ends = list(map(_start, toks)), list(map(_end, toks))  # map/set in C: no per-token Python
        edges = set(starts)  # = set(analysis.boundaries()), without its sort
        edges.update(ends)
        self.edges = edges
        keep = list(map(lt, starts, ends))  # empty tokens (Kiwi has a few in most texts) are left out
        self.tokens = list(compress(toks, keep))
        self._tok_starts = list(compress(starts, keep))
        self.chunks = _chunks(self.text, self.tokens)
        self.surfs = [self.text[c.start:c.end] for c in self.chunks]  # each chunk's surface
        self._chunk_starts = [c.start for c in self.chunks]
        self._sent_starts = [s for s, _ in self.analysis.sentences]

    def on_edges(self, start: int, end: int) -> bool:
        return start in self.edges and end in self.edges

    def chunk_at(self, start: int) -> int | None:
        i = bisect_left(self._chunk_starts, start)
        return i if i < len(self.chunks) and self.chunks[i].start == start else None

    def sentence_of(self, pos: int) -> int:
        return max(bisect_left(self._sent_starts, pos + 1) - 1, 0)

    def sentence_around(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `pos`; the whole text when Kiwi gave no sentences."""
        sents = self.analysis.sentences
        return sents[self.sentence_of(pos)] if sents else (0, len(self.text))

    def tokens_from(self, pos: int):
        """Tokens starting at or after `pos`, in order."""
        toks = self.tokens
        for k in range(bisect_left(self._tok_starts, pos), len(toks)):  # lazily: callers take one or two
            yield toks[k]

    def suffix_after(self, pos: int) -> bool:
        """A derivational suffix is glued on at `pos` (한국형, 중국계)."""
        k = bisect_left(self._tok_starts, pos)  # the first token from pos on, as tokens_from gives it
        if k == len(self.tokens):
            return False
        t = self.tokens[k]
        return t.start == pos and t.tag == "XSN" and self.text[t.start:t.end] != "들"

    def tokens_between(self, start: int, end: int) -> list[Token]:
        i, j = bisect_left(self._tok_starts, start), bisect_left(self._tok_starts, end)
        return self.tokens[i:j]

    def gap(self, a: int, b: int) -> str:
        """Text between two offsets (what separates two chunks)."""
        return self.text[a:b]


def _chunks(text: str, tokens: list[Token]) -> list[Chunk]:
    chunks: list[Chunk] = []
    cur: list[Token] = []
    end = -1  # end of the last token in cur
    named = False  # cur holds a name
    for t in tokens:
        tag = t.tag
        if tag in NOMINAL:
            if cur and t.start != end:  # a gap (a space): the chunk ends, nothing adjacent
                chunks.append(Chunk(cur[0].start, end, cur, "", named))
                cur = []
                named = False
            cur.append(t)
            end = t.end
            if tag == "NNP" or tag == "SL" and text[t.start:end] not in LATIN_STOP:
                named = True
        elif cur:
            chunks.append(Chunk(cur[0].start, end, cur, tag if t.start == end else "", named))
            cur = []
            named = False
    if cur:
        chunks.append(Chunk(cur[0].start, end, cur, "", named))
    return chunks
