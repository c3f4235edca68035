"""Pilot tests: each flow driven with the real keys of issue 4's table, then checked in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_tui_support import copy_corpus, make, rows, seed, seed_naver, settle

from annotator.errors import RuntimeFailure
from annotator.store import Store
from annotator.tui.widgets.item_panel import ItemPanel


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return copy_corpus(tmp_path)


async def test_accept_reject_and_focus_moves_on(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.focus_id == "s1"
        await pilot.press("a")
        assert rows(app)["s1"].status == "accepted"
        assert app.main.focus_id == "s2"  # the next pending suggestion
        await pilot.press("x")
        assert rows(app)["s2"].status == "rejected"
        assert app.main.focus_id == "s3"  # s2 is hidden now
        await pilot.press("j", "k")
        assert app.main.focus_id == "s3"
        assert "s2" not in app.main._items()
        await pilot.press("R")  # show rejected
        assert "s2" in app.main._items()
    app.shutdown()


async def test_accept_all_accepts_spans_and_relations(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        assert {s.status for s in rows(app).values()} == {"accepted"}
        assert [r.status for r in app.ws.store.relations("001-naver.txt")] == ["accepted"]
        assert app.active_bindings["A"].enabled is False  # nothing pending: dimmed
    app.shutdown()


async def test_relabel_with_a_number_key(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")  # s3 "지난 5일" DATE
        assert app.main.focus_id == "s3"
        await pilot.press("2")  # ORG, the second label of labels.yaml
        s3 = rows(app)["s3"]
        assert (s3.label, s3.status) == (app.ws.schema.entities[1].name, "accepted")
    app.shutdown()


async def test_boundary_edits_snap_to_morphemes(corpus: Path):
    text = seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        assert app.main.focus_id == "s2"
        await pilot.press("left_square_bracket")  # [ : drop the particle
        assert rows(app)["s2"].text == "네이버"
        await pilot.press("right_square_bracket")  # ] : take it back
        assert rows(app)["s2"].text == "네이버는"
        await pilot.press("left_square_bracket")
        s2 = rows(app)["s2"]
        await pilot.press("right_curly_bracket")  # } : a span keeps at least one morpheme
        assert rows(app)["s2"] == s2
        # s3 "지난 5일": { takes the preceding morpheme (refused: s2 is there), } drops "지난"
        await pilot.press("j")
        await pilot.press("left_curly_bracket")
        assert rows(app)["s3"].text == "는 지난 5일"  # the particle is free now that s2 gave it up
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        s3 = rows(app)["s3"]
        assert s3.text == "5일" and text[s3.start:s3.end] == "5일"
        assert s3.status == "accepted"  # an edited suggestion is kept
    app.shutdown()


async def test_an_edit_that_would_overlap_is_refused_with_a_notice(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j", "left_curly_bracket")  # s2 starts its line: { would cross a line break
        assert rows(app)["s2"].text == "네이버는"
        assert "line break" in app.main.flash.plain
    app.shutdown()


async def test_new_entity_with_cursor_and_label_key(corpus: Path):
    text = seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"하이퍼클로바")
        await pilot.press("enter", "escape")
        assert app.main.mode == "review" and app.main.match is not None
        await pilot.press("n")  # the cursor starts on the find match
        assert app.main.mode == "new"
        await pilot.press("3")  # PRODUCT
        new = [s for s in rows(app).values() if s.source == "manual"]
        assert [(s.text, s.label, s.status) for s in new] == [("하이퍼클로바X", "PRODUCT", "accepted")]
        assert text[new[0].start:new[0].end] == "하이퍼클로바X"
        assert app.main.focus_id == new[0].id
    app.shutdown()


async def test_new_entity_extend_then_enter_then_label(corpus: Path):
    seed(corpus, "002-kakao.txt", [("정신아", "PER", 0)])
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("full_stop")  # the second article
        await settle(pilot)
        await pilot.press("n")  # the cursor starts on the morpheme after the focused entity
        assert app.main.cursor.text == "카카오"
        await pilot.press("escape")
        assert app.main.mode == "review"
        await pilot.press("n", "right", "left", "shift+right", "shift+right", "shift+left")
        assert app.main.cursor.text == "카카오 대표"
        await pilot.press("enter")
        assert app.main.mode == "label"
        await pilot.press("2")
        new = [s for s in rows(app).values() if s.source == "manual"]
        assert [(s.text, s.label) for s in new] == [("카카오 대표", "ORG")]
    app.shutdown()


async def test_new_relation_from_the_picker(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")  # s4 최수연 PER
        assert app.main.focus_id == "s4"
        await pilot.press("r")
        picker = app.screen
        assert type(picker).__name__ == "RelationPicker"
        labels = {c[2] for c, _ in picker.options}
        assert labels <= {"leads", "works_for", "invests_in", "founded", "alias_of"}
        await pilot.press(*"라인야후")  # filter the list to one entity
        await pilot.press("down", "enter")
        rels = app.ws.store.relations("001-naver.txt")
        new = [r for r in rels if r.source == "manual"]
        assert len(new) == 1 and new[0].head == "s4" and new[0].tail == "s7"
        assert app.main.focus_id == new[0].id
    app.shutdown()


async def test_delete_span_and_relation(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        assert "s1" not in rows(app)
        assert app.main.focus_id == "s2"
        items = app.main._items()
        app.main._focus(items[-1])  # the relation, last in the panel
        await pilot.press("d")
        assert app.ws.store.relations("001-naver.txt") == []
    app.shutdown()


async def test_undo_and_redo(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.active_bindings["u"].enabled is False
        await pilot.press("a")
        assert rows(app)["s1"].status == "accepted"
        await pilot.press("u")
        assert rows(app)["s1"].status == "pending"
        await pilot.press("ctrl+y")
        assert rows(app)["s1"].status == "accepted"
        await pilot.press("ctrl+z")
        assert rows(app)["s1"].status == "pending"
    app.shutdown()


async def test_mark_done_opens_the_next_article_not_done(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.ws.store.status("001-naver.txt") == "done"
        assert app.main.state.doc_id == "002-kakao.txt"
        await pilot.press("full_stop")
        await settle(pilot)
        assert app.main.state.doc_id == "003-markup.txt"
        await pilot.press("comma", "comma")
        await settle(pilot)
        assert app.main.state.doc_id == "001-naver.txt"
    app.shutdown()


async def test_resume_after_restart(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a", "pagedown")
        await settle(pilot)
        assert app.main.state.doc_id == "002-kakao.txt"
        await pilot.press("q")
    app.shutdown()
    again = make(corpus)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert again.main.state.doc_id == "002-kakao.txt"
        await pilot.press("pageup")
        await settle(pilot)
        assert rows(again)["s1"].status == "accepted"
        await pilot.press("u")  # undo works across restarts
        assert rows(again)["s1"].status == "pending"
    again.shutdown()


async def test_article_list_filter_search_and_open(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # 001 done
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        lst = app.screen
        assert type(lst).__name__ == "ArticleList" and len(lst.shown_rows) == 4
        await pilot.press("tab", "tab", "tab")  # all -> new -> in progress -> done
        assert lst.filter == "done" and [r.doc_id for r in lst.shown_rows] == ["001-naver.txt"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert lst.filter == "all"
        await pilot.press(*"SK텔레콤")
        assert [r.doc_id for r in lst.shown_rows] == ["004-sk.txt"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is app.main and app.main.state.doc_id == "004-sk.txt"
    app.shutdown()


async def test_mouse_click_focuses_a_panel_row_and_a_span(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        panel = app.main.query_one(ItemPanel)
        await pilot.click(ItemPanel, offset=(5, 3))  # row 0 is the heading, row 3 is s3
        assert app.main.focus_id == "s3"
        await pilot.click("#text", offset=(2, 0))  # the title's first word: s1
        assert app.main.focus_id == "s1"
        assert panel._focus_row == 1
    app.shutdown()


async def test_a_store_error_becomes_a_notice(corpus: Path, monkeypatch: pytest.MonkeyPatch):
    seed_naver(corpus)
    app = make(corpus)

    def broken(*args, **kw):
        raise RuntimeFailure("attempt to write a readonly database")

    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app.ws.store, "accept", broken)
        await pilot.press("a")
        assert app.is_running
        assert any("readonly" in n.message for n in app._notifications)
        assert rows(app)["s1"].status == "pending"
    app.shutdown()


async def test_help_and_palette(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen is app.main
        titles = [c.title for c in app.get_system_commands(app.main)]
        assert any("Article list" in t for t in titles) and any("rejected" in t for t in titles)
    app.shutdown()


@pytest.mark.slow
async def test_first_open_with_kiwi_in_a_child_process(corpus: Path):
    app = make(corpus, analyser=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.main.state is not None or app.main._opening  # text first, Kiwi after
        await settle(pilot, rounds=2000)
        assert app._client is not None and app._client.ready
        assert app.ws.store.has_suggestions(app.main.state.doc_id)
        key = app.ws.cache_key(app.main.state.article)
        assert app.ws.store.cache_get(key) is not None  # reopening will not need Kiwi
    app.shutdown()


def test_store_is_closed_after_shutdown(corpus: Path):
    app = make(corpus)
    app.shutdown()
    with Store.open(corpus.parent / "labels.sqlite3", corpus, "kim") as store:
        assert store.position() is None


async def test_a_read_only_store_opens_for_browsing(corpus: Path):
    seed_naver(corpus)
    app = make(corpus)
    app.ws.store.read_only = True  # as Store.open(read_only_fallback=True) leaves a store it cannot write
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.state.doc_id == "001-naver.txt" and len(app.main.state.spans) == 7
        await pilot.press("a")
        assert app.is_running
        assert any("cannot be written" in n.message for n in app._notifications)
        app.ws.store.read_only = False
        assert rows(app)["s1"].status == "pending"
    app.shutdown()


class RecordingAnalyser:
    """The session's in-process Kiwi, remembering which texts it was asked to analyse."""

    def __init__(self) -> None:
        from test_tui_support import analyser

        self.inner, self.texts = analyser(), []

    def analyze(self, text: str):
        self.texts.append(text)
        return self.inner.analyze(text)


