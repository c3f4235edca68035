"""manifest.json: what an export holds and how it was made."""

from __future__ import annotations

from collections import Counter

from pydantic import BaseModel, ConfigDict, Field


class Origin(BaseModel):
    model_config = ConfigDict(extra="forbid")
    adjudicated: list[str] = Field(default_factory=list)  # from annotator "gold"
    single_analyst: dict[str, list[str]] = Field(default_factory=dict)  # analyst -> articles only they labelled


class Skipped(BaseModel):
    model_config = ConfigDict(extra="forbid")
    needs_adjudication: list[str] = Field(default_factory=list)  # --gold: several analysts, no gold yet
    flagged_spans_left_out: int = 0  # accepted spans awaiting review after a source change


class Manifest(BaseModel):
    tool: str = "annotator"
    tool_version: str
    created: str
    format: str
    files: list[str]
    store: str
    corpus: str
    annotator: str | None  # None for --gold
    gold: bool
    include_unfinished: bool
    schema_: str = Field(alias="schema")
    labels_file: str
    split: dict[str, int]
    split_counts: dict[str, int]
    articles: int
    articles_by_status: dict[str, int]
    spans: int
    spans_per_label: dict[str, int]
    relations: int
    relations_per_label: dict[str, int]
    annotators: dict[str, int]  # analyst -> articles credited to them
    origin: Origin | None = None
    skipped: Skipped = Field(default_factory=Skipped)
    conll_misaligned_spans: int | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Tally:
    """Counts gathered while the records are checked, before anything is written."""

    def __init__(self) -> None:
        self.articles = 0
        self.by_status: Counter[str] = Counter()
        self.spans: Counter[str] = Counter()
        self.relations: Counter[str] = Counter()
        self.annotators: Counter[str] = Counter()
        self.splits: Counter[str] = Counter()
        self.origin = Origin()
        self.skipped = Skipped()

    def add(self, rec, status: str, origin: str, who: str, split: str) -> None:
        self.articles += 1
        self.by_status[status] += 1
        self.spans.update(s.label for s in rec.spans)
        self.relations.update(r.label for r in rec.relations)
        self.annotators.update(rec.annotators)
        self.splits[split] += 1
        if origin == "adjudicated":
            self.origin.adjudicated.append(rec.id)
        elif origin == "single":
            self.origin.single_analyst.setdefault(who, []).append(rec.id)
