"""Hostile article text in the real app: shown as text, never interpreted, and no escape sequence from
an article reaches the terminal. The app runs on a bare pseudo-terminal and every byte it writes is
kept; the test also clicks all over the text (a `[@click=app.quit]` there must do nothing) and then
checks the screen as tmux draws it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.helpers_pty import PtyApp, annotate_argv, cache_plain_analysis, needs_tmux, tmux_app

pytestmark = pytest.mark.slow

ESC = "\x1b"
# (what goes into the article, bytes that must never reach the terminal)
PLANTED = [
    (f"{ESC}]0;PWNED{ESC}\\", [b"\x1b]0;PWNED"]),  # OSC: set the window title
    (f"{ESC}]52;c;cHduZWQ=\x07", [b"\x1b]52", b"cHduZWQ=\x07"]),  # OSC 52: write the clipboard
    (f"{ESC}[31m빨강{ESC}[0m", ["\x1b[31m빨강".encode()]),  # SGR colour
    (f"{ESC}[2J{ESC}[H경고", ["\x1b[2J\x1b[H경고".encode()]),  # clear the screen
    (f"{ESC}Pq#0;2;0;0;0{ESC}\\", [b"\x1bPq#0"]),  # DCS (sixel)
    ("\u009b33m노랑", [b"\xc2\x9b", b"\x9b33m"]),  # C1 CSI
    ("종\x07\x08료", ["종\x07".encode(), "\x08료".encode()]),  # BEL and backspace
]
ARTICLE = "\n".join([
    "[bold]마크업[/bold] 제목도 글자 그대로",
    "",
    "본문에 [@click=app.quit]클릭[/] 과 [red]색[/red] 과 [link=https://example.com]링크[/link] 가 있다.",
    *(f"줄 {i}: {planted}" for i, (planted, _) in enumerate(PLANTED)),
    "폭 없는 문자: 가\u200b나\u200d다\ufeff라 결합 문자: e\u0301 a\u0308 한\u0302 자모: \u1112\u1161\u11ab",
    "이모지와 확장 문자: 🚀 👩‍👩‍👧‍👦 🇰🇷 𝕏 𠀀 끝",
    "오른쪽에서 왼쪽: שלום עולם مرحبا \u202eEVIL\u202c 그리고 \u2067격리\u2069 끝",
    "마지막 줄: 삼성전자는 미국 텍사스에 새 공장을 짓는다.",
    "아주 긴 줄: " + "가나다라마바사아자차카타파하" * 250,
]) + "\n"


BAD_NAME = "002-\x1b]0;FILEPWN\x07\x1b[31m.txt"  # a file name with escapes, and bytes that do not decode


def _corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus, db = tmp_path / "corpus", tmp_path / "store.sqlite3"
    corpus.mkdir()
    (corpus / "001-hostile.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / BAD_NAME).write_bytes("제목\n\n본문 ".encode() + b"\xff\xfe\xfd" * 10)
    text = cache_plain_analysis(corpus, db, "001-hostile.txt")
    assert "[@click=app.quit]" in text and "\u202e" in text, "cleaning dropped the hostile text"
    return corpus, db


def _sgr_clicks(rows: range, cols: range) -> bytes:
    out = bytearray()
    for y in rows:
        for x in cols:
            out += f"\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m".encode()
    return bytes(out)


def test_no_escape_sequence_from_an_article_reaches_the_terminal(tmp_path: Path):
    corpus, db = _corpus(tmp_path)
    app = PtyApp(annotate_argv(corpus, db), tmp_path, cols=120, rows=40)
    try:
        assert app.pump_until("마지막 줄".encode(), 20), app.output[-2000:]
        app.pump(0.5)
        for chunk in (b"j", b"j", b"k", _sgr_clicks(range(2, 16), range(2, 110, 3)), b"R", b"."):
            app.send(chunk)
            app.pump(0.15)
        assert app.pump_until(b"FILEPWN", 5), "no notice about the undecodable file"
        for chunk in (b"g", b"\x1b", b","):
            app.send(chunk)
            app.pump(0.3)
        app.pump(0.5)
        assert not app.exited(), "clicking the article's text ended the app ([@click=app.quit] ran?)"
        app.send(b"q")
        deadline = time.monotonic() + 10
        while not app.exited() and time.monotonic() < deadline:
            app.pump(0.1)
        assert app.exited() and app.status == 0, app.status
    finally:
        app.close()
    out = bytes(app.output)
    assert b"Traceback" not in out
    for _planted, forbidden in PLANTED:
        for needle in forbidden:
            assert needle not in out, f"{needle!r} from the article reached the terminal"
    for needle in (b"\x1b]0;FILEPWN", b"FILEPWN\x07", b"\x07\x1b[31m.txt"):  # from the file name
        assert needle not in out, f"{needle!r} from a file name reached the terminal"
    assert "[@click=app.quit]클릭[/]".encode() in out
    assert "␛]0;FILEPWN".encode() in out, "the bad file's notice was not drawn with visible stand-ins"


def test_cli_messages_carry_no_escape_from_a_file_name(tmp_path: Path):
    import subprocess
    import sys

    corpus, _ = _corpus(tmp_path)
    r = subprocess.run([sys.executable, "-m", "annotator", "clean", str(corpus)], capture_output=True, timeout=60)
    assert r.returncode == 0
    line = next(x for x in r.stderr.decode().splitlines() if "FILEPWN" in x)
    assert "\x1b" not in line and "\x07" not in line and "␛]0;FILEPWN␇" in line


@pytest.mark.skipif(not needs_tmux, reason="needs tmux to read the screen")
def test_markup_and_escapes_show_as_written(tmp_path: Path):
    corpus, db = _corpus(tmp_path)
    with tmux_app(annotate_argv(corpus, db), tmp_path, width=200, height=50) as app:
        screen = app.wait_for(lambda s: "마지막 줄" in s, what="the article")
        screen = app.stable_screen()
        for shown in ("[bold]마크업[/bold] 제목도", "[@click=app.quit]클릭[/]", "[red]색[/red]",
                      "[link=https://example.com]링크[/link]", "줄 2: 빨강", "\ufffd33m노랑", "שלום", "🚀", "𝕏",
                      "마지막 줄"):  # cleaning drops ESC-introduced sequences; a C1 CSI left is drawn as �
            assert shown in screen, f"{shown!r} is not on screen:\n{screen}"
        assert "EVIL" in screen and "\u202e" not in screen  # the override is drawn as a stand-in
        app.keys(".")  # the next article does not decode: the notice names the file, escapes visible
        app.wait_for(lambda s: "␛]0;FILEPWN␇␛[31m.txt" in s and "line 3" in s, what="the notice")
        app.keys(",", "j", "j", "q")
        app.wait_exit()
