"""Before/after snapshots of what one action touched, as the event log records them.

A snapshot is {"spans": {"ANNOTATOR/ID": row|None}, "relations": {...}, "status": {ANNOTATOR: status|None}};
None means "absent" (deleted, or not yet created). Undo writes `before` back, redo writes `after`,
and replaying every event's `after` in order rebuilds the current labels (`Store.verify`).
"""

from __future__ import annotations

import sqlite3

SPAN_COLS = ("doc_id", "annotator", "id", "start_at", "end_at", "label", "text", "status", "source",
             "score", "edited", "needs_review")
REL_COLS = ("doc_id", "annotator", "id", "head", "tail", "label", "status", "source", "score")
_TABLES = {"spans": SPAN_COLS, "relations": REL_COLS}


def key(annotator: str, item_id: str) -> str:
    return f"{annotator}/{item_id}"


def split_key(k: str) -> tuple[str, str]:
    annotator, _, item_id = k.rpartition("/")  # ids never hold "/", analyst names might
    return annotator, item_id


def read_row(conn: sqlite3.Connection, table: str, doc_id: str, annotator: str, item_id: str) -> dict | None:
    cols = _TABLES[table]
    row = conn.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE doc_id = ? AND annotator = ? AND id = ?",
                       (doc_id, annotator, item_id)).fetchone()
    return dict(zip(cols, row, strict=True)) if row else None


def read_status(conn: sqlite3.Connection, doc_id: str, annotator: str) -> str | None:
    row = conn.execute("SELECT status FROM article_state WHERE doc_id = ? AND annotator = ?",
                       (doc_id, annotator)).fetchone()
    return row[0] if row else None


class Change:
    """Collects the state of everything an action touches, before it is changed."""

    def __init__(self, conn: sqlite3.Connection, doc_id: str):
        self.conn = conn
        self.doc_id = doc_id
        self.before: dict[str, dict] = {"spans": {}, "relations": {}, "status": {}}

    def note(self, table: str, annotator: str, item_id: str) -> None:
        k = key(annotator, item_id)
        if k not in self.before[table]:
            self.before[table][k] = read_row(self.conn, table, self.doc_id, annotator, item_id)

    def note_status(self, annotator: str) -> None:
        if annotator not in self.before["status"]:
            self.before["status"][annotator] = read_status(self.conn, self.doc_id, annotator)

    def after(self) -> dict[str, dict]:
        out: dict[str, dict] = {"spans": {}, "relations": {}, "status": {}}
        for table in ("spans", "relations"):
            for k in self.before[table]:
                out[table][k] = read_row(self.conn, table, self.doc_id, *split_key(k))
        for annotator in self.before["status"]:
            out["status"][annotator] = read_status(self.conn, self.doc_id, annotator)
        return out


def apply(conn: sqlite3.Connection, doc_id: str, state: dict, when: str) -> None:
    """Write a snapshot back: each row as it was in `state`, absent rows deleted."""
    for table, cols in _TABLES.items():
        for k, row in state.get(table, {}).items():
            annotator, item_id = split_key(k)
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ? AND annotator = ? AND id = ?",
                         (doc_id, annotator, item_id))
            if row is not None:
                conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                             tuple(row[c] for c in cols))
    for annotator, status in state.get("status", {}).items():
        if status is None:
            conn.execute("DELETE FROM article_state WHERE doc_id = ? AND annotator = ?", (doc_id, annotator))
        else:
            conn.execute("INSERT OR REPLACE INTO article_state (doc_id, annotator, status, updated) "
                         "VALUES (?, ?, ?, ?)", (doc_id, annotator, status, when))
