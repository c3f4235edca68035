"""How a gold review looks: panel rows (each conflict, then who said what) and text highlights.

Pure functions of the review state. Article text goes into `Text.append` as plain data (through
`render.shown`), never into markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from annotator.agreement.conflicts import Conflict
from annotator.agreement.model import Version
from annotator.labels import Schema
from annotator.tui.render import FOCUS, shown, span_style
from annotator.tui.screens.review_state import Option, ReviewState
from annotator.tui.widgets.article_view import Highlight

OPEN = Style(color="#ff5f5f", underline=True, bold=True)  # a conflict not yet settled
KIND = {"label": "label differs", "boundary": "boundaries differ", "missing": "not everyone marked it",
        "relation": "relation differs"}


def version_text(version: Version, text: str, schema: Schema, limit: int = 24) -> Text:
    """"네이버 ORG, 이해진 PER -leads-> 카카오 ORG" with label colours, or "nothing"."""
    t = Text(no_wrap=True)
    parts = 0

    def span(s) -> None:
        t.append(shown(text[s.start:s.end], limit))
        t.append(f" {s.label}", style=Style(color=schema.color(s.label), bold=True))

    for s in sorted(version.spans):
        t.append(", " if parts else "")
        span(s)
        parts += 1
    for r in sorted(version.relations):
        t.append(", " if parts else "")
        span(r.head)
        t.append(f" -{r.label}-> ", style="bold")
        span(r.tail)
        parts += 1
    if not parts:
        t.append("nothing", style="dim italic")
    return t


def _header(c: Conflict, chosen: Version | None, text: str, schema: Schema) -> Text:
    t = Text(no_wrap=True)
    if chosen is None:
        t.append("○ ", style="bold red")
    else:
        t.append("● ", style="bold green")
    t.append(KIND.get(c.kind, c.kind), style="bold")
    t.append(f"  {shown(text[c.start:c.end], 28)}", style="dim")
    return t


def _option_row(opt: Option, chosen: Version | None, text: str, schema: Schema) -> Text:
    t = Text(no_wrap=True)
    mark = "✓" if chosen == opt.version else " "
    t.append(f" {mark} ", style="bold green")
    t.append(", ".join(opt.names), style="italic")
    t.append(": ")
    t.append_text(version_text(opt.version, text, schema))
    return t


def panel_rows(st: ReviewState, schema: Schema) -> list[tuple[str | None, Text]]:
    agreed = st.adj.agreed
    rows: list[tuple[str | None, Text]] = [
        (None, Text(f"Agreed {len(agreed.spans)} entities, {len(agreed.relations)} relations: in gold",
                    style="bold")),
        (None, Text(f"Conflicts {st.settled()}/{len(st.adj.conflicts)} settled", style="bold"))]
    if not st.adj.conflicts:
        rows.append((None, Text("  none: enter writes the agreed labels as gold", style="dim")))
    for c in st.adj.conflicts:
        chosen = st.chosen(c)
        rows.append((None, _header(c, chosen, st.text, schema)))
        versions = [o for o in st.options if o.conflict is c]
        for opt in versions:
            rows.append((opt.id, _option_row(opt, chosen, st.text, schema)))
        if chosen is not None and all(chosen != o.version for o in versions):
            t = Text(" ✎ gold: ", style="bold green", no_wrap=True)
            t.append_text(version_text(chosen, st.text, schema))
            rows.append((None, t))
    dangling = st.adj.dangling()
    if dangling:
        rows.append((None, Text(f"{len(dangling)} chosen relation(s) left out: an end is not in gold",
                                style="bold yellow")))
    return rows


def highlights(st: ReviewState, schema: Schema, focus: Option | None) -> list[Highlight]:
    """Gold so far in label colours, open conflicts in red, the focused version on top."""
    out = [Highlight(s.start, s.end, span_style("accepted", schema.color(s.label))) for s in st.adj.gold().spans]
    out += [Highlight(c.start, c.end, OPEN) for c in st.adj.unresolved() if c.kind != "relation"]
    if focus is not None:
        spans = set(focus.version.spans) | {e for r in focus.version.relations for e in (r.head, r.tail)}
        out += [Highlight(s.start, s.end, FOCUS) for s in spans] or [
            Highlight(focus.conflict.start, focus.conflict.end, FOCUS)]
    return out
