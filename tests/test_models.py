"""Span.trusted builds exactly what validating Span(...) builds, without the validation cost."""

from __future__ import annotations

import pytest

from annotator.models import Span

CASES = [
    dict(id="s1", start=0, end=3, label="ORG", text="네이버", score=0.75, source="gazetteer"),
    dict(id="s12", start=40, end=48, label="MONEY", text="137억5000만", score=1.0, source="pattern"),
    dict(id="s3", start=5, end=6, label="LOC", text="美", score=0.0, source="hanja"),
]


@pytest.mark.parametrize("fields", CASES)
def test_trusted_equals_validated(fields):
    fast, slow = Span.trusted(**fields), Span(**fields)
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_copy(update={"label": "PER"}).label == "PER"


def test_trusted_spans_are_independent():
    a, b = Span.trusted(**CASES[0]), Span.trusted(**CASES[0])
    a.model_fields_set.discard("source")
    assert b.model_fields_set == set(Span.model_fields)


def test_trusted_rejects_a_score_outside_the_range():
    with pytest.raises(ValueError, match="outside 0..1"):
        Span.trusted(**{**CASES[0], "score": 1.2})
