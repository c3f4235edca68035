"""Suggester output against gold: precision, recall and F1 per label, for entities and relations."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from annotator.agreement.model import Version, canonical
from annotator.agreement.scores import Counts


def evaluate(pairs: Iterable[tuple[Version, Version]], symmetric: Iterable[str] = (),
             label_order: Sequence[str] = (), relation_order: Sequence[str] = ()) -> dict[str, Any]:
    """`pairs` are (predicted, gold) per article. Exact match: same start, end, label; a relation
    matches when both ends match and the label does (symmetric labels in either direction).
    Counts are pooled over articles before dividing (micro averages)."""
    sym = frozenset(symmetric)
    ents: dict[str, Counts] = {}
    rels: dict[str, Counts] = {}
    all_e, all_r = Counts(), Counts()
    n = 0
    for predicted, gold in pairs:
        n += 1
        # gold is the reference: recall = tp / |gold|, precision = tp / |predicted|
        all_e.add(gold.spans, predicted.spans)
        for lab in {s.label for s in gold.spans | predicted.spans}:
            ents.setdefault(lab, Counts()).add({s for s in gold.spans if s.label == lab},
                                               {s for s in predicted.spans if s.label == lab})
        g = {canonical(r, sym) for r in gold.relations}
        p = {canonical(r, sym) for r in predicted.relations}
        all_r.add(g, p)
        for lab in {r.label for r in g | p}:
            rels.setdefault(lab, Counts()).add({r for r in g if r.label == lab}, {r for r in p if r.label == lab})
    return {
        "articles": n,
        "entities": {**_figures(all_e), "per_label": {lab: _figures(ents[lab]) for lab in _order(ents, label_order)}},
        "relations": {**_figures(all_r),
                      "per_label": {lab: _figures(rels[lab]) for lab in _order(rels, relation_order)}},
    }


def _figures(c: Counts) -> dict[str, Any]:
    return {"gold": c.a, "predicted": c.b, "correct": c.tp,
            "precision": c.precision, "recall": c.recall, "f1": c.f1}


def _order(found: dict[str, Counts], order: Sequence[str]) -> list[str]:
    return [lab for lab in order if lab in found] + sorted(set(found) - set(order))
