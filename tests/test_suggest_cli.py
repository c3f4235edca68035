"""`annotate suggest --jsonl`: one valid JSON object per article; --db learns from the store."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest

from annotator.cli import main

ART_A = "한빛전자, AI 칩 공개\n\n박서준 한빛전자 대표는 지난 5일 새 칩을 공개했다. 모두의마루가 새 서비스를 내놨다.\n"
ART_B = "누리랩 투자 유치\n\n가온텔레콤은 누리랩에 50억원을 투자했다. 모두의마루도 참여했다.\n"


@pytest.fixture(scope="module", autouse=True)
def _kiwi_once():
    from annotator.analysis import Analyzer
    from annotator.labels import load_labels

    Analyzer(load_labels())  # the command (--workers 1) reuses this process's Kiwi: one build per session


def _corpus(root: Path) -> Path:
    root.mkdir(exist_ok=True)
    (root / "a.txt").write_text(ART_A, encoding="utf-8")
    (root / "b.txt").write_text(ART_B, encoding="utf-8")
    return root


def _records(capfd) -> list[dict]:
    out = capfd.readouterr().out
    return [orjson.loads(line) for line in out.splitlines() if line.strip()]


def test_jsonl_records_are_valid(tmp_path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = _corpus(tmp_path / "corpus")
    assert main(["suggest", str(root), "--jsonl", "--workers", "1"]) == 0
    recs = _records(capfd)
    assert len(recs) == 2
    for rec in recs:
        assert set(rec) == {"id", "source", "meta", "text", "spans", "relations"}
        assert set(rec["meta"]) == {"title", "date", "outlet", "reporters"}
        ids = set()
        for s in rec["spans"]:
            assert set(s) == {"id", "start", "end", "label", "text", "score", "source"}
            assert rec["text"][s["start"]:s["end"]] == s["text"]
            ids.add(s["id"])
        for r in rec["relations"]:
            assert set(r) == {"id", "head", "tail", "label", "score"}
            assert r["head"] in ids and r["tail"] in ids
    a = next(r for r in recs if r["id"].endswith("a.txt"))
    got = {(s["text"], s["label"]) for s in a["spans"]}
    assert {("박서준", "PER"), ("한빛전자", "ORG"), ("지난 5일", "DATE")} <= got


def test_no_articles_is_an_input_error(tmp_path, capfd):
    (tmp_path / "empty").mkdir()
    assert main(["suggest", str(tmp_path / "empty"), "--jsonl", "--workers", "1"]) == 2


def test_db_lexicon_learns_from_accepted_labels(tmp_path, capfd, monkeypatch):
    from annotator.store import Store

    monkeypatch.chdir(tmp_path)
    root = _corpus(tmp_path / "corpus")
    db = tmp_path / "store.sqlite3"
    # an analyst adds the missed name by hand in article a ...
    text = "모두의마루가 새 서비스를 내놨다."
    with Store.open(db, root, "ana") as store:
        store.ensure_article("a.txt", hashlib.sha256(text.encode()).hexdigest(), text)
        store.add_span("a.txt", 0, 5, "ORG", "모두의마루")
    # ... and article b, which mentions it too, now gets it suggested
    assert main(["suggest", str(root), "--jsonl", "--workers", "1", "--db", str(db), "--annotator", "ana"]) == 0
    b = next(r for r in _records(capfd) if r["id"].endswith("b.txt"))
    learned = [s for s in b["spans"] if s["text"] == "모두의마루"]
    assert learned and learned[0]["label"] == "ORG" and learned[0]["source"] == "lexicon"


def test_db_lexicon_learns_relations_analysts_added(tmp_path, capfd, monkeypatch):
    from annotator.store import Store

    monkeypatch.chdir(tmp_path)
    root = _corpus(tmp_path / "corpus")
    db = tmp_path / "store.sqlite3"
    # in another article an analyst says, by hand, that 누리랩 supplies 가온텔레콤 ...
    text = "누리랩은 가온텔레콤의 오랜 거래처다."
    with Store.open(db, root, "ana") as store:
        store.ensure_article("x.txt", hashlib.sha256(text.encode()).hexdigest(), text)
        nuri = store.add_span("x.txt", 0, 3, "ORG", "누리랩")
        gaon = store.add_span("x.txt", 5, 10, "ORG", "가온텔레콤")
        store.add_relation("x.txt", nuri, gaon, "supplies")
    args = ["suggest", str(root), "--jsonl", "--workers", "1"]
    assert main(args) == 0
    plain = next(r for r in _records(capfd) if r["id"].endswith("b.txt"))
    # ... so article b, whose sentence names both, gets it suggested beside what the rules find there
    assert main([*args, "--db", str(db), "--annotator", "ana"]) == 0
    learned = next(r for r in _records(capfd) if r["id"].endswith("b.txt"))
    assert ("누리랩", "supplies", "가온텔레콤") in _facts(learned) - _facts(plain)
    assert ("가온텔레콤", "invests_in", "누리랩") in _facts(learned) & _facts(plain)


def _facts(record: dict) -> set[tuple[str, str, str]]:
    """(head text, label, tail text) of a record's relations."""
    text_of = {s["id"]: s["text"] for s in record["spans"]}
    return {(text_of[r["head"]], r["label"], text_of[r["tail"]]) for r in record["relations"]}


def test_db_caches_analyses(tmp_path, capfd, monkeypatch):
    from annotator.analysis import cache_key
    from annotator.analysis.kiwi import Analyzer
    from annotator.labels import load_labels
    from annotator.store import Store

    monkeypatch.chdir(tmp_path)
    root = _corpus(tmp_path / "corpus")
    db = tmp_path / "store.sqlite3"
    args = ["suggest", str(root), "--jsonl", "--workers", "1", "--db", str(db), "--annotator", "ana"]
    assert main(args) == 0
    first = _records(capfd)
    sha = load_labels().sha256
    with Store.open(db, root, "ana") as store:
        assert all(store.cache_get(cache_key(r["text"], sha)) for r in first)
    # a second run takes every analysis from the cache: Kiwi is not called, the output is the same
    monkeypatch.setattr(Analyzer, "analyze_many", lambda self, texts: pytest.fail("analysed again"))
    assert main(args) == 0
    assert _records(capfd) == first


def test_garbage_collector_is_put_back(tmp_path, capfd, monkeypatch):
    """The command tunes the collector for its run; a caller in the same process gets it back as it was."""
    import gc

    monkeypatch.chdir(tmp_path)
    root = _corpus(tmp_path / "corpus")
    before = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    assert main(["suggest", str(root), "--jsonl", "--workers", "1"]) == 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen_before
    assert len(_records(capfd)) == 2
