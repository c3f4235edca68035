"""Terminal rendering of the reports: fixed-width tables and bars, plain text (no Textual)."""

from __future__ import annotations

from typing import Any

BAR = 24


def num(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def bar(value: float, top: float, width: int = BAR) -> str:
    filled = round(width * value / top) if top > 0 else 0
    filled = max(0, min(width, filled))
    return "█" * filled + "░" * (width - filled)


def rounded(obj: Any, digits: int = 4) -> Any:
    """Floats rounded for JSON output, recursively."""
    if isinstance(obj, float):
        return round(obj, digits)
    if isinstance(obj, dict):
        return {k: rounded(v, digits) for k, v in obj.items()}
    if isinstance(obj, list):
        return [rounded(v, digits) for v in obj]
    return obj


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """First column left-aligned, the rest right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))

    return [line(header), *[line(r) for r in rows]]


def agreement_text(r: dict[str, Any]) -> str:
    method = "Fleiss'" if r["spans"].get("kappa_method") == "fleiss" else "Cohen's"
    out = [f"Agreement of {', '.join(r['annotators'])} over {r['articles']} article(s) finished by two or more",
           f"(exact-match F1, mean over pairs; {method} kappa over token BIO tags)", ""]
    rows = [[lab, str(v["n"]), num(v["f1"]), num(v["kappa"])] for lab, v in r["spans"]["per_label"].items()]
    rows.append(["all spans", "", num(r["spans"]["f1"]), num(r["spans"]["kappa"])])
    out += table(["label", "n", "F1", "kappa"], rows)
    out.append("")
    rows = [[lab, str(v["n"]), num(v["f1"])] for lab, v in r["relations"]["per_label"].items()]
    rows.append(["all relations", "", num(r["relations"]["f1"])])
    out += table(["relation", "n", "F1"], rows)
    if r["pairs"]:
        out.append("")
        out += table(["pair", "articles", "span F1", "relation F1", "kappa"],
                     [[f"{p['a']} / {p['b']}", str(p["articles"]), num(p["span_f1"]), num(p["relation_f1"]),
                       num(p["kappa"])] for p in r["pairs"]])
    return "\n".join(out)


def stats_text(s: dict[str, Any]) -> str:
    p = s["progress"]
    total = p["articles"]
    out = [f"Progress: {p['done']} of {total} article(s) done by someone ({pct(p['share'])}), "
           f"{p['done_by_two_or_more']} by two or more, {p['adjudicated']} adjudicated"]
    rows = [[name, bar(v["done"], total), f"{v['done']}/{total}", pct(v["share"]), str(v["in_progress"]),
             str(v["skipped"])] for name, v in p["annotators"].items()]
    out += table(["analyst", "", "done", "", "in progress", "skipped"], rows) if rows else ["(no analyst yet)"]
    if s["per_day"]:
        out += ["", "Labels per day"]
        days = s["per_day"]
        top = max(max(sum(v.values()) for v in days.values()), 1)
        out += table(["day", "", "labels", "by"],
                     [[day, bar(max(sum(v.values()), 0), top), str(sum(v.values())),
                       ", ".join(f"{k} {n}" for k, n in v.items())] for day, v in days.items()])
    for kind, title in (("entities", "Entity labels"), ("relations", "Relation labels")):
        counts = s["labels"][kind]
        if counts:
            top = max(counts.values())
            out += ["", title]
            out += table(["label", "", "n"], [[lab, bar(n, top), str(n)] for lab, n in counts.items()])
    for kind, title in (("entities", "Suggestions (entities)"), ("relations", "Suggestions (relations)")):
        q = s["suggestions"][kind]
        if not q["overall"]["suggested"]:
            continue
        out += ["", f"{title}: acceptance = accepted / (accepted + rejected + deleted); "
                    "share = accepted suggestions / final labels"]
        rows = [[f"{what} {key}", str(v["suggested"]), str(v["accepted"]), str(v["rejected"]), str(v["deleted"]),
                 str(v["pending"]), str(v["edited"]), pct(v["acceptance"]), pct(v["share"])]
                for what, group in (("label", q["per_label"]), ("source", q["per_source"]))
                for key, v in group.items()]
        o = q["overall"]
        rows.append(["all", str(o["suggested"]), str(o["accepted"]), str(o["rejected"]), str(o["deleted"]),
                     str(o["pending"]), str(o["edited"]), pct(o["acceptance"]), pct(o["share"])])
        out += table(["", "suggested", "accepted", "rejected", "deleted", "pending", "edited", "acceptance",
                      "share"], rows)
    return "\n".join(out)


def evaluation_text(e: dict[str, Any]) -> str:
    out = [f"Suggestions against gold on {e['articles']} article(s) (exact match)"]
    for kind in ("entities", "relations"):
        part = e[kind]
        rows = [[lab, str(v["gold"]), str(v["predicted"]), str(v["correct"]), num(v["precision"]),
                 num(v["recall"]), num(v["f1"])] for lab, v in part["per_label"].items()]
        rows.append([f"all {kind}", str(part["gold"]), str(part["predicted"]), str(part["correct"]),
                     num(part["precision"]), num(part["recall"]), num(part["f1"])])
        out += ["", *table(["label", "gold", "suggested", "correct", "precision", "recall", "F1"], rows)]
    return "\n".join(out)
