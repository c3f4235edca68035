"""What learning from analysts adds, measured leave-one-article-out on the held-out fixtures.

    /work/venv/bin/python benchmarks/bench_learning.py [FIXTURE_DIR...]

For each article, the lexicon analysts would have built labelling every other article: its gold
entities and relations accepted, the other suggestions there rejected. The article is then suggested
with and without that lexicon, and entity and relation F1 (text level, as ../shared/eval/score.py
counts them) are printed per fixture set. Figures, not a test. The sets are from different outlets
on different stories, so names rarely recur: a lower bound for a team following one beat.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    from annotator.analysis import Analyzer
    from annotator.cleaning import clean_doc
    from annotator.corpus import load_ref, scan_paths
    from annotator.labels import load_labels
    from annotator.lexicon import Lexicon
    from annotator.suggest import suggest

    dirs = [Path(a) for a in argv] or sorted((ROOT / "tests" / "fixtures").glob("heldout*"))
    schema = load_labels()
    analyzer = Analyzer(schema)
    arts = []  # (set name, text, analysis later, gold entities, gold relations)
    for d in dirs:
        for ref in scan_paths([d / "articles"]).refs:
            article = clean_doc(load_ref(ref))
            gold = json.loads((d / "gold" / (Path(article.source).stem + ".json")).read_text(encoding="utf-8"))
            arts.append((d.name, article.text, {(e["text"], e["label"]) for e in gold["entities"]},
                         {_rel(r["head"], r["label"], r["tail"], schema) for r in gold["relations"]}))
    analyses = analyzer.analyze_many([a[1] for a in arts])
    base = [_facts(*suggest(text, x, schema), schema) for (_, text, _, _), x in zip(arts, analyses, strict=True)]
    counts: dict[str, dict[str, list[int]]] = {}
    for i, ((name, text, gold_e, gold_r), x) in enumerate(zip(arts, analyses, strict=True)):
        lex = Lexicon()
        for j, ((_, _, ge, gr), (se, sr)) in enumerate(zip(arts, base, strict=True)):
            if j != i:
                for e in ge:
                    lex.add_accepted(*e)
                for e in se - ge:
                    lex.add_rejected(*e)
                for r in gr:
                    lex.add_related(*r)
                for r in sr - gr:
                    lex.add_unrelated(*r)
        learned = _facts(*suggest(text, x, schema, lex), schema)
        for way, (se, sr) in (("without", base[i]), ("with", learned)):
            c = counts.setdefault(f"{name} {way}", {"ent": [0, 0, 0], "rel": [0, 0, 0]})
            for kind, got, gold in (("ent", se, gold_e), ("rel", sr, gold_r)):
                c[kind][0] += len(got & gold)
                c[kind][1] += len(got)
                c[kind][2] += len(gold)
    print(f"{len(arts)} articles in {len(dirs)} sets; entity and relation F1 without and with the lexicon "
          "of every other article")
    for key, c in counts.items():
        print(f"{key:<18} entity F1 {_f1(*c['ent']):.3f}   relation F1 {_f1(*c['rel']):.3f} "
              f"(P {_p(c['rel']):.3f} R {_r(c['rel']):.3f})")
    return 0


def _facts(spans, relations, schema) -> tuple[set, set]:
    text_of = {s.id: s.text for s in spans}
    return ({(s.text, s.label) for s in spans},
            {_rel(text_of[r.head], r.label, text_of[r.tail], schema) for r in relations})


def _rel(head: str, label: str, tail: str, schema) -> tuple[str, str, str]:
    rule = schema.relation(label)
    if rule is not None and rule.symmetric:  # either way round is the same fact
        head, tail = sorted((head, tail))
    return head, label, tail


def _p(c: list[int]) -> float:
    return c[0] / c[1] if c[1] else 0.0


def _r(c: list[int]) -> float:
    return c[0] / c[2] if c[2] else 0.0


def _f1(tp: int, predicted: int, gold: int) -> float:
    return 2 * tp / (predicted + gold) if predicted + gold else 0.0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
