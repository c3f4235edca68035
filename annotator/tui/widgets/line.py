"""A one-row text widget that repaints without a layout pass.

`Static.update` asks for a new layout, which re-renders the whole screen (tens of ms with a
long article); a status line of fixed height only needs its own row redrawn.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class Line(Widget):
    DEFAULT_CSS = """
    Line { height: 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = Text()

    def set(self, text: Text) -> None:
        """Show `text` (plain data, never markup); repaints only when it changed."""
        if text == self._text:
            return
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text
