"""Export throughput and memory: builds a store of N synthetic articles (about 9 KB of UTF-8 each,
40 accepted spans and 10 relations, all marked done), then times `export_corpus` to JSONL in a
fresh process and reports MB/s of gold.jsonl (wall clock, and per CPU second, which a machine
shared with other work does not distort) and peak RSS.

    python benchmarks/bench_export.py [N ...]       # default: 10000 100000

The store is filled with bulk SQL in one transaction (the API's one-commit-per-action would
spend minutes on fsyncs that have nothing to do with export speed).
"""

from __future__ import annotations

import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = "네이버는 미국 실리콘밸리에 투자법인 네이버벤처스를 설립하고 최수연 대표가 1억 달러를 투자한다고 밝혔다. "
REPEAT = 60  # about 3,000 characters, 9 KB of UTF-8
SPANS_PER_SENTENCE = [("네이버", "ORG"), ("미국", "LOC"), ("최수연", "PER"), ("1억 달러", "MONEY")]


def build(root: Path, n: int) -> Path:
    from annotator.store import Store

    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    store = Store.open(None, corpus, "bench")
    store.close()
    import sqlite3

    text = SENTENCE * REPEAT
    offsets = []
    for k in range(10):  # 40 spans, in the first 10 sentences
        base = k * len(SENTENCE)
        for surface, label in SPANS_PER_SENTENCE:
            i = SENTENCE.index(surface)
            offsets.append((base + i, base + i + len(surface), label, surface))
    conn = sqlite3.connect(store.path)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    text_sha = hashlib.sha256(text.encode()).hexdigest()
    for d in range(n):
        doc = f"news/{d:06d}.txt"
        conn.execute("INSERT INTO articles (doc_id, sha256, text_sha256, text, source, meta_json, added) "
                     "VALUES (?, ?, ?, ?, ?, ?, '')", (doc, text_sha, text_sha, text, doc,
                                                      json.dumps({"title": f"기사 {d}", "outlet": "이데일리"})))
        conn.execute("INSERT INTO article_state VALUES (?, 'bench', 'done', '')", (doc,))
        conn.executemany("INSERT INTO spans (doc_id, annotator, id, start_at, end_at, label, text, status, source) "
                         "VALUES (?, 'bench', ?, ?, ?, ?, ?, 'accepted', 'manual')",
                         [(doc, f"s{i}", a, b, lab, t) for i, (a, b, lab, t) in enumerate(offsets, start=1)])
        conn.executemany("INSERT INTO relations (doc_id, annotator, id, head, tail, label, status, source) "
                         "VALUES (?, 'bench', ?, ?, ?, 'leads', 'accepted', 'manual')",
                         [(doc, f"r{k}", f"s{4 * k + 3}", f"s{4 * k + 1}") for k in range(10)])
    conn.execute("COMMIT")
    conn.close()
    return corpus


def run_export(corpus: Path, out: Path) -> dict:
    from annotator.export import ExportOptions, export_corpus
    from annotator.labels import load_labels
    from annotator.store import Store

    schema = load_labels()
    store = Store.open(None, corpus, "bench")
    t, cpu = time.perf_counter(), time.process_time()
    m = export_corpus(store, schema, ExportOptions(out, annotator="bench"))
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    store.close()
    size = (out / "gold.jsonl").stat().st_size
    return {"articles": m.articles, "spans": m.spans, "seconds": round(elapsed, 2),
            "gold_mb": round(size / 1e6, 1), "mb_per_s": round(size / 1e6 / elapsed, 1),
            "mb_per_cpu_s": round(size / 1e6 / cpu, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(run_export(Path(argv[1]), Path(argv[2]))))
        return
    for n in [int(a) for a in argv] or [10_000, 100_000]:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            corpus = build(Path(tmp), n)
            built = time.perf_counter() - t
            res = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(Path(tmp) / "out")],
                                 capture_output=True, text=True, check=True)
            fig = json.loads(res.stdout)
            print(f"{n:>7} articles (store built in {built:.0f} s): export {fig['seconds']} s, "
                  f"gold.jsonl {fig['gold_mb']} MB, {fig['mb_per_s']} MB/s ({fig['mb_per_cpu_s']} MB per CPU second), "
                  f"peak RSS {fig['peak_rss_mb']} MB",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
