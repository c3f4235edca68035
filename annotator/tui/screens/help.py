"""The help screen (`?`), written from the same command list as the bindings (tui/keys.py)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from annotator.labels import Schema
from annotator.tui import keys


def help_table(schema: Schema | None = None) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    if schema is not None:  # what 1..9 mean, from labels.yaml
        table.add_row(Text("Label keys", style="bold underline"), Text(""))
        for e in schema.entities:
            line = Text(e.name, style=f"bold {e.color}")
            line.append(f"  {e.description}", style="dim")
            table.add_row(Text(e.key), line)
        table.add_row(Text(""), Text(""))
    for section, lines in keys.help_sections().items():
        table.add_row(Text(section, style="bold underline"), Text(""))
        for shown, desc in lines:
            table.add_row(Text(shown), Text(desc))
        table.add_row(Text(""), Text(""))
    table.add_row(Text("mouse"), Text("Click a span or a panel row to focus it"))
    table.add_row(Text("ctrl+p"), Text("Command palette: every command by name"))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "close")]

    def __init__(self, schema: Schema | None = None) -> None:
        super().__init__()
        self.schema = schema

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Keys — everything is saved as you go", style="bold"), id="help-title")
            yield Static(help_table(self.schema))
            yield Static(Text("escape, ? or q closes this help", style="dim"))
