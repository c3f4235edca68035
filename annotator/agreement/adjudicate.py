"""The headless side of review: conflicts of one article from the store, and writing gold back.

The review screen drives `Adjudication.pick/edit/drop` (annotator.agreement.conflicts) and then
calls `resolve`, which writes the gold version as annotator "gold" through the store in one
transaction. Each gold row's source names the reviewer ("agreed:NAME" for labels everyone gave,
"review:NAME" for settled conflicts); the store's analyst is the event's actor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.agreement.conflicts import Adjudication, adjudicate
from annotator.agreement.model import Version
from annotator.agreement.source import analysts, done_by, final_version
from annotator.agreement.stats import GOLD
from annotator.errors import InputError


def versions_for(store: Any, doc_id: str, names: Sequence[str] | None = None) -> dict[str, Version]:
    """The final versions of the analysts who marked the article done."""
    who = done_by(store, analysts(store, names)).get(doc_id, [])
    return {a: final_version(store, doc_id, a) for a in who}


def reviewable(store: Any, names: Sequence[str] | None = None) -> list[tuple[str, list[str], bool]]:
    """The review queue: (doc_id, analysts who finished it, whether it already has gold) for every
    article two or more analysts finished, in id order."""
    gold = {d for d, st in store.statuses(GOLD).items() if st == "done"}
    return [(d, who, d in gold) for d, who in sorted(done_by(store, analysts(store, names)).items())
            if len(who) >= 2]


def conflicts_for(store_or_versions: Any, doc_id: str, *, symmetric: frozenset[str] | set[str] = frozenset(),
                  names: Sequence[str] | None = None) -> Adjudication:
    """Agreed labels and conflicts of one article, from a store or from {analyst: Version}."""
    if isinstance(store_or_versions, Mapping):
        versions = dict(store_or_versions)
    else:
        versions = versions_for(store_or_versions, doc_id, names)
    if len(versions) < 2:
        raise InputError(f"article {doc_id} was finished by {len(versions)} analyst(s); review needs two or more")
    return adjudicate(versions, symmetric, doc_id=doc_id)


def resolve(store: Any, adj: Adjudication, reviewer: str, *, replace: bool = False,
            allow_unresolved: bool = False) -> Version:
    """Write the adjudicated version as annotator "gold" and mark it done; returns what was written.

    Refused while conflicts are open (unless `allow_unresolved`: then they are left out), and when
    the article already has a gold version (unless `replace`: then that one is deleted first).
    """
    if not reviewer or not reviewer.strip():
        raise InputError("a reviewer name is needed")
    open_ = adj.unresolved()
    if open_ and not allow_unresolved:
        raise InputError(f"article {adj.doc_id}: {len(open_)} conflict(s) not settled "
                         f"({', '.join(c.id for c in open_[:5])})")
    article = store.article(adj.doc_id)
    if article is None:
        raise InputError(f"article {adj.doc_id} is not in the store")
    gold = adj.gold()
    outside = [s for s in gold.spans if not 0 <= s.start < s.end <= len(article.text)]
    if outside:  # an edit past the end of the text, named before the records are built from it
        raise InputError(f"article {adj.doc_id}: span {outside[0].start}-{outside[0].end} is outside the text")
    if store.spans(adj.doc_id, GOLD) and not replace:
        raise InputError(f"article {adj.doc_id} already has a gold version (review it again to replace it)")
    spans, relations = _records(article.text, adj, gold, reviewer)
    # One transaction: any earlier gold goes, the new one is written and marked done, or nothing is.
    store.replace_labels(adj.doc_id, spans, relations, annotator=GOLD, done=True)
    return gold


def _records(text: str, adj: Adjudication, gold: Version, reviewer: str) -> tuple[list, list]:
    from annotator.models import Relation, Span

    ids = {}
    spans = []
    for i, s in enumerate(sorted(gold.spans)):
        ids[s] = f"g{i}"
        source = f"agreed:{reviewer}" if s in adj.agreed.spans else f"review:{reviewer}"
        spans.append(Span(id=ids[s], start=s.start, end=s.end, label=s.label, text=text[s.start:s.end],
                          source=source))
    relations = []
    for i, r in enumerate(sorted(gold.relations)):
        source = f"agreed:{reviewer}" if r in adj.agreed.relations else f"review:{reviewer}"
        relations.append(Relation(id=f"gr{i}", head=ids[r.head], tail=ids[r.tail], label=r.label, source=source))
    return spans, relations
