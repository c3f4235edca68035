"""The side panel: one row per entity and relation (label, text, status, source), the focused one lit.

Rows arrive as `rich.text.Text` built from plain strings by the screen (never markup), and are
drawn line by line, so a panel of hundreds of items repaints only what is visible.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

FOCUS = Style(reverse=True, bold=True)


class ItemPanel(ScrollView, can_focus=False):
    DEFAULT_CSS = """
    ItemPanel { padding: 0 1; overflow-x: hidden; }
    """

    class Clicked(Message):
        """The analyst clicked the panel row of item `item_id`."""

        def __init__(self, item_id: str) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[tuple[str | None, Text]] = []  # (item id or None for a heading, text)
        self._focus_row = -1
        self._cache: dict[int, Strip] = {}

    def set_rows(self, rows: list[tuple[str | None, Text]], focus_id: str | None) -> None:
        old, self._rows = self._rows, rows
        if len(old) != len(rows):
            self._cache.clear()
            self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
            self.refresh()
        else:  # same rows but a few: keep their drawn lines, redraw the rest
            for i, (before, after) in enumerate(zip(old, rows, strict=True)):
                if before != after:
                    self._refresh_row(i)
        self.set_focus_id(focus_id)

    def _refresh_row(self, row: int) -> None:
        self._cache.pop(row, None)
        top = int(self.scroll_offset.y)
        if top <= row < top + self.size.height:
            self.refresh(Region(0, row - top, self.size.width, 1))

    def set_focus_id(self, focus_id: str | None) -> None:
        old = self._focus_row
        self._focus_row = next((i for i, (rid, _) in enumerate(self._rows) if rid == focus_id and rid), -1)
        if old != self._focus_row:
            self._refresh_row(old)
            self._refresh_row(self._focus_row)
        if self._focus_row >= 0:  # after the refresh, so a new virtual size is already in force
            self.call_after_refresh(self._scroll_to_focus)

    def _scroll_to_focus(self) -> None:
        if 0 <= self._focus_row < len(self._rows):
            self.scroll_to_region(Region(0, self._focus_row, 1, 1), animate=False, immediate=True)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows))

    def render_line(self, y: int) -> Strip:
        row = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if row >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(row)
        if strip is None:
            text = self._rows[row][1].copy()
            text.no_wrap = True
            text.truncate(width, overflow="ellipsis", pad=True)
            if row == self._focus_row:
                text.stylize(FOCUS)
            segments = list(text.render(self.app.console))
            strip = Strip(segments).apply_style(self.rich_style).adjust_cell_length(width, self.rich_style)
            self._cache[row] = strip
        return strip

    def on_click(self, event) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_offset.y)
        if 0 <= row < len(self._rows) and self._rows[row][0]:
            self.post_message(self.Clicked(self._rows[row][0]))
