"""The store: every action persists, undo/redo across restarts, conflicts, changed sources, refusals."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.errors import InputError, RuntimeFailure
from annotator.models import Relation, Span
from annotator.store import NotFound, SpanConflict, Store, default_db_path
from annotator.store import schema as store_schema
from tests.test_store_helpers import TEXT, at, sha


@pytest.fixture
def store(tmp_corpus: Path):
    s = Store.open(None, tmp_corpus, "kim")
    s.ensure_article("a1", sha(TEXT), TEXT, meta={"title": "t"}, source="a1.txt")
    yield s
    s.close()


def reopen(s: Store, annotator: str = "kim") -> Store:
    s.close()
    return Store.open(s.path, s.corpus_root, annotator)


def labels(s: Store, doc: str = "a1") -> tuple:
    return ([(x.id, x.start, x.end, x.label, x.text, x.status) for x in s.spans(doc)],
            [(r.id, r.head, r.tail, r.label, r.status) for r in s.relations(doc)])


def test_default_path_and_pragmas(store: Store, tmp_corpus: Path):
    assert store.path == default_db_path(tmp_corpus) == tmp_corpus / ".annotator" / "annotations.sqlite3"
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert (tmp_corpus / ".annotator" / "corpus-id").read_text().strip()


@pytest.mark.parametrize("action", ["accept", "reject", "relabel", "resize", "add_span", "delete", "accept_all",
                                    "add_relation", "accept_relation", "reject_relation", "delete_relation",
                                    "mark_done", "mark_skipped", "undo", "redo"])
def test_every_action_survives_a_reopen(store: Store, action: str):
    naver, usa = at(TEXT, "네이버"), at(TEXT, "미국")
    store.add_suggestions("a1", [Span(id="a", start=naver[0], end=naver[1], label="ORG", text="네이버", source="gazetteer", score=0.9),
                                 Span(id="b", start=usa[0], end=usa[1], label="LOC", text="미국", source="morph")],
                          [Relation(id="r", head="a", tail="b", label="located_in", source="pattern")])
    s1, s2 = (x.id for x in store.spans("a1"))
    r1 = store.relations("a1")[0].id
    do = {
        "accept": lambda: store.accept("a1", s1),
        "reject": lambda: store.reject("a1", s1),
        "relabel": lambda: store.relabel("a1", s2, "ORG"),
        "resize": lambda: store.resize("a1", s1, naver[0], naver[0] + 2, "네이"),
        "add_span": lambda: store.add_span("a1", *at(TEXT, "최수연")[:2], "PER", "최수연"),
        "delete": lambda: store.delete("a1", s2),
        "accept_all": lambda: store.accept_all("a1"),
        "add_relation": lambda: store.add_relation("a1", s2, s1, "alias_of"),
        "accept_relation": lambda: store.accept_relation("a1", r1),
        "reject_relation": lambda: store.reject_relation("a1", r1),
        "delete_relation": lambda: store.delete_relation("a1", r1),
        "mark_done": lambda: store.mark_done("a1"),
        "mark_skipped": lambda: store.mark_skipped("a1"),
        "undo": lambda: (store.accept("a1", s1), store.undo("a1")),
        "redo": lambda: (store.accept("a1", s1), store.undo("a1"), store.redo("a1")),
    }
    before = labels(store)
    do[action]()
    after, status = labels(store), store.status("a1")
    assert after != before or status in ("done", "skipped") or action == "undo"
    again = reopen(store)
    try:
        assert labels(again) == after
        assert again.status("a1") == status
        assert again.verify() == []
        assert [e["action"] for e in again.events("a1")][-1] == action
    finally:
        again.close()


def test_suggestions_keep_source_and_score_and_are_stored_once(store: Store):
    spans = [Span(id="x", start=0, end=3, label="ORG", text="네이버", source="gazetteer", score=0.8)]
    assert not store.has_suggestions("a1")
    assert store.add_suggestions("a1", spans, []) == 1
    assert store.has_suggestions("a1")
    assert store.add_suggestions("a1", spans, []) == 0
    (row,) = store.spans("a1")
    assert (row.status, row.source, row.score) == ("pending", "gazetteer", 0.8)
    store.relabel("a1", row.id, "PRODUCT")
    assert store.suggestion_outcomes() == [("gazetteer", "PRODUCT", "accepted", True, 1)]


def test_suggestions_overlapping_labels_or_off_text_are_skipped(store: Store):
    store.add_span("a1", 0, 3, "ORG", "네이버")
    n = store.add_suggestions("a1", [Span(id="x", start=0, end=4, label="ORG", text="네이버는"),
                                     Span(id="y", start=5, end=7, label="LOC", text="미쿡"),
                                     Span(id="z", start=5, end=7, label="LOC", text="미국")], [])
    assert n == 1
    assert [(s.text, s.status) for s in store.spans("a1")] == [("네이버", "accepted"), ("미국", "pending")]


def test_overlap_and_text_mismatch_are_refused_and_nothing_written(store: Store):
    store.add_span("a1", 0, 3, "ORG", "네이버")
    n_events = len(list(store.events()))
    with pytest.raises(SpanConflict) as exc:
        store.add_span("a1", 2, 4, "ORG", "버는")
    assert isinstance(exc.value, InputError)
    with pytest.raises(InputError, match="not"):
        store.add_span("a1", 5, 7, "LOC", "미쿡")
    with pytest.raises(InputError, match="outside"):
        store.add_span("a1", 5, 10_000, "LOC", "미국")
    assert len(list(store.events())) == n_events
    assert len(store.spans("a1")) == 1


def test_rejected_span_does_not_block_and_cannot_be_reaccepted_over_another(store: Store):
    store.add_suggestions("a1", [Span(id="x", start=0, end=4, label="ORG", text="네이버는")], [])
    (sugg,) = store.spans("a1")
    store.reject("a1", sugg.id)
    new = store.add_span("a1", 0, 3, "ORG", "네이버")
    with pytest.raises(SpanConflict):
        store.accept("a1", sugg.id)
    assert {s.id: s.status for s in store.spans("a1")} == {sugg.id: "rejected", new: "accepted"}


def test_reject_and_delete_take_their_relations_with_them(store: Store):
    a = store.add_span("a1", *at(TEXT, "최수연")[:2], "PER", "최수연")
    b = store.add_span("a1", *at(TEXT, "네이버", 2)[:2], "ORG", "네이버")
    r = store.add_relation("a1", a, b, "leads")
    store.reject("a1", b)
    assert [(x.id, x.status) for x in store.relations("a1")] == [(r, "rejected")]
    store.delete("a1", b)
    assert store.relations("a1") == []
    store.undo("a1")
    assert [(x.id, x.status) for x in store.relations("a1")] == [(r, "rejected")]


def test_undo_redo_are_per_article_per_analyst_and_new_action_clears_redo(store: Store):
    store.ensure_article("a2", sha("다른 기사"), "다른 기사")
    s1 = store.add_span("a1", 0, 3, "ORG", "네이버")
    store.add_span("a2", 0, 2, "ORG", "다른")
    lee = Store.open(store.path, store.corpus_root, "lee")
    try:
        lee.add_span("a1", 5, 7, "LOC", "미국")
        assert store.undo("a1") == "add_span"
        assert store.spans("a1") == [] and len(store.spans("a2")) == 1
        assert [s.text for s in lee.spans("a1")] == ["미국"]
        assert store.undo("a1") is None
        assert store.redo("a1") == "add_span"
        assert [s.id for s in store.spans("a1")] == [s1]
        store.undo("a1")
        store.add_span("a1", 5, 7, "LOC", "미국")
        assert not store.can_redo("a1")
        assert store.redo("a1") is None
    finally:
        lee.close()


def test_undo_survives_a_restart(store: Store):
    s1 = store.add_span("a1", 0, 3, "ORG", "네이버")
    store.relabel("a1", s1, "PRODUCT")
    s = reopen(store)
    assert s.undo("a1") == "relabel"
    assert s.spans("a1")[0].label == "ORG"
    s = reopen(s)
    assert s.redo("a1") == "relabel"
    assert s.spans("a1")[0].label == "PRODUCT"
    s.close()


def test_mark_done_is_undoable_and_statuses(store: Store):
    assert store.statuses() == {"a1": "new"}
    store.add_span("a1", 0, 3, "ORG", "네이버")
    assert store.status("a1") == "in_progress"
    store.mark_done("a1")
    assert store.statuses() == {"a1": "done"}
    assert store.undo("a1") == "mark_done"
    assert store.status("a1") == "in_progress"


def test_unknown_ids_and_articles(store: Store):
    with pytest.raises(NotFound):
        store.accept("a1", "s99")
    with pytest.raises(NotFound):
        store.add_span("nope", 0, 1, "ORG", "x")


def test_position_cache_and_lexicon(store: Store):
    assert store.position() is None
    store.set_position("a1")
    store.cache_put("k", b"\x00bytes")
    store.add_span("a1", 0, 3, "ORG", "네이버")
    store.add_suggestions("a1", [Span(id="x", start=5, end=7, label="ORG", text="미국", source="morph")], [])
    store.reject("a1", [s for s in store.spans("a1") if s.text == "미국"][0].id)
    lee = Store.open(store.path, store.corpus_root, "lee")
    lee.add_span("a1", 0, 3, "ORG", "네이버")
    lee.close()
    s = reopen(store)
    assert s.position() == "a1"
    assert s.cache_get("k") == b"\x00bytes" and s.cache_get("other") is None
    lex = s.lexicon()
    assert lex.accepted == {"네이버": "ORG"}
    assert lex.accepted_count[("네이버", "ORG")] == 2
    assert lex.rejected_count == {("미국", "ORG"): 1}
    s.close()


def test_event_log_is_append_only_and_records_before_and_after(store: Store):
    s1 = store.add_span("a1", 0, 3, "ORG", "네이버")
    store.relabel("a1", s1, "PRODUCT")
    ev = list(store.events("a1"))[-1]
    assert ev["annotator"] == "kim" and ev["action"] == "relabel" and ev["ts"].endswith("+00:00")
    assert ev["before"]["spans"][f"kim/{s1}"]["label"] == "ORG"
    assert ev["after"]["spans"][f"kim/{s1}"]["label"] == "PRODUCT"
    conn = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM events")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE events SET action = 'x'")
    conn.close()


def test_verify_finds_a_label_changed_behind_the_log(store: Store):
    store.add_span("a1", 0, 3, "ORG", "네이버")
    assert store.verify() == []
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE spans SET label = 'PER'")
    conn.commit()
    conn.close()
    assert len(store.verify()) == 1


def test_span_counts_and_titles_for_the_whole_corpus(store: Store):
    naver, usa = at(TEXT, "네이버"), at(TEXT, "미국")
    store.add_suggestions("a1", [Span(id="a", start=naver[0], end=naver[1], label="ORG", text="네이버"),
                                 Span(id="b", start=usa[0], end=usa[1], label="LOC", text="미국")], [])
    store.accept("a1", store.spans("a1")[0].id)
    store.ensure_article("a2", sha("x"), "x")
    assert store.span_counts() == {"a1": {"accepted": 1, "pending": 1}}
    assert store.span_counts("lee") == {}
    assert store.titles() == {"a1": "t", "a2": None}

def test_replace_labels_is_one_event_all_or_nothing_with_its_actor(store: Store):
    naver, usa = at(TEXT, "네이버"), at(TEXT, "미국")
    first = [Span(id="a", start=naver[0], end=naver[1], label="ORG", text="네이버", source="review:kim"),
             Span(id="b", start=usa[0], end=usa[1], label="LOC", text="미국", source="review:kim")]
    store.replace_labels("a1", first, [Relation(id="r", head="a", tail="b", label="located_in")],
                         annotator="gold", done=True)
    n_events = len(list(store.events("a1")))
    bad = [Span(id="c", start=naver[0], end=naver[1], label="PER", text="네이버"),
           Span(id="d", start=usa[0], end=usa[1], label="LOC", text="아님")]
    with pytest.raises(InputError, match="nothing was written"):
        store.replace_labels("a1", bad, [], annotator="gold", done=True)
    assert [(x.label, x.text) for x in store.spans("a1", "gold")] == [("ORG", "네이버"), ("LOC", "미국")]
    assert len(store.relations("a1", "gold")) == 1 and len(list(store.events("a1"))) == n_events
    store.replace_labels("a1", bad[:1], [], annotator="gold", done=True)
    assert [(x.label, x.text, x.status) for x in store.spans("a1", "gold")] == [("PER", "네이버", "accepted")]
    assert store.relations("a1", "gold") == [] and store.status("a1", "gold") == "done"
    ev = list(store.events("a1"))[-1]
    assert len(list(store.events("a1"))) == n_events + 1
    assert (ev["annotator"], ev["actor"], ev["action"]) == ("gold", "kim", "replace_labels")
    assert not store.can_undo("a1") and store.verify() == []


# ------------------------------------------------------------------ changed sources

def test_changed_source_keeps_labels_reanchors_unique_and_flags_the_rest(store: Store):
    dae = store.add_span("a1", *at(TEXT, "대표")[:2], "ORG", "대표")  # unique: moves with the insertion
    usa = store.add_span("a1", *at(TEXT, "미국")[:2], "LOC", "미국")  # text edited away: flagged
    naver = store.add_span("a1", *at(TEXT, "네이버")[:2], "ORG", "네이버")  # edited next to it, repeated: flagged
    suyeon = store.add_span("a1", *at(TEXT, "최수연")[:2], "PER", "최수연")  # inside unchanged text: follows the diff
    store.mark_done("a1")
    lee = Store.open(store.path, store.corpus_root, "lee")
    new_text = "[속보] " + TEXT.replace("미국", "美").replace("네이버는", "네이버가")
    assert lee.ensure_article("a1", sha(new_text), new_text) == "new"  # lee had nothing here
    lee.close()
    assert store.status("a1") == "source_changed"
    rows = {s.id: s for s in store.spans("a1")}
    assert len(rows) == 4
    assert rows[suyeon].start == at(new_text, "최수연")[0] and not rows[suyeon].needs_review
    d = rows[dae]
    assert not d.needs_review and new_text[d.start:d.end] == "대표" and d.start == at(new_text, "대표")[0]
    assert rows[usa].needs_review and rows[naver].needs_review
    assert rows[naver].start == 0  # flagged spans are never shifted
    assert not store.can_undo("a1")
    with pytest.raises(InputError, match="need review"):
        store.mark_done("a1")
    store.resize("a1", naver, *at(new_text, "네이버")[:2], "네이버")
    store.delete("a1", usa)
    store.mark_done("a1")
    assert store.status("a1") == "done"
    ev = next(e for e in store.events("a1") if e["action"] == "source_changed")
    assert ev["before"]["article"]["text"] == TEXT
    assert store.verify() == []


def test_cleaning_change_with_same_raw_sha_is_also_detected(store: Store):
    store.add_span("a1", *at(TEXT, "최수연")[:2], "PER", "최수연")
    new_text = TEXT.replace("\n\n", "\n")
    assert store.ensure_article("a1", sha(TEXT), new_text) == "source_changed"
    (s,) = store.spans("a1")
    assert new_text[s.start:s.end] == "최수연" and not s.needs_review


def test_unchanged_article_keeps_status(store: Store):
    store.add_span("a1", 0, 3, "ORG", "네이버")
    assert store.ensure_article("a1", sha(TEXT), TEXT) == "in_progress"


# ------------------------------------------------------------------ refusals

def test_newer_schema_is_refused_untouched(store: Store):
    store.close()
    conn = sqlite3.connect(store.path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'x')", (store_schema.CURRENT_VERSION + 1,))
    conn.commit()
    conn.close()
    before = store.path.read_bytes()
    with pytest.raises(RuntimeFailure, match="newer annotator") as exc:
        Store.open(store.path, store.corpus_root, "kim")
    assert str(store.path) in str(exc.value)
    assert store.path.read_bytes() == before


def test_not_a_database_is_refused(tmp_corpus: Path):
    db = tmp_corpus / "labels.sqlite3"
    db.write_text("just some text, not a database\n" * 10)
    with pytest.raises(RuntimeFailure, match="not an SQLite database") as exc:
        Store.open(db, tmp_corpus, "kim")
    assert str(db) in str(exc.value)
    assert db.read_text().startswith("just some text")


def test_truncated_database_is_refused(store: Store):
    for i in range(300):
        store.cache_put(f"k{i}", b"x" * 1000)
    store.close()
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = store.path.read_bytes()
    store.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(RuntimeFailure, match="truncated|damaged"):
        Store.open(store.path, store.corpus_root, "kim")


def test_corrupted_database_is_refused(store: Store):
    for i in range(50):
        store.cache_put(f"k{i}", b"x" * 1000)
    store.close()
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(store.path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page + 8: page * 3] = b"\xff" * (page * 3 - page - 8)  # scribble over b-tree pages
    store.path.write_bytes(bytes(data))
    with pytest.raises(RuntimeFailure, match="damaged|not an annotator store"):
        Store.open(store.path, store.corpus_root, "kim")


def test_other_sqlite_database_is_refused(tmp_corpus: Path):
    db = tmp_corpus / "other.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeFailure, match="not an annotator store"):
        Store.open(db, tmp_corpus, "kim")


def test_store_of_another_corpus_is_refused(store: Store, tmp_path: Path):
    store.close()
    other = tmp_path / "other"
    other.mkdir()
    Store.open(None, other, "kim").close()
    with pytest.raises(InputError, match="different corpus"):
        Store.open(store.path, other, "kim")
    elsewhere = tmp_path / "moved"
    elsewhere.mkdir()  # no identity file, different path
    with pytest.raises(InputError, match="different corpus"):
        Store.open(store.path, elsewhere, "kim")


@contextmanager
def read_only(folder: Path):
    """A folder nobody can write in: chmod for a normal user; root ignores that, so chattr +i."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a folder read-only here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_read_only_folder_fails_clearly(tmp_path: Path):
    corpus = tmp_path / "ro"
    corpus.mkdir()
    with read_only(corpus), pytest.raises(RuntimeFailure, match="read-only|cannot create") as exc:
        Store.open(None, corpus, "kim")
    assert str(corpus) in str(exc.value)


