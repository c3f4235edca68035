"""Reading analysts' finished versions out of the store, through its public methods only."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from annotator.agreement.model import Doc, Version, version_from
from annotator.agreement.stats import GOLD

# (doc_id, text) -> morpheme (start, end) offsets, or None to fall back to whitespace tokens
TokenSource = Callable[[str, str], "list[tuple[int, int]] | None"]


def analysts(store: Any, only: Sequence[str] | None = None) -> list[str]:
    """Analysts with labels or statuses in the store ("gold" is not one); `only` keeps its order."""
    present = [a for a in store.annotators() if a != GOLD]
    if only is None:
        return present
    return list(only)


def final_version(store: Any, doc_id: str, annotator: str) -> Version:
    """What an analyst decided: accepted spans (not those left for review after a source change)
    and accepted relations between them. Pending suggestions and rejections are not labels."""
    spans = [s for s in store.spans(doc_id, annotator) if s.status == "accepted" and not s.needs_review]
    rels = [r for r in store.relations(doc_id, annotator) if r.status == "accepted"]
    return version_from(spans, rels)


def done_by(store: Any, names: Iterable[str]) -> dict[str, list[str]]:
    """doc_id -> the analysts among `names` who marked it done."""
    out: dict[str, list[str]] = {}
    for name in names:
        for doc_id, status in store.statuses(name).items():
            if status == "done":
                out.setdefault(doc_id, []).append(name)
    return out


def load_docs(store: Any, names: Sequence[str], *, symmetric: frozenset[str] = frozenset(),
              tokens: TokenSource | None = None, min_analysts: int = 2) -> list[Doc]:
    """Articles at least `min_analysts` of `names` marked done, with each one's final version."""
    docs = []
    for doc_id, who in sorted(done_by(store, names).items()):
        if len(who) < min_analysts:
            continue
        article = store.article(doc_id)
        text = article.text if article is not None else ""
        versions = {a: final_version(store, doc_id, a) for a in names if a in who}
        docs.append(Doc(doc_id, versions, text=text, tokens=tokens(doc_id, text) if tokens else None,
                        symmetric=symmetric))
    return docs


def cached_tokens(store: Any, labels_sha: str) -> TokenSource:
    """Morpheme offsets from the store's analysis cache (filled when the app opened the article)."""
    from annotator.analysis import Analysis, cache_key

    def get(doc_id: str, text: str) -> list[tuple[int, int]] | None:
        data = store.cache_get(cache_key(text, labels_sha))
        if data is None:
            return None
        try:
            return [(t.start, t.end) for t in Analysis.from_bytes(data).tokens]
        except ValueError:  # made by another engine version
            return None

    return get


def symmetric_of(schema: Any) -> frozenset[str]:
    return frozenset(r.name for r in schema.relations if r.symmetric)
