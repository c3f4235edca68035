"""The review screen: the one place that owns the open article and calls the store.

Widgets below it only draw and post past-tense messages (clicks); workers load, analyse and
suggest off the event loop and report back with messages. Every analyst action is one store
call made at once, then the article's rows are re-read, so the screen always shows the store.
Opening articles (loading.py) and the label actions (label_actions.py) are mixins of this class.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Input

from annotator.editing import Cursor, item_at
from annotator.errors import AnnotatorError, printable
from annotator.tui import keys, render
from annotator.tui.screens.label_actions import LabelActions
from annotator.tui.screens.loading import ArticleLoading
from annotator.tui.widgets.article_view import ArticleView
from annotator.tui.widgets.item_panel import ItemPanel
from annotator.tui.widgets.key_bar import KeyBar
from annotator.tui.widgets.line import Line
from annotator.tui.widgets.top_bar import TopBar
from annotator.tui.workspace import FAILED, ArticleState, Workspace


def _params(action: str) -> tuple:
    """The parameters of an action string such as "relabel(3)"."""
    if "(" not in action:
        return ()
    return tuple(int(p) for p in action[action.index("(") + 1:-1].split(","))


class MainScreen(ArticleLoading, LabelActions, Screen):
    BINDINGS = keys.bindings()
    AUTO_FOCUS = None  # keys go to the screen's bindings; only the find bar takes focus, while open

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.state: ArticleState | None = None
        self.focus_id: str | None = None
        self.mode = "review"  # review | new | label | find
        self.cursor: Cursor | None = None
        self.show_rejected = False
        self.matches: list[tuple[int, int]] = []
        self.match: tuple[int, int] | None = None
        self._opening: str | None = None
        self._analysing: str | None = None
        self._undo = (False, False)
        self._done = 0  # articles done, re-counted when an article opens or its status may change
        self.flash: Text | None = None  # the last routine message, shown on the prompt line
        self._flash_timer = None

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        with Container(id="body"):
            yield ArticleView(id="text")
            yield ItemPanel(id="panel")
        yield Line(id="prompt")
        yield Input(placeholder="find in the article (enter: next, escape: close)", id="find", disabled=True)
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        doc_id = self.ws.start_doc()
        if doc_id is None:
            self.query_one("#prompt", Line).set(Text("This corpus has no readable articles."))
            return
        self.open_doc(doc_id)

    # -- store calls and refreshing ----------------------------------------------------------

    def _call(self, fn, *args, **kwargs):
        """One store call; an error (conflict, read-only database, ...) becomes a notice, never a crash."""
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            self._error(exc)
            return FAILED

    def _error(self, exc: Exception, prefix: str = "") -> None:
        # An OS error can carry a file name with escape sequences: show them as visible characters.
        text = exc.describe() if isinstance(exc, AnnotatorError) else printable(f"{type(exc).__name__}: {exc}")
        self.notify(prefix + text, severity="error", markup=False, timeout=6)

    def _say(self, message: str, *, warn: bool = False) -> None:
        """Routine feedback on the prompt line for a few seconds (a toast would cost a layout pass)."""
        self.flash = Text(f" {message} ", style="bold black on yellow" if warn else "bold black on green")
        self._show_prompt()
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(3, self._unflash)

    def _unflash(self) -> None:
        self.flash = None
        self._flash_timer = None
        self._show_prompt()

    def _reread(self) -> None:
        st = self.state
        if st is None:
            return
        spans = self._call(self.ws.store.spans, st.doc_id)
        rels = self._call(self.ws.store.relations, st.doc_id)
        if spans is not FAILED and rels is not FAILED:
            st.set_rows(spans, rels)
        st.status = self.ws.store.status(st.doc_id)
        self._undo = (self.ws.store.can_undo(st.doc_id), self.ws.store.can_redo(st.doc_id))

    def _items(self) -> list[str]:
        return self.state.item_ids(self.show_rejected) if self.state else []

    def _first_pending(self) -> str | None:
        st = self.state
        if st is None:
            return None
        return next((i for i in self._items() if getattr(st.item(i), "status", "") == "pending"), None)

    def _refresh(self) -> None:
        """Redraw everything that depends on the article's rows."""
        st = self.state
        if st is None:
            return
        if self.focus_id not in self._items():
            self.focus_id = None
        ws = self.ws
        self.query_one(TopBar).show(ws.corpus_name, st.index + 1, len(ws.ids), self._done, ws.annotator,
                                    st.status.replace("_", " "), ws.store.read_only)
        self.query_one(ItemPanel).set_rows(render.panel_rows(st, ws.schema, show_rejected=self.show_rejected),
                                           self.focus_id)
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        """Redraw what depends on focus, cursor and find: cheap, done on every key."""
        st = self.state
        if st is None:
            return
        cursor = self.cursor.extent if self.cursor and self.mode in ("new", "label") else None
        view = self.query_one(ArticleView)
        view.set_highlights(render.highlights(st, self.ws.schema, show_rejected=self.show_rejected,
                                              focus_id=self.focus_id, cursor=cursor, matches=self.matches,
                                              current_match=self.match))
        self.query_one(ItemPanel).set_focus_id(self.focus_id)
        target = cursor or self.match or self._focus_extent()
        if target:
            view.scroll_to_offsets(*target)
        self._show_prompt()
        self._refresh_footer()

    def _refresh_footer(self) -> None:
        self.query_one(KeyBar).show(keys.COMMANDS,
                                    lambda c: self.check_action(c.action.split("(")[0], _params(c.action)))

    def _focus_extent(self) -> tuple[int, int] | None:
        st = self.state
        span = st.span(self.focus_id) if st else None
        if span:
            return (span.start, span.end)
        rel = st.relation(self.focus_id) if st else None
        ends = [s for s in (st.span(rel.head), st.span(rel.tail)) if s] if rel else []
        return (min(s.start for s in ends), max(s.end for s in ends)) if ends else None

    def _focus(self, item_id: str | None) -> None:
        self.focus_id = item_id
        self.match = None
        self.matches = []

    def _show_prompt(self) -> None:
        st, t = self.state, Text(no_wrap=True, overflow="ellipsis")
        if st is None:
            return
        if self.flash is not None:
            t.append_text(self.flash)
        if self.mode == "new" and self.cursor:
            t.append(" New entity: ", style="bold")
            t.append(render.shown(self.cursor.text), style=render.CURSOR)
            t.append("  ←→ move · shift+←→ extend · 1-9 label · enter · esc", style="dim")
        elif self.mode == "label" and self.cursor:
            t.append(" Label for ", style="bold")
            t.append(render.shown(self.cursor.text, 20), style=render.CURSOR)
            t.append(":")
            for e in self.ws.schema.entities:
                t.append(f" {e.key}", style="bold")
                t.append(f" {e.name}", style=f"{e.color}")
        else:
            item = st.item(self.focus_id)
            if item is None:
                t.append(" Nothing in focus: n adds an entity, g lists the articles.", style="dim")
            else:
                t.append(f" {item.label}", style="bold")
                text = getattr(item, "text", None)
                if text is None:
                    head, tail = st.span(item.head), st.span(item.tail)
                    text = f"{head.text if head else item.head} → {tail.text if tail else item.tail}"
                t.append(" " + render.shown(text, 50))
                t.append(f"  {item.status} · {item.source}", style="dim")
            if st.analysis is None:
                t.append("  (edges snap to words until Kiwi is ready)", style="dim italic")
        self.query_one("#prompt", Line).set(t)

    def _set_mode(self, mode: str) -> None:
        self.mode = mode
        if mode in ("review", "find"):
            self.cursor = None if mode == "review" else self.cursor
        find = self.query_one("#find", Input)
        find.display = mode == "find"
        find.disabled = mode != "find"
        if mode == "find":
            find.focus()
        elif find.has_focus:
            self.set_focus(None)
        self._refresh_marks()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        cmd = keys.BY_ACTION_NAME.get(action)
        if cmd is None:
            return True
        if self.mode not in cmd.mode.split(","):
            return False
        st = self.state
        if st is None:
            return action in ("article_list", "help", "quit", "stats", "export", "toggle_rejected") or None
        item = st.item(self.focus_id)
        span = st.span(self.focus_id)
        checks = {
            "focus": bool(self._items()),
            "accept": item is not None and item.status != "accepted",
            "reject": item is not None and item.status != "rejected",
            "accept_all": st.pending_count() > 0,
            "relabel": span is not None and len(self.ws.schema.entities) >= (parameters or (1,))[0],
            "move_end": span is not None and span.status != "rejected",
            "move_start": span is not None and span.status != "rejected",
            "new_relation": span is not None and span.status != "rejected" and len(st.others(span.id)) > 0,
            "delete": item is not None,
            "undo": self._undo[0],
            "redo": self._undo[1],
            "create": len(self.ws.schema.entities) >= (parameters or (1,))[0],
        }
        return True if checks.get(action, True) else None

    # -- actions: moving ---------------------------------------------------------------------

    def action_focus(self, step: int) -> None:
        items = self._items()
        if not items:
            return
        i = items.index(self.focus_id) + step if self.focus_id in items else (0 if step > 0 else -1)
        self._focus(items[max(0, min(i, len(items) - 1))])
        self._refresh_marks()

    def _advance(self) -> None:
        """After a decision, focus the next pending item (the analyst's queue), if there is one."""
        items = self._items()
        st = self.state
        start = items.index(self.focus_id) + 1 if self.focus_id in items else 0
        for item_id in items[start:] + items[:start]:
            if getattr(st.item(item_id), "status", "") == "pending":
                self.focus_id = item_id
                return

    def _act(self, fn, *args, advance: bool = False, focus: str | None = None) -> Any:
        result = self._call(fn, self.state.doc_id, *args)
        self._reread()
        if result is not FAILED:
            if focus is not None:
                self._focus(focus if focus != "result" else result)
            elif advance:
                self._advance()
        self._refresh()
        return result

    # -- actions: articles ---------------------------------------------------------------------

    def action_mark_done(self) -> None:
        st = self.state
        if self._call(self.ws.store.mark_done, st.doc_id) is FAILED:
            return
        nxt = self.ws.next_not_done(st.doc_id)
        self._done = self.ws.done_count()
        if nxt is None:
            self._reread()
            self._refresh()
            self.notify("Every article is done.", markup=False)
        else:
            self.open_doc(nxt)

    def action_step_article(self, step: int) -> None:
        ids = self.ws.ids
        i = (self.state.index if self.state else 0) + step
        if 0 <= i < len(ids):
            self.open_doc(ids[i])

    def action_article_list(self) -> None:
        from annotator.tui.screens.article_list import ArticleList

        def chosen(doc_id: str | None) -> None:
            if doc_id:
                self.open_doc(doc_id)

        self.app.push_screen(ArticleList(self.ws, self.state.doc_id if self.state else None), chosen)

    def action_toggle_rejected(self) -> None:
        self.show_rejected = not self.show_rejected
        self._refresh()
        self._say("Showing rejected suggestions." if self.show_rejected else "Rejected suggestions hidden.")

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.ws.schema))

    def action_stats(self) -> None:
        self.app.action_stats()

    def action_export(self) -> None:
        self.app.action_export()

    # -- mouse ---------------------------------------------------------------------------------

    def on_article_view_clicked(self, msg: ArticleView.Clicked) -> None:
        st = self.state
        if st is None:
            return
        if self.mode == "new":
            self.cursor = st.editor.cursor_at(msg.offset)
        else:
            hit = item_at(msg.offset, [(s.id, s.start, s.end) for s in st.visible_spans(self.show_rejected)])
            if hit is None:
                return
            self._focus(hit)
        self._refresh_marks()

    def on_key_bar_resized(self, msg: KeyBar.Resized) -> None:
        self._refresh_footer()

    def on_item_panel_clicked(self, msg: ItemPanel.Clicked) -> None:
        if self.mode == "review":
            self._focus(msg.item_id)
            self._refresh_marks()
