"""Every command of the main screen, defined once: its keys, action, Footer hint, help line and
palette entry all come from here (the help screen and the command palette read this list).

`mode` says when a command applies: "review" (the normal screen), "new" (choosing a new
entity's extent) or "label" (waiting for the new entity's label); "gold" commands belong to the
gold review screen (GOLD_COMMANDS, screens/review.py). The screen's `check_action` hides commands
of other modes and dims the ones that do nothing right now.
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
    Command("stats", "s", "stats", "stats", "Stats: progress per analyst, labels per day and label, "
            "suggestion acceptance", "s", "Articles", footer_show=False, palette=True),
    Command("review", "G", "app.review", "gold", "Gold review: settle the conflicts of articles two or more "
            "analysts finished", "G", "Articles", footer_show=False, palette=True),
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

# The gold review screen (screens/review.py): the main screen's keys where they mean the same thing.
GOLD_COMMANDS: list[Command] = [
    Command("gold_next", "j,down", "gold_focus(1)", "next", "Next version (who said what) of the conflicts",
            "j / ↓", "Gold review", "gold", footer_show=False),
    Command("gold_prev", "k,up", "gold_focus(-1)", "prev", "Previous version of the conflicts", "k / ↑",
            "Gold review", "gold", footer_show=False),
    Command("gold_pick", "a", "pick", "pick", "Take the focused analyst's version of this conflict into gold",
            "a", "Gold review", "gold"),
    Command("gold_drop", "x", "drop", "drop", "Drop this conflict: none of it goes into gold", "x",
            "Gold review", "gold"),
    *[Command(f"gold_label_{n}", str(n), f"gold_relabel({n})", "label", "Edit: give the conflict's entity the "
              "N-th label (the focused version is taken first)", "1..9", "Gold review", "gold",
              footer_show=n == 1, group=_LABEL_KEYS) for n in range(1, 10)],
    Command("gold_end_left", "left_square_bracket", "gold_end(-1)", "edges", "Edit: move the conflict's entity "
            "end one morpheme left (the focused version is taken first)", "[", "Gold review", "gold",
            group=_EDGE_KEYS, key_display="[ ] { }"),
    Command("gold_end_right", "right_square_bracket", "gold_end(1)", "end→", "Edit: move its end one morpheme "
            "right", "]", "Gold review", "gold", group=_EDGE_KEYS, footer_show=False),
    Command("gold_start_left", "left_curly_bracket", "gold_start(-1)", "start←", "Edit: move its start one "
            "morpheme left", "{", "Gold review", "gold", group=_EDGE_KEYS, footer_show=False),
    Command("gold_start_right", "right_curly_bracket", "gold_start(1)", "start→", "Edit: move its start one "
            "morpheme right", "}", "Gold review", "gold", group=_EDGE_KEYS, footer_show=False),
    Command("gold_reopen", "u,ctrl+z", "reopen", "reopen", "Take back this conflict's decision", "u / ctrl+z",
            "Gold review", "gold"),
    Command("gold_write", "enter", "write_gold", "write gold", "Write the article's gold version (every conflict "
            "settled) and open the next article to review", "enter", "Gold review", "gold"),
    Command("gold_next_article", "pagedown,full_stop", "gold_article(1)", "next art.", "Next article to review",
            "pagedown / .", "Gold review", "gold", footer_show=False),
    Command("gold_prev_article", "pageup,comma", "gold_article(-1)", "prev art.", "Previous article to review",
            "pageup / ,", "Gold review", "gold", footer_show=False),
    Command("gold_help", "question_mark", "help", "help", "This help", "?", "Gold review", "gold"),
    Command("gold_back", "escape,q", "back", "back", "Leave the review (quits when opened by annotate review)",
            "esc / q", "Gold review", "gold"),
]

BY_ACTION_NAME = {c.action.split("(")[0]: c for c in COMMANDS}
GOLD_BY_ACTION_NAME = {c.action.split("(")[0]: c for c in GOLD_COMMANDS}


def bindings(commands: list[Command] | None = None) -> list[Binding]:
    return [Binding(c.keys, c.action, c.footer, show=c.footer_show, id=c.id, tooltip=c.help, group=c.group,
                    key_display="1-9" if c.group is _LABEL_KEYS else c.key_display)
            for c in (COMMANDS if commands is None else commands)]


def help_sections() -> dict[str, list[tuple[str, str]]]:
    """{section: [(keys as written, description)]}, one line per distinct command."""
    sections: dict[str, list[tuple[str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for c in [*COMMANDS, *GOLD_COMMANDS]:
        desc = c.help if not c.id.startswith(("label_", "new_label_")) else (
            "Give the focused entity the N-th label (a pending one is accepted with it)"
            if c.id.startswith("label_") else "Create the entity with the N-th label")
        if (c.shown, desc) in seen:
            continue
        seen.add((c.shown, desc))
        sections.setdefault(c.section, []).append((c.shown, desc))
    return sections
