"""What the analyst does to the article's labels: decide, relabel, resize, delete, undo, add
entities and relations, find. Each is one store call through `self._act` (a mixin of MainScreen).
"""

from __future__ import annotations

from textual.widgets import Input

from annotator.editing import EditRefused, check_span
from annotator.tui.widgets.article_view import ArticleView
from annotator.tui.workspace import FAILED


class LabelActions:
    """MainScreen's label actions (a mixin: `self` is the MainScreen, which owns the store calls)."""

    # -- actions: deciding -------------------------------------------------------------------

    def action_accept(self) -> None:
        st, store = self.state, self.ws.store
        if st.span(self.focus_id):
            self._act(store.accept, self.focus_id, advance=True)
        elif st.relation(self.focus_id):
            self._act(store.accept_relation, self.focus_id, advance=True)

    def action_reject(self) -> None:
        st, store = self.state, self.ws.store
        if st.span(self.focus_id):
            self._act(store.reject, self.focus_id, advance=True)
        elif st.relation(self.focus_id):
            self._act(store.reject_relation, self.focus_id, advance=True)

    def action_accept_all(self) -> None:
        n = self._act(self.ws.store.accept_all)
        if n is not FAILED:
            self._say(f"Accepted {n} suggestion(s).")

    def action_relabel(self, n: int) -> None:
        self._act(self.ws.store.relabel, self.focus_id, self.ws.schema.entities[n - 1].name, advance=True)

    def action_delete(self) -> None:
        st, store = self.state, self.ws.store
        items = self._items()
        after = items[items.index(self.focus_id) + 1:] if self.focus_id in items else []
        fn = store.delete if st.span(self.focus_id) else store.delete_relation
        if self._act(fn, self.focus_id) is not FAILED:
            survivors = self._items()
            self._focus(next((i for i in after if i in survivors), survivors[-1] if survivors else None))
            self._refresh_marks()

    def action_move_end(self, step: int) -> None:
        self._resize("move_end", step)

    def action_move_start(self, step: int) -> None:
        self._resize("move_start", step)

    def _resize(self, which: str, step: int) -> None:
        st = self.state
        span = st.span(self.focus_id)
        try:
            s, e = getattr(st.editor, which)(span.start, span.end, step, st.others(span.id))
        except EditRefused as exc:
            self._say(str(exc), warn=True)
            return
        self._act(self.ws.store.resize, span.id, s, e, st.text[s:e])

    def action_undo(self) -> None:
        self._history(self.ws.store.undo, "Undid", "Nothing to undo")

    def action_redo(self) -> None:
        self._history(self.ws.store.redo, "Redid", "Nothing to redo")

    def _history(self, fn, done: str, nothing: str) -> None:
        what = self._call(fn, self.state.doc_id)
        self._reread()
        self._done = self.ws.done_count()  # undoing "done" changes the count
        self._refresh()
        if what is FAILED:
            return
        self._say(f"{done} {what}." if what else nothing)

    # -- actions: new entity ------------------------------------------------------------------

    def action_new_entity(self) -> None:
        st = self.state
        try:
            if self.match:
                self.cursor = st.editor.cursor_over(*self.match)
            elif st.span(self.focus_id):
                self.cursor = st.editor.cursor_at(st.span(self.focus_id).end)
            else:
                self.cursor = st.editor.cursor_at(self.query_one(ArticleView).first_visible_offset)
        except EditRefused as exc:
            self._say(str(exc), warn=True)
            return
        self.matches, self.match = [], None
        self._set_mode("new")

    def action_cursor(self, step: int) -> None:
        self.cursor = self.cursor.move(step)
        self._refresh_marks()

    def action_extend(self, step: int) -> None:
        self.cursor = self.cursor.extend(step)
        self._refresh_marks()

    def action_confirm_extent(self) -> None:
        self._set_mode("label")

    def action_create(self, n: int) -> None:
        st = self.state
        s, e = self.cursor.extent
        try:
            check_span(st.text, s, e, st.others())
        except EditRefused as exc:
            self._say(str(exc), warn=True)
            return
        label = self.ws.schema.entities[n - 1].name
        self._set_mode("review")
        self._act(self.ws.store.add_span, s, e, label, st.text[s:e], focus="result")

    def action_cancel(self) -> None:
        self._set_mode("review")

    # -- actions: relations --------------------------------------------------------------------

    def action_new_relation(self) -> None:
        from annotator.tui.screens.relation_picker import RelationPicker, candidates

        st = self.state
        span = st.span(self.focus_id)
        options = candidates(st, self.ws.schema, span)
        if not options:
            self._say("labels.yaml allows no new relation from this entity.", warn=True)
            return

        def chosen(choice: tuple[str, str, str] | None) -> None:
            if choice:
                self._act(self.ws.store.add_relation, *choice, focus="result")

        self.app.push_screen(RelationPicker(span, options, self.ws.schema), chosen)

    # -- find ----------------------------------------------------------------------------------

    def action_find(self) -> None:
        self._set_mode("find")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "find":
            self._find_next(event.value)

    def _find_next(self, value: str) -> None:
        st, query = self.state, value.strip()
        if st is None or not query:
            return
        low, q = st.text.lower(), query.lower()
        self.matches = []
        i = low.find(q)
        while i >= 0:
            self.matches.append((i, i + len(q)))
            i = low.find(q, i + len(q))
        if not self.matches:
            self.match = None
            self._say(f"Not found: {query}", warn=True)
        else:
            after = self.match[0] if self.match else -1
            self.match = next((m for m in self.matches if m[0] > after), self.matches[0])
        self._refresh_marks()
