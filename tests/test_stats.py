"""Stats domain: progress, labels per day, label counts and suggestion quality, on hand-built rows."""

from __future__ import annotations

import pytest

from annotator.agreement.stats import (
    deleted_suggestions,
    is_suggestion,
    label_counts,
    labels_per_day,
    progress,
    suggestion_quality,
)

approx = pytest.approx


def row(annotator, label, status, source, edited=False):
    return {"annotator": annotator, "label": label, "status": status, "source": source, "edited": edited}


def test_progress_per_analyst_overall_and_gold():
    statuses = {
        "A": {"d1": "done", "d2": "done", "d3": "in_progress", "d4": "new"},
        "B": {"d1": "done", "d2": "skipped", "d3": "done", "d4": "new"},
        "gold": {"d1": "done", "d2": "new", "d3": "new", "d4": "new"},
    }
    p = progress(statuses, total=5)
    # done by anyone: d1, d2, d3 -> 3 of 5; by two or more: d1 only; gold done: d1
    assert (p["articles"], p["done"], p["share"]) == (5, 3, approx(3 / 5))
    assert (p["done_by_two_or_more"], p["adjudicated"]) == (1, 1)
    assert p["annotators"] == {
        "A": {"done": 2, "in_progress": 1, "skipped": 0, "share": approx(2 / 5)},
        "B": {"done": 2, "in_progress": 0, "skipped": 1, "share": approx(2 / 5)},
    }
    assert progress({}, total=0)["share"] is None


def span(status, label="ORG"):
    return {"status": status, "label": label, "start_at": 0, "end_at": 1}


def test_labels_per_day_counts_net_accepts_from_snapshots():
    events = [
        # day 1: A accepts two pending suggestions at once (accept_all) and adds one manual span
        {"ts": "2026-11-20T09:00:00.000+00:00", "annotator": "A", "action": "accept_all",
         "before": {"spans": {"A/s1": span("pending"), "A/s2": span("pending")}},
         "after": {"spans": {"A/s1": span("accepted"), "A/s2": span("accepted")}}},
        {"ts": "2026-11-20T09:01:00.000+00:00", "annotator": "A", "action": "add_span",
         "before": {"spans": {"A/s3": None}}, "after": {"spans": {"A/s3": span("accepted")}}},
        # a relabel keeps the span accepted: no new label
        {"ts": "2026-11-20T09:02:00.000+00:00", "annotator": "A", "action": "relabel",
         "before": {"spans": {"A/s3": span("accepted")}}, "after": {"spans": {"A/s3": span("accepted", "PER")}}},
        # day 2: A undoes the add (-1), B rejects a suggestion (0), B accepts one (+1)
        {"ts": "2026-11-21T10:00:00.000+00:00", "annotator": "A", "action": "undo",
         "before": {"spans": {"A/s3": span("accepted")}}, "after": {"spans": {"A/s3": None}}},
        {"ts": "2026-11-21T10:00:00.000+00:00", "annotator": "B", "action": "reject",
         "before": {"spans": {"B/s1": span("pending")}}, "after": {"spans": {"B/s1": span("rejected")}}},
        {"ts": "2026-11-21T11:00:00.000+00:00", "annotator": "B", "action": "accept",
         "before": {"spans": {"B/s2": span("pending")}}, "after": {"spans": {"B/s2": span("accepted")}}},
        # an analyst's import is not that day's work; gold's review is
        {"ts": "2026-11-21T12:00:00.000+00:00", "annotator": "B", "action": "import",
         "before": {"spans": {"B/s9": None}}, "after": {"spans": {"B/s9": span("accepted")}}},
        {"ts": "2026-11-22T08:00:00.000+00:00", "annotator": "gold", "action": "import",
         "before": {"spans": {"gold/s1": None}}, "after": {"spans": {"gold/s1": span("accepted")}}},
        {"ts": "2026-11-22T08:00:00.000+00:00", "annotator": "A", "action": "mark_done",
         "before": {"status": {"A": "in_progress"}}, "after": {"status": {"A": "done"}}},
    ]
    # day 1: A 2 + 1 = 3; day 2: A -1, B +1; day 3: gold 1
    assert labels_per_day(events) == {"2026-11-20": {"A": 3}, "2026-11-21": {"A": -1, "B": 1},
                                      "2026-11-22": {"gold": 1}}


def test_label_counts_accepted_only_without_gold():
    rows = [row("A", "ORG", "accepted", "manual"), row("B", "ORG", "accepted", "gazetteer"),
            row("A", "PER", "accepted", "morph"), row("A", "LOC", "rejected", "morph"),
            row("B", "LOC", "pending", "morph"), row("gold", "ORG", "accepted", "review:C")]
    assert label_counts(rows, order=["PER", "ORG"]) == {"PER": 1, "ORG": 2}


