"""The stats screen: `s` in the app opens it; an SVG snapshot at 80x24 over two analysts' work with
every event's time frozen (two fixed days), so labels per day never depend on today."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_review import build_two, review_app

from annotator.models import Span
from annotator.store import Store
from annotator.tui.screens.stats import StatsScreen

DAY1, DAY2 = "2024-05-02T09:00:00.000+00:00", "2024-05-03T10:30:00.000+00:00"


@pytest.fixture
def corpus(tmp_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("annotator.store.schema.now", lambda: DAY1)
    build_two(tmp_corpus)
    monkeypatch.setattr("annotator.store.schema.now", lambda: DAY2)
    galaxy = Span(id="g", start=5, end=8, label="PRODUCT", text="갤럭시", source="gazetteer", score=0.9)
    for name, decide in (("kim", Store.reject), ("lee", Store.accept)):  # one suggestion, kept by one of two
        with Store.open(None, tmp_corpus, name) as store:
            store.add_suggestions("a2.txt", [galaxy], [])
            decide(store, "a2.txt", store.spans("a2.txt")[-1].id)
    return tmp_corpus


async def _open_stats(pilot) -> None:
    await pilot.pause()
    pilot.app.action_stats()  # what `s` and the palette's "Stats" run
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_stats_80x24(corpus: Path, snap_compare):
    assert snap_compare(review_app(corpus), terminal_size=(80, 24), run_before=_open_stats)


async def test_stats_report_and_close(corpus: Path):
    app = review_app(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_stats(pilot)
        assert isinstance(app.screen, StatsScreen)
        report = app.screen.report
        assert list(report["per_day"]) == ["2024-05-02", "2024-05-03"]
        assert report["progress"]["done_by_two_or_more"] == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, StatsScreen)
    app.shutdown()


async def test_s_opens_stats_from_the_labelling_screen(corpus: Path):
    from test_tui_support import make

    app = make(corpus, "choi")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        await pilot.app.workers.wait_for_complete()
    app.shutdown()
