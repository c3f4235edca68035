"""CoNLL: one Kiwi morpheme a line (surface, POS tag, BIO label), a blank line between sentences,
`-DOCSTART-` before each article. Morphemes that share characters (했 = 하/XSV + 었/EP) are one line
with joined tags, so the surfaces of the lines never overlap."""

from __future__ import annotations

from annotator.analysis import Analysis
from annotator.export.records import GoldRecord


def merged_tokens(analysis: Analysis) -> list[tuple[int, int, str]]:
    out: list[list] = []
    for t in sorted(analysis.tokens, key=lambda t: (t.start, t.end)):
        if t.end <= t.start:
            continue
        if out and t.start < out[-1][1]:
            out[-1][1] = max(out[-1][1], t.end)
            out[-1][2] += "+" + t.tag
        else:
            out.append([t.start, t.end, t.tag])
    return [(a, b, tag) for a, b, tag in out]


def conll_block(rec: GoldRecord, analysis: Analysis) -> tuple[str, int]:
    """The article's lines, and how many spans do not start and end on morpheme edges
    (their overlapping morphemes are tagged, so the BIO span is a little wider)."""
    tokens = merged_tokens(analysis)
    tags = ["O"] * len(tokens)
    starts = {a for a, _, _ in tokens}
    ends = {b for _, b, _ in tokens}
    misaligned = 0
    for s in rec.spans:
        if s.start not in starts or s.end not in ends:
            misaligned += 1
        first = True
        for i, (a, b, _) in enumerate(tokens):
            if a < s.end and s.start < b and tags[i] == "O":
                tags[i] = ("B-" if first else "I-") + s.label
                first = False
    lines = ["-DOCSTART-\t-X-\tO", ""]
    sentences = analysis.sentences or [(0, len(rec.text))]
    si = 0
    current: list[str] = []
    for (a, b, tag), bio in zip(tokens, tags, strict=True):
        while si + 1 < len(sentences) and a >= sentences[si][1]:
            if current:
                lines += [*current, ""]
                current = []
            si += 1
        current.append(f"{rec.text[a:b]}\t{tag}\t{bio}")
    if current:
        lines += [*current, ""]
    return "\n".join(lines) + "\n", misaligned
