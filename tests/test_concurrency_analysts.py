"""Two analysts on one corpus at the same time: nothing lost, nobody sees "database is locked".

1. The store API from two processes in a tight loop of mixed actions (add, accept, reject, relabel,
   delete, undo, redo, position, cache, lexicon reads) on the same article. An analyst's actions touch
   only their own labels, so each process's results must be exactly what the same seeded sequence gives
   when run alone on a fresh store: a lost, doubled or mixed-up write shows up as a difference.
2. Two real `annotate` apps (two analysts, two terminals) plus a third process writing the same store,
   keys sent as fast as tmux delivers them: each analyst's store holds exactly what the keys asked
   for and what their screen shows, and neither screen shows an error.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.store import Store
from tests.helpers_pty import (
    NAMES,
    annotate_argv,
    crash_corpus,
    integrity,
    needs_tmux,
    screen_spans,
    tmux_app,
)

ROOT = Path(__file__).resolve().parents[1]
SLOTS = 40
TEXT = "가나 " * SLOTS  # slot i is text[3i:3i+2]
LABELS = ["ORG", "PER", "LOC", "PRODUCT"]


def run_sequence(db: Path, corpus: Path, who: str, ops: int, doc: str = "d") -> dict:
    """A seeded run of mixed actions by one analyst; returns every outcome and the final labels."""
    rng = random.Random(who)
    s = Store.open(db, corpus, who)
    outcomes = []
    try:
        for _ in range(ops):
            mine = s.spans(doc)
            op = rng.choice(["add", "add", "accept", "reject", "relabel", "delete", "undo", "redo", "other"])
            slot = rng.randrange(SLOTS)
            target = mine[rng.randrange(len(mine))].id if mine else "s999"
            try:
                if op == "add":
                    got = s.add_span(doc, slot * 3, slot * 3 + 2, rng.choice(LABELS), "가나")
                elif op == "accept":
                    got = s.accept(doc, target)
                elif op == "reject":
                    got = s.reject(doc, target)
                elif op == "relabel":
                    got = s.relabel(doc, target, rng.choice(LABELS))
                elif op == "delete":
                    got = s.delete(doc, target)
                elif op == "undo":
                    got = s.undo(doc)
                elif op == "redo":
                    got = s.redo(doc)
                else:
                    s.set_position(doc)
                    s.cache_put(f"{who}-{slot}", b"x" * 200)
                    s.lexicon()  # reads every analyst's labels while the other process writes
                    got = None
            except AnnotatorError as exc:
                if "locked" in str(exc) or "busy" in str(exc):
                    raise
                got = type(exc).__name__
            outcomes.append([op, got])
        final = [[r.id, r.start, r.end, r.label, r.status] for r in s.spans(doc)]
        actions = [e["action"] for e in s.events(doc) if e["annotator"] == who]
    finally:
        s.close()
    return {"outcomes": outcomes, "final": final, "actions": actions}


def _prepare(corpus: Path, db: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    with Store.open(db, corpus, "setup") as s:
        s.ensure_article("d", "0" * 64, TEXT)


def test_two_processes_tight_loop_lose_no_write(tmp_path: Path):
    corpus, db = tmp_path / "corpus", tmp_path / "shared.sqlite3"
    _prepare(corpus, db)
    ops = 250
    code = ("import json, sys; from pathlib import Path; from tests.test_concurrency_analysts import run_sequence; "
            "print(json.dumps(run_sequence(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))))")
    procs = {who: subprocess.Popen([sys.executable, "-c", code, str(db), str(corpus), who, str(ops)], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in ("kim", "lee")}
    together = {}
    for who, p in procs.items():
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
        together[who] = json.loads(out)
    assert integrity(db) == "ok"
    with Store.open(db, corpus, "check") as s:
        assert s.verify() == []
    for who in ("kim", "lee"):
        alone_corpus, alone_db = tmp_path / f"alone-{who}", tmp_path / f"alone-{who}.sqlite3"
        _prepare(alone_corpus, alone_db)
        alone = run_sequence(alone_db, alone_corpus, who, ops)
        assert together[who] == alone, who
        assert len(together[who]["actions"]) > ops // 3  # most actions did change something


def _writer_code(seconds: float) -> str:
    return ("import sys, time; from pathlib import Path; from annotator.store import Store\n"
            "s = Store.open(Path(sys.argv[1]), Path(sys.argv[2]), 'bot'); end = time.monotonic() + "
            f"{seconds}\nn = 0\nwhile time.monotonic() < end:\n"
            "    s.set_position(sys.argv[3]); s.cache_put('bot', b'y' * 5000); n += 1\n"
            "s.close(); print(n)\n")


@pytest.mark.slow
@pytest.mark.skipif(not needs_tmux, reason="needs tmux to run two real terminals")
def test_two_real_apps_and_a_writer_on_one_store(tmp_path: Path):
    corpus, db = tmp_path / "corpus", tmp_path / "shared.sqlite3"
    doc, _ = crash_corpus(corpus, db, annotators=("kim", "lee"))
    writer = subprocess.Popen([sys.executable, "-c", _writer_code(6.0), str(db), str(corpus), doc], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Each analyst: accept 8, reject 3, relabel 2 as PER (key 1), accept 4 more. Each decision moves
    # the focus to the next pending suggestion, so the outcome is known in advance.
    keys = ["a"] * 8 + ["x"] * 3 + ["1"] * 2 + ["a"] * 4
    want = {n: ("ORG", "accepted") for n in NAMES[:8]}
    want.update({n: ("PER", "accepted") for n in NAMES[11:13]})
    want.update({n: ("ORG", "accepted") for n in NAMES[13:17]})
    want.update({n: ("ORG", "pending") for n in NAMES[17:]})
    try:
        with tmux_app(annotate_argv(corpus, db, "kim"), tmp_path) as kim, \
                tmux_app(annotate_argv(corpus, db, "lee"), tmp_path) as lee:
            for app in (kim, lee):
                app.wait_for(lambda s: screen_spans(s) is not None, what="the article's panel")
            for k in keys:  # interleaved, no waiting for the screen
                kim.keys(k)
                lee.keys(k)
            for who, app in (("kim", kim), ("lee", lee)):
                screen = app.wait_for(lambda s: screen_spans(s) == want, timeout=20, what=f"{who}'s labels")
                for bad in ("locked", "rror", "failed", "Traceback"):
                    assert bad not in screen, f"{who}'s screen shows {bad!r}:\n{screen}"
                app.keys("q")
            for app in (kim, lee):
                app.wait_exit()
    finally:
        out, err = writer.communicate(timeout=30)
    assert writer.returncode == 0 and "locked" not in err, err
    assert int(out) > 10  # the writer really was writing meanwhile
    assert integrity(db) == "ok"
    for who in ("kim", "lee"):
        with Store.open(db, corpus, who) as s:
            got = {r.text: (r.label, r.status) for r in s.spans(doc) if r.status != "rejected"}
            assert got == want, who
            assert [r.text for r in s.spans(doc) if r.status == "rejected"] == NAMES[8:11]
            assert s.verify() == []