async def test_the_next_article_is_analysed_ahead(corpus: Path):
    """While the analyst reads one article, the next is analysed and cached: moving on asks Kiwi nothing."""
    rec = RecordingAnalyser()
    app = make(corpus, analyser=rec)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        ids = app.ws.ids
        assert app.main.state.doc_id == ids[0]
        second = app.ws.load(ids[1])
        assert app.ws.store.cache_get(app.ws.cache_key(second)) is not None
        assert rec.texts.count(second.text) == 1
        await pilot.press("full_stop")
        await settle(pilot)
        assert app.main.state.doc_id == ids[1]
        assert app.main.state.analysis is not None
        assert rec.texts.count(second.text) == 1  # opened from the cache
        assert app.ws.store.has_suggestions(ids[1])
        third = app.ws.load(ids[2])
        assert app.ws.store.cache_get(app.ws.cache_key(third)) is not None  # and the one after is ready
    app.shutdown()


LEARN_A = "누리랩 납품 확대\n\n누리랩은 지난해부터 가온텔레콤에 부품을 대 왔다. 모두의마루도 거래를 늘렸다.\n"
LEARN_B = "가온텔레콤 기지국 착공\n\n가온텔레콤은 누리랩 부품으로 기지국을 짓는다. 모두의마루는 이번 사업에서 빠졌다.\n"


