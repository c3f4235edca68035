"""Reading corpus folders: encodings, skipped files, stable ids and hashes."""

from __future__ import annotations

import hashlib
import os

import pytest

from annotator.corpus import MAX_FILE_BYTES, open_corpus
from annotator.errors import InputError

ARTICLE = "카카오, 새 AI 모델 공개\r\n\r\n카카오가 24일 새 언어 모델을 공개했다.\r\n"


def test_encodings_all_decode_to_the_same_nfc_text(tmp_corpus):
    (tmp_corpus / "utf8.txt").write_bytes(ARTICLE.encode("utf-8"))
    (tmp_corpus / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (tmp_corpus / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_corpus / "cp949.txt").write_bytes(ARTICLE.encode("cp949"))
    (tmp_corpus / "euckr.txt").write_bytes(ARTICLE.encode("euc-kr"))
    corpus = open_corpus(tmp_corpus)
    assert corpus.skipped == []
    texts = {r.id: corpus.load(r.id) for r in corpus.refs}
    expected = ARTICLE.replace("\r\n", "\n")
    assert {d.text for d in texts.values()} == {expected}
    assert texts["cp949.txt"].encoding == "cp949"
    assert texts["utf16.txt"].encoding == "utf-16"
    assert texts["bom.txt"].encoding == "utf-8-sig"


def test_utf16_without_a_bom_is_read_not_called_binary(tmp_corpus):
    (tmp_corpus / "le.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (tmp_corpus / "be.txt").write_bytes(ARTICLE.encode("utf-16-be"))
    (tmp_corpus / "bin.txt").write_bytes(b"\x00\x01\x00\x02\x00\x00\x03\x00" * 8)  # NULs on both sides
    corpus = open_corpus(tmp_corpus)
    assert corpus.ids() == ["be.txt", "le.txt"]
    assert [s.path for s in corpus.skipped] == ["bin.txt"]
    assert corpus.load("le.txt").encoding == "utf-16-le"
    assert corpus.load("be.txt").encoding == "utf-16-be"
    assert corpus.load("le.txt").text == ARTICLE.replace("\r\n", "\n")


def test_decomposed_hangul_is_composed(tmp_corpus):
    import unicodedata

    (tmp_corpus / "nfd.txt").write_text(unicodedata.normalize("NFD", ARTICLE), encoding="utf-8")
    doc = open_corpus(tmp_corpus).load("nfd.txt")
    assert doc.text == unicodedata.normalize("NFC", ARTICLE.replace("\r\n", "\n"))


def test_bad_files_are_skipped_with_reasons_and_the_rest_loads(tmp_corpus):
    (tmp_corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_corpus / "empty.txt").write_bytes(b"")
    (tmp_corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    big = tmp_corpus / "big.txt"
    with open(big, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    (tmp_corpus / "notes.md").write_text("not an article")
    corpus = open_corpus(tmp_corpus)
    assert corpus.ids() == ["good.txt"]
    reasons = {s.path: s.reason for s in corpus.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "big.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "larger than" in reasons["big.txt"]


def test_undecodable_file_fails_on_load_naming_it(tmp_corpus):
    (tmp_corpus / "bad.txt").write_bytes(b"\xff\xfe\xfa\xfb text" * 3 + b"\x80\x80")
    corpus = open_corpus(tmp_corpus)
    with pytest.raises(InputError) as err:
        corpus.load("bad.txt")
    assert "bad.txt" in str(err.value)


def test_jsonl_lines_are_documents_and_broken_lines_are_skipped(tmp_corpus):
    lines = [
        '{"text": "첫 기사 본문", "title": "첫 기사", "outlet": "테크일보"}',
        "{broken",
        "",
        '{"title": "no text"}',
        '{"text": "둘째 기사", "url": "https://example.com/2"}',
    ]
    (tmp_corpus / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = open_corpus(tmp_corpus)
    assert corpus.ids() == ["crawl.jsonl#1", "crawl.jsonl#5"]
    assert {s.path for s in corpus.skipped} == {"crawl.jsonl#2", "crawl.jsonl#4"}
    first = corpus.load("crawl.jsonl#1")
    assert first.text == "첫 기사 본문"
    assert first.fields == {"title": "첫 기사", "outlet": "테크일보"}
    assert first.sha256 == hashlib.sha256(lines[0].encode()).hexdigest()


def test_ids_are_relative_paths_hidden_entries_ignored_and_hash_tracks_bytes(tmp_corpus):
    (tmp_corpus / "a" / "b").mkdir(parents=True)
    (tmp_corpus / "a" / "b" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_corpus / ".annotator").mkdir()
    (tmp_corpus / ".annotator" / "y.txt").write_text(ARTICLE)
    (tmp_corpus / ".hidden.txt").write_text(ARTICLE)
    corpus = open_corpus(tmp_corpus)
    assert corpus.ids() == ["a/b/x.txt"]
    before = corpus.load("a/b/x.txt").sha256
    (tmp_corpus / "a" / "b" / "x.txt").write_text(ARTICLE + "추가", encoding="utf-8")
    assert corpus.load("a/b/x.txt").sha256 != before


def test_symlink_loop_does_not_hang(tmp_corpus):
    (tmp_corpus / "x.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_corpus, tmp_corpus / "loop")
    corpus = open_corpus(tmp_corpus)
    assert corpus.ids() == ["x.txt"]
    assert any("loop" in s.reason for s in corpus.skipped)


def test_missing_folder_is_input_error(tmp_path):
    with pytest.raises(InputError):
        open_corpus(tmp_path / "nope")
