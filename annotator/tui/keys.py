"""Every command of the main screen, defined once: its keys, action, Footer hint, help line and
palette entry all come from here (the help screen and the command palette read this list).

`mode` says when a command applies: "review" (the normal screen), "new" (choosing a new
entity's extent) or "label" (waiting for the new entity's label). The screen's `check_action`
hides commands of other modes and dims the ones that do nothing right now.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Command:
    id: str  # stable binding id (usable in a keymap)
    keys: str  # Textual key names, comma separated
    action: str
    footer: str  # short Footer description
    help: str  # the help screen's and the palette's description
    shown: str  # how the help screen writes the keys
    section: str = "Labels"
    mode: str = "review"
    footer_show: bool = True
    palette: bool = False
    group: Binding.Group | None = None
    key_display: str | None = None  # how the Footer writes the keys, when not Textual's default
    footer_wide: bool = False  # also in the key bar when the terminal is wide (110 columns or more)


_LABEL_KEYS = Binding.Group("label", compact=True)
_EDGE_KEYS = Binding.Group("edges", compact=True)
_CURSOR_KEYS = Binding.Group("move", compact=True)


COMMANDS: list[Command] = [
    Command("next_item", "j,down", "focus(1)", "next", "Next item in the panel", "j / ↓", "Moving",
            footer_show=False),
    Command("prev_item", "k,up", "focus(-1)", "prev", "Previous item in the panel", "k / ↑", "Moving",
            footer_show=False),
    Command("accept", "a", "accept", "accept", "Accept the focused suggestion", "a"),
    Command("reject", "x", "reject", "reject", "Reject the focused suggestion", "x"),
    Command("accept_all", "A", "accept_all", "all", "Accept every pending suggestion in this article",
            "A", palette=True),
    *[Command(f"label_{n}", str(n), f"relabel({n})", "label", f"Give the focused entity label {n} "
              "(a pending one is accepted with it)", "1..9", footer_show=n == 1, group=_LABEL_KEYS)
      for n in range(1, 10)],
    Command("end_left", "left_square_bracket", "move_end(-1)", "edges", "Move the focused span's end one "
            "morpheme left", "[", "Edges", group=_EDGE_KEYS, footer_show=False, footer_wide=True,
            key_display="[ ] { }"),
    Command("end_right", "right_square_bracket", "move_end(1)", "end→", "Move the focused span's end one "
            "morpheme right", "]", "Edges", group=_EDGE_KEYS, footer_show=False),
    Command("start_left", "left_curly_bracket", "move_start(-1)", "start←", "Move the focused span's start "
            "one morpheme left", "{", "Edges", group=_EDGE_KEYS, footer_show=False),
    Command("start_right", "right_curly_bracket", "move_start(1)", "start→", "Move the focused span's start "
            "one morpheme right", "}", "Edges", group=_EDGE_KEYS, footer_show=False),
    Command("new_entity", "n", "new_entity", "new", "New entity: choose its extent with the cursor", "n"),
    Command("new_relation", "r", "new_relation", "rel", "New relation from the focused entity", "r"),
    Command("delete", "d", "delete", "del", "Delete the focused label", "d"),
    Command("undo", "u,ctrl+z", "undo", "undo", "Undo the last change in this article", "u / ctrl+z",
            "History", palette=True),
    Command("redo", "ctrl+y", "redo", "redo", "Redo", "ctrl+y", "History", footer_show=False, palette=True),
    Command("done", "enter", "mark_done", "done", "Mark the article done and open the next one not done",
            "enter", "Articles", palette=True),
    Command("next_article", "pagedown,full_stop", "step_article(1)", "next art.", "Next article without "
            "marking it", "pagedown / .", "Articles", footer_show=False, palette=True),
    Command("prev_article", "pageup,comma", "step_article(-1)", "prev art.", "Previous article without "
            "marking it", "pageup / ,", "Articles", footer_show=False, palette=True),
    Command("article_list", "g", "article_list", "list", "Article list: jump to an article", "g", "Articles",
            palette=True),
    Command("find", "slash", "find", "find", "Find text in the article (then n makes it an entity)", "/",
            "Moving", footer_show=False, footer_wide=True),
    Command("show_rejected", "R", "toggle_rejected", "rejected", "Show or hide rejected suggestions", "R",
            "Moving", footer_show=False, palette=True),
    Command("stats", "S", "stats", "stats", "Corpus statistics", "S", "Articles", footer_show=False,
            palette=True),
    Command("export", "E", "export", "export", "Export your done articles to exports/ (as annotate export does)", "E", "Articles",
            footer_show=False, palette=True),
    Command("help", "question_mark", "help", "help", "This help", "?", "App"),
    Command("quit", "q", "app.quit", "quit", "Quit (everything is already saved)", "q", "App", footer_show=False,
            footer_wide=True),
    # new-entity mode
    Command("cursor_left", "left", "cursor(-1)", "move", "Move the cursor one morpheme left", "←",
            "New entity", "new", group=_CURSOR_KEYS, key_display="←→"),
    Command("cursor_right", "right", "cursor(1)", "move", "Move the cursor one morpheme right", "→",
            "New entity", "new", group=_CURSOR_KEYS, footer_show=False),
    Command("extend_left", "shift+left", "extend(-1)", "extend", "Extend the selection one morpheme left",
            "shift+←", "New entity", "new", footer_show=False),
    Command("extend_right", "shift+right", "extend(1)", "extend", "Extend the selection one morpheme right",
            "shift+→", "New entity", "new", key_display="shift+←→"),
    *[Command(f"new_label_{n}", str(n), f"create({n})", "label", f"Create the entity with label {n}",
              "1..9", "New entity", "new,label", footer_show=n == 1, group=_LABEL_KEYS) for n in range(1, 10)],
    Command("new_confirm", "enter", "confirm_extent", "then label", "Keep this extent, then press a label key",
            "enter", "New entity", "new"),
    Command("new_cancel", "escape", "cancel", "cancel", "Cancel", "escape", "New entity", "new,label,find"),
]

BY_ACTION_NAME = {c.action.split("(")[0]: c for c in COMMANDS}


def bindings() -> list[Binding]:
    return [Binding(c.keys, c.action, c.footer, show=c.footer_show, id=c.id, tooltip=c.help, group=c.group,
                    key_display="1-9" if c.group is _LABEL_KEYS else c.key_display)
            for c in COMMANDS]


def help_sections() -> dict[str, list[tuple[str, str]]]:
    """{section: [(keys as written, description)]}, one line per distinct command."""
    sections: dict[str, list[tuple[str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for c in COMMANDS:
        desc = c.help if not c.id.startswith(("label_", "new_label_")) else (
            "Give the focused entity the N-th label (a pending one is accepted with it)"
            if c.id.startswith("label_") else "Create the entity with the N-th label")
        if (c.shown, desc) in seen:
            continue
        seen.add((c.shown, desc))
        sections.setdefault(c.section, []).append((c.shown, desc))
    return sections
