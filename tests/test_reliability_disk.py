"""A full disk and a read-only store folder, for real: a tiny tmpfs and a read-only bind mount (root with
mount rights, as in CI's container; skipped with the reason otherwise).

- The disk fills up while the analyst works: the next action is refused at once with a notice saying
  the disk is full, the screen keeps showing what is saved, moving around still works, nothing saved
  is damaged, and once space is freed the same key works.
- The store's folder is read-only: the app opens it for reading, says so, refuses changes with a notice,
  and leaves the files untouched; the store API alone refuses writes in one line naming the file.
- An export to a full or read-only folder fails with a message and leaves no partial file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.store import Store, StoreReadOnly
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


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextlib.contextmanager
def tiny_disk(path: Path, size: str = "4m") -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    if not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)):
        pytest.skip("cannot mount a tmpfs here (needs root with mount rights) to fill a disk for real")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[Path]:
    if not _mount("--bind", str(path), str(path)):
        pytest.skip("cannot bind-mount here (needs root with mount rights) to make a folder read-only")
    try:
        if not _mount("-o", "remount,ro,bind", str(path)):
            pytest.skip("cannot remount read-only here")
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    with contextlib.suppress(OSError):  # the last bytes, below a whole block
        with open(folder / "filler2", "wb") as f:
            for _ in range(100000):
                f.write(b"\0" * 512)
                f.flush()
    return filler


def digests(folder: Path, pattern: str) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob(pattern)}


@pytest.mark.slow
@pytest.mark.skipif(not needs_tmux, reason="needs tmux to read the screen")
def test_disk_fills_up_while_working(tmp_path: Path):
    corpus = tmp_path / "corpus"
    with tiny_disk(tmp_path / "disk") as disk:
        db = disk / "store.sqlite3"
        doc, _ = crash_corpus(corpus, db)
        with tmux_app(annotate_argv(corpus, db), tmp_path) as app:
            app.wait_for(lambda s: screen_spans(s) is not None, what="the article's panel")
            app.keys("a", "a")
            app.wait_for(lambda s: (screen_spans(s) or {}).get(NAMES[1]) == ("ORG", "accepted"), what="two accepts")
            filler = fill(disk)
            app.keys("a")
            screen = app.wait_for(lambda s: "disk is full" in s, what="the disk-full notice")
            assert "Traceback" not in screen
            assert (screen_spans(app.stable_screen()) or {}).get(NAMES[2]) == ("ORG", "pending")
            app.keys("j", "k", "j")  # reading and moving still work
            assert app.alive()
            for f in disk.glob("filler*"):
                f.unlink()
            assert filler.exists() is False
            app.keys("a")
            app.wait_for(lambda s: any(v == ("ORG", "accepted") for k, v in (screen_spans(s) or {}).items()
                                       if k not in NAMES[:2]), what="an accept after space was freed")
            app.keys("q")
            app.wait_exit()
        assert integrity(db) == "ok"
        with Store.open(db, corpus, "kim") as s:
            accepted = [r.text for r in s.spans(doc) if r.status == "accepted"]
            assert accepted[:2] == NAMES[:2] and len(accepted) == 3
            assert s.verify() == []


def labelled_store_in_own_folder(tmp_path: Path) -> tuple[Path, Path, Path, str, dict[str, str]]:
    """A corpus and a store with suggestions, the store alone in a folder that can be made read-only;
    also the store files' digests, to show later that nothing touched them."""
    corpus = tmp_path / "corpus"
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "store.sqlite3"
    doc, _ = crash_corpus(corpus, db)
    return corpus, folder, db, doc, digests(folder, "store.sqlite3*")


@pytest.mark.slow
@pytest.mark.skipif(not needs_tmux, reason="needs tmux to read the screen")
def test_read_only_store_folder_opens_for_reading_and_is_left_untouched(tmp_path: Path):
    corpus, folder, db, doc, before = labelled_store_in_own_folder(tmp_path)
    with read_only(folder):
        with tmux_app(annotate_argv(corpus, db), tmp_path) as app:
            screen = app.wait_for(lambda s: screen_spans(s) is not None, what="the article's panel")
            assert "read-only" in screen
            assert (screen_spans(screen) or {}).get(NAMES[0]) == ("ORG", "pending")
            app.keys("a")
            app.wait_for(lambda s: "not saved" in s or "read-only" in s.splitlines()[-2], what="a not-saved notice")
            assert (screen_spans(app.stable_screen()) or {}).get(NAMES[0]) == ("ORG", "pending")
            app.keys("j", "k")  # reading and moving still work
            assert app.alive()
            app.keys("q")
            app.wait_exit()
    assert digests(folder, "store.sqlite3*") == before


def test_read_only_store_refuses_writes_in_one_line_unless_opened_for_reading(tmp_path: Path):
    corpus, folder, db, doc, before = labelled_store_in_own_folder(tmp_path)
    with read_only(folder):
        with pytest.raises(StoreReadOnly) as err:
            Store.open(db, corpus, "kim")
        assert str(db) in err.value.describe() and "\n" not in err.value.describe()
        with Store.open(db, corpus, "kim", read_only_fallback=True) as s:
            assert s.read_only
            assert len(s.spans(doc)) == len(NAMES)
            with pytest.raises(StoreReadOnly):
                s.accept(doc, s.spans(doc)[0].id)
    assert digests(folder, "store.sqlite3*") == before


def _done_article(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus whose one article kim finished (all suggestions accepted), and an empty export folder."""
    corpus = tmp_path / "corpus"
    doc, _text = crash_corpus(corpus, tmp_path / "store.sqlite3")
    with Store.open(tmp_path / "store.sqlite3", corpus, "kim") as s:
        s.accept_all(doc)
        s.mark_done(doc)
    out = tmp_path / "out"
    out.mkdir()
    return corpus, out


def _export(tmp_path: Path, corpus: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", "export", str(corpus), "--out", str(out),
                           "--db", str(tmp_path / "store.sqlite3"), "--annotator", "kim"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize("how", ["full", "read-only"])
def test_export_to_a_full_or_read_only_folder_leaves_no_partial_file(tmp_path: Path, how: str):
    corpus, out = _done_article(tmp_path)
    (out / "old.txt").write_text("an earlier file\n", encoding="utf-8")
    ctx = tiny_disk(out, "64k") if how == "full" else read_only(out)
    with ctx:
        if how == "full":
            fill(out)
        before = sorted(p.name for p in out.iterdir())
        r = _export(tmp_path, corpus, out)
        assert "Traceback" not in r.stderr
        assert r.returncode == 1, r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and str(out) in lines[0], r.stderr
        left = sorted(p.name for p in out.iterdir())
        assert not [n for n in left if n.endswith(".partial") or n.startswith(".")], left  # no temporary file
        assert set(left) == set(before), left  # all files replaced together or none


def test_failed_export_leaves_the_folder_exactly_as_it_was(tmp_path: Path):
    corpus, out = _done_article(tmp_path)
    with tiny_disk(out, "64k"):
        fill(out)
        before = digests(out, "*")
        r = _export(tmp_path, corpus, out)
        assert r.returncode == 1
        assert digests(out, "*") == before
