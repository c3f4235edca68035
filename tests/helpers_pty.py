"""Running the real `annotate` program in a terminal, for the crash, concurrency and hostile-text tests.

- `TmuxApp`: the app in a private tmux server (its own socket), so a test can read the screen as
  the analyst sees it (`capture-pane`), press keys (`send-keys`) and SIGKILL it.
- `PtyApp`: the app on a bare pseudo-terminal (`os.forkpty`), keeping every byte it writes, so a
  test can check that no escape sequence from an article reaches the terminal.
- `crash_corpus`: a corpus with one article, pending suggestions seeded into the store and an
  analysis put in the store's cache, so the app needs no Kiwi (no child process, fast start).
- `screen_spans`: the side panel parsed into {text: (label, status)}; `span_history`: every state of
  an analyst's spans the event log went through (replayed), to compare with what the screen showed.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.labels import PACKAGED

LABELS = PACKAGED
ANNOTATE = [sys.executable, "-m", "annotator"]
ENV = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", "PYTHONDONTWRITEBYTECODE": "1",
       "TEXTUAL_ANIMATIONS": "none"}

needs_tmux = shutil.which("tmux") is not None


def annotate_argv(corpus: Path, db: Path, annotator: str = "kim") -> list[str]:
    return [*ANNOTATE, str(corpus), "--annotator", annotator, "--db", str(db), "--labels", str(LABELS)]


def wait_until(pred: Callable[[], object], timeout: float, what: str, step: float = 0.03) -> object:
    deadline = time.monotonic() + timeout
    while True:
        got = pred()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(step)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


class TmuxApp:
    """One program in one tmux pane, on a tmux server of its own (killed by `close`)."""

    def __init__(self, argv: list[str], cwd: Path, width: int = 160, height: int = 50):
        self.sock = f"annotator-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.cwd = cwd
        env = {k: v for k, v in ENV.items() if k != "TMUX"}
        cmd = "exec " + shlex.join(argv)
        self._tmux("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height), "-c", str(cwd),
                   cmd, env=env)
        self._tmux("set-option", "-g", "remain-on-exit", "on")
        self.pid = int(self._tmux("display-message", "-p", "#{pane_pid}").strip())

    def _tmux(self, *args: str, env: dict | None = None, check: bool = True) -> str:
        r = subprocess.run(["tmux", "-L", self.sock, *args], capture_output=True, text=True, env=env or ENV,
                           timeout=10)
        if check and r.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {r.stderr.strip()}")
        return r.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-J")

    def stable_screen(self, quiet: float = 0.12, timeout: float = 5.0) -> str:
        """The screen once it has not changed for `quiet` seconds."""
        last, since = self.screen(), time.monotonic()
        deadline = since + timeout
        while time.monotonic() < deadline:
            time.sleep(0.03)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        return last

    def wait_for(self, pred: Callable[[str], object], timeout: float = 15.0, what: str = "the screen") -> str:
        box: list[str] = []

        def check() -> bool:
            box[:] = [self.screen()]
            return bool(pred(box[0]))

        try:
            wait_until(check, timeout, what)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; the screen was:\n{box[0] if box else ''}") from None
        return box[0]

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", *keys)

    def alive(self) -> bool:
        return _alive(self.pid)

    def kill(self) -> None:
        """SIGKILL the app (a crash), then whatever it started (its process group)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        wait_until(lambda: not self.alive(), 5, "the killed app to die", step=0.01)
        _kill_group(self.pid)

    def wait_exit(self, timeout: float = 10.0) -> None:
        wait_until(lambda: not self.alive(), timeout, "the app to exit")

    def close(self) -> None:
        if self.alive():
            self.kill()
        else:
            _kill_group(self.pid)
        self._tmux("kill-server", check=False)


@contextlib.contextmanager
def tmux_app(argv: list[str], cwd: Path, **kw) -> Iterator[TmuxApp]:
    app = TmuxApp(argv, cwd, **kw)
    try:
        yield app
    finally:
        app.close()


