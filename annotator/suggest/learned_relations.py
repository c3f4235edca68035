"""Relations analysts accepted between two names, suggested again wherever both names meet in one
sentence of another article (source "lexicon"); and relations they kept rejecting, no longer made.

The rules cannot know that 한빛전자 supplies 가온텔레콤 when no cue word says so; an analyst who
added that relation once should not have to add it again in every article that names both."""

from __future__ import annotations

from collections.abc import Callable

from annotator.lexicon import Lexicon

# the middle of the rules' own scores (0.55-0.85): analysts said it of these two names, but this
# sentence may say something else of them (of the 5 relations only learning found when each seed and
# held-out article was suggested with the lexicon of all the others, 3 were right)
LEARNED_SCORE = 0.7


def learned_relations(ctx, add: Callable, lexicon: Lexicon) -> None:
    """Adds (with `add`, which checks the labels against the schema) each learned relation whose head and
    tail are both named in one sentence."""
    pairs = lexicon.learned_relations()
    if not pairs:
        return
    doc, spans = ctx.doc, ctx.spans
    sentences = doc.analysis.sentences
    for head in spans:
        wanted = pairs.get(head.text)
        if not wanted:
            continue
        a, b = sentences[doc.sentence_of(head.start)] if sentences else (0, len(doc.text))
        near = ctx.between(a, b)
        for label, tail_text in wanted:
            for tail in near:
                if tail.text == tail_text:
                    add(ctx, head, label, tail, LEARNED_SCORE)
