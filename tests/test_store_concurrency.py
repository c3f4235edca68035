"""Several analysts (connections, threads, processes) writing one store at once lose nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from annotator.store import Store
from tests.test_store_helpers import sha

N = 60
TEXT = "가" * (N * 3)


def _label_all(db: Path, corpus: Path, who: str, doc: str) -> None:
    s = Store.open(db, corpus, who)
    for i in range(N):
        s.add_span(doc, i * 3, i * 3 + 2, "ORG", "가가")
    s.close()


def _prepare(tmp_corpus: Path) -> Path:
    s = Store.open(None, tmp_corpus, "setup")
    s.ensure_article("d", sha(TEXT), TEXT)
    s.close()
    return s.path


def _check(db: Path, corpus: Path, names: list[str]) -> None:
    s = Store.open(db, corpus, "check")
    for who in names:
        assert len(s.spans("d", who)) == N, who
    assert s.verify() == []
    assert sum(1 for e in s.events("d") if e["action"] == "add_span") == N * len(names)
    s.close()


def test_two_connections_interleaved(tmp_corpus: Path):
    db = _prepare(tmp_corpus)
    a, b = Store.open(db, tmp_corpus, "kim"), Store.open(db, tmp_corpus, "lee")
    for i in range(N):
        a.add_span("d", i * 3, i * 3 + 2, "ORG", "가가")
        b.add_span("d", i * 3 + 1, i * 3 + 3, "LOC", "가가")
        a.set_position("d")
    a.close()
    b.close()
    _check(db, tmp_corpus, ["kim", "lee"])


def test_threads_sharing_and_not_sharing_a_store(tmp_corpus: Path):
    db = _prepare(tmp_corpus)
    names = [f"t{i}" for i in range(4)]
    threads = [threading.Thread(target=_label_all, args=(db, tmp_corpus, n, "d")) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _check(db, tmp_corpus, names)


def test_processes_writing_at_once(tmp_corpus: Path):
    db = _prepare(tmp_corpus)
    names = [f"p{i}" for i in range(3)]
    code = ("import sys; from pathlib import Path; from tests.test_store_concurrency import _label_all; "
            "_label_all(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], 'd')")
    root = Path(__file__).resolve().parents[1]
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db), str(tmp_corpus), n], cwd=root,
                              stderr=subprocess.PIPE, text=True) for n in names]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "locked" not in err
    _check(db, tmp_corpus, names)
