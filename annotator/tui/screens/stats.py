"""The stats screen (`s`, palette "Stats"): the figures of `annotate stats`, drawn as bars.

The report is gathered in a worker on its own store connection (`Store.reader`), so a big store
never holds up the app; the worker posts the result and the screen draws it. Fits 80x24 and
scrolls when longer.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from annotator.agreement.present import bar, pct
from annotator.errors import AnnotatorError
from annotator.tui.widgets.line import Line
from annotator.tui.workspace import Workspace

BAR = 20
MAX_DAYS = 14  # the most recent days; `annotate stats` lists them all


class StatsGathered(Message):
    def __init__(self, report: dict[str, Any] | None, error: Exception | None) -> None:
        super().__init__()
        self.report, self.error = report, error


class StatsScreen(Screen):
    BINDINGS = [Binding("escape,q,s", "app.pop_screen", "close"),
                Binding("r", "reload", "reload"),
                Binding("j,down", "scroll(1)", "down", show=False),
                Binding("k,up", "scroll(-1)", "up", show=False)]

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.report: dict[str, Any] | None = None  # the last report drawn

    def compose(self) -> ComposeResult:
        yield Line(id="stats-title")
        with VerticalScroll(id="stats-body"):
            yield Static(Text("Counting…", style="dim"), id="stats-report")
        yield Line(id="stats-keys")

    def on_mount(self) -> None:
        self.query_one("#stats-title", Line).set(Text(f" Stats · {self.ws.corpus_name}", style="bold"))
        keys = Text(" ")
        for key, what in (("j/k", "scroll"), ("r", "reload"), ("esc", "close")):
            keys.append(key, style="bold #ffaf00")
            keys.append(f" {what}  ")
        self.query_one("#stats-keys", Line).set(keys)
        self.gather()

    def action_reload(self) -> None:
        self.gather()

    def action_scroll(self, step: int) -> None:
        body = self.query_one("#stats-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + step, animate=False)

    @work(thread=True, exclusive=True, group="stats", exit_on_error=False)
    def gather(self) -> None:
        from annotator.agreement.collect import collect_stats

        schema = self.ws.schema
        try:
            reader = self.ws.store.reader()
            try:
                with reader.snapshot():
                    report = collect_stats(reader, self.ws.ids, label_order=schema.entity_names,
                                           relation_order=[r.name for r in schema.relations])
            finally:
                reader.close()
        except Exception as exc:
            self.post_message(StatsGathered(None, exc))
            return
        self.post_message(StatsGathered(report, None))

    def on_stats_gathered(self, msg: StatsGathered) -> None:
        out = self.query_one("#stats-report", Static)
        if msg.error is not None:
            text = msg.error.describe() if isinstance(msg.error, AnnotatorError) else str(msg.error)
            self.notify(text, title="Stats failed", severity="error", markup=False, timeout=8)
            out.update(Text(f"Stats could not be gathered: {text}", style="red"))
            return
        self.report = msg.report
        out.update(report_view(msg.report, self.ws.schema))


def _grid(*widths: int | None) -> Table:
    t = Table.grid(padding=(0, 1))
    for i, w in enumerate(widths):
        t.add_column(no_wrap=True, justify="left" if i == 0 else "right", width=w, max_width=w)
    return t


def _title(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def report_view(s: dict[str, Any], schema: Any = None) -> Group:
    """The report as Rich renderables (plain Text cells: analyst names and labels are data)."""
    color = (lambda lab: schema.color(lab)) if schema is not None else (lambda lab: "")
    p = s["progress"]
    total = p["articles"]
    parts: list[Any] = [Text(f"{p['done']} of {total} articles done by someone ({pct(p['share'])}), "
                             f"{p['done_by_two_or_more']} by two or more, {p['adjudicated']} with gold",
                             style="bold")]
    g = _grid(14, BAR, 9, 5, 13)
    g.add_row(Text("everyone"), Text(bar(p["done"], total, BAR), style="green"), Text(f"{p['done']}/{total}"),
              Text(pct(p["share"])), Text(""))
    for name, v in p["annotators"].items():
        g.add_row(Text(name, style="italic"), Text(bar(v["done"], total, BAR), style="cyan"),
                  Text(f"{v['done']}/{total}"), Text(pct(v["share"])),
                  Text(f"{v['in_progress']} open", style="dim"))
    parts.append(g)

    days = list(s["per_day"].items())[-MAX_DAYS:]
    parts.append(_title("Labels per day" + (f" (last {MAX_DAYS})" if len(s["per_day"]) > MAX_DAYS else "")))
    if days:
        top = max(max(sum(v.values()) for _, v in days), 1)
        g = _grid(10, BAR, 5, 36)
        g.columns[-1].justify = "left"
        for day, v in days:
            n = sum(v.values())
            g.add_row(Text(day), Text(bar(max(n, 0), top, BAR), style="magenta"), Text(str(n)),
                      Text(", ".join(f"{k} {c}" for k, c in v.items()), style="dim", overflow="ellipsis"))
        parts.append(g)
    else:
        parts.append(Text("no labels yet", style="dim"))

    for kind, title in (("entities", "Entity labels"), ("relations", "Relation labels")):
        counts = s["labels"][kind]
        parts.append(_title(title))
        if not counts:
            parts.append(Text("none yet", style="dim"))
            continue
        top = max(counts.values())
        g = _grid(14, BAR, 6)
        for lab, n in counts.items():
            g.add_row(Text(lab, style=f"bold {color(lab)}" if kind == "entities" else "bold"),
                      Text(bar(n, top, BAR), style=color(lab) if kind == "entities" else "blue"), Text(str(n)))
        parts.append(g)

    for kind, title in (("entities", "Suggestions, entities"), ("relations", "Suggestions, relations")):
        q = s["suggestions"][kind]
        parts.append(_title(title))
        if not q["overall"]["suggested"]:
            parts.append(Text("no suggestion decided yet", style="dim"))
            continue
        parts.append(Text("accepted = accepted / decided; share = of the final labels", style="dim"))
        g = _grid(18, 6, BAR, 5, 6)
        g.add_row(Text(""), Text("sugg.", style="dim"), Text("accepted", style="dim"), Text(""),
                  Text("share", style="dim"))
        rows = [(f"label {k}", v) for k, v in q["per_label"].items()]
        rows += [(f"source {k}", v) for k, v in q["per_source"].items()]
        rows.append(("all", q["overall"]))
        for key, v in rows:
            acc = v["acceptance"]
            g.add_row(Text(key, overflow="ellipsis", style="bold" if key == "all" else ""), Text(str(v["suggested"])),
                      Text(bar(acc or 0.0, 1.0, BAR), style="green" if acc is not None else "dim"),
                      Text(pct(acc)), Text(pct(v["share"])))
        parts.append(g)
    return Group(*parts)
