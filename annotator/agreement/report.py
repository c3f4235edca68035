"""Inter-annotator agreement over a set of articles, in the JSON shape `annotate agreement` prints.

Pairwise figures compare every two analysts on the articles both finished; the top-level F1s
(overall and per label) are means over those pairs. Kappa is the mean pairwise Cohen's kappa
for two analysts and Fleiss' kappa over all of them when more than two are compared
(`kappa_method` says which); each pair still carries its own Cohen's kappa.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import Any

from annotator.agreement.model import Doc, canonical
from annotator.agreement.scores import Counts, bio_tags, cohen_kappa, fleiss_kappa, mean


def agreement(docs: Sequence[Doc], annotators: Sequence[str] | None = None,
              label_order: Sequence[str] = (), relation_order: Sequence[str] = ()) -> dict[str, Any]:
    """Agreement among `annotators` (default: everyone with a version) over the articles at least
    two of them finished. `label_order`/`relation_order` fix the order of per_label keys."""
    names = list(annotators) if annotators is not None else sorted({a for d in docs for a in d.versions})
    chosen = [d for d in docs if sum(a in d.versions for a in names) >= 2]

    span_labels = _ordered({s.label for d in chosen for v in d.versions.values() for s in v.spans}, label_order)
    rel_labels = _ordered({r.label for d in chosen for v in d.versions.values() for r in v.relations},
                          relation_order)

    pairs, pair_span_label_f1, pair_rel_label_f1, pair_label_kappa = [], [], [], []
    for a, b in combinations(names, 2):
        shared = [d for d in chosen if a in d.versions and b in d.versions]
        if not shared:
            continue
        spans, rels = Counts(), Counts()
        span_by = {lab: Counts() for lab in span_labels}
        rel_by = {lab: Counts() for lab in rel_labels}
        tags_a: list[str] = []
        tags_b: list[str] = []
        by_label_tags = {lab: ([], []) for lab in span_labels}
        for d in shared:
            va, vb = d.versions[a], d.versions[b]
            spans.add(va.spans, vb.spans)
            ra = {canonical(r, d.symmetric) for r in va.relations}
            rb = {canonical(r, d.symmetric) for r in vb.relations}
            rels.add(ra, rb)
            for lab, c in span_by.items():
                c.add({s for s in va.spans if s.label == lab}, {s for s in vb.spans if s.label == lab})
            for lab, c in rel_by.items():
                c.add({r for r in ra if r.label == lab}, {r for r in rb if r.label == lab})
            tokens = d.token_offsets()
            tags_a += bio_tags(va.spans, tokens)
            tags_b += bio_tags(vb.spans, tokens)
            for lab, (ta, tb) in by_label_tags.items():
                ta += bio_tags(va.spans, tokens, only=lab)
                tb += bio_tags(vb.spans, tokens, only=lab)
        pairs.append({"a": a, "b": b, "articles": len(shared), "span_f1": spans.f1,
                      "relation_f1": rels.f1, "kappa": cohen_kappa(tags_a, tags_b)})
        pair_span_label_f1.append({lab: c.f1 for lab, c in span_by.items()})
        pair_rel_label_f1.append({lab: c.f1 for lab, c in rel_by.items()})
        pair_label_kappa.append({lab: cohen_kappa(ta, tb) for lab, (ta, tb) in by_label_tags.items()})

    fleiss = len(names) > 2
    if fleiss:
        overall_kappa = _fleiss(chosen, names, None)
        label_kappa = {lab: _fleiss(chosen, names, lab) for lab in span_labels}
    else:
        overall_kappa = mean(p["kappa"] for p in pairs)
        label_kappa = {lab: mean(k[lab] for k in pair_label_kappa) for lab in span_labels}

    span_n = {lab: len({(d.id, s) for d in chosen for a in names if a in d.versions
                        for s in d.versions[a].spans if s.label == lab}) for lab in span_labels}
    rel_n = {lab: len({(d.id, canonical(r, d.symmetric)) for d in chosen for a in names if a in d.versions
                       for r in d.versions[a].relations if r.label == lab}) for lab in rel_labels}
    return {
        "annotators": names,
        "articles": len(chosen),
        "spans": {
            "f1": mean(p["span_f1"] for p in pairs),
            "kappa": overall_kappa,
            "kappa_method": "fleiss" if fleiss else "cohen",
            "per_label": {lab: {"n": span_n[lab], "f1": mean(f[lab] for f in pair_span_label_f1),
                                "kappa": label_kappa[lab]} for lab in span_labels},
        },
        "relations": {
            "f1": mean(p["relation_f1"] for p in pairs),
            "per_label": {lab: {"n": rel_n[lab], "f1": mean(f[lab] for f in pair_rel_label_f1)}
                          for lab in rel_labels},
        },
        "pairs": pairs,
    }


def _fleiss(docs: Sequence[Doc], names: Sequence[str], only: str | None) -> float | None:
    items: list[list[str]] = []
    for d in docs:
        tokens = d.token_offsets()
        per_rater = [bio_tags(d.versions[a].spans, tokens, only=only) for a in names if a in d.versions]
        items.extend(list(t) for t in zip(*per_rater, strict=True))
    return fleiss_kappa(items)


def _ordered(found: set[str], order: Sequence[str]) -> list[str]:
    return [lab for lab in order if lab in found] + sorted(found - set(order))
