"""Drawing article text: literal (never markup), control characters made visible, wrapping in cells."""

from __future__ import annotations

import subprocess
import sys

from rich.cells import cell_len
from textual.app import App, ComposeResult

from annotator.tui.render import shown
from annotator.tui.widgets.article_view import DISPLAY, ArticleView, wrap

HOSTILE = "제목 [bold]굵게[/bold]\n\n본문 [@click=app.quit]클릭[/] \x1b[31m빨강\x1b[0m \x9b끝\u202e"


def test_control_characters_are_replaced_one_for_one():
    shown_text = HOSTILE.translate(DISPLAY)
    assert len(shown_text) == len(HOSTILE)  # offsets still map one character to one
    assert "\x1b" not in shown_text and "\x9b" not in shown_text and "\u202e" not in shown_text
    assert "␛[31m" in shown_text and "[bold]" in shown_text


def test_wrap_breaks_at_spaces_in_terminal_cells():
    text = "가나다 라마바 사아자 ABC\n\nxyz"
    rows = wrap(text, 10)
    assert all(cell_len(text[a:b].rstrip()) <= 10 for a, b in rows)
    assert "".join(text[a:b] for a, b in rows).replace("\n", "") == text.replace("\n", "")
    assert text[rows[0][0]:rows[0][1]] == "가나다 "  # Hangul is two cells wide


def test_panel_text_is_flat_and_safe():
    assert shown("a\nb\x1bc", 10) == "a⏎b␛c"
    assert shown("x" * 50, 10).endswith("…")


class _Harness(App):
    def compose(self) -> ComposeResult:
        yield ArticleView(id="text")


async def test_article_view_draws_markup_literally_and_no_escape():
    app = _Harness()
    async with app.run_test(size=(60, 10)) as pilot:
        view = app.query_one(ArticleView)
        view.set_text(HOSTILE)
        await pilot.pause()
        drawn = "".join(seg.text for y in range(view.size.height) for seg in view.render_line(y))
        assert "[bold]굵게[/bold]" in drawn and "[@click=app.quit]클릭[/]" in drawn
        assert "\x1b" not in drawn and "\x9b" not in drawn
        assert app.is_running  # the [@click=app.quit] text did nothing


def test_domain_modules_import_no_textual():
    code = ("import sys, annotator.editing, annotator.tui, annotator.tui.workspace; "
            "sys.exit('textual' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
