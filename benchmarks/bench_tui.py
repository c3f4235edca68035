"""The review app's budgets, measured in a real terminal (a pty), printed as figures.

1. `annotate CORPUS` started -> the first article's text on screen (budget 1.0 s); and on a
   first open, -> suggestions on screen (Kiwi in its child process; budget 4 s).
2. key press -> repainted screen, p50/p95 per key on a 6,000-character article with 100 spans
   (budget p95 50 ms). A repaint is the burst of output the key causes; its last byte ends it.
3. next article (`.`) -> its text on screen, analysis cached (budget 150 ms).

The articles are generated here (invented sentences), their analyses put in the store's
cache with an in-process Kiwi first, so parts 2 and 3 measure the app, not Kiwi.

    /work/venv/bin/python benchmarks/bench_tui.py [--runs 5] [--keys 40]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ANNOTATE = Path(sys.executable).with_name("annotate")
ORGS = ["한빛전자", "누리소프트", "가온텔레콤", "다솜바이오", "미르모빌리티", "새벽클라우드", "온새미로보틱스"]
PRODUCTS = ["누리챗", "가온링크", "한빛비전 3", "미르패스"]
LOCS = ["부산", "대전", "싱가포르", "베를린", "오사카"]
PEOPLE = ["김하늘", "박지우", "이서준", "최민아"]
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")


def article(seed: int, target: int = 6000) -> tuple[str, list[tuple[str, str]]]:
    """An invented news article of about `target` characters and its (surface, label) mentions."""
    rnd = random.Random(seed)
    title = f"{rnd.choice(ORGS)}, {rnd.choice(PRODUCTS)} 앞세워 {rnd.choice(LOCS)} 시장 진출 #{seed}"
    lines, mentions = [], []
    while sum(len(x) + 1 for x in lines) < target:
        org, prod, loc, per = rnd.choice(ORGS), rnd.choice(PRODUCTS), rnd.choice(LOCS), rnd.choice(PEOPLE)
        money = f"{rnd.randint(2, 900)}억원"
        lines.append(f"{org}는 {loc}에서 {prod}를 공개하고 {money} 규모의 투자를 유치했다고 밝혔다. "
                     f"{per} {org} 대표는 \"고객 반응이 기대 이상\"이라고 말했다.")
        mentions += [(org, "ORG"), (loc, "LOC"), (prod, "PRODUCT"), (money, "MONEY"), (per, "PER")]
    return title + "\n\n" + "\n".join(lines) + "\n", mentions


def build_corpus(root: Path, n: int, db: Path) -> list[str]:
    """n articles, each with 100 pending suggestions and its analysis cached. Returns the titles."""
    from annotator.analysis import Analyzer
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus
    from annotator.labels import PACKAGED, load_labels
    from annotator.models import Span
    from annotator.store import Store
    from annotator.tui.workspace import Workspace

    root.mkdir(parents=True)
    for i in range(n):
        (root / f"{i:03d}.txt").write_text(article(i)[0], encoding="utf-8")
    schema = load_labels(PACKAGED)
    analyzer = Analyzer(schema)
    corpus = open_corpus(root)
    titles = []
    with Store.open(db, root, "bench") as store:
        ws = Workspace(corpus, store, schema, corpus_name=root.name, annotator="bench", labels_path=PACKAGED)
        for i, ref in enumerate(corpus.refs):
            art = clean_doc(corpus.load(ref.id))
            titles.append(art.text.split("\n", 1)[0])
            store.ensure_article(ref.id, art.sha256, art.text, meta=art.meta.model_dump(), source=art.source)
            store.cache_put(ws.cache_key(art), analyzer.analyze(art.text).to_bytes())
            spans, pos = [], len(titles[-1]) + 2
            for surface, label in article(i)[1]:
                at = art.text.find(surface, pos)
                if at < 0 or len(spans) == 100:
                    break
                spans.append(Span(id=f"s{len(spans) + 1}", start=at, end=at + len(surface), label=label,
                                  text=surface, source="gazetteer", score=0.9))
                pos = at + len(surface)
            store.add_suggestions(ref.id, spans, [])
    return titles


class Terminal:
    """`annotate` in a pseudo-terminal of the given size; reads everything it draws."""

    def __init__(self, args: list[str], cols: int = 120, rows: int = 36):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen([str(ANNOTATE), *args], stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.buf = b""

    def _read(self, timeout: float) -> float | None:
        """Read what is there within `timeout`; the time the last chunk arrived, or None."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return None
        try:
            self.buf += os.read(self.master, 1 << 20)
        except OSError:
            return None
        return time.perf_counter()

    def wait_for(self, pattern: str, timeout: float = 20.0) -> float:
        """Seconds since start until `pattern` (a regex) shows up in the output."""
        rx = re.compile(pattern)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            at = self._read(0.05)
            if at and rx.search(ANSI.sub("", self.buf.decode("utf-8", "ignore"))):
                return at - self.t0
        raise TimeoutError(f"{pattern!r} did not appear within {timeout} s")

    def quiet(self, gap: float = 0.3) -> None:
        while self._read(gap) is not None:
            pass

    def press(self, key: bytes, gap: float = 0.05) -> float:
        """Send a key; seconds until the last byte of the repaint it caused."""
        self.quiet(0.02)
        sent = time.perf_counter()
        os.write(self.master, key)
        last = self._read(2.0)
        if last is None:
            raise TimeoutError(f"no repaint after {key!r}")
        while (more := self._read(gap)) is not None:
            last = more
        return last - sent

    def press_until(self, key: bytes, pattern: str, timeout: float = 5.0) -> float:
        self.quiet(0.05)
        self.buf = b""
        self.t0 = time.perf_counter()
        os.write(self.master, key)
        return self.wait_for(pattern, timeout)

    def close(self) -> None:
        """q, reading what it draws meanwhile (a full pty would block it); killed if it lingers."""
        try:
            os.write(self.master, b"q")
        except OSError:
            pass
        deadline = time.perf_counter() + 5
        while self.proc.poll() is None and time.perf_counter() < deadline:
            self._read(0.05)
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))]


