"""How the article's labels look: highlight layers for the text and rows for the panel.

Pure functions of the article state (no widgets), so the screen stays about behaviour.
Every piece of article text goes through `DISPLAY` (control characters made visible) and into
`Text.append` as plain data, never into markup.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from rich.text import Text

from annotator.labels import Schema
from annotator.tui.widgets.article_view import DISPLAY, Highlight
from annotator.tui.workspace import ArticleState

ICONS = {"pending": "○", "accepted": "●", "rejected": "✗"}
FOCUS = Style(bgcolor="#f0f0f0", color="#000000", bold=True)
CURSOR = Style(bgcolor="#ff79c6", color="#000000", bold=True)
FIND = Style(bgcolor="#6b5d00", color="#ffffff")
FIND_CURRENT = Style(bgcolor="#ffb000", color="#000000", bold=True)
REJECTED = Style(color="#7f7f7f", strike=True)


def span_style(status: str, color: str) -> Style:
    if status == "accepted":
        return Style(bgcolor=color, color="#1b1b1b")
    if status == "rejected":
        return REJECTED
    return Style(color=color, underline=True)  # pending: a suggestion, not yet a label


def highlights(state: ArticleState, schema: Schema, *, show_rejected: bool, focus_id: str | None,
               cursor: tuple[int, int] | None = None, matches: list[tuple[int, int]] = (),
               current_match: tuple[int, int] | None = None) -> list[Highlight]:
    out = [Highlight(s.start, s.end, span_style(s.status, schema.color(s.label)))
           for s in state.visible_spans(show_rejected)]
    focused: list = []
    span = state.span(focus_id)
    if span is not None:
        focused = [span]
    rel = state.relation(focus_id)
    if rel is not None:
        focused = [s for s in (state.span(rel.head), state.span(rel.tail)) if s is not None]
    out += [Highlight(s.start, s.end, FOCUS) for s in focused]
    out += [Highlight(s, e, FIND) for s, e in matches]
    if current_match:
        out.append(Highlight(*current_match, FIND_CURRENT))
    if cursor:
        out.append(Highlight(*cursor, CURSOR))
    return out


def shown(text: str, limit: int = 40) -> str:
    """Article text made safe to draw on one row: controls visible, newlines as ⏎, long text cut."""
    flat = text.replace("\n", "⏎").translate(DISPLAY)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def label_chip(schema: Schema, label: str, width: int = 9) -> Text:
    return Text(f" {label:<{width}}", style=Style(color=schema.color(label), bold=True))


@lru_cache(maxsize=8192)
def _span_row(status: str, label: str, color: str, text: str, source: str, needs_review: bool) -> Text:
    """One entity row; memoised, since a key press changes one or two of a hundred rows."""
    t = Text(no_wrap=True)
    t.append(ICONS.get(status, "?"), style=span_style(status, color) if status != "accepted" else Style(color=color))
    t.append(f" {label:<9}", style=Style(color=color, bold=True))
    t.append(shown(text, 30))
    t.append(f"  {status}", style="dim")
    t.append(f" · {source}", style="dim italic")
    if needs_review:
        t.append(" · needs review", style="bold red")
    return t


def panel_rows(state: ArticleState, schema: Schema, *, show_rejected: bool) -> list[tuple[str | None, Text]]:
    spans = state.visible_spans(show_rejected)
    rels = state.visible_relations(show_rejected)
    pending = sum(s.status == "pending" for s in spans)
    rows: list[tuple[str | None, Text]] = [
        (None, Text(f"Entities {len(spans)}" + (f" · {pending} pending" if pending else ""), style="bold"))]
    for s in spans:
        rows.append((s.id, _span_row(s.status, s.label, schema.color(s.label), s.text, s.source, s.needs_review)))
    if not spans:
        rows.append((None, Text("  none yet: n adds one", style="dim")))
    rows.append((None, Text(f"Relations {len(rels)}", style="bold")))
    for r in rels:
        head, tail = state.span(r.head), state.span(r.tail)
        t = Text(no_wrap=True)
        t.append(ICONS.get(r.status, "?"), style="bold" if r.status == "accepted" else "")
        t.append(f" {r.label:<13}", style="bold")
        t.append(shown(head.text, 16) if head else r.head)
        t.append(" → ")
        t.append(shown(tail.text, 16) if tail else r.tail)
        t.append(f"  {r.status}", style="dim")
        t.append(f" · {r.source}", style="dim italic")
        rows.append((r.id, t))
    if not rels:
        rows.append((None, Text("  none yet: r on an entity adds one", style="dim")))
    return rows
