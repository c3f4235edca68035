"""Bad input through the real CLI: a clear one-line message naming the file (and line), exit 2 for bad
input and 1 for a runtime failure, never a traceback, and stored labels never lost or rewritten.

Corpus files go through `annotate clean` (and a folder of them through `annotate clean FOLDER`),
labels.yaml and store files through `annotate CORPUS` (they are refused before any screen is drawn),
import files through `annotate import`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.labels import PACKAGED
from annotator.store import Store

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("가상전자, 새 반도체 공장 착공\n\n"
           "가상전자는 3일 경기도에 새 반도체 공장을 착공했다고 밝혔다. 회사는 2027년까지 10조원을 투자한다.\n"
           "김가상 가상전자 대표는 \"AI 수요에 맞춰 생산을 늘린다\"고 말했다.\n")
BODY = "김가상 가상전자 대표는"


def cli(*args: str, cwd: Path | None = None, prefix: list[str] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "annotator", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, stdin=subprocess.DEVNULL, timeout=60)


def refused(r: subprocess.CompletedProcess, code: int, *words: str) -> str:
    """Exit `code`, exactly one line on stderr starting 'annotate: ' with every word in it, no traceback."""
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr
    assert r.returncode == code, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("annotate: "), r.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- corpus files -------------------------------------------------------------------------------------

BAD_FILES = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    "empty.txt": (b"", "empty file"),
    "nul.txt": (ARTICLE.encode() + b"\x00\x00tail", "NUL"),
    # The bad byte is on line 5, after four good lines of Korean UTF-8.
    "bad-utf8.txt": (ARTICLE.encode() + b"bad \xff\xfe here\n", "line 5"),
}
GOOD_FILES = {
    "cp949.txt": ARTICLE.encode("cp949"),
    "euc-kr.txt": ARTICLE.encode("euc-kr"),
    "utf16.txt": ARTICLE.encode("utf-16"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode(),
    "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_corpus_file_is_refused_with_one_line(tmp_path: Path, name: str):
    data, words = BAD_FILES[name]
    (tmp_path / name).write_bytes(data)
    refused(cli("clean", str(tmp_path / name)), 2, name, words)


def test_twenty_megabyte_file_is_refused_at_once(tmp_path: Path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.write((ARTICLE * 20).encode() * (20 * 1024 * 1024 // len((ARTICLE * 20).encode()) + 1))
    assert big.stat().st_size >= 20 * 1024 * 1024
    refused(cli("clean", str(big)), 2, "huge.txt", "larger than")


@pytest.mark.parametrize("name", sorted(GOOD_FILES))
def test_korean_encodings_decode(tmp_path: Path, name: str):
    (tmp_path / name).write_bytes(GOOD_FILES[name])
    r = cli("clean", str(tmp_path / name))
    assert r.returncode == 0, r.stderr
    assert BODY in r.stdout and "\r" not in r.stdout


def test_folder_of_hostile_files_loads_the_good_ones_and_names_each_bad_one(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, (data, _) in BAD_FILES.items():
        (corpus / name).write_bytes(data)
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "cp949.txt").write_bytes(GOOD_FILES["cp949.txt"])
    (corpus / "sub").mkdir()
    (corpus / "sub" / "loop").symlink_to("..")  # a symbolic link loop
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    good = orjson.dumps({"title": "가상 기사", "text": ARTICLE}).decode()
    (corpus / "feed.jsonl").write_text("\n".join([good, '{"title": "broken', good, "[1, 2]", '{"text": ""}']) + "\n",
                                       encoding="utf-8")
    r = cli("clean", str(corpus))
    assert "Traceback" not in r.stderr
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(BODY) == 4  # good.txt, cp949.txt, feed.jsonl lines 1 and 3
    err = r.stderr.splitlines()
    assert all(line.startswith("annotate: ") for line in err), err
    for needle in ["binary.txt", "empty.txt", "nul.txt", "bad-utf8.txt", "dangling.txt", "feed.jsonl#2",
                   "feed.jsonl#4", "feed.jsonl#5", "symbolic link loop"]:
        assert any(needle in line for line in err), (needle, err)
    bad_utf8 = next(line for line in err if "bad-utf8.txt" in line)
    assert "line 5" in bad_utf8


def test_unreadable_file_is_named(tmp_path: Path):
    """chmod 000 does not stop root, so as root the CLI runs without the capabilities that bypass it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "secret.txt").chmod(0o000)
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]
        probe = subprocess.run([*prefix, "cat", str(corpus / "secret.txt")], capture_output=True)
        if probe.returncode == 0:
            pytest.skip("setpriv could not drop the capabilities that bypass file permissions")
    r = cli("clean", str(corpus), prefix=prefix)
    assert "Traceback" not in r.stderr
    assert r.returncode == 0 and BODY in r.stdout, r.stderr
    line = next(x for x in r.stderr.splitlines() if "secret.txt" in x)
    assert "ermission denied" in line
    refused(cli("clean", str(corpus / "secret.txt"), prefix=prefix), 2, "secret.txt", "ermission denied")


