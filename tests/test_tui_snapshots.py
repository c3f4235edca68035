"""SVG snapshots of each screen at fixed sizes (pytest-textual-snapshot; update with --snapshot-update).

State is seeded through the store and Kiwi runs in-process (test_tui_support), so a snapshot only
changes when the app's look, the fixture articles or their cleaning change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_support import copy_corpus, make, seed, seed_naver, settle

from annotator.store import Store


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = copy_corpus(tmp_path)
    seed_naver(root)
    with Store.open(root.parent / "labels.sqlite3", root, "kim") as store:
        for span_id in ("s1", "s3", "s4", "s5"):
            store.accept("001-naver.txt", span_id)
        store.reject("001-naver.txt", "s2")
    return root


def _run(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_main_wide(corpus: Path, snap_compare):
    # focus starts on s6 (the first pending); j j: the relation row, both of its spans lit
    assert snap_compare(make(corpus), terminal_size=(120, 36), run_before=_run("j", "j"))


def test_main_80x24(corpus: Path, snap_compare):
    assert snap_compare(make(corpus), terminal_size=(80, 24), run_before=_run("j"))


def test_main_new_entity_mode(corpus: Path, snap_compare):
    assert snap_compare(make(corpus), terminal_size=(100, 30), run_before=_run("n", "shift+right"))


def test_markup_and_escapes_show_literally(corpus: Path, snap_compare):
    seed(corpus, "003-markup.txt", [("삼성전자", "ORG", 0), ("미국", "LOC", 0)])
    assert snap_compare(make(corpus), terminal_size=(100, 24), run_before=_run("full_stop", "full_stop"))


def test_help_screen(corpus: Path, snap_compare):
    assert snap_compare(make(corpus), terminal_size=(100, 40), run_before=_run("question_mark"))


def test_article_list(corpus: Path, snap_compare):
    assert snap_compare(make(corpus), terminal_size=(100, 24), run_before=_run("g"))


def test_relation_picker(corpus: Path, snap_compare):
    # focus starts on the first pending item (s6); k k: s4 최수연 (PER), whose choices are leads/works_for...
    assert snap_compare(make(corpus), terminal_size=(100, 30), run_before=_run("k", "k", "r"))
