"""The article text with its spans highlighted, drawn line by line (Textual's Line API).

The text is data, never markup: rows are built from plain `Segment`s of the text, so `[bold]`
or `[@click=app.quit]` in an article is drawn as written. Control characters (ESC and the
rest of C0/C1, bidi overrides) are replaced one-for-one by visible stand-ins when drawing,
so no escape sequence reaches the terminal and offsets still map one character to one.
Wrapping is done here, in terminal cells (Hangul is two cells wide), and remembered per
width; a highlight change only re-renders the visible rows.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


def _display_table() -> dict[int, str]:
    table = {c: chr(0x2400 + c) for c in range(0x20)}  # C0 -> control pictures (ESC -> ␛)
    table[0x09] = " "
    table[0x7F] = "␡"
    table.update({c: "�" for c in range(0x80, 0xA0)})  # C1 controls
    table.update({c: "�" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})  # bidi overrides
    return table


DISPLAY = _display_table()


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    style: Style


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) character ranges of each screen row; paragraphs break at '\\n', rows at spaces."""
    width = max(width, 4)
    rows: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        p_end = pos + len(para)
        if pos == p_end:
            rows.append((pos, pos))
        row_start = pos
        cells = 0
        last_space = -1
        i = pos
        while i < p_end:
            w = get_character_cell_size(text[i])
            if cells + w > width and i > row_start:
                cut = last_space + 1 if last_space >= row_start else i
                rows.append((row_start, cut))
                row_start = cut
                last_space = -1
                cells = sum(get_character_cell_size(c) for c in text[row_start:i])
                continue
            if text[i] == " ":
                last_space = i
            cells += w
            i += 1
        if row_start < p_end:
            rows.append((row_start, p_end))
        pos = p_end + 1
    return rows


class ArticleView(ScrollView, can_focus=False):
    """Shows one article; the screen sets `set_text` and `set_highlights`, and hears `Clicked`."""

    DEFAULT_CSS = """
    ArticleView { padding: 0 1; overflow-x: hidden; }
    """

    class Clicked(Message):
        """The analyst clicked character `offset` of the text."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = ""
        self._display = ""
        self._title_end = 0
        self._highlights: list[Highlight] = []
        self._hl_starts: list[int] = []
        self._max_len = 0
        self._rows: list[tuple[int, int]] = []
        self._row_starts: list[int] = []
        self._wrap_width = -1
        self._cache: dict[int, Strip] = {}
        self._scroll_target: tuple[int, int] | None = None

    # -- attributes down -----------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        self._text = text
        self._display = text.translate(DISPLAY)
        self._title_end = text.find("\n") if "\n" in text else len(text)
        self._wrap_width = -1
        self._relayout()
        self.scroll_to(0, 0, animate=False)

    def set_highlights(self, highlights: list[Highlight]) -> None:
        """Layers, drawn in order: later ones (focus, cursor, find) combine over earlier ones (spans)."""
        new = sorted(highlights, key=lambda h: h.start)
        changed = set(self._highlights).symmetric_difference(new)
        self._highlights = new
        self._hl_starts = [h.start for h in new]
        self._max_len = max((h.end - h.start for h in new), default=0)
        if not self._rows or len(changed) > 40:
            self._cache.clear()
            self.refresh()
            return
        # Redraw only the rows whose look changed: a key press usually touches one or two spans.
        rows: set[int] = set()
        for h in changed:
            rows.update(range(self.row_of(h.start), self.row_of(max(h.start, h.end - 1)) + 1))
        top, height, width = int(self.scroll_offset.y), self.size.height, self.size.width
        for row in rows:
            self._cache.pop(row, None)
            if top <= row < top + height:
                self.refresh(Region(0, row - top, width, 1))

    def scroll_to_offsets(self, start: int, end: int) -> None:
        """Scroll just enough for the rows holding [start, end) to be visible."""
        self._scroll_target = (start, end)
        self.call_after_refresh(self._scroll_to_target)  # once the rows for the current width exist

    def _scroll_to_target(self) -> None:
        if not self._rows or self._scroll_target is None:
            return
        start, end = self._scroll_target
        top = self.row_of(start)
        bottom = self.row_of(max(start, end - 1))
        self.scroll_to_region(Region(0, top, 1, bottom - top + 1), animate=False, immediate=True)

    def row_of(self, offset: int) -> int:
        return max(0, bisect_right(self._row_starts, offset) - 1)

    @property
    def first_visible_offset(self) -> int:
        row = min(int(self.scroll_offset.y), len(self._rows) - 1)
        return self._rows[row][0] if row >= 0 else 0

    # -- layout and drawing ---------------------------------------------------------------------

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrap_width:
            return
        self._wrap_width = width
        self._rows = wrap(self._text, width)
        self._row_starts = [r[0] for r in self._rows]
        self._cache.clear()
        self.virtual_size = Size(width, len(self._rows))
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()

    def render_line(self, y: int) -> Strip:
        self._relayout()
        row = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if row >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(row)
        if strip is None:
            strip = self._render_row(row, width)
            self._cache[row] = strip
        return strip

    def _render_row(self, row: int, width: int) -> Strip:
        start, end = self._rows[row]
        base = self.rich_style
        if start < self._title_end:
            base = base + Style(bold=True)
        # highlights touching [start, end): bisect by start, the longest one bounds the look-back
        lo = bisect_right(self._hl_starts, start - self._max_len - 1)
        hi = bisect_right(self._hl_starts, end)
        layers = [h for h in self._highlights[lo:hi] if h.end > start and h.start < end]
        cuts = sorted({start, end, *(max(h.start, start) for h in layers), *(min(h.end, end) for h in layers)})
        segments = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            style = base
            for h in layers:
                if h.start <= a and h.end >= b:
                    style = style + h.style
            segments.append(Segment(self._display[a:b], style))
        return Strip(segments).adjust_cell_length(width, base)

    # -- messages up ----------------------------------------------------------------------------

    def on_click(self, event) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_offset.y)
        if not 0 <= row < len(self._rows):
            return
        start, end = self._rows[row]
        cells = 0
        for i in range(start, end):
            cells += get_character_cell_size(self._text[i])
            if cells > offset.x:
                self.post_message(self.Clicked(i))
                return
