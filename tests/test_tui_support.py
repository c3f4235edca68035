"""Shared fixtures and helpers for the app's Pilot and snapshot tests (imported by tests/test_tui_*.py).

The analyser is Kiwi built in this process once per session (memoised per text), so tests get
real morpheme boundaries without a child process; one test in test_tui_flows.py uses the real
child-process path. Suggestions are seeded straight into the store, so the tests do not depend on
what the suggester currently proposes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.labels import PACKAGED, load_labels
from annotator.models import Relation, Span

FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "tui" / "corpus"
LABELS = PACKAGED


class MemoAnalyser:
    """In-process Kiwi; each distinct text is analysed once per test session."""

    def __init__(self) -> None:
        from annotator.analysis import Analyzer

        self.analyzer = Analyzer(load_labels(LABELS))
        self.memo: dict[str, object] = {}
        self.calls = 0

    def analyze(self, text: str):
        self.calls += 1
        if text not in self.memo:
            self.memo[text] = self.analyzer.analyze(text)
        return self.memo[text]


_ANALYSER: MemoAnalyser | None = None


def analyser() -> MemoAnalyser:
    global _ANALYSER
    if _ANALYSER is None:
        _ANALYSER = MemoAnalyser()
    return _ANALYSER


def copy_corpus(tmp_path: Path) -> Path:
    """A private copy of the fixture corpus (its store goes beside it)."""
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, root)
    return root


def make(corpus: Path, annotator: str = "kim", **kw):
    from annotator.tui import make_app

    kw.setdefault("analyser", analyser())
    return make_app(corpus, corpus.parent / "labels.sqlite3", annotator, LABELS, **kw)


def seed(corpus: Path, doc_id: str, spans: list[tuple[str, str, int]], relations: list[tuple[int, int, str]] = (),
         annotator: str = "kim") -> str:
    """Register `doc_id` and store pending suggestions: (surface, label, occurrence) and (head#, tail#, label).

    Offsets are found in the cleaned text, so the fixture survives changes to the cleaning rules."""
    from annotator.cleaning import clean_doc
    from annotator.corpus import open_corpus
    from annotator.store import Store

    article = clean_doc(open_corpus(corpus).load(doc_id))
    text = article.text
    out = []
    for i, (surface, label, nth) in enumerate(spans, start=1):
        at = -1
        for _ in range(nth + 1):
            at = text.index(surface, at + 1)
        out.append(Span(id=f"s{i}", start=at, end=at + len(surface), label=label, text=surface, source="gazetteer",
                        score=0.9))
    rels = [Relation(id=f"r{i}", head=f"s{h}", tail=f"s{t}", label=lab, source="pattern", score=0.8)
            for i, (h, t, lab) in enumerate(relations, start=1)]
    with Store.open(corpus.parent / "labels.sqlite3", corpus, annotator) as store:
        store.ensure_article(doc_id, article.sha256, text, meta=article.meta.model_dump(), source=article.source)
        store.add_suggestions(doc_id, out, rels)
    return text


NAVER_SEED = [("네이버", "ORG", 0), ("네이버는", "ORG", 0), ("지난 5일", "DATE", 0), ("최수연", "PER", 0),
              ("네이버", "ORG", 2), ("3000억원", "MONEY", 0), ("라인야후", "ORG", 0)]


def seed_naver(corpus: Path) -> str:
    # s2 "네이버는" deliberately holds its particle, for the boundary tests; r1: 최수연 leads 네이버
    return seed(corpus, "001-naver.txt", NAVER_SEED, [(4, 5, "leads")])


def is_settled(app) -> bool:
    main = app.main
    return (main is not None and main.state is not None and main._opening == main.state.doc_id
            and main._analysing is None and main.state.analysis is not None)


async def settle(pilot, rounds: int = 200) -> None:
    """Let workers finish and their messages land (no sleeping: await the workers)."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        if is_settled(app) and not app.workers._workers:
            return
    raise AssertionError("the app did not settle")


def rows(app):
    main = app.main
    return {s.id: s for s in app.ws.store.spans(main.state.doc_id)}


def test_fixture_corpus_reads_cleanly(tmp_path: Path):
    text = seed_naver(copy_corpus(tmp_path))
    assert text.startswith("네이버, 하이퍼클로바X로")
