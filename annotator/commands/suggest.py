"""`annotate suggest PATH... --jsonl`: clean, analyse and suggest entities and relations, one JSON line each."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import deque
from pathlib import Path

from annotator.cli import add_common
from annotator.errors import InputError

PROGRESS_MIN = 6  # more articles than this get a progress bar on stderr


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="print entity and relation suggestions as JSON lines",
                       description="Clean, analyse (Kiwi) and suggest entities and relations for each article; "
                       "one JSON object per article on standard output.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or corpus folders")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per article (the only output format)")
    p.add_argument("--workers", type=int, default=2, metavar="N", help="Kiwi analysis threads (default 2)")
    add_common(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.analysis.kiwi import Analyzer
    from annotator.corpus import scan_paths
    from annotator.labels import find_labels, load_labels

    paths = [Path(p) for p in args.paths]
    corpus_dir = next((p for p in paths if p.is_dir()), paths[0].parent)
    schema = load_labels(find_labels(args.labels, corpus_dir))
    corpus = scan_paths(paths)
    for s in corpus.skipped:
        print(f"annotate: {s}", file=sys.stderr)
    if not corpus.refs:
        raise InputError("no readable articles", path=" ".join(args.paths))

    analyzer = Analyzer(schema, num_workers=max(1, args.workers))
    store = _open_store(args, corpus_dir) if args.db else None
    restore_gc = None
    try:
        lexicon = store.lexicon() if store is not None else None
        restore_gc = _quiet_gc(schema)
        articles = _articles(corpus)
        analysed = (_cached(articles, analyzer, store, schema.sha256) if store is not None
                    else _streamed(articles, analyzer))
        written = _write(analysed, schema, lexicon, len(corpus.refs))
    finally:
        if restore_gc is not None:
            restore_gc()
        if store is not None:
            store.close()
    if not written:
        raise InputError("no readable articles", path=" ".join(args.paths))
    return 0


def _quiet_gc(schema):
    """Make the garbage collector cheap for the run; returns what puts it back.

    The rules allocate hundreds of thousands of short-lived objects an article, none of them in
    reference cycles, so collections find nothing and only cost time (~0.3 us/char with the defaults).
    First everything alive (modules, schema, gazetteer, Kiwi's wrapper) is frozen out of the collector's
    reach -- full collections walked it again and again -- unless the caller froze objects itself (then
    it is theirs to unfreeze); then the youngest generation is collected every 50,000 allocations
    instead of 700, so most objects die by reference count before a collection ever sees them."""
    from annotator.suggest.lexical import gazetteer_for

    gazetteer_for(schema)  # cached per schema: the first article would build it anyway
    thresholds = gc.get_threshold()
    froze = not gc.get_freeze_count()
    if froze:
        gc.collect()
        gc.freeze()
    gc.set_threshold(50_000, *thresholds[1:])

    def restore() -> None:
        gc.set_threshold(*thresholds)
        if froze:
            gc.unfreeze()

    return restore


def _articles(corpus):
    from annotator.cleaning import clean_doc
    from annotator.corpus import load_ref

    for ref in corpus.refs:
        try:
            yield clean_doc(load_ref(ref))
        except InputError as exc:
            print(f"annotate: skipped {exc.describe()}", file=sys.stderr)


def _streamed(articles, analyzer):
    """(article, analysis) in order; Kiwi pulls texts on its own schedule and analyses ahead on its
    worker threads while this thread runs the rules on the previous article."""
    pending: deque = deque()

    def texts():
        for article in articles:
            pending.append(article)
            yield article.text

    for analysis in analyzer.iter_analyze(texts()):
        yield pending.popleft(), analysis


def _cached(articles, analyzer, store, labels_sha: str, batch_size: int = 32):
    """With a store: analyses come from its cache (content + labels + engine key) when present;
    the rest are analysed a batch at a time (Kiwi's workers share a batch) and cached."""
    from annotator.analysis.model import Analysis, cache_key

    def flush(batch):
        keys = [cache_key(a.text, labels_sha) for a in batch]
        analyses: list = []
        for k in keys:
            data = store.cache_get(k)
            try:
                analyses.append(Analysis.from_bytes(data) if data else None)
            except ValueError:  # made by another engine version
                analyses.append(None)
        missing = [i for i, a in enumerate(analyses) if a is None]
        fresh_all = analyzer.analyze_many([batch[i].text for i in missing]) if missing else []
        for i, fresh in zip(missing, fresh_all, strict=True):
            analyses[i] = fresh
            store.cache_put(keys[i], fresh.to_bytes())
        return zip(batch, analyses, strict=True)

    batch: list = []
    for article in articles:
        batch.append(article)
        if len(batch) == batch_size:
            yield from flush(batch)
            batch = []
    if batch:
        yield from flush(batch)


def _record(article, analysis, schema, lexicon) -> bytes:
    """One output line: the article with its suggestions."""
    import orjson

    from annotator.suggest import suggest

    spans, relations = suggest(article.text, analysis, schema, lexicon)
    # What ArticleOut(...).model_dump() gives, key order included, built directly: the spans and relations
    # are already validated models and the article's fields are plain strings, so the ArticleOut
    # validation and a pydantic dump per span (~100 an article) only cost time.
    meta = article.meta
    record = {
        "id": article.id,
        "source": article.source,
        "meta": {"title": meta.title, "date": meta.date, "outlet": meta.outlet, "reporters": meta.reporters},
        "text": article.text,
        # a Span's __dict__ is its fields in declaration order (id, start, end, label, text, score, source),
        # all plain values: what model_dump gives, without a dict built per span
        "spans": list(map(vars, spans)),
        "relations": [{"id": r.id, "head": r.head, "tail": r.tail, "label": r.label, "score": r.score}
                      for r in relations],  # without their source
    }
    return orjson.dumps(record) + b"\n"


def _write(analysed, schema, lexicon, total: int) -> int:
    bar = _Progress(total) if total > PROGRESS_MIN else None
    out = sys.stdout.buffer
    written = 0
    for article, analysis in analysed:
        out.write(_record(article, analysis, schema, lexicon))
        written += 1
        if bar:
            bar.step()
    if bar:
        bar.done()
    out.flush()
    return written


def _open_store(args: argparse.Namespace, corpus_dir: Path):
    import getpass

    from annotator.store import Store

    return Store.open(args.db, corpus_dir, args.annotator or getpass.getuser())


class _Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int):
        self.total, self.n, self.t0, self.last = total, 0, time.monotonic(), 0.0
        self.tty = sys.stderr.isatty()

    def step(self) -> None:
        self.n += 1
        now = time.monotonic()
        if now - self.last >= 0.1 or self.n == self.total:
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        filled = width * self.n // max(self.total, 1)
        rate = self.n / max(now - self.t0, 1e-9)
        line = f"suggest [{'#' * filled}{'.' * (width - filled)}] {self.n}/{self.total} {rate:.0f} articles/s"
        if self.tty:
            sys.stderr.write("\r" + line)
        elif self.n == self.total or self.n % max(self.total // 10, 1) == 0:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def done(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
            sys.stderr.flush()
