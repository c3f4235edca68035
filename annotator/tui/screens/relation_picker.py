"""The relation picker (`r`): the other entity and the relation label, only as labels.yaml allows.

One list of (direction, relation, other entity) choices, nearest entities first; typing filters
it. Dismisses with (head_id, tail_id, label) or None.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from annotator.labels import Schema
from annotator.tui.render import label_chip, shown
from annotator.tui.workspace import ArticleState

Choice = tuple[str, str, str]  # head span id, tail span id, relation label
ALIAS = "alias_of"  # labels.yaml cannot say "same label on both sides" yet, so the picker does


def candidates(state: ArticleState, schema: Schema, span) -> list[tuple[Choice, object]]:
    """Every relation labels.yaml allows between `span` and another live entity, not already stated."""
    existing = {(r.head, r.tail, r.label) for r in state.relations if r.status != "rejected"}
    out: list[tuple[Choice, object]] = []
    # (not another mention of the same name: 누리랩 supplies 누리랩 is no fact, and would head the list)
    others = [s for s in state.spans if s.text != span.text and s.status != "rejected"]
    others.sort(key=lambda s: abs(s.start - span.start))
    seen: set[tuple] = set()
    for r in state.relations:  # a fact already stated with one mention is stated for all of them
        if r.status != "rejected" and span.id in (r.head, r.tail):
            other = state.span(r.tail if r.head == span.id else r.head)
            if other is not None:
                seen.add((r.label, r.head == span.id, other.text, other.label))
    for other in others:
        for rel in schema.relations:
            if rel.name == ALIAS and other.label != span.label:
                continue  # GUIDELINES: an alias joins two names of the same label
            choices = []
            if span.label in rel.head and other.label in rel.tail:
                choices.append((span.id, other.id, rel.name))
            if other.label in rel.head and span.label in rel.tail:
                choices.append((other.id, span.id, rel.name))
            if rel.symmetric and choices:  # one direction: the entity mentioned first is the head
                first, second = sorted((span, other), key=lambda s: s.start)
                if (second.id, first.id, rel.name) in existing:
                    continue
                choices = [(first.id, second.id, rel.name)]
            for choice in choices:
                # one row per (relation, direction, other name): the nearest mention stands for the rest,
                # since a relation is annotated once per article
                said = (rel.name, choice[0] == span.id, other.text, other.label)
                if choice not in existing and said not in seen:
                    seen.add(said)
                    out.append((choice, other))
    return out


class RelationPicker(ModalScreen[Choice | None]):
    BINDINGS = [
        Binding("escape", "dismiss_none", "cancel"),
        Binding("down", "move(1)", "next", show=False, priority=True),
        Binding("up", "move(-1)", "previous", show=False, priority=True),
        Binding("enter", "choose", "add relation", priority=True),
    ]

    def __init__(self, span, options: list[tuple[Choice, object]], schema: Schema) -> None:
        super().__init__()
        self.span = span
        self.options = options
        self.schema = schema

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            title = Text("New relation from ", style="bold")
            title.append(shown(self.span.text, 30))
            title.append_text(label_chip(self.schema, self.span.label, 0))
            yield Static(title, id="picker-title")
            yield Input(placeholder="type to filter (entity or relation)", id="picker-filter")
            yield OptionList(id="picker-options")
            yield Static(Text("↑↓ choose · enter add · esc cancel", style="dim"))

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-filter", Input).focus()

    def _row(self, choice: Choice, other) -> Text:
        head, tail, label = choice
        t = Text(no_wrap=True)
        arrow = "→" if head == self.span.id else "←"
        t.append(f"{label:<14}", style="bold")
        t.append(f"{arrow} ")
        t.append(shown(other.text, 24))
        t.append_text(label_chip(self.schema, other.label, 0))
        t.append(f"  @{other.start}", style="dim")
        return t

    def _fill(self, query: str) -> None:
        q = query.strip().lower()
        ol = self.query_one(OptionList)
        ol.clear_options()
        self._shown = [(c, o) for c, o in self.options
                       if not q or q in c[2].lower() or q in o.text.lower() or q in o.label.lower()]
        ol.add_options([Option(self._row(c, o)) for c, o in self._shown])
        if self._shown:
            ol.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def action_move(self, step: int) -> None:
        ol = self.query_one(OptionList)
        if self._shown:
            ol.highlighted = max(0, min((ol.highlighted or 0) + step, len(self._shown) - 1))

    def action_choose(self) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None and self._shown:
            self.dismiss(self._shown[ol.highlighted][0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._shown[event.option_index][0])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
