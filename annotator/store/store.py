"""The SQLite store: per-analyst labels, the append-only event log, undo/redo, statuses, cache.

Every mutating call is one `BEGIN IMMEDIATE` transaction, committed before it returns. Taking the
write lock up front means two processes never deadlock upgrading a read lock; a busy database is
waited for (busy_timeout, then retries), so an analyst never sees "database is locked".
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from annotator.errors import InputError, RuntimeFailure
from annotator.lexicon import Lexicon
from annotator.store import changes, schema
from annotator.store.anchor import reanchor
from annotator.store.errors import NotFound, SpanConflict, StoreReadOnly
from annotator.store.rows import ArticleBundle, ArticleRow, RelationRow, SpanRow

if TYPE_CHECKING:  # pydantic costs 0.17 s to import: the app opens the store before its first frame
    from annotator.models import Relation, Span

T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
# After busy_timeout, BEGIN IMMEDIATE is retried with jittered back-off for this long in total.
RETRY_SECONDS = 60.0
UNDOABLE = {"accept", "reject", "relabel", "resize", "add_span", "delete", "accept_all", "add_relation",
            "accept_relation", "reject_relation", "delete_relation", "mark_done", "mark_skipped"}
_SPAN_SELECT = ("SELECT id, doc_id, annotator, start_at, end_at, label, text, status, source, score, "
                "edited, needs_review FROM spans")
_REL_SELECT = "SELECT id, doc_id, annotator, head, tail, label, status, source, score FROM relations"


def default_db_path(corpus_root: str | os.PathLike) -> Path:
    return Path(corpus_root) / ".annotator" / "annotations.sqlite3"


def _span_row(r: tuple) -> SpanRow:
    return SpanRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], bool(r[10]), bool(r[11]))


def _rel_row(r: tuple) -> RelationRow:
    return RelationRow(*r)


def _dumps(obj: Any) -> str:
    return orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS).decode()


def _is_busy(exc: sqlite3.Error) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


class Store:
    """One analyst's view of one corpus's store. Safe to share between threads of one process."""

    def __init__(self, conn: sqlite3.Connection, path: Path, corpus_root: Path, annotator: str):
        self._conn = conn
        self.path = path
        self.corpus_root = corpus_root
        self.annotator = annotator
        self._lock = threading.RLock()
        self.read_only = False  # opened for reading only (see `open(read_only_fallback=True)`)
        self._uri: str | None = None

    # ----------------------------------------------------------------- opening

    @classmethod
    def open(cls, db_path: str | os.PathLike | None, corpus_root: str | os.PathLike, annotator: str, *,
             read_only_fallback: bool = False) -> Store:
        """Open (or create) the store; refuses a foreign, newer, damaged or non-SQLite file untouched.

        A store whose folder or file cannot be written raises StoreReadOnly, or with
        `read_only_fallback` opens for reading: `read_only` is True, label actions raise StoreReadOnly,
        the cache and the position are not kept."""
        if not annotator or not annotator.strip():
            raise InputError("an analyst name is needed (--annotator NAME)")
        corpus_root = Path(corpus_root)
        if not corpus_root.is_dir():  # a mistyped path must not grow a new corpus folder
            raise InputError("no such corpus folder", path=corpus_root)
        path = Path(db_path) if db_path else default_db_path(corpus_root)
        schema.check_file(path)
        if not path.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise RuntimeFailure(f"cannot create the store's folder: {exc.strerror}", path=path.parent) from None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise _failure(exc, path) from None
        store = cls(conn, path, corpus_root, annotator)
        try:
            store._setup()
        except StoreReadOnly:
            conn.close()
            if read_only_fallback and path.exists():
                return cls._open_for_reading(path, corpus_root, annotator)
            raise StoreReadOnly("the store's folder or file is read-only, so it cannot be opened for labelling "
                                "(nothing was changed)", path=path) from None
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _open_for_reading(cls, path: Path, corpus_root: Path, annotator: str) -> Store:
        from urllib.parse import quote

        base = f"file:{quote(str(path.resolve()))}?mode=ro"
        # Plain read-only needs the -shm file to exist or be creatable; if neither, `immutable`
        # reads the main file alone (a -wal left by a crash is then not seen: its last writes are missing).
        for uri in (base, base + "&immutable=1"):
            try:
                conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                version = schema.read_version(conn, path)
                break
            except sqlite3.OperationalError:
                conn.close()
        else:
            raise _read_only_failure(path)
        store = cls(conn, path, corpus_root, annotator)
        store.read_only, store._uri = True, uri
        try:
            if version != schema.CURRENT_VERSION:
                schema.migrate(conn, path, version)  # refuses a newer store untouched
                raise RuntimeFailure(f"the store needs upgrading to schema {schema.CURRENT_VERSION} but is "
                                     "read-only", path=path)
            schema.check_integrity(conn, path)
            store._check_corpus()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise schema.corrupt(path, exc) from None
        except BaseException:
            conn.close()
            raise
        return store

    def _setup(self) -> None:
        conn, path = self._conn, self.path
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = schema.read_version(conn, path)
            if version > schema.CURRENT_VERSION:
                schema.migrate(conn, path, version)  # raises before anything is written
            schema.check_integrity(conn, path)  # also before creating tables in a non-empty file
            mode = self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            if str(mode).lower() != "wal":
                raise RuntimeFailure(f"the store cannot use write-ahead logging (journal mode {mode}); "
                                     "is its folder read-only or on a network share?", path=path)
            conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):
                raise _failure(exc, path) from None
            raise schema.corrupt(path, exc) from None
        if version < schema.CURRENT_VERSION:
            self._write(self._migrate_tx)
        self._check_corpus()

    def _migrate_tx(self, conn: sqlite3.Connection) -> None:
        version = schema.read_version(conn, self.path)  # another process may have migrated meanwhile
        if version >= schema.CURRENT_VERSION:
            if version > schema.CURRENT_VERSION:
                schema.migrate(conn, self.path, version)
            return
        schema.migrate(conn, self.path, version)
        if version == 0:
            corpus_id = schema.read_corpus_id(self.corpus_root) or uuid.uuid4().hex
            for k, v in (("corpus_id", corpus_id), ("corpus_root", str(self.corpus_root.resolve())),
                         ("created", schema.now())):
                conn.execute("INSERT INTO store_meta (key, value) VALUES (?, ?)", (k, v))

    def _check_corpus(self) -> None:
        meta = dict(self._conn.execute("SELECT key, value FROM store_meta").fetchall())
        db_id, db_root = meta.get("corpus_id"), meta.get("corpus_root", "?")
        here = str(self.corpus_root.resolve())
        file_id = schema.read_corpus_id(self.corpus_root)
        if file_id is None and db_root == here:
            schema.write_corpus_id(self.corpus_root, db_id)
        elif file_id != db_id:
            why = ("this corpus has no .annotator/corpus-id file" if file_id is None
                   else f"this corpus is {file_id}")
            raise InputError(f"the store belongs to a different corpus (made for {db_root}, corpus id {db_id}; "
                             f"{why}). Pass the right --db, or, if this folder is that corpus moved, "
                             f"put {db_id} into {schema.corpus_id_file(self.corpus_root)}", path=self.path)

    def reader(self) -> Store:
        """A second connection to the same store for a long read in another thread (export), so the
        app's own calls on this one are never held up by it. Close it when done."""
        try:
            if self._uri:
                conn = sqlite3.connect(self._uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                       check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as exc:
            raise _failure(exc, self.path) from None
        other = Store(conn, self.path, self.corpus_root, self.annotator)
        other.read_only, other._uri = self.read_only, self._uri
        return other

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- transactions

    def _retry(self, fn: Callable[[], T]) -> T:
        deadline = time.monotonic() + RETRY_SECONDS
        delay = 0.01
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 0.5)

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run `fn` in one BEGIN IMMEDIATE transaction, committed before returning; all or nothing."""
        if self.read_only:
            raise _read_only_failure(self.path)
        conn = self._conn
        with self._lock:
            try:
                self._retry(lambda: conn.execute("BEGIN IMMEDIATE"))
            except sqlite3.Error as exc:
                raise _failure(exc, self.path) from None
            try:
                result = fn(conn)
                self._retry(lambda: conn.execute("COMMIT"))
                return result
            except BaseException as exc:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                if isinstance(exc, sqlite3.Error):
                    raise _failure(exc, self.path) from None
                raise

    def _read(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._retry(lambda: self._conn.execute(sql, params).fetchall())
            except sqlite3.Error as exc:
                raise _failure(exc, self.path) from None

    def _log(self, conn: sqlite3.Connection, doc_id: str | None, action: str, before: Any, after: Any,
             annotator: str | None = None) -> int:
        """Append an event. When it changes another annotator's labels (import, gold), the after
        snapshot also names this analyst as its "actor"."""
        if annotator and annotator != self.annotator:
            after = {**after, "actor": self.annotator}
        cur = conn.execute("INSERT INTO events (ts, annotator, doc_id, action, before_json, after_json) "
                           "VALUES (?, ?, ?, ?, ?, ?)",
                           (schema.now(), annotator or self.annotator, doc_id, action, _dumps(before), _dumps(after)))
        return int(cur.lastrowid)

    def _action(self, doc_id: str, action: str, body: Callable[[sqlite3.Connection, changes.Change], T]) -> T:
        """An undoable analyst action: snapshot what `body` touches, log it, push it on the undo stack."""

        def tx(conn: sqlite3.Connection) -> T:
            self._require_article(conn, doc_id)
            ch = changes.Change(conn, doc_id)
            result = body(conn, ch)
            after = ch.after()
            if after != ch.before:
                seq = self._log(conn, doc_id, action, ch.before, after)
                conn.execute("DELETE FROM history WHERE doc_id = ? AND annotator = ? AND undone = 1",
                             (doc_id, self.annotator))  # a new action clears redo
                conn.execute("INSERT INTO history (doc_id, annotator, seq) VALUES (?, ?, ?)",
                             (doc_id, self.annotator, seq))
            return result

        return self._write(tx)

    # ----------------------------------------------------------------- articles

    def ensure_article(self, doc_id: str, sha256: str, text: str, *, meta: Any = None,
                       source: str | None = None) -> str:
        """Register an article (its cleaned text is what every offset refers to), or handle a changed
        source: labels are kept, spans re-anchored only where unambiguous, the rest flagged for review.
        Returns this analyst's status of the article."""
        meta_json = _meta_json(meta)
        text_sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        # The app calls this on every article it opens: an unchanged article needs no write lock.
        known = self._read("SELECT sha256, text_sha256, source, meta_json FROM articles WHERE doc_id = ?", (doc_id,))
        if known and known[0][:2] == (sha256, text_sha) and (not source or source == known[0][2]) \
                and (not meta_json or meta_json == known[0][3]):
            return self.status(doc_id)

        def tx(conn: sqlite3.Connection) -> str:
            row = conn.execute("SELECT sha256, text_sha256, text, source, meta_json FROM articles WHERE doc_id = ?",
                               (doc_id,)).fetchone()
            when = schema.now()
            if row is None:
                conn.execute("INSERT INTO articles (doc_id, sha256, text_sha256, text, source, meta_json, added) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)",
                             (doc_id, sha256, text_sha, text, source, meta_json or "{}", when))
            elif row[0] != sha256 or row[1] != text_sha:
                self._source_changed(conn, doc_id, row, sha256, text_sha, text, when)
                conn.execute("UPDATE articles SET sha256 = ?, text_sha256 = ?, text = ?, changed = ?, "
                             "source = COALESCE(?, source), meta_json = COALESCE(?, meta_json) WHERE doc_id = ?",
                             (sha256, text_sha, text, when, source, meta_json, doc_id))
            elif (source and source != row[3]) or (meta_json and meta_json != row[4]):
                conn.execute("UPDATE articles SET source = COALESCE(?, source), "
                             "meta_json = COALESCE(?, meta_json) WHERE doc_id = ?", (source, meta_json, doc_id))
            return changes.read_status(conn, doc_id, self.annotator) or "new"

        return self._write(tx)

    def _source_changed(self, conn: sqlite3.Connection, doc_id: str, row: tuple, sha256: str, text_sha: str,
                        new_text: str, when: str) -> None:
        old_sha, old_text_sha, old_text = row[0], row[1], row[2]
        ch = changes.Change(conn, doc_id)
        spans = conn.execute("SELECT annotator, id, start_at, end_at, text FROM spans WHERE doc_id = ?",
                             (doc_id,)).fetchall()
        placed = reanchor(old_text, new_text, [(changes.key(a, i), s, e, t) for a, i, s, e, t in spans])
        by_annotator: dict[str, list[tuple[str, int, int]]] = {}
        for annotator, span_id, *_ in spans:
            ch.note("spans", annotator, span_id)
            where = placed[changes.key(annotator, span_id)]
            if where is not None:
                by_annotator.setdefault(annotator, []).append((span_id, *where))
            else:
                conn.execute("UPDATE spans SET needs_review = 1 WHERE doc_id = ? AND annotator = ? AND id = ?",
                             (doc_id, annotator, span_id))
        for annotator, moved in by_annotator.items():
            # Two spans that moved onto overlapping places are both left for review rather than guessed.
            moved.sort(key=lambda m: (m[1], m[2]))
            clash = {m[0] for a, b in zip(moved, moved[1:], strict=False) if b[1] < a[2] for m in (a, b)}
            for span_id, start, end in moved:
                conn.execute("UPDATE spans SET start_at = ?, end_at = ?, needs_review = ? "
                             "WHERE doc_id = ? AND annotator = ? AND id = ?",
                             (start, end, int(span_id in clash), doc_id, annotator, span_id))
        labelled = {a for a, *_ in spans} | {r[0] for r in conn.execute(
            "SELECT annotator FROM article_state WHERE doc_id = ? AND status != 'new'", (doc_id,))}
        for annotator in sorted(labelled):
            ch.note_status(annotator)
            conn.execute("INSERT OR REPLACE INTO article_state (doc_id, annotator, status, updated) "
                         "VALUES (?, ?, 'source_changed', ?)", (doc_id, annotator, when))
        # Undo entries hold offsets into the old text; replaying them now could misplace a span.
        conn.execute("DELETE FROM history WHERE doc_id = ?", (doc_id,))
        before = {**ch.before, "article": {"sha256": old_sha, "text_sha256": old_text_sha, "text": old_text}}
        after = {**ch.after(), "article": {"sha256": sha256, "text_sha256": text_sha}}
        self._log(conn, doc_id, "source_changed", before, after)

    def article(self, doc_id: str) -> ArticleRow | None:
        rows = self._read("SELECT doc_id, sha256, text, meta_json, source FROM articles WHERE doc_id = ?", (doc_id,))
        return _article_row(rows[0]) if rows else None

    def articles(self, batch: int = 500) -> Iterator[ArticleRow]:
        """Every registered article in id order, fetched in batches so memory stays flat."""
        last = ""
        while True:
            rows = self._read("SELECT doc_id, sha256, text, meta_json, source FROM articles WHERE doc_id > ? "
                              "ORDER BY doc_id LIMIT ?", (last, batch))
            if not rows:
                return
            for r in rows:
                yield _article_row(r)
            last = rows[-1][0]

    def bundles(self, batch: int = 500) -> Iterator[ArticleBundle]:
        """Every article with every analyst's statuses, spans and relations, in id order: three
        queries per batch of articles instead of three per article (export reads 100,000 of them)."""
        last = ""
        while True:
            arts = self._read("SELECT doc_id, sha256, text, meta_json, source FROM articles WHERE doc_id > ? "
                              "ORDER BY doc_id LIMIT ?", (last, batch))
            if not arts:
                return
            lo, hi = arts[0][0], arts[-1][0]
            bundles = {r[0]: ArticleBundle(_article_row(r), {}, [], []) for r in arts}
            for doc_id, annotator, status in self._read(
                    "SELECT doc_id, annotator, status FROM article_state WHERE doc_id BETWEEN ? AND ?", (lo, hi)):
                bundles[doc_id].states[annotator] = status
            # Labels come in index order (by analyst and id), not text order: sorting is the reader's.
            for r in self._read(f"{_SPAN_SELECT} WHERE doc_id BETWEEN ? AND ?", (lo, hi)):
                bundles[r[1]].spans.append(_span_row(r))
            for r in self._read(f"{_REL_SELECT} WHERE doc_id BETWEEN ? AND ?", (lo, hi)):
                bundles[r[1]].relations.append(_rel_row(r))
            yield from bundles.values()
            last = hi

    def _require_article(self, conn: sqlite3.Connection, doc_id: str) -> str:
        row = conn.execute("SELECT text FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"article {doc_id} is not registered in the store (ensure_article first)", path=self.path)
        return row[0]

    # ----------------------------------------------------------------- reading labels

    def spans(self, doc_id: str, annotator: str | None = None) -> list[SpanRow]:
        rows = self._read(f"{_SPAN_SELECT} WHERE doc_id = ? AND annotator = ? ORDER BY start_at, end_at, id",
                          (doc_id, annotator or self.annotator))
        return [_span_row(r) for r in rows]

    def relations(self, doc_id: str, annotator: str | None = None) -> list[RelationRow]:
        rows = self._read(f"{_REL_SELECT} WHERE doc_id = ? AND annotator = ? ORDER BY CAST(SUBSTR(id, 2) AS INTEGER)",
                          (doc_id, annotator or self.annotator))
        return [_rel_row(r) for r in rows]

    def span_counts(self, annotator: str | None = None) -> dict[str, dict[str, int]]:
        """doc_id -> {status: number of spans} for one analyst over every article, in one query."""
        out: dict[str, dict[str, int]] = {}
        for doc_id, status, n in self._read("SELECT doc_id, status, COUNT(*) FROM spans WHERE annotator = ? "
                                            "GROUP BY doc_id, status", (annotator or self.annotator,)):
            out.setdefault(doc_id, {})[status] = n
        return out

    def titles(self) -> dict[str, str | None]:
        """doc_id -> title from the metadata of every registered article (their texts are not read)."""
        return {d: orjson.loads(m or "{}").get("title") for d, m in self._read("SELECT doc_id, meta_json FROM articles")}

    def annotators(self, doc_id: str | None = None) -> list[str]:
        """Analysts (including "gold") who have labels or a status, on one article or anywhere."""
        where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id else ("", ())
        rows = self._read(f"SELECT annotator FROM spans {where} UNION SELECT annotator FROM article_state {where} "
                          "ORDER BY 1", params * 2)
        return [r[0] for r in rows]

    def article_states(self, doc_id: str) -> dict[str, str]:
        """analyst -> status for every analyst (including "gold") with a status on this article."""
        return dict(self._read("SELECT annotator, status FROM article_state WHERE doc_id = ? ORDER BY annotator",
                               (doc_id,)))

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one consistent state of the store (an export's two passes agree);
        other processes keep writing meanwhile. No writes through this Store inside."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def has_suggestions(self, doc_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM suggested WHERE doc_id = ? AND annotator = ?",
                               (doc_id, self.annotator)))

    def status(self, doc_id: str, annotator: str | None = None) -> str:
        rows = self._read("SELECT status FROM article_state WHERE doc_id = ? AND annotator = ?",
                          (doc_id, annotator or self.annotator))
        return rows[0][0] if rows else "new"

    def statuses(self, annotator: str | None = None) -> dict[str, str]:
        """Status of every registered article for this analyst ("new" when untouched)."""
        rows = self._read("SELECT a.doc_id, COALESCE(s.status, 'new') FROM articles a LEFT JOIN article_state s "
                          "ON s.doc_id = a.doc_id AND s.annotator = ? ORDER BY a.doc_id",
                          (annotator or self.annotator,))
        return dict(rows)

    # ----------------------------------------------------------------- suggestions and bulk labels

    def add_suggestions(self, doc_id: str, spans: list[Span], relations: list[Relation]) -> int:
        """Store suggestions once per article as pending, skipping any that overlap existing labels or
        do not match the text. Returns how many spans were stored."""
        if self.has_suggestions(doc_id):
            return 0

        def tx(conn: sqlite3.Connection) -> int:
            if conn.execute("SELECT 1 FROM suggested WHERE doc_id = ? AND annotator = ?",
                            (doc_id, self.annotator)).fetchone():
                return 0
            conn.execute("INSERT INTO suggested (doc_id, annotator) VALUES (?, ?)", (doc_id, self.annotator))
            stored, _ = self._insert_labels(conn, doc_id, self.annotator, spans, relations, "pending", None,
                                            "add_suggestions")
            return stored

        return self._write(tx)

    def add_labels(self, doc_id: str, spans: list[Span], relations: list[Relation], *, status: str = "accepted",
                   source: str | None = None, annotator: str | None = None, done: bool = False) -> list[str]:
        """Bring labels in from outside (import): spans that do not fit are skipped, never shifted.
        Returns a description of each skipped span or relation; all the rest is one transaction."""
        if status not in ("accepted", "pending"):
            raise InputError(f"labels are imported as accepted or pending, not {status}")
        who = annotator or self.annotator

        def tx(conn: sqlite3.Connection) -> list[str]:
            _, problems = self._insert_labels(conn, doc_id, who, spans, relations, status, source, "import",
                                              done=done)
            return problems

        return self._write(tx)

    def replace_labels(self, doc_id: str, spans: list[Span], relations: list[Relation], *, annotator: str,
                       done: bool = False) -> None:
        """Replace every label `annotator` has on the article with these, accepted, in one transaction
        and one event (the review writes gold this way). All or nothing: a span that does not fit the
        text raises InputError and nothing is written. This analyst, who made the change, is the
        event's `actor`."""

        def tx(conn: sqlite3.Connection) -> None:
            _, problems = self._insert_labels(conn, doc_id, annotator, spans, relations, "accepted", None,
                                              "replace_labels", done=done, replace=True)
            if problems:
                raise InputError(f"article {doc_id}: the labels of {annotator} were not replaced (nothing was "
                                 f"written): {'; '.join(problems)}")

        self._write(tx)

    def _insert_labels(self, conn: sqlite3.Connection, doc_id: str, annotator: str, spans: list[Span],
                       relations: list[Relation], status: str, source: str | None, action: str,
                       done: bool = False, replace: bool = False) -> tuple[int, list[str]]:
        text = self._require_article(conn, doc_id)
        ch = changes.Change(conn, doc_id)
        if replace:
            for table in ("spans", "relations"):
                for (item_id,) in conn.execute(f"SELECT id FROM {table} WHERE doc_id = ? AND annotator = ?",
                                               (doc_id, annotator)).fetchall():
                    ch.note(table, annotator, item_id)
                conn.execute(f"DELETE FROM {table} WHERE doc_id = ? AND annotator = ?", (doc_id, annotator))
        taken = [(s.start, s.end) for s in self._span_rows(conn, doc_id, annotator)
                 if s.status != "rejected" and not s.needs_review]
        problems: list[str] = []
        ids: dict[str, str] = {}
        for s in spans:
            if not 0 <= s.start < s.end <= len(text) or text[s.start:s.end] != s.text:
                problems.append(f"span {s.id} [{s.start}:{s.end}] {s.text!r} does not match the text")
                continue
            if any(s.start < e and b < s.end for b, e in taken):
                problems.append(f"span {s.id} [{s.start}:{s.end}] {s.text!r} overlaps an existing span")
                continue
            new_id = self._next_id(conn, doc_id, annotator, "s")
            ch.note("spans", annotator, new_id)
            conn.execute("INSERT INTO spans (doc_id, annotator, id, start_at, end_at, label, text, status, source, "
                         "score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (doc_id, annotator, new_id, s.start, s.end, s.label, s.text, status,
                          source or s.source or "suggest", s.score))
            taken.append((s.start, s.end))
            ids[s.id] = new_id
        for r in relations:
            if r.head not in ids or r.tail not in ids:
                problems.append(f"relation {r.id} ({r.label}) skipped: an end span was skipped or is missing")
                continue
            new_id = self._next_id(conn, doc_id, annotator, "r")
            ch.note("relations", annotator, new_id)
            conn.execute("INSERT INTO relations (doc_id, annotator, id, head, tail, label, status, source, score) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (doc_id, annotator, new_id, ids[r.head], ids[r.tail], r.label, status,
                          source or r.source or "suggest", r.score))
        if status == "accepted" or done:
            ch.note_status(annotator)
            current = changes.read_status(conn, doc_id, annotator)
            new = "done" if done else ("in_progress" if current in (None, "new") else current)
            if new != current:
                conn.execute("INSERT OR REPLACE INTO article_state (doc_id, annotator, status, updated) "
                             "VALUES (?, ?, ?, ?)", (doc_id, annotator, new, schema.now()))
        after = ch.after()
        if after != ch.before:
            self._log(conn, doc_id, action, ch.before, after, annotator=annotator)
        return len(ids), problems

    # ----------------------------------------------------------------- analyst actions

    def accept(self, doc_id: str, span_id: str) -> None:
        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            span = self._get_span(conn, doc_id, span_id)
            if span.status == "rejected":
                self._check_place(conn, doc_id, span.start, span.end, span.text, exclude=span_id)
            self._update(conn, ch, "spans", doc_id, span_id, status="accepted")

        self._action(doc_id, "accept", body)

    def reject(self, doc_id: str, span_id: str) -> None:
        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            self._get_span(conn, doc_id, span_id)
            self._update(conn, ch, "spans", doc_id, span_id, status="rejected")
            for rel in self._relations_of(conn, doc_id, span_id):  # a relation cannot outlive its end
                if rel.status != "rejected":
                    self._update(conn, ch, "relations", doc_id, rel.id, status="rejected")

        self._action(doc_id, "reject", body)

    def relabel(self, doc_id: str, span_id: str, label: str) -> None:
        if not label:
            raise InputError("a span needs a label")

        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            span = self._get_span(conn, doc_id, span_id)
            if span.status == "rejected":
                self._check_place(conn, doc_id, span.start, span.end, span.text, exclude=span_id)
            edited = span.edited or (span.source != "manual" and label != span.label)
            self._update(conn, ch, "spans", doc_id, span_id, label=label, status="accepted", edited=int(edited))

        self._action(doc_id, "relabel", body)

    def resize(self, doc_id: str, span_id: str, start: int, end: int, text: str) -> None:
        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            span = self._get_span(conn, doc_id, span_id)
            self._check_place(conn, doc_id, start, end, text, exclude=span_id)
            edited = span.edited or (span.source != "manual" and (start, end) != (span.start, span.end))
            self._update(conn, ch, "spans", doc_id, span_id, start_at=start, end_at=end, text=text,
                              status="accepted", edited=int(edited), needs_review=0)

        self._action(doc_id, "resize", body)

    def add_span(self, doc_id: str, start: int, end: int, label: str, text: str, source: str = "manual",
                 score: float | None = None) -> str:
        """A new accepted span; returns its id."""
        if not label:
            raise InputError("a span needs a label")

        def body(conn: sqlite3.Connection, ch: changes.Change) -> str:
            self._check_place(conn, doc_id, start, end, text)
            span_id = self._next_id(conn, doc_id, self.annotator, "s")
            ch.note("spans", self.annotator, span_id)
            conn.execute("INSERT INTO spans (doc_id, annotator, id, start_at, end_at, label, text, status, source, "
                         "score) VALUES (?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?)",
                         (doc_id, self.annotator, span_id, start, end, label, text, source, score))
            self._touch_status(conn, ch, doc_id)
            return span_id

        return self._action(doc_id, "add_span", body)

    def delete(self, doc_id: str, span_id: str) -> None:
        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            self._get_span(conn, doc_id, span_id)
            for rel in self._relations_of(conn, doc_id, span_id):
                self._remove(conn, ch, "relations", doc_id, rel.id)
            self._remove(conn, ch, "spans", doc_id, span_id)
            self._touch_status(conn, ch, doc_id)

        self._action(doc_id, "delete", body)

    def accept_all(self, doc_id: str) -> int:
        """Accept every pending span, then every pending relation whose ends are accepted; returns spans accepted."""

        def body(conn: sqlite3.Connection, ch: changes.Change) -> int:
            count = 0
            for span in self._span_rows(conn, doc_id, self.annotator):
                if span.status == "pending" and not span.needs_review:
                    self._update(conn, ch, "spans", doc_id, span.id, status="accepted")
                    count += 1
            accepted = {s.id for s in self._span_rows(conn, doc_id, self.annotator) if s.status == "accepted"}
            for rel in self._rel_rows(conn, doc_id):
                if rel.status == "pending" and rel.head in accepted and rel.tail in accepted:
                    self._update(conn, ch, "relations", doc_id, rel.id, status="accepted")
            return count

        return self._action(doc_id, "accept_all", body)

    def add_relation(self, doc_id: str, head: str, tail: str, label: str, source: str = "manual",
                     score: float | None = None) -> str:
        """A new accepted relation between two of this analyst's spans (pending ends are accepted with it)."""
        if head == tail:
            raise InputError("a relation joins two different spans")

        def body(conn: sqlite3.Connection, ch: changes.Change) -> str:
            self._accept_ends(conn, ch, doc_id, head, tail)
            for rel in self._rel_rows(conn, doc_id):
                if (rel.head, rel.tail, rel.label) == (head, tail, label) and rel.status != "rejected":
                    raise InputError(f"relation {rel.id} already says {head} {label} {tail}")
            rel_id = self._next_id(conn, doc_id, self.annotator, "r")
            ch.note("relations", self.annotator, rel_id)
            conn.execute("INSERT INTO relations (doc_id, annotator, id, head, tail, label, status, source, score) "
                         "VALUES (?, ?, ?, ?, ?, ?, 'accepted', ?, ?)",
                         (doc_id, self.annotator, rel_id, head, tail, label, source, score))
            self._touch_status(conn, ch, doc_id)
            return rel_id

        return self._action(doc_id, "add_relation", body)

    def accept_relation(self, doc_id: str, rel_id: str) -> None:
        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            rel = self._get_relation(conn, doc_id, rel_id)
            self._accept_ends(conn, ch, doc_id, rel.head, rel.tail)
            self._update(conn, ch, "relations", doc_id, rel_id, status="accepted")

        self._action(doc_id, "accept_relation", body)

    def reject_relation(self, doc_id: str, rel_id: str) -> None:
        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            self._get_relation(conn, doc_id, rel_id)
            self._update(conn, ch, "relations", doc_id, rel_id, status="rejected")

        self._action(doc_id, "reject_relation", body)

    def delete_relation(self, doc_id: str, rel_id: str) -> None:
        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            self._get_relation(conn, doc_id, rel_id)
            self._remove(conn, ch, "relations", doc_id, rel_id)
            self._touch_status(conn, ch, doc_id)

        self._action(doc_id, "delete_relation", body)

    def mark_done(self, doc_id: str) -> None:
        """Refused while spans still need review after a source change (they could not be re-anchored)."""

        def body(conn: sqlite3.Connection, ch: changes.Change) -> None:
            flagged = [s.id for s in self._span_rows(conn, doc_id, self.annotator)
                       if s.needs_review and s.status != "rejected"]
            if flagged:
                raise InputError(f"article {doc_id}: {len(flagged)} span(s) need review after the source "
                                 f"changed ({', '.join(flagged[:5])}); resize, reject or delete them first")
            self._set_status(conn, ch, doc_id, "done")

        self._action(doc_id, "mark_done", body)

    def mark_skipped(self, doc_id: str) -> None:
        self._action(doc_id, "mark_skipped", lambda conn, ch: self._set_status(conn, ch, doc_id, "skipped"))

    def undo(self, doc_id: str) -> str | None:
        """Undo this analyst's last action on the article; returns its name, or None if nothing to undo."""
        return self._undo_redo(doc_id, redo=False)

    def redo(self, doc_id: str) -> str | None:
        return self._undo_redo(doc_id, redo=True)

    def can_undo(self, doc_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM history WHERE doc_id = ? AND annotator = ? AND undone = 0",
                               (doc_id, self.annotator)))

    def can_redo(self, doc_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM history WHERE doc_id = ? AND annotator = ? AND undone = 1",
                               (doc_id, self.annotator)))

    def _undo_redo(self, doc_id: str, redo: bool) -> str | None:
        def tx(conn: sqlite3.Connection) -> str | None:
            row = conn.execute(
                "SELECT h.seq, e.action, e.before_json, e.after_json FROM history h JOIN events e ON e.seq = h.seq "
                f"WHERE h.doc_id = ? AND h.annotator = ? AND h.undone = ? ORDER BY h.seq {'ASC' if redo else 'DESC'} "
                "LIMIT 1", (doc_id, self.annotator, int(redo))).fetchone()
            if row is None:
                return None
            seq, action, before, after = row[0], row[1], orjson.loads(row[2]), orjson.loads(row[3])
            current, target = (before, after) if redo else (after, before)
            changes.apply(conn, doc_id, target, schema.now())
            self._check_consistent(conn, doc_id)
            conn.execute("UPDATE history SET undone = ? WHERE doc_id = ? AND annotator = ? AND seq = ?",
                         (int(not redo), doc_id, self.annotator, seq))
            self._log(conn, doc_id, "redo" if redo else "undo", {**current, "event": seq}, {**target, "event": seq})
            return action

        return self._write(tx)

    # ----------------------------------------------------------------- position, cache, lexicon

    def set_position(self, doc_id: str) -> None:
        if self.read_only:
            return  # where the analyst was is a convenience, not a label: nothing to refuse
        self._write(lambda conn: conn.execute(
            "INSERT OR REPLACE INTO positions (annotator, doc_id, updated) VALUES (?, ?, ?)",
            (self.annotator, doc_id, schema.now())))

    def position(self) -> str | None:
        rows = self._read("SELECT doc_id FROM positions WHERE annotator = ?", (self.annotator,))
        return rows[0][0] if rows else None

    def cache_get(self, key: str) -> bytes | None:
        rows = self._read("SELECT value FROM cache WHERE key = ?", (key,))
        return bytes(rows[0][0]) if rows else None

    def cache_put(self, key: str, value: bytes) -> None:
        if self.read_only:
            return  # a cache that cannot be written is simply not kept
        self._write(lambda conn: conn.execute(
            "INSERT OR REPLACE INTO cache (key, value, created) VALUES (?, ?, ?)", (key, value, schema.now())))

    def lexicon(self) -> Lexicon:
        """All analysts' accepted spans and rejected suggestions, and the relations they accepted or
        rejected, as the suggester learns from them. Counted in SQL, so a store of millions of spans
        hands over only its distinct surface forms."""
        lex = Lexicon()
        rows = self._read("SELECT text, label, status, COUNT(*) FROM spans WHERE needs_review = 0 AND "
                          "(status = 'accepted' OR (status = 'rejected' AND source != 'manual')) "
                          "GROUP BY text, label, status ORDER BY text, label")
        for text, label, status, n in rows:
            if status == "accepted":
                lex.accepted_count[(text, label)] = n
                best = lex.accepted.get(text)
                if best is None or n > lex.accepted_count[(text, best)]:  # ties: the first label by name
                    lex.accepted[text] = label
            else:
                lex.rejected_count[(text, label)] = n
        # Relations by their two ends' surfaces. A relation rejected because one of its ends was
        # rejected (it cannot outlive it) says nothing about the relation, so it is not counted.
        rows = self._read(
            "SELECT h.text, r.label, t.text, r.status, COUNT(*) FROM relations r "
            "JOIN spans h ON h.doc_id = r.doc_id AND h.annotator = r.annotator AND h.id = r.head "
            "JOIN spans t ON t.doc_id = r.doc_id AND t.annotator = r.annotator AND t.id = r.tail "
            "WHERE h.needs_review = 0 AND t.needs_review = 0 AND (r.status = 'accepted' OR "
            "(r.status = 'rejected' AND r.source != 'manual' AND h.status != 'rejected' AND t.status != 'rejected')) "
            "GROUP BY h.text, r.label, t.text, r.status ORDER BY h.text, r.label, t.text")
        for head, label, tail, status, n in rows:
            (lex.related_count if status == "accepted" else lex.unrelated_count)[(head, label, tail)] = n
        return lex

    def suggestion_outcomes(self) -> list[tuple[str, str, str, bool, int]]:
        """(source, label, status, edited, count) over every analyst: acceptance rate per source and label."""
        rows = self._read("SELECT source, label, status, edited, COUNT(*) FROM spans WHERE source != 'manual' "
                          "GROUP BY source, label, status, edited ORDER BY source, label, status, edited")
        return [(r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows]

    # ----------------------------------------------------------------- the event log

    def events(self, doc_id: str | None = None) -> Iterator[dict]:
        """The event log in order, decoded (for audits and tests). "annotator" is whose labels changed,
        "actor" who changed them (the same, except for imports and gold written by a reviewer)."""
        last = 0
        while True:
            sql = "SELECT seq, ts, annotator, doc_id, action, before_json, after_json FROM events WHERE seq > ?"
            params: tuple = (last,)
            if doc_id is not None:
                sql += " AND doc_id = ?"
                params += (doc_id,)
            rows = self._read(sql + " ORDER BY seq LIMIT 500", params)
            if not rows:
                return
            for r in rows:
                after = orjson.loads(r[6])
                yield {"seq": r[0], "ts": r[1], "annotator": r[2], "actor": after.pop("actor", r[2]),
                       "doc_id": r[3], "action": r[4], "before": orjson.loads(r[5]), "after": after}
            last = rows[-1][0]

    def verify(self) -> list[str]:
        """Replay the event log and compare with the current labels; returns the differences (none = consistent)."""
        replayed: dict[tuple[str, str, str], dict | None] = {}
        for ev in self.events():
            for table in ("spans", "relations"):
                for k, row in ev["after"].get(table, {}).items():
                    replayed[(table, ev["doc_id"], k)] = row
        problems = []
        current: dict[tuple[str, str, str], dict] = {}
        for table, cols in (("spans", changes.SPAN_COLS), ("relations", changes.REL_COLS)):
            for r in self._read(f"SELECT {', '.join(cols)} FROM {table}"):
                row = dict(zip(cols, r, strict=True))
                current[(table, row["doc_id"], changes.key(row["annotator"], row["id"]))] = row
        for k in sorted(set(replayed) | set(current), key=str):
            want, have = replayed.get(k), current.get(k)
            if want != have:
                problems.append(f"{k[0]} {k[1]} {k[2]}: log says {want}, table holds {have}")
        return problems

    # ----------------------------------------------------------------- helpers (inside a transaction)

    def _span_rows(self, conn: sqlite3.Connection, doc_id: str, annotator: str) -> list[SpanRow]:
        rows = conn.execute(f"{_SPAN_SELECT} WHERE doc_id = ? AND annotator = ?", (doc_id, annotator)).fetchall()
        return [_span_row(r) for r in rows]

    def _rel_rows(self, conn: sqlite3.Connection, doc_id: str) -> list[RelationRow]:
        rows = conn.execute(f"{_REL_SELECT} WHERE doc_id = ? AND annotator = ?", (doc_id, self.annotator)).fetchall()
        return [_rel_row(r) for r in rows]

    def _get_span(self, conn: sqlite3.Connection, doc_id: str, span_id: str) -> SpanRow:
        row = conn.execute(f"{_SPAN_SELECT} WHERE doc_id = ? AND annotator = ? AND id = ?",
                           (doc_id, self.annotator, span_id)).fetchone()
        if row is None:
            raise NotFound(f"article {doc_id} has no span {span_id} for {self.annotator}")
        return _span_row(row)

    def _get_relation(self, conn: sqlite3.Connection, doc_id: str, rel_id: str) -> RelationRow:
        row = conn.execute(f"{_REL_SELECT} WHERE doc_id = ? AND annotator = ? AND id = ?",
                           (doc_id, self.annotator, rel_id)).fetchone()
        if row is None:
            raise NotFound(f"article {doc_id} has no relation {rel_id} for {self.annotator}")
        return _rel_row(row)

    def _relations_of(self, conn: sqlite3.Connection, doc_id: str, span_id: str) -> list[RelationRow]:
        return [r for r in self._rel_rows(conn, doc_id) if span_id in (r.head, r.tail)]

    def _accept_ends(self, conn: sqlite3.Connection, ch: changes.Change, doc_id: str, head: str, tail: str) -> None:
        for end_id in (head, tail):
            span = self._get_span(conn, doc_id, end_id)
            if span.status == "rejected":
                raise InputError(f"span {end_id} is rejected; a relation needs two kept spans")
            if span.status == "pending":
                self._update(conn, ch, "spans", doc_id, end_id, status="accepted")

    def _check_place(self, conn: sqlite3.Connection, doc_id: str, start: int, end: int, text: str,
                     exclude: str | None = None) -> None:
        article_text = self._require_article(conn, doc_id)
        if not 0 <= start < end <= len(article_text):
            raise InputError(f"article {doc_id}: span [{start}:{end}] is outside the text (length {len(article_text)})")
        if article_text[start:end] != text:
            raise InputError(f"article {doc_id}: text[{start}:{end}] is {article_text[start:end]!r}, not {text!r}")
        for other in self._span_rows(conn, doc_id, self.annotator):
            if other.id != exclude and other.status != "rejected" and not other.needs_review \
                    and start < other.end and other.start < end:
                raise SpanConflict(f"article {doc_id}: [{start}:{end}] {text!r} overlaps span {other.id} "
                                   f"{other.text!r} ({other.label}, {other.status})")

    def _check_consistent(self, conn: sqlite3.Connection, doc_id: str) -> None:
        """After undo/redo: live spans still fit the text and do not overlap."""
        text = self._require_article(conn, doc_id)
        live = sorted((s for s in self._span_rows(conn, doc_id, self.annotator)
                       if s.status != "rejected" and not s.needs_review), key=lambda s: (s.start, s.end))
        for s in live:
            if text[s.start:s.end] != s.text:
                raise SpanConflict(f"article {doc_id}: cannot restore span {s.id}: the text there changed")
        for a, b in zip(live, live[1:], strict=False):
            if b.start < a.end:
                raise SpanConflict(f"article {doc_id}: cannot restore span {b.id}: it would overlap {a.id}")

    def _update(self, conn: sqlite3.Connection, ch: changes.Change, table: str, doc_id: str, item_id: str,
                **values: Any) -> None:
        """Change one of this analyst's spans or relations (`table`), noted for the event log."""
        ch.note(table, self.annotator, item_id)
        sets = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE {table} SET {sets} WHERE doc_id = ? AND annotator = ? AND id = ?",
                     (*values.values(), doc_id, self.annotator, item_id))
        self._touch_status(conn, ch, doc_id)

    def _remove(self, conn: sqlite3.Connection, ch: changes.Change, table: str, doc_id: str, item_id: str) -> None:
        """Delete one of this analyst's spans or relations, noted for the event log (status: the caller's)."""
        ch.note(table, self.annotator, item_id)
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ? AND annotator = ? AND id = ?",
                     (doc_id, self.annotator, item_id))

    def _touch_status(self, conn: sqlite3.Connection, ch: changes.Change, doc_id: str) -> None:
        """A label action moves a new article to in_progress; done, skipped, source_changed stay."""
        ch.note_status(self.annotator)
        if changes.read_status(conn, doc_id, self.annotator) in (None, "new"):
            self._set_status(conn, ch, doc_id, "in_progress")

    def _set_status(self, conn: sqlite3.Connection, ch: changes.Change, doc_id: str, status: str) -> None:
        ch.note_status(self.annotator)
        conn.execute("INSERT OR REPLACE INTO article_state (doc_id, annotator, status, updated) VALUES (?, ?, ?, ?)",
                     (doc_id, self.annotator, status, schema.now()))

    def _next_id(self, conn: sqlite3.Connection, doc_id: str, annotator: str, prefix: str) -> str:
        """Ids are never reused within an article, so an undone delete cannot collide with a newer span."""
        row = conn.execute("SELECT next_id FROM counters WHERE doc_id = ? AND annotator = ?",
                           (doc_id, annotator)).fetchone()
        n = row[0] if row else 1
        conn.execute("INSERT OR REPLACE INTO counters (doc_id, annotator, next_id) VALUES (?, ?, ?)",
                     (doc_id, annotator, n + 1))
        return f"{prefix}{n}"


