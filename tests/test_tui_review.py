"""The gold review screen: two analysts' labels built through the Store API, adjudicated with the
real keys, then the gold version checked in the store. Also `annotate review` on the command line."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from annotator.agreement.model import SpanKey, Version
from annotator.agreement.source import final_version
from annotator.cli import main
from annotator.labels import PACKAGED
from annotator.store import Store, default_db_path

TEXT = "네이버 클라우드 이해진 의장 미국 카카오 3곳"
SAME = "삼성전자 갤럭시 출시"  # both analysts agree: nothing to review
D1, D2 = "a1.txt", "a2.txt"
NC, N, PER = SpanKey(0, 8, "ORG"), SpanKey(0, 3, "ORG"), SpanKey(9, 12, "PER")
US_LOC, KAKAO = SpanKey(16, 18, "LOC"), SpanKey(19, 22, "ORG")


def _at(surface: str) -> tuple[int, int, str]:
    i = TEXT.index(surface)
    return i, i + len(surface), surface


def build_two(corpus: Path) -> Path:
    """kim and lee finish a1 differently (one conflict of each kind) and a2 the same way."""
    (corpus / D1).write_text(TEXT, encoding="utf-8")
    (corpus / D2).write_text(SAME, encoding="utf-8")
    for name, spans, rels in (
        ("kim", [("네이버 클라우드", "ORG"), ("이해진", "PER"), ("미국", "LOC"), ("카카오", "ORG")],
         [("이해진", "네이버 클라우드", "leads"), ("이해진", "카카오", "leads")]),
        ("lee", [("네이버", "ORG"), ("이해진", "PER"), ("미국", "ORG"), ("카카오", "ORG"), ("3곳", "QUANTITY")],
         [("이해진", "카카오", "works_for")]),
    ):
        with Store.open(None, corpus, name) as store:
            for doc_id, text in ((D1, TEXT), (D2, SAME)):
                store.ensure_article(doc_id, hashlib.sha256(text.encode()).hexdigest(), text)
            ids = {surface: store.add_span(D1, *_at(surface)[:2], label, surface) for surface, label in spans}
            for head, tail, label in rels:
                store.add_relation(D1, ids[head], ids[tail], label)
            store.mark_done(D1)
            store.add_span(D2, 0, 4, "ORG", "삼성전자")
            store.mark_done(D2)
    return default_db_path(corpus)


def review_app(corpus: Path, reviewer: str = "choi"):
    from annotator.tui import make_app

    return make_app(corpus, default_db_path(corpus), reviewer, PACKAGED, start="review")


@pytest.fixture
def corpus(tmp_corpus: Path) -> Path:
    build_two(tmp_corpus)
    return tmp_corpus


def focus(app) -> str:
    return app.screen.focus_id


async def test_adjudicate_an_article_into_gold(corpus: Path):
    app = review_app(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.state.doc_id == D1
        assert [c.kind for c in screen.state.adj.conflicts] == ["boundary", "label", "missing", "relation",
                                                                 "relation"]
        assert focus(app) == "s0-8|kim"
        await pilot.press("enter")  # conflicts still open: refused with a notice, nothing written
        assert app.ws.store.status(D1, "gold") != "done"
        await pilot.press("a")  # 네이버 클라우드 ORG (kim); focus moves to the next open conflict
        assert focus(app) == "s16-18|kim"
        await pilot.press("j", "4")  # edit: lee's 미국 ORG relabelled LOC (the 4th label)
        await pilot.press("j", "x")  # 3곳: dropped
        assert focus(app) == "r0-8:9-12|kim"
        await pilot.press("a")  # leads(이해진 -> 네이버 클라우드)
        await pilot.press("j", "a")  # works_for(이해진 -> 카카오), lee's
        assert screen.state.adj.unresolved() == []
        await pilot.press("enter")
        await pilot.pause()
    app.shutdown()
    with Store.open(None, corpus, "choi") as store:
        gold = final_version(store, D1, "gold")
        assert gold == Version.of([NC, PER, US_LOC, KAKAO], [(PER, "leads", NC), (PER, "works_for", KAKAO)])
        assert store.status(D1, "gold") == "done"
        sources = {(s.start, s.end): s.source for s in store.spans(D1, "gold")}
        assert sources[(9, 12)] == "agreed:choi" and sources[(16, 18)] == "review:choi"
        # a2 had no conflict: its agreed labels went into gold as soon as it opened
        assert final_version(store, D2, "gold") == Version.of([(0, 4, "ORG")])
        assert store.status(D2, "gold") == "done"
        assert final_version(store, D1, "lee").spans == {N, PER, SpanKey(16, 18, "ORG"), KAKAO,
                                                         SpanKey(23, 25, "QUANTITY")}


async def test_each_decision_is_kept_across_a_restart(corpus: Path):
    app = review_app(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j", "a")  # lee's 네이버 ORG
        await pilot.press("k", "right_square_bracket")  # back to it; edit: its end one unit right, 네이버 클라우드
        assert app.screen.state.adj.resolutions["s0-8"] == Version.of([NC])
        await pilot.press("q")
    app.shutdown()
    app = review_app(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        adj = app.screen.state.adj
        assert adj.resolutions == {"s0-8": Version.of([NC])}
        await pilot.press("u")  # taken back
        assert adj.resolutions == {}
    app.shutdown()


async def test_refused_edits_are_notices_not_crashes(corpus: Path):
    app = review_app(corpus)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*["j"] * 6, "1")  # a relation conflict has no entity to relabel: dimmed, no-op
        await pilot.press("k", "k", "a")  # 3곳 "nothing" (kim) picked
        await pilot.press("left_square_bracket")  # nothing to edit
        assert app.screen.is_current
        assert app.screen.state.adj.resolutions.get("s23-25") == Version()
    app.shutdown()


async def test_review_from_the_app_palette_key(corpus: Path):
    from test_tui_support import make

    app = make(corpus, "choi")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        from annotator.tui.screens.review import ReviewScreen

        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, ReviewScreen)
    app.shutdown()


def test_cli_review_help(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["review", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "CORPUS" in out and "--annotator" in out and "--db" in out


def test_cli_review_bad_input_exits_2(tmp_path: Path, capsys):
    assert main(["review", str(tmp_path / "nowhere")]) == 2
    assert "no such corpus folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["review", str(tmp_path / "empty")]) == 2  # no store: never created by review
    assert "no annotation store" in capsys.readouterr().err
    assert not default_db_path(tmp_path / "empty").exists()
    with pytest.raises(SystemExit) as exc:
        main(["review"])
    assert exc.value.code == 2


async def test_palette_and_help_come_from_the_key_registry(corpus: Path):
    from test_tui_support import make

    from annotator.tui import keys
    from annotator.tui.screens.review import ReviewScreen
    from annotator.tui.screens.stats import StatsScreen

    sections = keys.help_sections()
    assert ("a", "Take the focused analyst's version of this conflict into gold") in sections["Gold review"]
    assert ("s", keys.BY_ACTION_NAME["stats"].help) in sections["Articles"]
    app = make(corpus, "choi")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        review = next(c for t, c in commands.items() if t.startswith("Gold review"))
        stats = next(c for t, c in commands.items() if t.startswith("Stats"))
        review.callback()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        over_review = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Stats") for t in over_review)
        assert not any(t.startswith("Undo") for t in over_review)  # the article's commands: labelling only
        stats.callback()  # run over the review screen, which stays open beneath the stats
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        assert isinstance(app.screen_stack[-2], ReviewScreen)
        await app.workers.wait_for_complete()
    app.shutdown()
