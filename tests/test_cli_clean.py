"""`annotate clean`: exit codes, one-line errors naming the file, and the --json shape."""

from __future__ import annotations

import json
import os

from annotator.cli import main
from tests.conftest import SAMPLE_CORPUS

PAGE = ("테크기업, 새 AI 칩 공개\n[테크타임즈 김가람 기자] 테크기업이 새 AI 칩을 공개했다.\n"
        "입력 2024.05.02. 오전 9:30\n김가람 기자 garam@techtimes.example\n"
        "Copyright © 테크타임즈. 무단전재 및 재배포 금지.\n")


def test_prints_title_metadata_and_text(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    assert main(["clean", str(tmp_path / "a.txt")]) == 0
    out = capsys.readouterr().out
    assert "title: 테크기업, 새 AI 칩 공개\ndate: 2024-05-02\noutlet: 테크타임즈\nreporters: 김가람\n" in out
    assert "테크기업이 새 AI 칩을 공개했다." in out and "무단전재" not in out and "garam@" not in out


def test_json_one_object_per_article_matched_by_basename(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(PAGE.replace("새 AI 칩", "새 서버").replace("©", "ⓒ").encode("cp949"))
    assert main(["clean", "--json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [os.path.basename(r["source"]) for r in rows] == ["a.txt", "b.txt"]
    for r in rows:
        assert set(r) == {"id", "source", "meta", "text"}
        assert set(r["meta"]) == {"title", "date", "outlet", "reporters", "url"}
        assert r["text"].startswith(r["meta"]["title"] + "\n\n")
    assert rows[1]["meta"]["title"] == "테크기업, 새 서버 공개"


def test_json_on_the_sample_corpus_folder(capsys):
    assert main(["clean", "--json", str(SAMPLE_CORPUS)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) >= 14
    jsonl = [r for r in rows if "#" in r["id"]]
    assert jsonl and all(r["meta"]["url"] and r["meta"]["date"] for r in jsonl)


def test_missing_path_exits_2_with_one_line_naming_it(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    assert main(["clean", str(tmp_path / "a.txt"), str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and str(missing) in err and "no such file" in err


def test_no_readable_article_exits_2_naming_the_file(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main(["clean", str(empty)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty.txt" in err and "no readable article" in err

    chrome = tmp_path / "chrome.txt"
    chrome.write_text("본문 바로가기\n공유하기\n댓글 0\n", encoding="utf-8")
    assert main(["clean", str(chrome)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "chrome.txt" in err


def test_bad_file_in_a_folder_is_reported_and_the_rest_prints(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa\xfb text" * 3 + b"\x80\x80")
    assert main(["clean", "--json", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert "bad.txt" in err