def ms(x: float) -> str:
    return f"{x * 1000:.0f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keys", type=int, default=40, help="presses per key")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_tui_"))
    try:
        # 1. startup, on a small corpus of real-looking articles (no cache: first open)
        sample = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "tui" / "corpus"
        first_text, first_sugg, reopen_sugg = [], [], []
        for run in range(args.runs):
            root = work / f"start{run}"
            shutil.copytree(sample, root)
            term = Terminal([str(root), "--annotator", "bench"])
            try:
                first_text.append(term.wait_for("네이버, 하이퍼클로바X"))
                first_sugg.append(term.wait_for(r"Entities [1-9]"))
            finally:
                term.close()
            term = Terminal([str(root), "--annotator", "bench"])
            try:
                term.wait_for("네이버, 하이퍼클로바X")
                reopen_sugg.append(term.wait_for(r"Entities [1-9]"))
            finally:
                term.close()
        print(f"startup -> first article text: median {ms(statistics.median(first_text))}, "
              f"max {ms(max(first_text))} (budget 1000 ms, {args.runs} fresh processes)")
        print(f"first open -> suggestions on screen (Kiwi child): median {ms(statistics.median(first_sugg))}, "
              f"max {ms(max(first_sugg))} (budget 4000 ms)")
        print(f"reopen -> suggestions on screen (cached): median {ms(statistics.median(reopen_sugg))}")

        # 2 and 3: 6,000-character articles with 100 spans, analyses cached
        root, db = work / "big", work / "big.sqlite3"
        titles = build_corpus(root, 12, db)
        term = Terminal([str(root), "--annotator", "bench", "--db", str(db)])
        try:
            measure_keys(term, titles, args.keys)
        finally:
            term.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def measure_keys(term: Terminal, titles: list[str], presses: int) -> None:
    term.wait_for(re.escape(titles[0][:12]))
    term.wait_for(r"Entities 100")
    term.quiet()
    figures: dict[str, list[float]] = {}
    # Every press changes something: accept the focused suggestion (focus moves to the next one),
    # widen and narrow that one, undo both edits, step down and back up.
    for _ in range(presses):
        for name, key in (("a (accept)", b"a"), ("] (end right)", b"]"), ("[ (end left)", b"["),
                          ("u (undo)", b"u"), ("u (undo)", b"u"), ("j (focus)", b"j"), ("k (focus)", b"k")):
            figures.setdefault(name, []).append(term.press(key))
    every = [x for xs in figures.values() for x in xs]
    for name, xs in figures.items():
        print(f"key {name:14} p50 {ms(statistics.median(xs))}  p95 {ms(pct(xs, 95))}")
    print(f"key press -> repaint, all keys: p50 {ms(statistics.median(every))}, p95 {ms(pct(every, 95))} "
          f"(budget p95 50 ms; 6,000-char article, 100 spans)")
    opens = []
    for i in range(1, len(titles)):
        opens.append(term.press_until(b".", re.escape(titles[i][:12])))
    print(f"next article (cached analysis) -> its text: median {ms(statistics.median(opens))}, "
          f"max {ms(max(opens))} (budget 150 ms, {len(opens)} opens)")


if __name__ == "__main__":
    sys.exit(main())
