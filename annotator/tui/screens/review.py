"""The gold review screen (`annotate review`, or G / the palette in the app).

For each article two or more analysts finished: what they all agree on is in gold from the
start; each conflict is listed with who said what, and the reviewer picks a version (a), drops
it (x), edits it (1..9, [ ] { }) or takes a decision back (u). Each decision is saved at once as
a draft; enter writes the article's gold version (annotator "gold", the reviewer's name in each
row's source) through `annotator.agreement.adjudicate.resolve`. Store errors become notices.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen

from annotator.agreement.adjudicate import conflicts_for, resolve, reviewable
from annotator.agreement.model import symmetric_labels
from annotator.agreement.source import final_version
from annotator.agreement.stats import GOLD
from annotator.editing import Editor
from annotator.errors import AnnotatorError, InputError
from annotator.tui import keys
from annotator.tui.screens.review_state import Option, ReviewState
from annotator.tui.widgets import conflict_rows
from annotator.tui.widgets.article_view import ArticleView
from annotator.tui.widgets.item_panel import ItemPanel
from annotator.tui.widgets.key_bar import KeyBar
from annotator.tui.widgets.line import Line
from annotator.tui.workspace import Workspace, snap_points


def _params(action: str) -> tuple:
    if "(" not in action:
        return ()
    return tuple(int(p) for p in action[action.index("(") + 1:-1].split(","))


class ReviewScreen(Screen):
    BINDINGS = keys.bindings(keys.GOLD_COMMANDS)
    AUTO_FOCUS = None

    def __init__(self, ws: Workspace, *, standalone: bool = False) -> None:
        super().__init__()
        self.ws = ws
        self.standalone = standalone  # opened by `annotate review`: leaving quits the app
        self.queue: list[tuple[str, list[str], bool]] = []
        self.state: ReviewState | None = None
        self.focus_id: str | None = None

    @property
    def reviewer(self) -> str:
        return self.ws.annotator

    def compose(self) -> ComposeResult:
        yield Line(id="review-top")
        with Container(id="review-body"):
            yield ArticleView(id="review-text")
            yield ItemPanel(id="review-panel")
        yield Line(id="review-prompt")
        yield KeyBar(id="review-keys")

    def on_mount(self) -> None:
        self._load_queue()
        if not self.queue:
            self._top()
            self._prompt(Text(" No article has been finished by two or more analysts yet: nothing to review.",
                              style="bold"))
            self._refresh_footer()
            return
        first = next((d for d, _, has_gold in self.queue if not has_gold), self.queue[0][0])
        self.open_doc(first)

    # -- store calls ---------------------------------------------------------------------------

    def _call(self, fn, *args, **kwargs):
        """A domain or store call; an error becomes a notice (and None), never a crash."""
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            text = exc.describe() if isinstance(exc, AnnotatorError) else f"{type(exc).__name__}: {exc}"
            self.notify(text, severity="error", markup=False, timeout=6)
            return None

    def _load_queue(self) -> None:
        self.queue = self._call(reviewable, self.ws.store) or []

    def open_doc(self, doc_id: str) -> None:
        store = self.ws.store
        article = self._call(store.article, doc_id)
        if article is None:
            self.notify(f"{doc_id} is not in the store", severity="error", markup=False)
            return
        adj = self._call(conflicts_for, store, doc_id, symmetric=symmetric_labels(self.ws.schema))
        if adj is None:
            return
        st = ReviewState(doc_id, article.text, adj, self._editor(article.text))
        gold = self._call(final_version, store, doc_id, GOLD)
        st.had_gold = self._call(store.status, doc_id, GOLD) == "done"
        restored = st.restore(self._call(store.cache_get, st.draft_key()))
        if not restored and st.had_gold and gold is not None:
            st.restore_from_gold(gold)
        self.state = st
        self.focus_id = st.options[0].id if st.options else None
        view = self.query_one(ArticleView)
        view.set_text(article.text)
        self._refresh()
        if not adj.conflicts and not st.had_gold:  # nothing to decide: the agreed labels are gold at once
            self.action_write_gold()

    def _editor(self, text: str) -> Editor:
        """Edges snap to Kiwi's morphemes when the app has analysed the article (store cache), else to words."""
        from annotator.analysis import Analysis, cache_key

        data = self._call(self.ws.store.cache_get, cache_key(text, self.ws.schema.sha256))
        if data:
            try:
                return Editor(text, snap_points(Analysis.from_bytes(data)))
            except ValueError:
                pass
        return Editor(text)

    def _save_draft(self) -> None:
        st = self.state
        self._call(self.ws.store.cache_put, st.draft_key(), st.draft())

    # -- drawing -------------------------------------------------------------------------------

    def _focused(self) -> Option | None:
        return self.state.option(self.focus_id) if self.state else None

    def _top(self) -> None:
        t = Text(no_wrap=True, overflow="ellipsis")
        t.append(" Gold review", style="bold")
        st = self.state
        if st is not None:
            pos = next((i for i, (d, _, _) in enumerate(self.queue) if d == st.doc_id), -1)
            who = next((w for d, w, _ in self.queue if d == st.doc_id), st.adj.annotators)
            t.append(f"  {pos + 1} / {len(self.queue)}  ")
            t.append(st.doc_id, style="bold")
            t.append(f"  by {', '.join(who)}", style="italic")
            if st.had_gold:
                t.append("  [gold written]", style="green")
        done = sum(1 for _, _, g in self.queue if g)
        t.append(f"  {done} with gold", style="green")
        t.append(f"  reviewer {self.reviewer}", style="italic")
        self.query_one("#review-top", Line).set(t)

    def _prompt(self, t: Text | None = None) -> None:
        if t is None:
            t = Text(no_wrap=True, overflow="ellipsis")
            st, opt = self.state, self._focused()
            if st is None:
                return
            open_ = len(st.adj.unresolved())
            if opt is None:
                t.append(" No conflicts." if not st.adj.conflicts else " ", style="dim")
            else:
                t.append(f" {', '.join(opt.names)}: ", style="italic")
                t.append_text(conflict_rows.version_text(opt.version, st.text, self.ws.schema, 30))
            t.append(f"  {open_} open · enter writes gold" if open_ else "  all settled · enter writes gold",
                     style="dim")
        self.query_one("#review-prompt", Line).set(t)

    def _refresh(self) -> None:
        st = self.state
        if st is None:
            return
        self._top()
        self.query_one(ItemPanel).set_rows(conflict_rows.panel_rows(st, self.ws.schema), self.focus_id)
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        st = self.state
        opt = self._focused()
        view = self.query_one(ArticleView)
        view.set_highlights(conflict_rows.highlights(st, self.ws.schema, opt))
        self.query_one(ItemPanel).set_focus_id(self.focus_id)
        if opt is not None:
            view.scroll_to_offsets(opt.conflict.start, opt.conflict.end)
        self._prompt()
        self._refresh_footer()

    def _refresh_footer(self) -> None:
        self.query_one(KeyBar).show(keys.GOLD_COMMANDS,
                                    lambda c: self.check_action(c.action.split("(")[0], _params(c.action)))

    def on_key_bar_resized(self, msg: KeyBar.Resized) -> None:
        self._refresh_footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in keys.GOLD_BY_ACTION_NAME:
            return True
        st, opt = self.state, self._focused()
        if st is None:
            return action in ("help", "back") or None
        chosen = st.chosen(opt.conflict) if opt else None
        n = int(parameters[0]) if parameters else 1
        checks = {
            "gold_focus": bool(st.options),
            "pick": opt is not None and chosen != opt.version,
            "drop": opt is not None and (chosen is None or bool(chosen.spans or chosen.relations)),
            "gold_relabel": st.editable(opt) is not None and len(self.ws.schema.entities) >= n,
            "gold_end": st.editable(opt) is not None,
            "gold_start": st.editable(opt) is not None,
            "reopen": chosen is not None,
            "write_gold": not st.adj.unresolved(),
            "gold_article": len(self.queue) > 1,
        }
        return True if checks.get(action, True) else None

    # -- actions -------------------------------------------------------------------------------

    def action_gold_focus(self, step: int) -> None:
        st = self.state
        ids = [o.id for o in st.options] if st else []
        if not ids:
            return
        i = ids.index(self.focus_id) + step if self.focus_id in ids else 0
        self.focus_id = ids[max(0, min(i, len(ids) - 1))]
        self._refresh_marks()

    def _next_open(self) -> None:
        """After a decision, focus the first version of the next conflict still open."""
        st = self.state
        open_ids = {c.id for c in st.adj.unresolved()}
        ids = st.options
        here = next((i for i, o in enumerate(ids) if o.id == self.focus_id), -1)
        for o in ids[here + 1:] + ids[:here + 1]:
            if o.conflict.id in open_ids:
                self.focus_id = o.id
                return

    def _try(self, fn, *args) -> bool:
        try:
            fn(*args)
        except InputError as exc:
            self.notify(exc.describe(), severity="warning", markup=False, timeout=5)
            return False
        return True

    def action_pick(self) -> None:
        opt = self._focused()
        if opt is None:
            return
        if self._try(self.state.adj.pick, opt.conflict.id, opt.names[0]):
            self._next_open()
            self._save_draft()
        self._refresh()

    def action_drop(self) -> None:
        opt = self._focused()
        if opt is None:
            return
        if self._try(self.state.adj.drop, opt.conflict.id):
            self._next_open()
            self._save_draft()
        self._refresh()

    def action_reopen(self) -> None:
        opt = self._focused()
        if opt is None:
            return
        if self._try(self.state.adj.reopen, opt.conflict.id):
            self._save_draft()
        self._refresh()

    def action_gold_relabel(self, n: int) -> None:
        opt = self._focused()
        entities = self.ws.schema.entities
        if opt is None or n > len(entities):
            return
        if self._try(self.state.relabel, opt, entities[n - 1].name):
            self._save_draft()
        self._refresh()

    def _move(self, edge: str, step: int) -> None:
        opt = self._focused()
        if opt is None:
            return
        if self._try(self.state.move, opt, edge, step):
            self._save_draft()
        self._refresh()

    def action_gold_end(self, step: int) -> None:
        self._move("end", step)

    def action_gold_start(self, step: int) -> None:
        self._move("start", step)

    def action_write_gold(self) -> None:
        st = self.state
        if st is None:
            return
        if st.adj.unresolved():
            self.notify(f"{len(st.adj.unresolved())} conflict(s) still open: a, x or an edit settles each",
                        severity="warning", markup=False)
            return
        gold = self._call(resolve, self.ws.store, st.adj, self.reviewer, replace=st.had_gold)
        if gold is None:
            return
        self.notify(f"{st.doc_id}: gold written ({len(gold.spans)} entities, {len(gold.relations)} relations)",
                    markup=False, timeout=4)
        self._load_queue()
        nxt = next((d for d, _, has_gold in self._after(st.doc_id) if not has_gold), None)
        if nxt is None:
            st.had_gold = True
            self._refresh()
            self.notify("Every article to review has its gold version.", markup=False)
        else:
            self.open_doc(nxt)

    def _after(self, doc_id: str) -> list[tuple[str, list[str], bool]]:
        """The queue from the article after `doc_id`, wrapping round."""
        i = next((k for k, (d, _, _) in enumerate(self.queue) if d == doc_id), -1)
        return self.queue[i + 1:] + self.queue[:i + 1]

    def action_gold_article(self, step: int) -> None:
        if not self.queue or self.state is None:
            return
        ids = [d for d, _, _ in self.queue]
        i = ids.index(self.state.doc_id) if self.state.doc_id in ids else 0
        self.open_doc(ids[(i + step) % len(ids)])

    def action_help(self) -> None:
        from annotator.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.ws.schema))

    def action_back(self) -> None:
        if self.standalone:
            self.app.exit()
        else:
            self.dismiss()

    # -- mouse ---------------------------------------------------------------------------------

    def on_item_panel_clicked(self, msg: ItemPanel.Clicked) -> None:
        self.focus_id = msg.item_id
        self._refresh_marks()