def test_existing_store_in_a_read_only_folder_fails_clearly_and_keeps_labels(store: Store):
    s1 = store.add_span("a1", 0, 3, "ORG", "네이버")
    store.close()
    folder = store.path.parent
    with read_only(folder):
        with pytest.raises(RuntimeFailure, match="read-only|cannot open") as exc:
            s = Store.open(store.path, store.corpus_root, "kim")
            s.add_span("a1", 5, 7, "LOC", "미국")
        assert str(store.path) in str(exc.value)
    s = Store.open(store.path, store.corpus_root, "kim")
    assert [x.id for x in s.spans("a1")] == [s1]
    assert s.verify() == []
    s.close()


def test_full_disk_fails_clearly_and_keeps_what_was_saved(store: Store):
    s1 = store.add_span("a1", 0, 3, "ORG", "네이버")
    store._conn.execute("PRAGMA max_page_count = " + str(store._conn.execute("PRAGMA page_count").fetchone()[0]))
    with pytest.raises(RuntimeFailure, match="disk is full"):
        for i in range(100):
            store.cache_put(f"big{i}", b"x" * 100_000)
    s = reopen(store)
    assert [x.id for x in s.spans("a1")] == [s1]
    assert s.verify() == []
    s.close()


def test_reanchor_rules():
    from annotator.store.anchor import reanchor

    old = "가나다라마바사 네이버 아자차카타파하 네이버 끝"
    spans = [("a", *at(old, "네이버")), ("b", *at(old, "네이버", 1))]
    # unchanged surroundings: both follow the inserted text
    new = "앞에 붙은 말 " + old
    assert reanchor(old, new, spans) == {"a": at(new, "네이버")[:2], "b": at(new, "네이버", 1)[:2]}
    # the text right after the first mention changed and 네이버 occurs twice nearby: flagged, never guessed
    new2 = "X" + old.replace("네이버 아자", "네이버가 아자")
    got = reanchor(old, new2, spans)
    assert got["a"] is None and got["b"] == at(new2, "네이버", 1)[:2]
    # gone: flagged
    assert reanchor(old, old.replace("네이버", "카카오"), spans) == {"a": None, "b": None}


