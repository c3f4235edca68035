"""The article list (`g`): title, status, pending suggestions and labels of every article.

Type to search titles, tab / shift+tab to filter by status, enter opens. Rows are gathered by
a worker (titles need each article cleaned once; counts are store reads) and arrive as one
message. Dismisses with the chosen doc id or None.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from annotator.tui.render import shown
from annotator.tui.workspace import Workspace

FILTERS = ["all", "new", "in_progress", "done", "skipped", "source_changed"]
STATUS_STYLE = {"new": "", "in_progress": "yellow", "done": "green", "skipped": "dim", "source_changed": "red"}


@dataclass(frozen=True)
class Row:
    doc_id: str
    index: int
    title: str
    status: str
    pending: int
    labels: int


class RowsReady(Message):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows


class ArticleList(Screen[str | None]):
    BINDINGS = [
        Binding("escape", "close", "back"),
        Binding("enter", "open", "open", priority=True),
        Binding("down", "move(1)", "down", show=False, priority=True),
        Binding("up", "move(-1)", "up", show=False, priority=True),
        Binding("pagedown", "move(10)", "page down", show=False, priority=True),
        Binding("pageup", "move(-10)", "page up", show=False, priority=True),
        Binding("tab", "filter(1)", "status filter", priority=True),
        Binding("shift+tab", "filter(-1)", "previous filter", show=False, priority=True),
    ]

    def __init__(self, ws: Workspace, current: str | None) -> None:
        super().__init__()
        self.ws = ws
        self.current = current
        self.rows: list[Row] = []
        self.shown_rows: list[Row] = []
        self.filter = "all"

    def compose(self) -> ComposeResult:
        yield Static(id="list-title")
        yield Input(placeholder="search titles", id="list-search")
        yield Static(id="list-filters")
        yield DataTable(id="list-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # the title last, so status and counts stay visible in 80 columns
        table.add_column("#", key="n", width=4)
        table.add_column("status", key="status", width=14)
        table.add_column("pending", key="pending", width=7)
        table.add_column("labels", key="labels", width=6)
        table.add_column("title", key="title")
        self.query_one(Input).focus()
        self.query_one("#list-title", Static).update(Text(f" Articles of {self.ws.corpus_name}: loading…",
                                                          style="bold"))
        self._show_filters()
        self._gather()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _gather(self) -> None:
        store = self.ws.store
        # Three queries for the whole corpus. Titles of articles already opened come from the store;
        # the rest are cleaned once here.
        statuses, counts, known = store.statuses(), store.span_counts(), store.titles()
        rows = []
        for i, doc_id in enumerate(self.ws.ids):
            n = counts.get(doc_id, {})
            title = known.get(doc_id) or self.ws.title_of(doc_id)
            rows.append(Row(doc_id, i, title, statuses.get(doc_id, "new"), n.get("pending", 0), n.get("accepted", 0)))
        self.post_message(RowsReady(rows))

    def on_rows_ready(self, msg: RowsReady) -> None:
        self.rows = msg.rows
        done = sum(r.status == "done" for r in self.rows)
        self.query_one("#list-title", Static).update(
            Text(f" Articles of {self.ws.corpus_name}: {len(self.rows)}, {done} done", style="bold"))
        self._fill()

    def _fill(self) -> None:
        q = self.query_one(Input).value.strip().lower()
        self.shown_rows = [r for r in self.rows if (self.filter == "all" or r.status == self.filter)
                           and (not q or q in r.title.lower() or q in r.doc_id.lower())]
        table = self.query_one(DataTable)
        table.clear()
        for r in self.shown_rows:
            table.add_row(Text(str(r.index + 1), style="dim"),
                          Text(r.status.replace("_", " "), style=STATUS_STYLE.get(r.status, "")),
                          Text(str(r.pending) if r.pending else "", justify="right"),
                          Text(str(r.labels) if r.labels else "", justify="right"),
                          Text(shown(r.title, 200)), key=r.doc_id)
        here = next((i for i, r in enumerate(self.shown_rows) if r.doc_id == self.current), 0)
        if self.shown_rows:
            table.move_cursor(row=here)

    def _show_filters(self) -> None:
        t = Text(" status: ")
        for f in FILTERS:
            t.append(f" {f.replace('_', ' ')} ", style="reverse bold" if f == self.filter else "dim")
        t.append("   tab: next filter", style="dim italic")
        self.query_one("#list-filters", Static).update(t)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def action_filter(self, step: int) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + step) % len(FILTERS)]
        self._show_filters()
        self._fill()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        if self.shown_rows:
            table.move_cursor(row=max(0, min(table.cursor_row + step, len(self.shown_rows) - 1)))

    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if self.shown_rows and 0 <= table.cursor_row < len(self.shown_rows):
            self.dismiss(self.shown_rows[table.cursor_row].doc_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.dismiss(str(event.row_key.value))

    def action_close(self) -> None:
        self.dismiss(None)