class PtyApp:
    """A program on a pseudo-terminal; `output` holds every byte it wrote."""

    def __init__(self, argv: list[str], cwd: Path, cols: int = 120, rows: int = 36):
        import fcntl
        import struct
        import termios

        pid, fd = os.forkpty()
        if pid == 0:  # the child: a session leader on the pty
            try:
                os.chdir(cwd)
                os.execvpe(argv[0], argv, ENV)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = bytearray()
        self.status: int | None = None

    def pump(self, seconds: float) -> None:
        """Read what the program writes for `seconds`, answering nothing."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            r, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # EIO: the program has exited
                    return
                if not chunk:
                    return
                self.output += chunk

    def pump_until(self, needle: bytes, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.output:
                return True
            self.pump(0.05)
            if self.exited():
                self.pump(0.2)
                return needle in self.output
        return needle in self.output

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def exited(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def close(self) -> None:
        if not self.exited():
            _kill_group(self.pid)
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)


# -- a corpus the app opens without Kiwi ------------------------------------------------------------

# Invented organisation names (2-3 syllables, each distinct), two per sentence with their particles.
NAMES = ["가온텍", "나래솔", "다솜랩", "라온칩", "마루넷", "바다로", "사랑닷", "아라웍스", "자람봇", "차미솔",
         "카라멜", "타래AI", "파랑망", "하늘셀", "한결페이", "누리온", "도담클", "로운모빌", "미르게임", "보람헬스",
         "새롬디", "온새미", "윤슬팜", "이든카"]


def crash_article() -> str:
    lines = ["가상 기업 스물네 곳 제휴 소식", ""]
    for a, b in zip(NAMES[::2], NAMES[1::2], strict=False):
        lines.append(f"{a}는 {b}와 새 사업을 함께 한다.")
    return "\n".join(lines) + "\n"


def crash_corpus(root: Path, db: Path, annotators: tuple[str, ...] = ("kim",),
                 doc: str = "001-deal.txt") -> tuple[str, str]:
    """Write the corpus, register the article, seed one pending ORG suggestion per name and cache an
    analysis (one token per name, particle and word), so the app never starts Kiwi. -> (doc_id, text)."""
    from annotator.analysis import Analysis, Token, cache_key
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus
    from annotator.labels import load_labels
    from annotator.models import Span
    from annotator.store import Store

    root.mkdir(parents=True, exist_ok=True)
    (root / doc).write_text(crash_article(), encoding="utf-8")
    article = clean_doc(open_corpus(root).load(doc))
    text = article.text
    spans, tokens = [], []
    for i, name in enumerate(NAMES, start=1):
        at = text.index(name)
        spans.append(Span(id=f"s{i}", start=at, end=at + len(name), label="ORG", text=name, source="pattern",
                          score=0.5))
    for m in re.finditer(r"\S+", text):
        cuts = {m.start(), m.end()}
        for s in spans:
            if m.start() <= s.start < m.end():
                cuts.update((s.start, s.end))
        edges = sorted(cuts)
        tokens += [Token(a, b, text[a:b], "NNP") for a, b in zip(edges, edges[1:], strict=False)]
    lines, pos = [], 0
    for line in text.split("\n"):
        if line:
            lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    schema = load_labels(LABELS)
    for annotator in annotators:
        with Store.open(db, root, annotator) as store:
            store.ensure_article(doc, article.sha256, text, meta=article.meta.model_dump(), source=article.source)
            store.add_suggestions(doc, spans, [])
            store.cache_put(cache_key(text, schema.sha256), Analysis(sorted(tokens), lines).to_bytes())
    return doc, text


def cache_plain_analysis(root: Path, db: Path, doc: str, annotator: str = "kim") -> str:
    """Register `doc` and cache a word-by-word analysis of it, so the app opens it without Kiwi
    (the suggester still runs on it)."""
    from annotator.analysis import Analysis, Token, cache_key
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus
    from annotator.labels import load_labels
    from annotator.store import Store

    article = clean_doc(open_corpus(root).load(doc))
    text = article.text
    tokens = [Token(m.start(), m.end(), m.group(), "NNG") for m in re.finditer(r"\S+", text)]
    with Store.open(db, root, annotator) as store:
        store.ensure_article(doc, article.sha256, text, meta=article.meta.model_dump(), source=article.source)
        store.cache_put(cache_key(text, load_labels(LABELS).sha256), Analysis(tokens, [(0, len(text))]).to_bytes())
    return text


# -- reading the screen and the store ---------------------------------------------------------------

_ROW = re.compile(r"([○●✗]) (\w+) +(\S+)  (pending|accepted|rejected) · (\S+)")
_HEADING = re.compile(r"Entities (\d+)(?: · (\d+) pending)?")


def screen_spans(screen: str) -> dict[str, tuple[str, str]] | None:
    """{span text: (label, status)} as the side panel shows it; None when the panel is not (fully) drawn."""
    heading = _HEADING.search(screen)
    if heading is None:
        return None
    rows = {}
    for line in screen.splitlines():
        m = _ROW.search(line)
        if m and "→" not in line:
            rows[m.group(3)] = (m.group(2), m.group(4))
    pending = sum(1 for _, st in rows.values() if st == "pending")
    if len(rows) != int(heading.group(1)) or pending != int(heading.group(2) or 0):
        return None
    return rows


def span_history(db: Path, doc_id: str, annotator: str) -> list[dict[str, tuple[str, str]]]:
    """Every state of the analyst's visible spans (not rejected) the event log passed through, in order,
    starting from none; read with plain sqlite3 so nothing in the app's code is trusted."""
    import sqlite3

    import orjson

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows: dict[str, dict] = {}
        states = [{}]
        for (after,) in conn.execute("SELECT after_json FROM events WHERE doc_id = ? ORDER BY seq", (doc_id,)):
            changed = False
            for k, row in orjson.loads(after).get("spans", {}).items():
                if k.rpartition("/")[0] != annotator:
                    continue
                changed = True
                if row is None:
                    rows.pop(k, None)
                else:
                    rows[k] = row
            if changed:
                states.append({r["text"]: (r["label"], r["status"]) for r in rows.values()
                               if r["status"] != "rejected"})
    finally:
        conn.close()
    return states


def integrity(db: Path) -> str:
    import sqlite3

    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