def test_suggestion_quality_by_label_and_source():
    rows = [
        row("A", "ORG", "accepted", "gazetteer"), row("A", "ORG", "accepted", "gazetteer", edited=True),
        row("B", "ORG", "rejected", "gazetteer"), row("B", "ORG", "accepted", "manual"),
        row("A", "PER", "accepted", "morph"), row("A", "PER", "rejected", "morph"),
        row("B", "PER", "pending", "morph"), row("B", "PER", "accepted", "import:doccano"),
        row("gold", "ORG", "accepted", "gazetteer"),  # gold is not an analyst: ignored
    ]
    q = suggestion_quality(rows, order=["PER", "ORG"])
    assert list(q["per_label"]) == ["PER", "ORG"]
    # ORG: 3 suggested (all gazetteer), 2 accepted (1 edited), 1 rejected -> acceptance 2/3
    # final ORG labels: 3 accepted (2 suggested + 1 manual) -> share 2/3
    assert q["per_label"]["ORG"] == {"suggested": 3, "accepted": 2, "rejected": 1, "deleted": 0, "pending": 0,
                                     "edited": 1,
                                     "acceptance": approx(2 / 3), "final": 3, "share": approx(2 / 3)}
    # PER: morph 3 suggested, 1 accepted, 1 rejected, 1 pending -> acceptance 1/2;
    # final PER: morph + import = 2 -> share 1/2 (the import is not a suggestion)
    per = q["per_label"]["PER"]
    assert (per["suggested"], per["pending"], per["acceptance"], per["final"], per["share"]) == (
        3, 1, approx(0.5), 2, approx(0.5))
    # per source: the share is of all 5 final labels: gazetteer 2/5, morph 1/5
    assert q["per_source"]["gazetteer"]["share"] == approx(2 / 5)
    assert q["per_source"]["morph"]["acceptance"] == approx(0.5)
    assert q["per_source"]["morph"]["share"] == approx(1 / 5)
    assert set(q["per_source"]) == {"gazetteer", "morph"}
    # overall: 6 suggested, 3 accepted, 2 rejected -> 3/5; share 3/5
    assert (q["overall"]["acceptance"], q["overall"]["share"]) == (approx(3 / 5), approx(3 / 5))


def test_what_counts_as_a_suggestion():
    assert is_suggestion("gazetteer") and is_suggestion("lexicon") and is_suggestion("suggest")
    assert not any(map(is_suggestion, ["manual", "import:conll", "review:kim", None, ""]))


def test_deleted_suggestions_from_the_event_log():
    def ev(doc, before, after):
        return {"ts": "2026-11-20T09:00:00", "annotator": "A", "doc_id": doc, "action": "x",
                "before": {"spans": before}, "after": {"spans": after}}

    sug = {"annotator": "A", "label": "ORG", "status": "pending", "source": "gazetteer"}
    man = {"annotator": "A", "label": "PER", "status": "accepted", "source": "manual"}
    relabelled = {**sug, "label": "LOC", "status": "accepted", "edited": 1}
    events = [
        ev("d1", {"A/s1": None, "A/s2": None}, {"A/s1": sug, "A/s2": sug}),   # two suggestions stored
        ev("d1", {"A/s1": sug}, {"A/s1": relabelled}),                         # relabelled
        ev("d1", {"A/s1": relabelled}, {"A/s1": None}),                        # then deleted
        ev("d1", {"A/s2": sug}, {"A/s2": None}),                               # deleted ...
        ev("d1", {"A/s2": None}, {"A/s2": sug}),                               # ... and undone: still here
        ev("d2", {"A/s1": None}, {"A/s1": sug}),                               # same id, other article
        ev("d2", {"A/s3": None}, {"A/s3": man}), ev("d2", {"A/s3": man}, {"A/s3": None}),  # manual: not counted
    ]
    gone = deleted_suggestions(events)
    # only d1's s1 is gone for good; it counts under its suggested label ORG
    assert gone == {"spans": [{**sug, "status": "deleted"}], "relations": []}
    q = suggestion_quality([row("A", "ORG", "accepted", "gazetteer"), *gone["spans"]])
    # ORG: 2 suggested, 1 accepted, 1 deleted -> acceptance 1/2
    assert q["per_label"]["ORG"]["deleted"] == 1 and q["per_label"]["ORG"]["acceptance"] == 0.5
