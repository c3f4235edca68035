"""Kiwi in a child process, for the app: building and running Kiwi holds the GIL for seconds
(FACTS.md), which would freeze the UI if done in one of the app's threads.

The child is started with `spawn` (never `fork`: the parent is a threaded Textual app), builds
Kiwi with the gazetteer, then answers requests over a pipe. A reader thread in the parent
dispatches replies, so `analyze` is blocking and thread-safe, and a child that dies fails every
waiting call with `AnalysisUnavailable` instead of hanging it.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing as mp
import os
import sys
import threading
from concurrent.futures import Future
from pathlib import Path

from annotator.analysis.model import Analysis
from annotator.errors import RuntimeFailure


class AnalysisUnavailable(RuntimeFailure):
    """The analysis child process could not start, died, or was closed."""


def _quiet_child_output() -> None:
    """The child shares the app's terminal: a stray warning printed there would draw over the screen.
    Failures reach the parent through the pipe instead."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)


@contextlib.contextmanager
def _real_stderr():
    """multiprocessing hands sys.stderr.fileno() to its helper process; a host that captures stderr
    (Textual does) has a stand-in whose fileno() is -1 or raises, so start with the real one."""
    try:
        usable = sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable or sys.__stderr__ is None:
        yield
        return
    saved, sys.stderr = sys.stderr, sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


def _child_main(conn, labels_path: str) -> None:
    # Runs in the child. Every reply is (request id, ok, payload); id 0 is the readiness message.
    _quiet_child_output()
    try:
        from annotator.analysis.kiwi import Analyzer
        from annotator.labels import load_labels

        analyzer = Analyzer(load_labels(labels_path))
    except BaseException as exc:  # report why, then exit
        conn.send((0, False, f"{type(exc).__name__}: {exc}"))
        return
    conn.send((0, True, None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        req_id, texts = msg
        try:
            conn.send((req_id, True, [a.to_bytes() for a in analyzer.analyze_many(texts)]))
        except Exception as exc:
            conn.send((req_id, False, f"{type(exc).__name__}: {exc}"))


class AnalysisClient:
    """A Kiwi analyser in a child process. `start()` after the app's first frame; `analyze` from any thread."""

    def __init__(self, labels_path: str | Path, *, context: str = "spawn"):
        self.labels_path = str(labels_path)
        self._ctx = mp.get_context(context)
        self._proc = None
        self._conn = None
        self._reader: threading.Thread | None = None
        self._send_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._pending: dict[int, Future] = {}
        self._ids = itertools.count(1)
        self._ready = threading.Event()
        self._error: str | None = None

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> AnalysisClient:
        """Start the child (idempotent). Returns at once; Kiwi builds in the background (~2 s)."""
        with self._state_lock:
            if self._proc is not None:
                return self
            parent, child = self._ctx.Pipe()
            self._proc = self._ctx.Process(target=_child_main, args=(child, self.labels_path),
                                           name="annotator-kiwi", daemon=True)
            with _real_stderr():
                self._proc.start()
            child.close()  # so the parent sees EOF when the child dies
            self._conn = parent
            self._reader = threading.Thread(target=self._read_loop, name="annotator-kiwi-reader", daemon=True)
            self._reader.start()
        return self

    @property
    def ready(self) -> bool:
        """True once Kiwi is built in the child and requests are answered without the build delay."""
        return self._ready.is_set() and self._error is None

    @property
    def loading(self) -> bool:
        """Started, still building Kiwi, not failed."""
        return self._proc is not None and not self._ready.is_set() and self._error is None

    @property
    def error(self) -> str | None:
        """Why the service is unavailable, once it is."""
        return self._error

    def wait_ready(self, timeout: float | None = None) -> bool:
        self.start()
        self._ready.wait(timeout)
        if self._error is not None:
            raise AnalysisUnavailable(self._error)
        return self._ready.is_set()

    def close(self, timeout: float = 2.0) -> None:
        with self._state_lock:
            proc, conn = self._proc, self._conn
            if proc is None:
                return
        try:
            with self._send_lock:
                conn.send(None)
        except (OSError, ValueError):
            pass
        proc.join(timeout)
        if proc.is_alive():
            proc.terminate()
            proc.join(timeout)
        self._fail("analysis service closed")
        conn.close()

    def __enter__(self) -> AnalysisClient:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    # -- requests ---------------------------------------------------------------------------

    def analyze(self, text: str, timeout: float | None = None) -> Analysis:
        return self.analyze_many([text], timeout)[0]

    def analyze_many(self, texts: list[str], timeout: float | None = None) -> list[Analysis]:
        """Blocks until the child answers (waiting for Kiwi to build if needed). Thread-safe."""
        self.start()
        fut: Future = Future()
        req_id = next(self._ids)
        with self._state_lock:
            if self._error is not None:
                raise AnalysisUnavailable(self._error)
            self._pending[req_id] = fut
        try:
            with self._send_lock:
                self._conn.send((req_id, list(texts)))
        except (OSError, ValueError) as exc:
            self._fail(f"analysis service is gone ({exc})")
        payload = fut.result(timeout)  # raises AnalysisUnavailable when the child dies
        return [Analysis.from_bytes(b) for b in payload]

    # -- reader thread ----------------------------------------------------------------------

    def _read_loop(self) -> None:
        conn = self._conn
        while True:
            try:
                req_id, ok, payload = conn.recv()
            except (EOFError, OSError, ValueError):
                code = self._proc.exitcode if self._proc is not None else None
                if code is None and self._proc is not None:
                    self._proc.join(1.0)
                    code = self._proc.exitcode
                self._fail(f"analysis process exited (code {code})")
                return
            if req_id == 0:
                if not ok:
                    self._fail(f"analysis process could not build Kiwi: {payload}")
                self._ready.set()
                continue
            with self._state_lock:
                fut = self._pending.pop(req_id, None)
            if fut is None:
                continue
            if ok:
                fut.set_result(payload)
            else:
                fut.set_exception(AnalysisUnavailable(f"analysis failed: {payload}"))

    def _fail(self, reason: str) -> None:
        with self._state_lock:
            if self._error is None:
                self._error = reason
            pending, self._pending = self._pending, {}
        self._ready.set()  # wake wait_ready; `ready` stays False because of the error
        for fut in pending.values():
            if not fut.done():
                fut.set_exception(AnalysisUnavailable(self._error))
