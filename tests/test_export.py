"""Export: gold/splits/manifest shape, the checks before writing, --gold choice, each format's shape."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.errors import InputError, RuntimeFailure
from annotator.export import ExportOptions, GoldRecord, export_corpus
from annotator.export.split import parse_split, split_of
from annotator.labels import load_labels
from annotator.store import Store
from tests.test_store_helpers import TEXT, at, sha

SCHEMA = load_labels()
TEXT2 = "카카오는 올해 2월 카나나를 공개했다."


def label_a1(s: Store) -> None:
    s.ensure_article("a1", sha(TEXT), TEXT, meta={"title": "네이버", "outlet": "이데일리"}, source="a1.txt")
    per = s.add_span("a1", *at(TEXT, "최수연")[:2], "PER", "최수연")
    org = s.add_span("a1", *at(TEXT, "네이버", 2)[:2], "ORG", "네이버")
    s.add_span("a1", *at(TEXT, "1억 달러")[:2], "MONEY", "1억 달러")
    s.add_relation("a1", per, org, "leads")
    s.mark_done("a1")


def label_a2(s: Store, done: bool = True) -> None:
    s.ensure_article("a2", sha(TEXT2), TEXT2, source="a2.txt")
    org = s.add_span("a2", *at(TEXT2, "카카오")[:2], "ORG", "카카오")
    prod = s.add_span("a2", *at(TEXT2, "카나나")[:2], "PRODUCT", "카나나")
    s.add_relation("a2", org, prod, "develops")
    if done:
        s.mark_done("a2")


@pytest.fixture
def store(tmp_corpus: Path):
    s = Store.open(None, tmp_corpus, "kim")
    label_a1(s)
    label_a2(s, done=False)
    yield s
    s.close()


def read_jsonl(p: Path) -> list[dict]:
    return [orjson.loads(line) for line in p.read_bytes().splitlines()]


def test_gold_jsonl_splits_and_manifest(store: Store, tmp_path: Path):
    out = tmp_path / "out"
    m = export_corpus(store, SCHEMA, ExportOptions(out, annotator="kim"))
    (rec,) = read_jsonl(out / "gold.jsonl")
    assert set(rec) == {"id", "source", "meta", "text", "spans", "relations", "annotators", "schema"}
    assert rec["id"] == "a1" and rec["source"] == "a1.txt" and rec["text"] == TEXT
    assert rec["meta"]["outlet"] == "이데일리" and rec["annotators"] == ["kim"] and rec["schema"] == SCHEMA.sha256
    assert [(s["id"], s["label"], s["text"]) for s in rec["spans"]] == [
        ("T1", "PER", "최수연"), ("T2", "ORG", "네이버"), ("T3", "MONEY", "1억 달러")]
    assert rec["relations"] == [{"id": "R1", "head": "T1", "tail": "T2", "label": "leads"}]
    for line in (out / "gold.jsonl").read_bytes().splitlines():  # the export's own model reads it back
        GoldRecord.model_validate_json(line)
    in_splits = [r for name in ("train", "dev", "test") for r in read_jsonl(out / f"{name}.jsonl")]
    assert in_splits == [rec]
    assert read_jsonl(out / f"{split_of('a1', (80, 10, 10))}.jsonl") == [rec]
    man = json.loads((out / "manifest.json").read_text())
    assert man["articles"] == 1 and man["spans"] == 3 and man["spans_per_label"] == {"PER": 1, "ORG": 1, "MONEY": 1}
    assert man["relations_per_label"] == {"leads": 1} and man["annotators"] == {"kim": 1}
    assert man["schema"] == SCHEMA.sha256 and man["include_unfinished"] is False and man["tool_version"]
    assert man["files"] == ["gold.jsonl", "train.jsonl", "dev.jsonl", "test.jsonl", "manifest.json"]
    assert m.articles == 1
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_include_unfinished_and_pending_or_rejected_labels_left_out(store: Store, tmp_path: Path):
    from annotator.models import Span

    store.add_suggestions("a2", [Span(id="x", start=at(TEXT2, "올해 2월")[0], end=at(TEXT2, "올해 2월")[1],
                                      label="DATE", text="올해 2월")], [])
    out = tmp_path / "out"
    m = export_corpus(store, SCHEMA, ExportOptions(out, annotator="kim", include_unfinished=True))
    recs = {r["id"]: r for r in read_jsonl(out / "gold.jsonl")}
    assert set(recs) == {"a1", "a2"}
    assert [s["text"] for s in recs["a2"]["spans"]] == ["카카오", "카나나"]  # the pending DATE is not exported
    assert m.include_unfinished and m.articles_by_status == {"done": 1, "in_progress": 1}


def test_split_is_deterministic_and_follows_ratios():
    ids = [f"doc{i}.txt" for i in range(4000)]
    first = [split_of(i, (80, 10, 10)) for i in ids]
    assert first == [split_of(i, (80, 10, 10)) for i in ids]
    share = first.count("train") / len(ids)
    assert 0.77 < share < 0.83
    assert all(split_of(i, (100, 0, 0)) == "train" for i in ids[:50])
    assert parse_split("70/20/10") == (70, 20, 10)
    for bad in ("80/10", "80/10/20", "a/b/c"):
        with pytest.raises(InputError):
            parse_split(bad)


def _break_span(store: Store, doc: str) -> None:
    conn = sqlite3.connect(store.path)
    conn.execute("UPDATE spans SET end_at = end_at + 1 WHERE doc_id = ? AND label = 'PER'", (doc,))
    conn.commit()
    conn.close()


def test_bad_span_fails_naming_the_article_and_writes_nothing(store: Store, tmp_path: Path):
    out = tmp_path / "out"
    _break_span(store, "a1")
    with pytest.raises(InputError, match="article a1.*최수연") as exc:
        export_corpus(store, SCHEMA, ExportOptions(out, annotator="kim"))
    assert "nothing was written" in str(exc.value)
    assert not out.exists()


def test_bad_span_does_not_replace_an_earlier_export(store: Store, tmp_path: Path):
    out = tmp_path / "out"
    export_corpus(store, SCHEMA, ExportOptions(out, annotator="kim"))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _break_span(store, "a1")
    with pytest.raises(InputError):
        export_corpus(store, SCHEMA, ExportOptions(out, annotator="kim"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_relation_not_fitting_the_schema_is_refused(store: Store, tmp_path: Path):
    rel = store.relations("a1")[0]
    store.delete_relation("a1", rel.id)
    store.add_relation("a1", rel.tail, rel.head, "leads")  # ORG leads PER: not in labels.yaml
    with pytest.raises(InputError, match="article a1: relation R1 leads cannot join ORG -> PER"):
        export_corpus(store, SCHEMA, ExportOptions(tmp_path / "o", annotator="kim"))


def test_unknown_label_is_refused(store: Store, tmp_path: Path):
    store.relabel("a1", store.spans("a1")[-1].id, "WEAPON")
    with pytest.raises(InputError, match="WEAPON"):
        export_corpus(store, SCHEMA, ExportOptions(tmp_path / "o", annotator="kim"))


def test_gold_uses_adjudicated_then_single_analyst_and_skips_disagreements(store: Store, tmp_corpus: Path,
                                                                             tmp_path: Path):
    lee = Store.open(store.path, tmp_corpus, "lee")
    label_a2(lee)  # only lee finished a2
    label_a1(lee)  # kim and lee both finished a1, no gold: needs adjudication
    store.ensure_article("a3", sha(TEXT2), TEXT2)
    lee.ensure_article("a3", sha(TEXT2), TEXT2)
    lee.add_span("a3", 0, 3, "ORG", "카카오")
    lee.mark_done("a3")
    store.add_span("a3", 0, 3, "ORG", "카카오")
    store.mark_done("a3")
    gold = Store.open(store.path, tmp_corpus, "gold")
    gold.add_labels("a3", [s for s in _spans_as_models(lee, "a3")], [], done=True)
    for s in (lee, gold):
        s.close()
    out = tmp_path / "out"
    m = export_corpus(store, SCHEMA, ExportOptions(out, gold=True))
    recs = {r["id"]: r for r in read_jsonl(out / "gold.jsonl")}
    assert set(recs) == {"a2", "a3"}
    assert recs["a2"]["annotators"] == ["lee"] and recs["a3"]["annotators"] == ["gold", "kim", "lee"]
    assert m.origin.adjudicated == ["a3"] and m.origin.single_analyst == {"lee": ["a2"]}
    assert m.skipped.needs_adjudication == ["a1"]
    assert m.annotator is None and m.gold


def _spans_as_models(s: Store, doc: str):
    from annotator.models import Span

    return [Span(id=r.id, start=r.start, end=r.end, label=r.label, text=r.text) for r in s.spans(doc)]


def test_flagged_spans_are_left_out_and_counted(store: Store, tmp_path: Path):
    new_text = TEXT.replace("최수연", "최 수연")
    store.ensure_article("a1", sha(new_text), new_text)
    m = export_corpus(store, SCHEMA, ExportOptions(tmp_path / "o", annotator="kim", include_unfinished=True))
    rec = next(r for r in read_jsonl(tmp_path / "o" / "gold.jsonl") if r["id"] == "a1")
    # 최수연 is gone; 네이버 right after the edit has too little unchanged context and is repeated nearby
    assert [s["text"] for s in rec["spans"]] == ["1억 달러"] and rec["relations"] == []
    assert m.skipped.flagged_spans_left_out == 2


# ------------------------------------------------------------------ formats

def test_doccano_shape(store: Store, tmp_path: Path):
    export_corpus(store, SCHEMA, ExportOptions(tmp_path, "doccano", annotator="kim"))
    (rec,) = read_jsonl(tmp_path / "doccano.jsonl")
    assert rec["id"] == "a1" and rec["text"] == TEXT
    ents = rec["entities"]
    assert ents[0] == {"id": 1, "label": "PER", "start_offset": at(TEXT, "최수연")[0], "end_offset": at(TEXT, "최수연")[1]}
    assert all(TEXT[e["start_offset"]:e["end_offset"]] for e in ents)
    assert rec["relations"] == [{"id": 1, "from_id": 1, "to_id": 2, "type": "leads"}]


def test_labelstudio_shape(store: Store, tmp_path: Path):
    export_corpus(store, SCHEMA, ExportOptions(tmp_path, "labelstudio", annotator="kim", include_unfinished=True))
    tasks = json.loads((tmp_path / "labelstudio.json").read_text())
    assert [t["data"]["doc_id"] for t in tasks] == ["a1", "a2"]
    result = tasks[0]["annotations"][0]["result"]
    labels = [r for r in result if r["type"] == "labels"]
    assert labels[0]["value"] == {"start": at(TEXT, "최수연")[0], "end": at(TEXT, "최수연")[1], "text": "최수연",
                                  "labels": ["PER"]}
    assert labels[0]["from_name"] == "label" and labels[0]["to_name"] == "text"
    (rel,) = [r for r in result if r["type"] == "relation"]
    assert rel == {"type": "relation", "from_id": labels[0]["id"], "to_id": labels[1]["id"], "direction": "right",
                   "labels": ["leads"]}


def test_brat_shape(store: Store, tmp_path: Path):
    export_corpus(store, SCHEMA, ExportOptions(tmp_path, "brat", annotator="kim"))
    brat = tmp_path / "brat"
    (ann,) = brat.glob("*.ann")
    txt = ann.with_suffix(".txt").read_text(encoding="utf-8")
    assert txt == TEXT
    lines = ann.read_text(encoding="utf-8").splitlines()
    s, e, _ = at(TEXT, "최수연")
    assert lines[0] == f"T1\tPER {s} {e}\t최수연"
    assert lines[-1] == "R1\tleads Arg1:T1 Arg2:T2"
    for line in lines:
        if line.startswith("T"):
            _, mid, surface = line.split("\t")
            _, a, b = mid.split(" ")
            assert txt[int(a):int(b)] == surface
    conf = (brat / "annotation.conf").read_text()
    assert "[entities]\nPER\n" in conf and "leads\tArg1:PER, Arg2:ORG" in conf
    assert (brat / "ids.tsv").read_text().splitlines()[1] == f"{ann.stem}\ta1"


def fake_analyze(texts: list[str]):
    """Whitespace 'morphemes', with 는/의 split off, and one sentence per line: enough to check the shape."""
    import re

    from annotator.analysis import Analysis, Token

    out = []
    for t in texts:
        toks = []
        for m in re.finditer(r"\S+", t):
            word = m.group()
            if word.endswith(("는", "의")) and len(word) > 1:
                toks += [Token(m.start(), m.end() - 1, word[:-1], "NNP"), Token(m.end() - 1, m.end(), word[-1], "JX")]
            else:
                toks.append(Token(m.start(), m.end(), word, "NNG"))
        sents, pos = [], 0
        for line in t.split("\n"):
            if line.strip():
                sents.append((pos, pos + len(line)))
            pos += len(line) + 1
        out.append(Analysis(toks, sents))
    return out


def test_conll_shape(store: Store, tmp_path: Path):
    m = export_corpus(store, SCHEMA, ExportOptions(tmp_path, "conll", annotator="kim"), analyze=fake_analyze)
    blocks = (tmp_path / "gold.conll").read_text(encoding="utf-8").split("\n\n")
    assert blocks[0] == "-DOCSTART-\t-X-\tO"
    sentences = [b.splitlines() for b in blocks[1:] if b.strip()]
    assert len(sentences) == 2  # title line and body line
    rows = [line.split("\t") for line in sentences[1]]
    assert rows[0] == ["최수연", "NNG", "B-PER"]
    assert rows[1] == ["네이버", "NNG", "B-ORG"]
    assert rows[2:4] == [["대표", "NNP", "O"], ["는", "JX", "O"]]
    assert rows[4] == ["1억", "NNG", "B-MONEY"] and rows[5] == ["달러를", "NNG", "I-MONEY"]
    assert m.conll_misaligned_spans == 1  # "1억 달러" ends inside the morpheme 달러를
    split = split_of("a1", (80, 10, 10))
    assert (tmp_path / f"{split}.conll").read_text(encoding="utf-8") == (tmp_path / "gold.conll").read_text(encoding="utf-8")


@pytest.mark.slow
def test_conll_with_kiwi(store: Store, tmp_path: Path):
    export_corpus(store, SCHEMA, ExportOptions(tmp_path, "conll", annotator="kim"))
    rows = [line.split("\t") for line in (tmp_path / "gold.conll").read_text(encoding="utf-8").splitlines() if line]
    assert ["최수연", "NNP", "B-PER"] in rows
    assert all(len(r) == 3 for r in rows)


# ------------------------------------------------------------------ the command

def test_cli_export(store: Store, tmp_corpus: Path, tmp_path: Path, capsys):
    out = tmp_path / "cli"
    assert main(["export", str(tmp_corpus), "--out", str(out), "--annotator", "kim"]) == 0
    assert len(read_jsonl(out / "gold.jsonl")) == 1
    assert "exported 1 article (3 spans, 1 relation) of kim" in capsys.readouterr().err
    assert main(["export", str(tmp_corpus), "--out", str(out), "--gold", "--annotator", "kim"]) == 2
    assert main(["export", str(tmp_corpus), "--out", str(out), "--split", "90/5"]) == 2
    _break_span(store, "a1")
    assert main(["export", str(tmp_corpus), "--out", str(tmp_path / "x"), "--annotator", "kim"]) == 2
    assert "article a1" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_cli_export_to_unwritable_folder(store: Store, tmp_corpus: Path, tmp_path: Path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", str(tmp_corpus), "--out", str(blocker / "sub"), "--annotator", "kim"]) == 1
    assert "cannot write the export folder" in capsys.readouterr().err


def test_interrupted_export_leaves_no_half_file_and_keeps_the_old_one(store: Store, tmp_path: Path, monkeypatch):
    from annotator.export import formats

    out = tmp_path / "out"
    opts = ExportOptions(out, "doccano", annotator="kim", include_unfinished=True)
    export_corpus(store, SCHEMA, opts)
    before = (out / "doccano.jsonl").read_bytes()
    real = formats.doccano
    calls = []

    def dies_on_second(rec):
        calls.append(rec.id)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(rec)

    monkeypatch.setattr(formats, "doccano", dies_on_second)
    with pytest.raises(RuntimeFailure, match="No space left"):
        export_corpus(store, SCHEMA, opts)
    assert (out / "doccano.jsonl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["doccano.jsonl", "manifest.json"]


def test_export_reads_its_own_snapshot_while_the_app_keeps_writing(store: Store, tmp_path: Path, monkeypatch):
    from annotator.export import run

    real = run.record_problems
    written = []

    def app_writes_meanwhile(rec, schema):
        if not written:  # the analyst labels something while the export is checking
            written.append(store.add_span("a2", *at(TEXT2, "올해 2월")[:2], "DATE", "올해 2월"))
        return real(rec, schema)

    monkeypatch.setattr(run, "record_problems", app_writes_meanwhile)
    export_corpus(store, SCHEMA, ExportOptions(tmp_path, annotator="kim", include_unfinished=True))
    a2 = next(r for r in read_jsonl(tmp_path / "gold.jsonl") if r["id"] == "a2")
    assert "올해 2월" not in [s["text"] for s in a2["spans"]]  # one consistent state, from before the write
    assert "올해 2월" in [s.text for s in store.spans("a2")]


def test_a_file_failing_at_the_end_replaces_none_of_the_others(store: Store, tmp_path: Path, monkeypatch):
    import os

    from annotator.export import atomic

    out = tmp_path / "out"
    export_corpus(store, SCHEMA, ExportOptions(out, annotator="kim"))
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    store.add_span("a2", *at(TEXT2, "올해 2월")[:2], "DATE", "올해 2월")
    store.mark_done("a2")  # the next export differs
    calls = []
    real_fsync = os.fsync

    def full_at_the_fourth(fd):
        calls.append(fd)
        if len(calls) == 4:  # gold, train, dev durable; test.jsonl meets a full disk
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", full_at_the_fourth)
    with pytest.raises(RuntimeFailure, match="no file was replaced"):
        export_corpus(store, SCHEMA, ExportOptions(out, annotator="kim"))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
