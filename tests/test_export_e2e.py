"""End to end: label a sample article through the app with real keys, export it with the CLI, and
read gold.jsonl back line by line with the same pydantic model and checks the export uses."""

from __future__ import annotations

from pathlib import Path

import orjson
from test_tui_support import copy_corpus, make, rows, seed_naver, settle

from annotator.cli import main
from annotator.export import GoldRecord, record_problems
from annotator.labels import load_labels


async def test_label_in_the_app_then_export_and_validate(tmp_path: Path):
    corpus = copy_corpus(tmp_path)
    text = seed_naver(corpus)
    app = make(corpus)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("a")  # s1 네이버 (title)
        await pilot.press("x")  # s2 네이버는: holds a particle, rejected
        await pilot.press("A")  # everything else, and the leads relation
        kept = {s.text for s in rows(app).values() if s.status == "accepted"}
        await pilot.press("enter")  # done
        await settle(pilot)
        assert app.ws.store.status("001-naver.txt") == "done"
    app.shutdown()

    out = tmp_path / "exports"
    db = corpus.parent / "labels.sqlite3"
    assert main(["export", str(corpus), "--db", str(db), "--annotator", "kim", "--out", str(out)]) == 0
    schema = load_labels()
    lines = (out / "gold.jsonl").read_bytes().splitlines()
    assert len(lines) == 1
    for line in lines:
        rec = GoldRecord.model_validate_json(line)
        assert record_problems(rec, schema) == []
        assert rec.id == "001-naver.txt" and rec.text == text and rec.annotators == ["kim"]
        assert {s.text for s in rec.spans} == kept and "네이버는" not in kept
        assert all(text[s.start:s.end] == s.text for s in rec.spans)
        by_id = {s.id: s for s in rec.spans}
        assert [(by_id[r.head].text, r.label, by_id[r.tail].text) for r in rec.relations] == [
            ("최수연", "leads", "네이버")]
    manifest = orjson.loads((out / "manifest.json").read_bytes())
    assert manifest["articles"] == 1 and manifest["relations_per_label"] == {"leads": 1}
