"""Gathering the stats report from a store (the figures themselves are in `stats`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from annotator.agreement.stats import (
    GOLD,
    deleted_suggestions,
    label_counts,
    labels_per_day,
    progress,
    suggestion_quality,
)


def collect_stats(store: Any, corpus_ids: Iterable[str] = (), *, label_order: Sequence[str] = (),
                  relation_order: Sequence[str] = ()) -> dict[str, Any]:
    """Stats over every analyst in the store. The article total is the corpus's articles plus any
    registered in the store that are no longer in the folder."""
    names = store.annotators()
    statuses = {n: store.statuses(n) for n in names}
    ids = set(corpus_ids)
    for st in statuses.values():
        ids |= set(st)
    span_rows: list[Any] = []
    rel_rows: list[Any] = []
    for b in store.bundles():  # every analyst's labels, a few queries per batch of articles
        if not statuses:
            ids.add(b.article.doc_id)
        span_rows += [s for s in b.spans if s.annotator != GOLD]
        rel_rows += [r for r in b.relations if r.annotator != GOLD]
    deleted = deleted_suggestions(store.events())
    return {
        "progress": progress(statuses, len(ids)),
        "per_day": labels_per_day(store.events()),
        "labels": {"entities": label_counts(span_rows, label_order),
                   "relations": label_counts(rel_rows, relation_order)},
        "suggestions": {"entities": suggestion_quality(span_rows + deleted["spans"], label_order),
                        "relations": suggestion_quality(rel_rows + deleted["relations"], relation_order)},
    }
