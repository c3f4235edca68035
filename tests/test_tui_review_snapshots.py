"""SVG snapshots of the gold review screen (update with --snapshot-update), at fixed sizes over
two analysts' labels built through the Store API; nothing on it shows a date or time."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_review import build_two, review_app


@pytest.fixture
def corpus(tmp_corpus: Path) -> Path:
    build_two(tmp_corpus)
    return tmp_corpus


def _press(*keys: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


def test_review_wide(corpus: Path, snap_compare):
    # a: kim's 네이버 클라우드 (focus moves to 미국); 1: kim's 미국 LOC edited to PER, shown as the reviewer's own
    assert snap_compare(review_app(corpus), terminal_size=(120, 32), run_before=_press("a", "1"))


def test_review_80x24(corpus: Path, snap_compare):
    # the panel goes below the text; focus on the second relation conflict (leads vs works_for)
    assert snap_compare(review_app(corpus), terminal_size=(80, 24), run_before=_press(*["j"] * 8))
