"""The Textual app: holds the workspace and the analyser, shows the review screen, offers palette commands."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen

from annotator.errors import AnnotatorError
from annotator.tui import keys
from annotator.tui.screens.main import MainScreen
from annotator.tui.workspace import Workspace

# Palette commands the App itself runs (stats, review, export), so they work over any screen.
APP_WIDE = frozenset({"stats", "app.review", "export"})


class Exported(Message):
    def __init__(self, summary: str | None, error: Exception | None) -> None:
        super().__init__()
        self.summary, self.error = summary, error


class AnnotatorApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "annotator"
    # Under 100 columns the panel goes below the text (app.tcss keys off these classes).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, ws: Workspace, analyser: Any = None, *, start: str = "main") -> None:
        super().__init__()
        self.ws = ws
        self.start = start  # "main" (labelling) or "review" (gold review only: `annotate review`)
        self._analyser = analyser
        self._client = None  # the AnalysisClient this app started, if any
        self._analyser_lock = threading.Lock()

    def on_mount(self) -> None:
        if self.start == "review":  # no article to analyse here, so Kiwi is not started
            from annotator.tui.screens.review import ReviewScreen

            self.push_screen(ReviewScreen(self.ws, standalone=True))
            return
        self.push_screen(MainScreen(self.ws))
        self.set_interval(0.25, self._poll_busy)
        if self.ws.store.read_only:
            self.notify(f"{self.ws.store.path} cannot be written: you can browse, but changes will not be "
                        "saved.", title="Read-only store", severity="warning", markup=False, timeout=10)
        # Kiwi (about 520 MB, 2 s to build) starts only when an article has no cached analysis:
        # the loading worker asks for it, so a fully analysed corpus never pays for it.

    @property
    def main(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    # -- analysis service --------------------------------------------------------------------

    def analyser(self) -> Any:
        """The injected analyser, or Kiwi in a child process, started on first use (from a worker)."""
        with self._analyser_lock:
            if self._analyser is None:
                from annotator.analysis import AnalysisClient

                self._client = AnalysisClient(self.ws.labels_path).start()
                self._analyser = self._client
            return self._analyser

    def busy_text(self, analysing: bool) -> str:
        client = self._client
        if client is not None and client.loading:
            return "Kiwi loading"
        return "analysing" if analysing else ""

    def _poll_busy(self) -> None:
        main = self.main
        if main is not None and main.is_mounted:
            main._update_busy()

    def shutdown(self) -> None:
        """Stop the analysis child and close the store (after `run` returns, or at the end of a test)."""
        if self._client is not None:
            self._client.close(timeout=0.5)  # the child exits at once unless mid-analysis
        self.ws.store.close()

    # -- palette and app-wide commands ---------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's entries from the key registry. Commands on the open article are offered only
        over the labelling screen; the app-wide ones (stats, review, export) over any screen."""
        yield from super().get_system_commands(screen)
        main = self.main
        if main is None:
            return
        for cmd in keys.COMMANDS:
            if cmd.palette and (screen is main or cmd.action in APP_WIDE):
                title = cmd.help.split(":")[0]
                yield SystemCommand(f"{title} ({cmd.shown})", cmd.help,
                                    lambda action=cmd.action: self._run_command(action))

    def _run_command(self, action: str) -> None:
        """Run a palette entry over the screen it was chosen on, never closing that screen."""
        main = self.main
        if action in APP_WIDE:
            self.call_later(self.run_action, action.removeprefix("app."))
        elif main is not None and self.screen is main:
            self.call_later(main.run_action, action)

    def action_stats(self) -> None:
        from annotator.tui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen(self.ws))

    def action_review(self) -> None:
        from annotator.tui.screens.review import ReviewScreen

        if not any(isinstance(s, ReviewScreen) for s in self.screen_stack):
            self.push_screen(ReviewScreen(self.ws))

    def action_export(self) -> None:
        self.notify("Exporting this analyst's done articles to exports/ ...", title="Export", markup=False)
        self._export()

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self) -> None:
        """Like `annotate export CORPUS` with its defaults (JSONL into ./exports, this analyst, done articles)."""
        from annotator.export import ExportOptions, export_corpus

        try:
            m = export_corpus(self.ws.store, self.ws.schema, ExportOptions(Path("exports"), annotator=self.ws.annotator))
        except Exception as exc:
            self.post_message(Exported(None, exc))
            return
        self.post_message(Exported(f"{m.articles} articles, {m.spans} spans, {m.relations} relations "
                                   f"-> {Path('exports').resolve()}", None))

    def on_exported(self, msg: Exported) -> None:
        if msg.error is not None:
            text = msg.error.describe() if isinstance(msg.error, AnnotatorError) else str(msg.error)
            self.notify(text, title="Export failed", severity="error", markup=False, timeout=8)
        else:
            self.notify(msg.summary, title="Exported", markup=False, timeout=8)