def test_lexicon_takes_the_most_accepted_label_across_analysts(store: Store):
    s1 = store.add_span("a1", 0, 3, "ORG", "네이버")
    for who in ("lee", "park"):
        other = Store.open(store.path, store.corpus_root, who)
        other.add_span("a1", 0, 3, "PRODUCT", "네이버")
        other.close()
    lex = store.lexicon()
    assert lex.accepted == {"네이버": "PRODUCT"}
    assert lex.accepted_count == {("네이버", "ORG"): 1, ("네이버", "PRODUCT"): 2}
    store.relabel("a1", s1, "PRODUCT")
    assert store.lexicon().accepted_count == {("네이버", "PRODUCT"): 3}


def test_read_only_store_opens_for_reading_when_asked(store: Store, tmp_path: Path):
    from annotator.export import ExportOptions, export_corpus
    from annotator.labels import load_labels
    from annotator.store import StoreReadOnly

    s1 = store.add_span("a1", 0, 3, "ORG", "네이버")
    store.mark_done("a1")
    store.close()
    folder = store.path.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with read_only(folder):
        with pytest.raises(StoreReadOnly):
            Store.open(store.path, store.corpus_root, "kim")  # the default still refuses
        s = Store.open(store.path, store.corpus_root, "kim", read_only_fallback=True)
        assert s.read_only
        assert [x.id for x in s.spans("a1")] == [s1] and s.status("a1") == "done"
        with pytest.raises(StoreReadOnly, match="read-only") as exc:
            s.add_span("a1", 5, 7, "LOC", "미국")
        assert str(store.path) in str(exc.value)
        s.cache_put("k", b"v")  # not kept, not an error
        s.set_position("a1")
        assert s.cache_get("k") is None
        m = export_corpus(s, load_labels(), ExportOptions(tmp_path / "out", annotator="kim"))
        assert m.articles == 1
        s.close()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
