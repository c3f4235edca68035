"""The main screen's footer: the keys that matter now, dimmed when they would do nothing.

Textual's Footer rebuilds its widgets (and the screen's layout) whenever a binding's state
changes, which here is on most key presses; this bar is one row of text repainted in place.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.message import Message

from annotator.tui.keys import Command
from annotator.tui.widgets.line import Line

KEY = Style(bold=True, color="#ffaf00")
DIM_KEY = Style(dim=True)


class KeyBar(Line):
    DEFAULT_CSS = """
    KeyBar { height: 1; background: $panel; }
    """

    def on_resize(self) -> None:
        self.post_message(self.Resized())

    class Resized(Message):
        """The bar's width changed: the screen redraws it, since wide terminals show more keys."""

    def show(self, commands: list[Command], state: Callable[[Command], bool | None]) -> None:
        """`state(command)` is check_action's answer: True shown, None dimmed, False hidden."""
        t = Text(no_wrap=True, overflow="ellipsis")
        seen: set[tuple[str, str]] = set()
        wide = self.size.width >= 110
        for c in commands:
            if not (c.footer_show or (wide and c.footer_wide)):
                continue
            enabled = state(c)
            if enabled is False:
                continue
            keys = c.key_display or ("1-9" if c.id.startswith(("label_", "new_label_")) else _short(c.keys))
            if (keys, c.footer) in seen:
                continue
            seen.add((keys, c.footer))
            t.append(" ")
            t.append(keys, style=KEY if enabled else DIM_KEY)
            t.append(f" {c.footer}", style="" if enabled else "dim")
        self.set(t)


_NAMES = {"enter": "⏎", "escape": "esc", "question_mark": "?", "slash": "/", "left": "←", "right": "→",
          "shift+right": "shift+→", "shift+left": "shift+←", "ctrl+z": "^z", "ctrl+y": "^y"}


def _short(keys: str) -> str:
    first = keys.split(",")[0]
    return _NAMES.get(first, first)