async def test_what_the_analyst_adds_is_suggested_in_the_next_article(tmp_path: Path):
    """Issue 3's learning, as an analyst meets it: a name and a relation the suggester missed, added by
    hand in one article, come suggested in the next article that names them."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(LEARN_A, encoding="utf-8")
    (corpus / "b.txt").write_text(LEARN_B, encoding="utf-8")
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.main.state.doc_id == "a.txt"
        assert "모두의마루" not in {s.text for s in rows(app).values()}  # missed
        await pilot.press("slash", *"모두의마루", "enter", "escape", "n", "2")  # add it by hand as ORG
        assert ("모두의마루", "ORG", "manual") in {(s.text, s.label, s.source) for s in rows(app).values()}
        spans_a = {s.id: s.text for s in rows(app).values()}
        app.main._focus(next(i for i, text in spans_a.items() if text == "누리랩"))
        await pilot.press("r", *"supplies")  # 누리랩 supplies 가온텔레콤, which no cue word said
        await pilot.press("enter")
        assert [(spans_a[r.head], r.label, spans_a[r.tail]) for r in app.ws.store.relations("a.txt")] == [
            ("누리랩", "supplies", "가온텔레콤")]  # the nearest other name first, never 누리랩 itself
        await pilot.press("A", "enter")  # accept the rest, done: the next article opens
        await settle(pilot)
        assert app.main.state.doc_id == "b.txt"
        spans = {s.id: s for s in rows(app).values()}
        learned = {(s.text, s.label) for s in spans.values() if s.source == "lexicon"}
        assert {("모두의마루", "ORG"), ("누리랩", "ORG")} <= learned
        rels = {(spans[r.head].text, r.label, spans[r.tail].text, r.source)
                for r in app.ws.store.relations("b.txt")}
        assert ("누리랩", "supplies", "가온텔레콤", "lexicon") in rels
    app.shutdown()
