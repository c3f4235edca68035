"""The header line: corpus, position, articles done, analyst; on the right, what is still loading."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive

from annotator.tui.widgets.line import Line

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class TopBar(Horizontal):
    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; }
    TopBar #where { width: 1fr; }
    TopBar #busy { width: 16; color: $warning; }
    """

    busy: reactive[str] = reactive("", init=False)  # "" when nothing is loading, else what is

    def compose(self) -> ComposeResult:
        yield Line(id="where")
        yield Line(id="busy")

    def on_mount(self) -> None:
        self._frame = 0
        self._timer = self.set_interval(0.12, self._spin, pause=True)

    def show(self, corpus: str, position: int, total: int, done: int, annotator: str, status: str,
             read_only: bool = False) -> None:
        t = Text(no_wrap=True)
        t.append(f" {corpus}", style="bold")
        t.append(f"  {position} / {total}")
        t.append(f"  {done} done", style="green")
        t.append(f"  [{status}]", style="dim")
        t.append(f"  {annotator}", style="italic")
        if read_only:
            t.append("  read-only", style="bold red")
        self.query_one("#where", Line).set(t)

    def watch_busy(self, busy: str) -> None:
        if busy:
            self._timer.resume()
        else:
            self._timer.pause()
        self._spin()

    def _spin(self) -> None:
        self._frame = (self._frame + 1) % len(SPINNER)
        label = Text(f"{SPINNER[self._frame]} {self.busy} " if self.busy else "")
        self.query_one("#busy", Line).set(label)
