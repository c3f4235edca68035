"""Property: whatever sequence of span edits an analyst makes, the stored spans stay valid."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.store import Store
from tests.test_store_helpers import TEXT, sha

LABELS = ["ORG", "PER", "LOC"]
ops = st.lists(st.one_of(
    st.tuples(st.just("add"), st.integers(0, len(TEXT) + 3), st.integers(-1, 8), st.sampled_from(LABELS)),
    st.tuples(st.just("resize"), st.integers(0, 30), st.integers(0, len(TEXT) + 3), st.integers(-1, 8)),
    st.tuples(st.just("relabel"), st.integers(0, 30), st.sampled_from(LABELS)),
    st.tuples(st.sampled_from(["delete", "reject", "accept"]), st.integers(0, 30)),
    st.tuples(st.sampled_from(["undo", "redo"])),
), max_size=25)


def pick(ids: list[str], i: int) -> str:
    return ids[i % len(ids)] if ids else "s999"


def check(store: Store) -> None:
    live = [s for s in store.spans("a1") if s.status != "rejected"]
    for s in live:
        assert 0 <= s.start < s.end <= len(TEXT)
        assert TEXT[s.start:s.end] == s.text
    live.sort(key=lambda s: s.start)
    for a, b in zip(live, live[1:], strict=False):
        assert a.end <= b.start


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops)
def test_any_edit_sequence_keeps_spans_valid(sequence):
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        store = Store.open(None, corpus, "kim")
        store.ensure_article("a1", sha(TEXT), TEXT)
        for op in sequence:
            before = store.spans("a1")
            ids = [s.id for s in before]
            try:
                match op:
                    case ("add", start, length, label):
                        store.add_span("a1", start, start + length, label, TEXT[start:start + length])
                    case ("resize", i, start, length):
                        store.resize("a1", pick(ids, i), start, start + length, TEXT[start:start + length])
                    case ("relabel", i, label):
                        store.relabel("a1", pick(ids, i), label)
                    case ("delete", i):
                        store.delete("a1", pick(ids, i))
                    case ("reject", i):
                        store.reject("a1", pick(ids, i))
                    case ("accept", i):
                        store.accept("a1", pick(ids, i))
                    case ("undo",):
                        store.undo("a1")
                    case ("redo",):
                        store.redo("a1")
            except InputError:  # refused: conflict, off-text or unknown id; nothing may have changed
                assert store.spans("a1") == before
            check(store)
        state = store.spans("a1")
        assert store.verify() == []
        store.close()
        again = Store.open(None, corpus, "kim")
        assert again.spans("a1") == state
        again.close()