def _article_row(r: tuple) -> ArticleRow:
    return ArticleRow(doc_id=r[0], sha256=r[1], text=r[2], meta=orjson.loads(r[3] or "{}"), source=r[4])


def _meta_json(meta: Any) -> str | None:
    if meta is None:
        return None
    if hasattr(meta, "model_dump"):
        meta = meta.model_dump()
    return orjson.dumps(meta, option=orjson.OPT_SORT_KEYS).decode()


def _read_only_failure(path: Path) -> StoreReadOnly:
    return StoreReadOnly("the store cannot be written (its folder or file is read-only): this change was "
                         "not saved; everything saved before it is intact", path=path)


def _failure(exc: sqlite3.Error, path: Path) -> RuntimeFailure:
    """A clear message for what went wrong underneath; nothing of the failed transaction was kept."""
    msg = str(exc)
    low = msg.lower()
    folder = path.parent
    if "full" in low:
        return RuntimeFailure("the disk is full: this change was not saved (everything saved before it is "
                              "intact); free some space and try again", path=path)
    if "readonly" in low or "read-only" in low or not os.access(folder, os.W_OK) \
            or ("unable to open" in low and path.exists()):  # the file is there: its -wal/-shm could not be made
        return _read_only_failure(path)
    if "unable to open" in low:
        return RuntimeFailure(f"cannot open the store ({msg})", path=path)
    if _is_busy(exc):
        return RuntimeFailure(f"the store stayed busy for over {RETRY_SECONDS:.0f} s (another process holds it); "
                              "this change was not saved", path=path)
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError | sqlite3.IntegrityError):
        return schema.corrupt(path, msg)
    return RuntimeFailure(f"the store failed: {msg}", path=path)
