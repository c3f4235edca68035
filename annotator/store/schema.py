"""The database layout, its forward migrations, and the checks made before a file is trusted.

A file is refused (never rewritten) when it is not SQLite, is truncated or corrupt, was
written by a newer annotator, or belongs to a different corpus.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import RuntimeFailure

SQLITE_MAGIC = b"SQLite format 3\x00"
# Corrupt files are found with quick_check (about 3.5 ms per MB); above this size only the header
# is checked at open, so the app still starts fast (SQLite reports damage on the pages it reads).
QUICK_CHECK_MAX_BYTES = 8 * 1024 * 1024

V1 = """
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, text_sha256 TEXT NOT NULL, text TEXT NOT NULL,
    source TEXT, meta_json TEXT NOT NULL DEFAULT '{}', added TEXT NOT NULL, changed TEXT);
CREATE TABLE article_state (
    doc_id TEXT NOT NULL, annotator TEXT NOT NULL, status TEXT NOT NULL, updated TEXT NOT NULL,
    PRIMARY KEY (doc_id, annotator));
CREATE TABLE spans (
    doc_id TEXT NOT NULL, annotator TEXT NOT NULL, id TEXT NOT NULL,
    start_at INTEGER NOT NULL, end_at INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    source TEXT NOT NULL, score REAL, edited INTEGER NOT NULL DEFAULT 0,
    needs_review INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, annotator, id));
CREATE TABLE relations (
    doc_id TEXT NOT NULL, annotator TEXT NOT NULL, id TEXT NOT NULL,
    head TEXT NOT NULL, tail TEXT NOT NULL, label TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    source TEXT NOT NULL, score REAL,
    PRIMARY KEY (doc_id, annotator, id));
CREATE TABLE counters (
    doc_id TEXT NOT NULL, annotator TEXT NOT NULL, next_id INTEGER NOT NULL,
    PRIMARY KEY (doc_id, annotator));
CREATE TABLE suggested (doc_id TEXT NOT NULL, annotator TEXT NOT NULL, PRIMARY KEY (doc_id, annotator));
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, annotator TEXT NOT NULL,
    doc_id TEXT, action TEXT NOT NULL, before_json TEXT NOT NULL, after_json TEXT NOT NULL);
CREATE INDEX events_by_doc ON events (doc_id, seq);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TABLE history (
    doc_id TEXT NOT NULL, annotator TEXT NOT NULL, seq INTEGER NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (doc_id, annotator, seq));
CREATE TABLE positions (annotator TEXT PRIMARY KEY, doc_id TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE cache (key TEXT PRIMARY KEY, value BLOB NOT NULL, created TEXT NOT NULL);
"""

# MIGRATIONS[n] turns a version n-1 database into version n (0 = empty file).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: lambda conn: _executescript(conn, V1),
}
CURRENT_VERSION = max(MIGRATIONS)


def _executescript(conn: sqlite3.Connection, script: str) -> None:
    # executescript would COMMIT our open transaction; run statement by statement instead.
    for stmt in _statements(script):
        conn.execute(stmt)


def _statements(script: str) -> list[str]:
    out, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf)
        if sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    return out


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def check_file(path: Path) -> None:
    """Refuse a file that is not an intact SQLite database, before SQLite touches it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise RuntimeFailure(f"cannot read the store: {exc.strerror}", path=path) from None
    if size == 0:
        return  # an empty file is a new database
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise RuntimeFailure(f"cannot read the store: {exc.strerror}", path=path) from None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise RuntimeFailure("not an annotator store (not an SQLite database); "
                             "it was left untouched — pass another --db or move it away", path=path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The in-header page count is valid only when the two change counters agree (SQLite >= 3.7.0).
    if header[24:28] == header[92:96] and pages and size < pages * page_size:
        raise RuntimeFailure(f"the store is truncated ({size} bytes, its header says "
                             f"{pages * page_size}); it was left untouched — restore it from a backup",
                             path=path)


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size == 0 or size > QUICK_CHECK_MAX_BYTES:
        return
    try:
        result = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise corrupt(path, exc) from None
    if result != "ok":
        raise corrupt(path, result)


def corrupt(path: Path, detail: object) -> RuntimeFailure:
    detail = " ".join(str(detail).replace("*** in database main ***", "").split())  # SQLite's report is multi-line
    return RuntimeFailure(f"the store is damaged ({detail}); it was left untouched — "
                          "restore it from a backup or pass another --db", path=path)


def read_version(conn: sqlite3.Connection, path: Path) -> int:
    """0 for an empty database; refuses a database that is not ours."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        if path.exists() and path.stat().st_size > 1024 * 1024:  # an empty store is never this big
            raise corrupt(path, "no tables found in a large file")
        return 0
    if "schema_version" not in tables:
        raise RuntimeFailure("an SQLite database, but not an annotator store (no schema_version table); "
                             "it was left untouched", path=path)
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Bring the database forward to CURRENT_VERSION in one transaction (caller holds BEGIN IMMEDIATE)."""
    if version > CURRENT_VERSION:
        raise RuntimeFailure(f"the store was written by a newer annotator (schema version {version}; "
                             f"this one reads up to {CURRENT_VERSION}); upgrade annotator — "
                             "the file was left untouched", path=path)
    if version == 0:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied TEXT NOT NULL)")
    for v in range(version + 1, CURRENT_VERSION + 1):
        MIGRATIONS[v](conn)
        conn.execute("INSERT INTO schema_version (version, applied) VALUES (?, ?)", (v, now()))


def corpus_id_file(corpus_root: Path) -> Path:
    return corpus_root / ".annotator" / "corpus-id"


def read_corpus_id(corpus_root: Path) -> str | None:
    try:
        value = corpus_id_file(corpus_root).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return value or None


def write_corpus_id(corpus_root: Path, value: str) -> bool:
    """Best effort: a read-only corpus folder keeps working, identified by its path only."""
    target = corpus_id_file(corpus_root)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".corpus-id.{os.getpid()}.tmp")
        tmp.write_text(value + "\n", encoding="utf-8")
        os.replace(tmp, target)
        return True
    except OSError:
        return False
