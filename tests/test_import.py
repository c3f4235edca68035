"""Import: our JSONL, doccano and Label Studio back into the store; problems reported with file and
line and skipped (never shifted); export -> import -> export gives the same records."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from annotator.cleaning import clean_doc
from annotator.cli import main
from annotator.corpus import open_corpus
from annotator.store import Store, default_db_path
from tests.test_store_helpers import write_corpus

DOCS = {
    "a1.txt": "네이버, 미국에 투자법인 설립\n\n네이버는 미국 실리콘밸리에 네이버벤처스를 설립했다.\n"
              "최수연 네이버 대표는 1억 달러를 투자한다고 말했다.\n",
    "a2.txt": "카카오, 카나나 공개\n\n카카오는 올해 2월 카나나를 공개했다.\n",
}
LABELS = {  # (surface, nth occurrence in the cleaned text, label)
    "a1.txt": [("네이버", 1, "ORG"), ("미국", 1, "LOC"), ("최수연", 0, "PER"), ("네이버", 3, "ORG"),
               ("1억 달러", 0, "MONEY")],
    "a2.txt": [("카카오", 1, "ORG"), ("올해 2월", 0, "DATE"), ("카나나", 1, "PRODUCT")],
}
RELATIONS = {"a1.txt": [(2, 3, "leads")], "a2.txt": [(0, 2, "develops")]}


def nth(text: str, surface: str, n: int) -> int:
    i = -1
    for _ in range(n + 1):
        i = text.index(surface, i + 1)
    return i


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, DOCS)
    c = open_corpus(corpus)
    s = Store.open(None, corpus, "kim")
    for doc_id in c.ids():
        art = clean_doc(c.load(doc_id))
        s.ensure_article(doc_id, art.sha256, art.text, meta=art.meta.model_dump(), source=art.source)
        ids = []
        for surface, n, label in LABELS[doc_id]:
            start = nth(art.text, surface, n)
            ids.append(s.add_span(doc_id, start, start + len(surface), label, surface))
        for h, t, label in RELATIONS[doc_id]:
            s.add_relation(doc_id, ids[h], ids[t], label)
        s.mark_done(doc_id)
    s.close()
    return corpus


def fresh_copy(corpus: Path, dest: Path) -> Path:
    dest.mkdir()
    for name in DOCS:
        shutil.copy(corpus / name, dest / name)
    return dest


def records(path: Path) -> list[dict]:
    out = []
    for line in path.read_bytes().splitlines():
        rec = orjson.loads(line)
        rec.pop("source")  # the file's path differs between the two corpora
        out.append(rec)
    return out


@pytest.mark.parametrize(("fmt", "file"), [("jsonl", "gold.jsonl"), ("doccano", "doccano.jsonl"),
                                           ("labelstudio", "labelstudio.json")])
def test_export_import_export_round_trip(labelled: Path, tmp_path: Path, fmt: str, file: str):
    first = tmp_path / "first"
    assert main(["export", str(labelled), "--out", str(tmp_path / "orig"), "--annotator", "kim"]) == 0
    assert main(["export", str(labelled), "--out", str(first), "--annotator", "kim", "--format", fmt]) == 0
    other = fresh_copy(labelled, tmp_path / "other")
    assert main(["import", str(first / file), "--corpus", str(other), "--as", "labels", "--annotator", "kim",
                 "--done"]) == 0
    assert main(["export", str(other), "--out", str(tmp_path / "again"), "--annotator", "kim"]) == 0
    want = records(tmp_path / "orig" / "gold.jsonl")
    assert len(want) == 2 and sum(len(r["spans"]) for r in want) == 8
    assert records(tmp_path / "again" / "gold.jsonl") == want


def test_import_as_suggestions_keeps_source_and_pending(labelled: Path, tmp_path: Path):
    assert main(["export", str(labelled), "--out", str(tmp_path / "e"), "--annotator", "kim"]) == 0
    other = fresh_copy(labelled, tmp_path / "other")
    assert main(["import", str(tmp_path / "e" / "gold.jsonl"), "--corpus", str(other), "--annotator", "lee",
                 "--source", "bert"]) == 0
    s = Store.open(None, other, "lee")
    rows = s.spans("a2.txt")
    assert {(r.status, r.source) for r in rows} == {("pending", "import:bert")}
    assert [r.status for r in s.relations("a2.txt")] == ["pending"]
    assert s.status("a2.txt") == "new"
    s.close()


def test_bad_spans_labels_and_json_are_reported_with_file_and_line(labelled: Path, tmp_path: Path, capsys):
    c = open_corpus(labelled)
    text = clean_doc(c.load("a2.txt")).text
    k = nth(text, "카카오", 1)
    good = {"id": "a2.txt", "text": text, "spans": [
        {"id": "T1", "start": k, "end": k + 3, "label": "ORG", "text": "카카오"},
        {"id": "T2", "start": k + 1, "end": k + 4, "label": "ORG", "text": "카카오"},  # shifted by one
        {"id": "T3", "start": nth(text, "카나나", 1), "end": nth(text, "카나나", 1) + 3, "label": "GADGET",
         "text": "카나나"}], "relations": [{"id": "R1", "head": "T1", "tail": "T2", "label": "leads"}]}
    missing = {"id": "nope.txt", "text": "x", "spans": [], "relations": []}
    f = tmp_path / "in.jsonl"
    f.write_bytes(orjson.dumps(good) + b"\n{broken\n" + orjson.dumps(missing) + b"\n")
    other = fresh_copy(labelled, tmp_path / "other")
    assert main(["import", str(f), "--corpus", str(other), "--as", "labels", "--annotator", "lee"]) == 2
    err = capsys.readouterr().err
    assert f"{f}:1: article a2.txt: span T2" in err and "does not match" in err
    assert f"{f}:1: article a2.txt: span T3 '카나나' has unknown label GADGET" in err
    assert f"{f}:1: article a2.txt: relation" in err
    assert f"{f}:2: broken JSON" in err
    assert f"{f}:3: article nope.txt is not in the corpus" in err
    s = Store.open(None, other, "lee")
    assert [(r.start, r.text, r.status) for r in s.spans("a2.txt")] == [(k, "카카오", "accepted")]  # never shifted
    assert s.relations("a2.txt") == []
    s.close()


def test_doccano_plain_label_format_and_match_by_text(labelled: Path, tmp_path: Path):
    c = open_corpus(labelled)
    text = clean_doc(c.load("a2.txt")).text
    k = nth(text, "카나나", 1)
    f = tmp_path / "doccano.jsonl"
    f.write_bytes(orjson.dumps({"id": 17, "text": text, "label": [[k, k + 3, "PRODUCT"]]}) + b"\n")
    other = fresh_copy(labelled, tmp_path / "other")
    assert main(["import", str(f), "--corpus", str(other), "--as", "labels", "--annotator", "lee"]) == 0
    s = Store.open(default_db_path(other), other, "lee")
    assert [(r.text, r.label, r.source) for r in s.spans("a2.txt")] == [("카나나", "PRODUCT", "import:doccano")]
    s.close()


def test_labelstudio_left_direction_and_predictions(labelled: Path, tmp_path: Path):
    c = open_corpus(labelled)
    text = clean_doc(c.load("a2.txt")).text
    a, b = nth(text, "카카오", 1), nth(text, "카나나", 1)
    task = {"data": {"text": text, "doc_id": "a2.txt"}, "predictions": [{"result": [
        {"id": "x", "type": "labels", "value": {"start": a, "end": a + 3, "text": "카카오", "labels": ["ORG"]}},
        {"id": "y", "type": "labels", "value": {"start": b, "end": b + 3, "text": "카나나", "labels": ["PRODUCT"]}},
        {"type": "relation", "from_id": "y", "to_id": "x", "direction": "left", "labels": ["develops"]}]}]}
    f = tmp_path / "ls.json"
    f.write_bytes(orjson.dumps([task]))
    other = fresh_copy(labelled, tmp_path / "other")
    assert main(["import", str(f), "--corpus", str(other), "--annotator", "lee"]) == 0
    s = Store.open(None, other, "lee")
    spans = {r.id: r.text for r in s.spans("a2.txt")}
    (rel,) = s.relations("a2.txt")
    assert (spans[rel.head], rel.label, spans[rel.tail]) == ("카카오", "develops", "카나나")
    s.close()


def test_import_refuses_done_with_suggestions_and_missing_file(labelled: Path, tmp_path: Path):
    assert main(["import", str(tmp_path / "none.jsonl"), "--corpus", str(labelled)]) == 2
    f = tmp_path / "x.jsonl"
    f.write_text("")
    assert main(["import", str(f), "--corpus", str(labelled), "--done"]) == 2