def test_labels_survive_their_article_file_turning_bad(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus

    art = clean_doc(open_corpus(corpus).load("a.txt"))
    with Store.open(None, corpus, "kim") as s:
        s.ensure_article("a.txt", art.sha256, art.text, meta=art.meta.model_dump(), source=art.source)
        at = art.text.index("김가상")
        s.add_span("a.txt", at, at + 3, "PER", "김가상")
        s.mark_done("a.txt")
    (corpus / "a.txt").write_bytes(b"\x00\x01garbage\xff" * 100)
    r = cli("export", str(corpus), "--out", str(tmp_path / "out"), "--annotator", "kim")
    assert r.returncode == 0, r.stderr
    rec = orjson.loads((tmp_path / "out" / "gold.jsonl").read_bytes().splitlines()[0])
    assert [s["text"] for s in rec["spans"]] == ["김가상"]


# -- labels.yaml --------------------------------------------------------------------------------------

GOOD_LABELS = """entities:
  - {name: PER, description: a person, color: "#e5c07b", key: "1"}
  - {name: ORG, description: an organisation, color: "#61afef", key: "2"}
  - {name: MONEY, description: an amount, color: "#e06c75", key: "3"}
relations:
  - {name: leads, description: heads it, head: [PER], tail: [ORG]}
"""
BAD_LABELS = [
    ("syntax", GOOD_LABELS + "  - {name: [broken\n", "YAML syntax", 8),  # where the parser gave up
    ("unknown-key", GOOD_LABELS.replace("color: \"#61afef\"", "colour: \"#61afef\""), "unknown key", 3),
    ("dup-label", GOOD_LABELS.replace("name: MONEY", "name: PER"), "defined twice", 4),
    ("dup-shortcut", GOOD_LABELS.replace('key: "3"', 'key: "2"'), "shortcut key 2", 4),
    ("dup-yaml-key", GOOD_LABELS.replace('key: "2"}', 'key: "2", key: "3"}'), "key key appears twice", 3),
    ("missing-label", GOOD_LABELS.replace("tail: [ORG]", "tail: [COMPANY]"), "COMPANY", 6),
    ("not-a-mapping", "- just\n- a list\n", "mapping", 1),
    ("not-utf8", GOOD_LABELS.replace("a person", "사람").encode("utf-16-le").decode("latin-1"), "UTF-8", None),
]


@pytest.mark.parametrize(("case", "text", "words", "line"), BAD_LABELS, ids=[c[0] for c in BAD_LABELS])
def test_bad_labels_yaml_is_refused_naming_file_and_line(tmp_path: Path, case: str, text: str, words: str,
                                                         line: int | None):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_bytes(text.encode("latin-1") if case == "not-utf8" else text.encode())
    where = f"{labels}:{line}:" if line else f"{labels}:"
    refused(cli(str(corpus), "--labels", str(labels), "--annotator", "kim"), 2, where, words)


def test_label_removed_from_labels_yaml_is_kept_and_flagged_not_dropped(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text(GOOD_LABELS, encoding="utf-8")
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus

    art = clean_doc(open_corpus(corpus).load("a.txt"))
    with Store.open(None, corpus, "kim") as s:
        s.ensure_article("a.txt", art.sha256, art.text, meta=art.meta.model_dump(), source=art.source)
        at = art.text.index("10조원")
        s.add_span("a.txt", at, at + 4, "MONEY", "10조원")
        at = art.text.index("김가상")
        s.add_span("a.txt", at, at + 3, "PER", "김가상")
        s.mark_done("a.txt")
    db = corpus / ".annotator" / "annotations.sqlite3"
    labels.write_text(GOOD_LABELS.replace('  - {name: MONEY, description: an amount, color: "#e06c75", key: "3"}\n',
                                          ""), encoding="utf-8")
    out = tmp_path / "out"
    r = cli("export", str(corpus), "--out", str(out), "--labels", str(labels), "--annotator", "kim")
    line = refused(r, 2, "a.txt", "MONEY")
    assert "label" in line
    assert not out.exists() or not any(out.iterdir())  # nothing half-written
    with Store.open(db, corpus, "kim") as s:  # kept, not dropped
        assert sorted((x.text, x.label, x.status) for x in s.spans("a.txt")) == [
            ("10조원", "MONEY", "accepted"), ("김가상", "PER", "accepted")]


# -- store files --------------------------------------------------------------------------------------


def _labelled_store(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "store.sqlite3"
    with Store.open(db, corpus, "kim") as s:
        s.ensure_article("a.txt", "0" * 64, ARTICLE)
        s.add_span("a.txt", 0, 4, "ORG", ARTICLE[:4])
        for i in range(200):  # a few pages, so damage in the middle hits real data
            s.cache_put(f"k{i}", os.urandom(300))
    conn = sqlite3.connect(db)  # fold the WAL in, so the file alone is the store
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return corpus, db


def _damage(db: Path, how: str, other_corpus: Path) -> None:
    data = bytearray(db.read_bytes())
    if how == "truncated":
        db.write_bytes(bytes(data[: len(data) // 2]))
    elif how == "corrupted":
        page = int.from_bytes(data[16:18], "big")
        for p in range(1, len(data) // page):  # scribble over the middle of every page but the first
            data[p * page + 8: p * page + 200] = b"\xa5" * 192
        db.write_bytes(bytes(data))
    elif how == "not-sqlite":
        db.write_text("this is a note, not a database\n" * 50, encoding="utf-8")
    elif how == "newer":
        conn = sqlite3.connect(db)
        conn.execute("INSERT INTO schema_version (version, applied) VALUES (99, 'future')")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    elif how == "other-corpus":
        with Store.open(db.with_name("other.sqlite3"), other_corpus, "kim"):
            pass
        shutil.copy(db.with_name("other.sqlite3"), db)
        for extra in (db.with_name("other.sqlite3-wal"), db.with_name("other.sqlite3-shm")):
            if extra.exists():
                shutil.copy(extra, str(db) + extra.name[len("other.sqlite3"):])


STORE_CASES = [("truncated", 1, "truncated"), ("corrupted", 1, "damaged"), ("not-sqlite", 1, "not an annotator store"),
               ("newer", 1, "newer"), ("other-corpus", 2, "different corpus")]


@pytest.mark.parametrize(("how", "code", "words"), STORE_CASES, ids=[c[0] for c in STORE_CASES])
def test_bad_store_is_refused_and_left_byte_for_byte(tmp_path: Path, how: str, code: int, words: str):
    corpus, db = _labelled_store(tmp_path)
    other = tmp_path / "other-corpus"
    other.mkdir()
    _damage(db, how, other)
    before = {p.name: digest(p) for p in tmp_path.glob("store.sqlite3*")}
    for args in ([str(corpus)], ["export", str(corpus), "--out", str(tmp_path / "out")],
                 ["import", str(tmp_path / "none.jsonl"), "--corpus", str(corpus)]):
        if args[0] == "import":
            (tmp_path / "none.jsonl").write_text("", encoding="utf-8")
        r = cli(*args, "--db", str(db), "--annotator", "kim")
        refused(r, code, str(db), words)
        assert {p.name: digest(p) for p in tmp_path.glob("store.sqlite3*")} == before, "the store was rewritten"


# -- import files -------------------------------------------------------------------------------------


def test_bad_import_lines_are_named_and_stored_labels_untouched(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.txt").write_text(ARTICLE.replace("가상전자", "나상전자"), encoding="utf-8")
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus

    c = open_corpus(corpus)
    texts = {}
    with Store.open(None, corpus, "kim") as s:
        for d in ("a.txt", "b.txt"):
            art = clean_doc(c.load(d))
            texts[d] = art.text
            s.ensure_article(d, art.sha256, art.text, meta=art.meta.model_dump(), source=art.source)
        at = texts["a.txt"].index("김가상")
        s.add_span("a.txt", at, at + 3, "PER", "김가상")
        kept = s.spans("a.txt")
    t = texts["b.txt"]
    at = t.index("나상전자")
    good = {"id": "b.txt", "text": t, "spans": [{"id": "s1", "start": at, "end": at + 4, "label": "ORG", "text": "나상전자"}],
            "relations": []}
    shifted = {"id": "a.txt", "text": texts["a.txt"],
               "spans": [{"id": "s1", "start": 1, "end": 5, "label": "ORG", "text": "가상전자"}], "relations": []}
    unknown = {"id": "a.txt", "text": texts["a.txt"],
               "spans": [{"id": "s1", "start": 0, "end": 4, "label": "COMPANY", "text": "가상전자"}], "relations": []}
    lines = [orjson.dumps(good).decode(), orjson.dumps(shifted).decode(), '{"id": "a.txt", "spans": [',
             orjson.dumps(unknown).decode()]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("import", str(f), "--corpus", str(corpus), "--as", "labels", "--annotator", "kim",
            "--labels", str(PACKAGED))
    assert "Traceback" not in r.stderr
    assert r.returncode == 2, r.stderr
    err = r.stderr.splitlines()
    assert all(x.startswith("annotate: ") for x in err)
    for n, words in ((2, "가상전자"), (3, "JSON"), (4, "COMPANY")):
        assert any(f"{f}:{n}:" in x and words in x for x in err), (n, err)
    assert not any(f"{f}:1:" in x for x in err)
    with Store.open(None, corpus, "kim") as s:
        assert s.spans("a.txt") == kept  # nothing shifted onto, nothing lost
        assert [(x.text, x.label) for x in s.spans("b.txt")] == [("나상전자", "ORG")]
        assert s.verify() == []
