"""Properties not covered elsewhere (test_cleaning.py holds the offset-map property, test_editing.py
the editor alone, test_store_properties.py the store with arbitrary offsets):

1. Edits made the way the app makes them -- extents from the morpheme editor, saved through the store,
   with relabel, delete, undo and redo in between -- leave every stored span inside the text, on
   morpheme boundaries, matching the text and overlapping no other; a refused edit changes nothing.
2. Export then import (into a fresh store over the same files) returns exactly the same labels.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.editing import Editor, EditRefused, check_span, fallback_boundaries
from annotator.errors import InputError
from annotator.labels import PACKAGED, load_labels
from annotator.store import Store

SCHEMA = load_labels(PACKAGED)
LABELS = SCHEMA.entity_names
WORDS = ["네이버", "카카오는", "삼성전자가", "미국", "실리콘밸리에", "1억", "달러를", "투자했다", "AI", "모델을",
         "공개했다.", "서울", "2024년", "3월", "최수연", "대표는", "LG", "엑사원", "(주)", "10%"]

texts = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join), min_size=1,
                 max_size=4).map("\n".join)
edit = st.one_of(
    st.tuples(st.just("new"), st.integers(0, 200), st.integers(0, 3), st.sampled_from(LABELS)),
    st.tuples(st.sampled_from(["end", "start"]), st.integers(0, 20), st.sampled_from([-1, 1])),
    st.tuples(st.just("relabel"), st.integers(0, 20), st.sampled_from(LABELS)),
    st.tuples(st.sampled_from(["delete", "reject", "accept"]), st.integers(0, 20)),
    st.tuples(st.sampled_from(["undo", "redo"])),
)


def _boundaries(text: str, extra: list[int]) -> list[int]:
    """Fallback boundaries plus some inside words, standing in for Kiwi's morpheme edges."""
    return sorted(set(fallback_boundaries(text)) | {x for x in extra if 0 <= x <= len(text)})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.lists(st.integers(0, 120), max_size=12), st.lists(edit, max_size=25))
def test_editor_snapped_edits_through_the_store_stay_on_boundaries(text, extra, ops):
    ed = Editor(text, _boundaries(text, extra))
    starts, ends = {u[0] for u in ed.units}, {u[1] for u in ed.units}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(None, Path(tmp), "kim")
        store.ensure_article("a", "0" * 64, text)
        for op in ops:
            before = store.spans("a")
            live = [s for s in before if s.status != "rejected"]
            pick = (lambda i, b=before: b[i % len(b)]) if before else None
            try:
                match op:
                    case ("new", offset, width, label) if ed.units:
                        cur = ed.cursor_at(offset % (len(text) + 1))
                        for _ in range(width):
                            cur = cur.extend(1)
                        s, e = cur.extent
                        check_span(text, s, e, [(x.start, x.end) for x in live])
                        store.add_span("a", s, e, label, text[s:e])
                    case (("end" | "start") as which, i, step) if pick:
                        span = pick(i)
                        others = [(x.start, x.end) for x in live if x.id != span.id]
                        move = ed.move_end if which == "end" else ed.move_start
                        s, e = move(span.start, span.end, step, others)
                        store.resize("a", span.id, s, e, text[s:e])
                    case ("relabel", i, label) if pick:
                        store.relabel("a", pick(i).id, label)
                    case ("delete", i) if pick:
                        store.delete("a", pick(i).id)
                    case ("reject", i) if pick:
                        store.reject("a", pick(i).id)
                    case ("accept", i) if pick:
                        store.accept("a", pick(i).id)
                    case ("undo",):
                        store.undo("a")
                    case ("redo",):
                        store.redo("a")
            except (EditRefused, InputError):
                assert store.spans("a") == before  # refused: nothing written
            spans = store.spans("a")
            for s in spans:
                assert 0 <= s.start < s.end <= len(text)
                assert text[s.start:s.end] == s.text
                assert s.start in starts and s.end in ends, (s, ed.units)
            kept = sorted((s for s in spans if s.status != "rejected"), key=lambda s: s.start)
            for a, b in zip(kept, kept[1:], strict=False):
                assert a.end <= b.start
        assert store.verify() == []
        store.close()


@st.composite
def labelled_corpus(draw):
    docs = draw(st.lists(texts, min_size=1, max_size=3))
    out = []
    for body in docs:
        words = body.replace("\n", " ").split(" ")
        chosen = draw(st.lists(st.tuples(st.integers(0, len(words) - 1), st.sampled_from(LABELS)),
                               max_size=6, unique_by=lambda x: x[0]))
        rel = draw(st.booleans())
        out.append((body, chosen, rel))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(labelled_corpus())
def test_export_then_import_returns_the_same_labels(docs):
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus
    from annotator.export import ExportOptions, export_corpus
    from annotator.export.importer import import_file

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        first, second = tmp / "first", tmp / "second"
        for root in (first, second):
            root.mkdir()
            for n, (body, _, _) in enumerate(docs):
                (root / f"{n:03}.txt").write_text(f"제목 {n}\n\n{body}\n", encoding="utf-8")
        corpus = open_corpus(first)
        want = {}
        with Store.open(None, first, "kim") as s:
            for n, (_, chosen, rel) in enumerate(docs):
                doc = f"{n:03}.txt"
                art = clean_doc(corpus.load(doc))
                s.ensure_article(doc, art.sha256, art.text, meta=art.meta.model_dump(), source=art.source)
                # the chosen words of the cleaned text (after the title line), labelled
                pos, places = art.text.index("\n") + 1, []
                for word in art.text[pos:].replace("\n", " ").split(" "):
                    places.append((pos, pos + len(word)))
                    pos += len(word) + 1
                ids = {}
                for i, label in chosen:
                    if i < len(places) and places[i][1] > places[i][0]:
                        a, b = places[i]
                        ids[s.add_span(doc, a, b, label, art.text[a:b])] = label
                per = [k for k, v in ids.items() if v == "PER"]
                org = [k for k, v in ids.items() if v == "ORG"]
                if rel and per and org:
                    s.add_relation(doc, per[0], org[0], "leads")
                s.mark_done(doc)
                want[doc] = (sorted((x.start, x.end, x.label, x.text) for x in s.spans(doc)),
                             sorted((r.label,) for r in s.relations(doc)))
            export_corpus(s, SCHEMA, ExportOptions(tmp / "out", annotator="kim"))
        with Store.open(None, second, "kim") as s:
            report = import_file(tmp / "out" / "gold.jsonl", open_corpus(second), s, SCHEMA, as_labels=True,
                                 source="import:roundtrip", done=True)
            assert report.problems == []
            for doc, (spans, rels) in want.items():
                got = sorted((x.start, x.end, x.label, x.text) for x in s.spans(doc))
                assert got == spans, doc
                assert sorted((r.label,) for r in s.relations(doc)) == rels, doc
                assert all(x.status == "accepted" for x in s.spans(doc))
                assert s.status(doc) == "done"
