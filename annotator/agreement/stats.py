"""The numbers a project lead watches: progress, labels per day and per label, suggestion quality.

Pure functions over plain records (store rows or dicts with the same fields), so they are tested
without a database. The adjudicated version ("gold") is not an analyst: it is counted apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

GOLD = "gold"
# Sources that are an analyst's own work or brought in from outside, not the suggester's.
NOT_SUGGESTED = ("manual", "import", "review", "agreed")


def _get(obj: Any, name: str) -> Any:
    return obj[name] if isinstance(obj, Mapping) else getattr(obj, name)


def is_suggestion(source: str | None) -> bool:
    return bool(source) and source.split(":", 1)[0] not in NOT_SUGGESTED


def progress(statuses: Mapping[str, Mapping[str, str]], total: int) -> dict[str, Any]:
    """`statuses`: analyst -> {doc_id: status}; `total`: articles in the corpus.
    "done" overall is the articles at least one analyst finished; "adjudicated" those with gold."""
    per: dict[str, dict[str, Any]] = {}
    done_any: set[str] = set()
    for name, st in sorted(statuses.items()):
        if name == GOLD:
            continue
        c = Counter(st.values())
        done_any |= {d for d, s in st.items() if s == "done"}
        per[name] = {"done": c["done"], "in_progress": c["in_progress"], "skipped": c["skipped"],
                     "share": c["done"] / total if total else None}
    gold = sum(s == "done" for s in statuses.get(GOLD, {}).values())
    multi = Counter(d for name, st in statuses.items() if name != GOLD for d, s in st.items() if s == "done")
    return {"articles": total, "done": len(done_any), "share": len(done_any) / total if total else None,
            "done_by_two_or_more": sum(n >= 2 for n in multi.values()), "adjudicated": gold,
            "annotators": per}


# Events whose label changes are not an analyst's labelling work that day.
_NOT_WORK = {"import", "source_changed"}


def labels_per_day(events: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """Net spans that became accepted, per day (UTC date of the event) and per analyst.

    Read from each event's before/after snapshots, so accept, accept_all, add_span, undo and redo
    all count (an undone accept counts -1). Imports are not work done that day, except gold's,
    which the review writes in one go.
    """
    out: dict[str, Counter[str]] = {}
    for ev in events:
        if ev["action"] in _NOT_WORK and ev["annotator"] != GOLD:
            continue
        before, after = ev.get("before") or {}, ev.get("after") or {}
        net = Counter()
        for k in set(before.get("spans", {})) | set(after.get("spans", {})):
            was, now = before.get("spans", {}).get(k), after.get("spans", {}).get(k)
            who = k.rpartition("/")[0]
            net[who] += _accepted(now) - _accepted(was)
        day = str(ev["ts"])[:10]
        for who, n in net.items():
            if n:
                out.setdefault(day, Counter())[who] += n
    return {day: dict(sorted(c.items())) for day, c in sorted(out.items())}


def _accepted(row: Mapping[str, Any] | None) -> int:
    return int(row is not None and row.get("status") == "accepted")


def label_counts(rows: Iterable[Any], order: Sequence[str] = ()) -> dict[str, int]:
    """Accepted labels per label name over analysts' rows (gold's rows are left out)."""
    c = Counter(_get(r, "label") for r in rows
                if _get(r, "status") == "accepted" and _get(r, "annotator") != GOLD)
    return {lab: c[lab] for lab in [*[o for o in order if o in c], *sorted(set(c) - set(order))]}


def suggestion_quality(rows: Iterable[Any], order: Sequence[str] = ()) -> dict[str, Any]:
    """How the analysts treated suggestions, per label and per source.

    acceptance = accepted / (accepted + rejected + deleted) among suggestions decided (pending ones
    are not yet decided; "deleted" rows come from `deleted_suggestions`, since a deleted suggestion
    leaves no row); `edited` counts accepted suggestions the analyst resized or relabelled first.
    Rows count under their current label, so a relabelled suggestion counts under its new label.
    share = accepted suggestions / all accepted labels (of that label; for a source, of all labels):
    how much of the final annotation the suggester provided.
    """
    per_label: dict[str, Counter[str]] = {}
    per_source: dict[str, Counter[str]] = {}
    overall: Counter[str] = Counter()
    finals: Counter[str] = Counter()
    for r in rows:
        if _get(r, "annotator") == GOLD:
            continue
        label, status, source = _get(r, "label"), _get(r, "status"), _get(r, "source")
        if status == "accepted":
            finals[label] += 1
        if not is_suggestion(source):
            continue
        edited = bool(_get(r, "edited")) if _has(r, "edited") else False
        for c in (per_label.setdefault(label, Counter()), per_source.setdefault(source, Counter()), overall):
            c["suggested"] += 1
            c[status] += 1
            c["edited"] += status == "accepted" and edited
    total_final = sum(finals.values())
    labels = [*[o for o in order if o in per_label], *sorted(set(per_label) - set(order))]
    return {
        "overall": _quality(overall, total_final),
        "per_label": {lab: _quality(per_label[lab], finals[lab]) for lab in labels},
        "per_source": {src: _quality(per_source[src], total_final) for src in sorted(per_source)},
    }


def _has(obj: Any, name: str) -> bool:
    return name in obj if isinstance(obj, Mapping) else hasattr(obj, name)


def _quality(c: Counter[str], final: int) -> dict[str, Any]:
    decided = c["accepted"] + c["rejected"] + c["deleted"]
    return {"suggested": c["suggested"], "accepted": c["accepted"], "rejected": c["rejected"],
            "deleted": c["deleted"], "pending": c["pending"], "edited": c["edited"],
            "acceptance": c["accepted"] / decided if decided else None,
            "final": final, "share": c["accepted"] / final if final else None}


def deleted_suggestions(events: Iterable[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Suggested spans and relations that analysts deleted (not rejected), read from the event log:
    rows that exist no more and first appeared with a suggestion's source. Each comes back as it
    was first stored (the suggested label) with status "deleted"; keys "spans" and "relations"."""
    first: dict[tuple, dict] = {}
    last: dict[tuple, dict | None] = {}
    for ev in events:
        after = ev.get("after") or {}
        for table in ("spans", "relations"):
            for k, row in (after.get(table) or {}).items():
                key = (table, ev.get("doc_id"), k)
                if row is not None and key not in first:
                    first[key] = row
                last[key] = row
    out: dict[str, list[dict[str, Any]]] = {"spans": [], "relations": []}
    for key, row in last.items():
        born = first.get(key)
        if row is None and born is not None and born.get("annotator") != GOLD and is_suggestion(born.get("source")):
            out[key[0]].append({**born, "status": "deleted"})
    return out
