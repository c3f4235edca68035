"""Regression guard on held-out pages: the real pipeline (`annotate suggest --jsonl`) on
tests/fixtures/heldout to heldout10, scored like ../shared/eval/score.py (reimplemented here so CI
needs nothing outside the repo).

The pages imitate outlets and portals other than the seeds (Naver/연합뉴스, 전자신문, ZDNet Korea,
Daum/머니투데이, 한국경제, 뉴스1) and name companies, people and products that are not in the
gazetteer, so these figures say how cleaning and suggestions generalise. The floors sit a little
below what was measured; raise them when the pipeline gets better, never lower them to pass.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import orjson
import pytest

from annotator.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SYMMETRIC = {"partners_with"}

# Pages 01-06 were written first and the rules tuned on them (entity F1 0.872 -> 0.985, relation F1
# 0.593 -> 0.988); 07-08 were written after the tuning and measured once, untouched: entity F1 0.964,
# relation F1 0.111 (a company name Kiwi split into common nouns loses every relation it heads).
# All eight, after the second tuning round (heldout2 below): keep, drop, meta and entity F1 1.000,
# relation F1 0.972.
# heldout2: six pages in other outlets' layouts (조선비즈, 디지털데일리, 매일경제, 이데일리, 서울경제, 더벨)
# written by someone who saw neither the rules nor the output. Untouched: drop 0.861, meta 0.667,
# entity F1 0.914, relation F1 0.518; the rules were then tuned on it: 1.000 / 1.000 / 1.000 / 0.926.
# heldout3: six more (헤럴드경제, 아시아경제, 파이낸셜뉴스, 뉴시스, 테크M, 한겨레), the same way. Untouched,
# after the heldout2 round: drop 0.875, meta 0.833, entity F1 0.904, relation F1 0.570 (the honest
# generalisation figure). Then tuned on, kinds of construction only: drop and meta 1.000, entity F1
# 0.948, relation F1 0.790; passive supply sentences and loosely stated customers still miss.
# heldout4: six more (연합뉴스, 전자신문, ZDNet Korea, 머니투데이, 한국경제, 블로터). Untouched, after the
# heldout3 round: drop 0.956, meta 0.778, entity F1 0.910, relation F1 0.511. Tuned on the same way:
# drop and meta 1.000, entity F1 0.943, relation F1 0.804.
# heldout5: six more (조선일보, 중앙일보, 동아일보, 이투데이, 뉴스핌, 아주경제), written after the heldout4 round.
# Untouched: drop 0.946, meta 0.833, entity F1 0.928, relation F1 0.678 (P 0.91, R 0.54). Tuned on:
# drop and meta 1.000, entity F1 0.950, relation F1 0.754.
# Session of 2026-11-23 (sites run in a list of places, co-developers, 자사 products, supply contracts
# worded at length, deputies' affiliations, new companies named after their parent): relation F1
# heldout3 0.832, heldout4 0.827, heldout5 0.810; entity F1 heldout4 0.950.
# heldout6: six more (한국일보, 경향신문, 국민일보, 세계일보, 뉴데일리경제, 더구루), written after that round.
# Untouched: drop 0.907, meta 0.611, entity F1 0.903, relation F1 0.655 (P 0.87, R 0.53). Tuned on:
# drop and meta 1.000, entity F1 0.948, relation F1 0.792. Relative dates (전년 동기, 1년 전) are now
# DATE, as the guidelines' rule 8 and heldout4-6 have them; heldout1-3 left them out (entity F1 there
# 1.000 -> 0.986, 1.000 -> 0.990, 0.957 -> 0.955).
# heldout7: six more (디지털타임스, 머니S, 서울신문, 비즈니스포스트, 바이라인네트워크, 딜사이트), written after the
# heldout6 round. Untouched: drop 0.898, meta 0.667, entity F1 0.925, relation F1 0.648 (P 0.77, R 0.56; a
# regression of that round's alias direction, 기업은행 vs IBK기업은행, cost most of the precision). Tuned on:
# drop and meta 1.000, entity F1 0.942, relation F1 0.789 (0.962 / 0.813 with the Korean cities added next).
# heldout8: six more (문화일보, 데일리안, 이코노미스트, 에너지경제신문, IT조선, 뉴스웨이), written at the end of the
# 2026-11-23 session and deliberately NOT tuned on: its figures stay the honest estimate for unseen outlets.
# Untouched: drop 0.906, meta 0.722, entity F1 0.912 (P 0.94, R 0.88), relation F1 0.639 (P 0.86, R 0.51).
# Next session (2026-11-23, later): heldout9 (디지털투데이, 시사저널e, 비즈워치, 뉴스토마토, 더팩트, 글로벌이코노믹) and
# heldout10 (한국경제TV, SBS Biz, 디일렉, 플래텀, 연합인포맥스, 매일일보) written by helpers who saw neither rules nor
# output. Tuned on heldout8 and heldout9 (mastheads and slogans, caption credits, joint ventures in relative
# clauses, units of a company before a person, supplies to a customer's plant, Vietnamese names, 총 out of
# amounts...): heldout8 drop/meta 1.000, entity F1 0.932, relation F1 0.750; heldout9 (first scored with part of
# those rules: drop 0.823, meta 0.556, entity F1 0.926, relation F1 0.569) drop/meta 1.000, 0.958, 0.747.
# heldout10 was scored untouched with all of them (at 2b6e7dc): drop 0.862, meta 0.444, entity F1 0.899 (P 0.90,
# R 0.90), relation F1 0.813 (P 0.96, R 0.71): the honest estimate for unseen outlets. Then its cleaning misses
# (TV pages, English date labels, dated menus) were mended: drop/meta 1.000, entity F1 0.925, relation F1 0.820.
FLOORS = {
    "heldout": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.97, "rel_f": 0.94},
    "heldout2": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.97, "rel_f": 0.90},
    "heldout3": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.93, "rel_f": 0.81},
    "heldout4": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.94, "rel_f": 0.82},
    "heldout5": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.94, "rel_f": 0.79},
    "heldout6": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.95, "rel_f": 0.80},
    "heldout7": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.96, "rel_f": 0.83},
    "heldout8": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.92, "rel_f": 0.73},
    "heldout9": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.94, "rel_f": 0.73},
    "heldout10": {"keep": 1.0, "drop": 0.99, "meta": 0.99, "ent_f": 0.91, "rel_f": 0.80},
}

pytestmark = pytest.mark.slow


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rel_key(h: str, label: str, t: str) -> tuple[str, str, str]:
    if label in SYMMETRIC:
        h, t = sorted((h, t))
    return norm(h), label, norm(t)


def score(records: list[dict], gold_dir: Path) -> dict[str, float]:
    """Type-level scores over every gold file, as score.py computes them."""
    preds = {Path(r.get("source") or r.get("id") or "").name: r for r in records}
    tot = dict.fromkeys(("keep", "keep_n", "drop", "drop_n", "etp", "enp", "eng", "rtp", "rnp", "rng",
                         "meta", "meta_n"), 0)
    for path in sorted(gold_dir.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        d = preds.get(g["file"], {})
        text = norm(d.get("text", ""))
        meta = d.get("meta") or {}
        spans = d.get("spans", [])
        gold_e = {(e["label"], norm(e["text"])) for e in g["entities"]}
        pred_e = {(s["label"], norm(s["text"])) for s in spans}
        by_id = {s["id"]: norm(s["text"]) for s in spans}
        gold_r = {rel_key(r["head"], r["label"], r["tail"]) for r in g["relations"]}
        pred_r = {rel_key(by_id[r["head"]], r["label"], by_id[r["tail"]]) for r in d.get("relations", [])
                  if r["head"] in by_id and r["tail"] in by_id}
        tot["keep"] += sum(norm(s) in text for s in g["body_keep"])
        tot["keep_n"] += len(g["body_keep"])
        tot["drop"] += sum(norm(s) not in text for s in g["boilerplate_drop"]) if d else 0
        tot["drop_n"] += len(g["boilerplate_drop"])
        tot["meta"] += (d and norm(meta.get("title") or "") == norm(g["title"])) + \
            (d and (meta.get("date") or None) == g.get("date")) + (d and (meta.get("outlet") or None) == g.get("outlet"))
        tot["meta_n"] += 3
        tot["etp"] += len(gold_e & pred_e)
        tot["enp"] += len(pred_e)
        tot["eng"] += len(gold_e)
        tot["rtp"] += len(gold_r & pred_r)
        tot["rnp"] += len(pred_r)
        tot["rng"] += len(gold_r)
    return {"keep": tot["keep"] / max(tot["keep_n"], 1), "drop": tot["drop"] / max(tot["drop_n"], 1),
            "meta": tot["meta"] / max(tot["meta_n"], 1),
            "ent_f": prf(tot["etp"], tot["enp"], tot["eng"])[2], "rel_f": prf(tot["rtp"], tot["rnp"], tot["rng"])[2]}


def _small_case() -> tuple[dict, dict]:
    rec = {"source": "x.txt", "text": "가온랩 대표 김가온\n\n본문", "meta": {"title": "가온랩", "date": None, "outlet": None},
           "spans": [{"id": "s1", "label": "ORG", "text": "가온랩"}, {"id": "s2", "label": "PER", "text": "김가온"},
                     {"id": "s3", "label": "ORG", "text": "대표"}],
           "relations": [{"head": "s2", "label": "leads", "tail": "s1"}, {"head": "s1", "label": "partners_with", "tail": "s3"}]}
    gold = {"file": "x.txt", "title": "가온랩", "date": None, "outlet": "X", "reporters": [],
            "body_keep": ["본문", "없는 문장"], "boilerplate_drop": ["무단전재"],
            "entities": [{"label": "ORG", "text": "가온랩"}, {"label": "PER", "text": "김가온"}],
            "relations": [{"head": "김가온", "label": "leads", "tail": "가온랩"}]}
    return rec, gold


def test_scorer_on_a_small_case(tmp_path):
    rec, gold = _small_case()
    (tmp_path / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    got = score([rec], tmp_path)
    assert got["keep"] == 0.5 and got["drop"] == 1.0 and got["meta"] == pytest.approx(2 / 3)
    assert got["ent_f"] == pytest.approx(0.8)  # P 2/3, R 1
    assert got["rel_f"] == pytest.approx(2 / 3)  # P 1/2, R 1


_SCORES: dict[str, dict[str, float]] = {}


def heldout_scores(name: str) -> dict[str, float]:
    """Scores of one held-out set, computed once per test session."""
    if name not in _SCORES:
        import contextlib
        import io

        from annotator.analysis import Analyzer
        from annotator.labels import load_labels

        Analyzer(load_labels())  # the command (--workers 1) reuses this process's Kiwi
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding="utf-8")  # the command writes to sys.stdout.buffer
        with contextlib.redirect_stdout(out):
            assert main(["suggest", str(FIXTURES / name / "articles"), "--jsonl", "--workers", "1"]) == 0
            out.flush()
        records = [orjson.loads(line) for line in raw.getvalue().splitlines() if line.strip()]
        assert len(records) == len(list((FIXTURES / name / "gold").glob("*.json")))
        _SCORES[name] = score(records, FIXTURES / name / "gold")
    return _SCORES[name]


@pytest.mark.parametrize(("name", "metric"), [(n, m) for n, floors in FLOORS.items() for m in floors])
def test_heldout_floor(name, metric):
    got = heldout_scores(name)[metric]
    assert got >= FLOORS[name][metric], f"{name} {metric} fell to {got:.3f}"
