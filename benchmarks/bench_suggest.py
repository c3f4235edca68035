"""Throughput of `annotate suggest` against plain Kiwi, on one generated corpus.

    /work/venv/bin/python benchmarks/bench_suggest.py [N_ARTICLES] [--workers 2] [--rounds 16]

Generates N (default 2,000) articles of 3,000-6,000 characters from templates, each saved inside the
chrome of a news page (menus, a ticker, stamps, share widgets, the reporter's e-mail, copyright, related
and popular headline lists: about 10% of the characters, where our sample corpus has 17% and real pages
22-36%), into a temporary corpus. Then it measures, on the same corpus:
  1. plain Kiwi over the pages as saved: `Kiwi(num_workers=W).tokenize(iter(pages))` (a fresh Kiwi,
     already warmed up): the issue's baseline, plain Kiwi's throughput on the corpus;
  2. plain Kiwi over the cleaned text only: the strict baseline, which leaves out what cleaning saves
     Kiwi, so its ratio is the whole cost of our own code;
  3. Kiwi as the pipeline calls it: the gazetteer's Kiwi, a paragraph at a time, TOKENIZE_OPTIONS,
     results only (no conversion), so the last ratio below is what the rules themselves cost;
  4. the whole pipeline of `annotate suggest DIR --jsonl`: reading files, cleaning, analysis with
     the gazetteer's Kiwi, entity and relation rules, JSON out (to /dev/null), Kiwi already built.
The corpus is measured in slices (--rounds), each four ways back to back, so that a shared host
changing speed during the run weighs on all of them alike (16 slices of ~6 s each: with 4 the per-round
ratio swung from 0.68 to 1.03 on this shared host, with 16 it stays within about ±0.05; each slice costs
the pipeline one command start, ~0.04 s). Prints characters per second for each and
the ratios (and the per-round ratios, to show the spread). Figures, not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

COMPANIES = ["한빛전자", "가온텔레콤", "누리솔루션", "미르바이오", "다온증권", "세움건설", "하람모빌리티", "라온테크",
             "네이버", "카카오", "삼성전자", "SK텔레콤", "KT", "LG유플러스", "구글", "엔비디아", "오픈AI", "쿠팡"]
PEOPLE = ["김도윤", "이서연", "박지호", "최민준", "정하은", "강태희", "윤서진", "장우성"]
TITLES = ["대표", "사장", "부사장", "센터장", "교수", "연구원", "의장"]
PLACES = ["미국", "일본", "베트남", "서울", "판교", "실리콘밸리", "싱가포르", "유럽"]
PRODUCTS = ["하이퍼클로바X", "카나나", "기가지니", "갤럭시", "에이닷", "루미", "온새미"]
SENTENCES = [
    "{c1}는 {d} {p}에 {n}억원 규모의 투자법인 ‘{c2}벤처스’를 설립했다고 밝혔다.",
    "{per} {c1} {t}은 “올해 매출 {n}억원을 넘기는 것이 목표”라며 “{p} 시장에서 {q}% 성장을 기대한다”고 말했다.",
    "{c1}와 {c2}가 {p} AI 반도체 분야에서 협력하기로 했다. 양사는 {d} 업무협약을 맺었다.",
    "{c1}는 새 AI 서비스 ‘{prod}’를 {d} 출시했다. 출시 {n}일 만에 이용자 약 {k}만명을 모았다.",
    "업계에 따르면 {c2}는 {c1}에 {n}억원을 투자해 지분 {q}%를 확보했다.",
    "{c1}는 {c2}를 {n}억 달러에 인수한다고 {d} 공시했다. 인수 대금은 {k}억원 수준이다.",
    "최근 {k}년간 {p} 진출 기업은 {n}곳에서 {k}{n}곳으로 늘었다. 전년 대비 {q}% 증가한 수치다.",
    "{p} 현지 법인은 {per} {t}이 이끈다. 법인 인력은 {k}{n}명으로 연내 두 배로 늘린다.",
    "증권가에서는 {c1}의 {d} 영업이익이 {n}억원으로 시장 예상치를 {q}% 웃돌 것으로 본다.",
    "{c1} 관계자는 “{prod}는 {p} 이용자를 겨냥한 제품”이라며 “상반기 중 {k}개국에 선보일 계획”이라고 했다.",
]
DATES = ["지난 5일", "지난해 10월", "올해 2월", "2024년 3월", "이달", "연초", "2023년", "오는 9월", "25일", "상반기"]
BOILER = ["무단전재 및 재배포 금지", "이 기사를 공유합니다", "글자크기 설정"]
# Site chrome around the article, as scraped pages carry it: our own sample corpus is 17% chrome by
# characters, the seed and held-out pages 22-36%. These kinds are the commonest there.
MENUS = ["홈 | 뉴스 | 경제 | 산업 | IT/과학 | 국제 | 오피니언", "전체메뉴 | 로그인 | 회원가입", "반도체 | 통신 | 플랫폼 | 게임 | 모빌리티"]
HEADLINES = ["{c1}, {p}서 {prod} 흥행…매출 {n}억원 돌파", "{c2} 새 {t}에 {per} 선임", "{p} 시장 {q}% 성장 전망…{c1} 수혜",
             "{c1}·{c2} AI 동맹, {d} 본격 가동", "{prod} 이용자 {k}만명 넘어", "[단독] {c2}, {c1} 지분 {q}% 매각 추진"]


def page(rng: random.Random, body: str) -> str:
    """`body` (an article from `article`) inside the chrome of a news site's page, as saved by a scraper."""
    month, day, hour = rng.randint(1, 12), rng.randint(1, 28), rng.randint(6, 22)
    stamp = f"2025.{month:02d}.{day:02d} {hour:02d}:{rng.randint(0, 59):02d}"
    title, rest = body.split("\n", 1)
    top = [rng.choice(MENUS), f"코스피 {rng.randint(2400, 2900):,}.{rng.randint(10, 99)} ▲ {rng.randint(1, 40)}.{rng.randint(10, 99)} "
           f"(+{rng.randint(0, 1)}.{rng.randint(10, 99)}%)", title, f"입력 {stamp} | 수정 {stamp}", "글자크기 설정",
           "이 기사를 공유합니다"]
    reporter = rng.choice(PEOPLE)
    bottom = [f"{reporter} 기자 reporter{rng.randint(1, 99)}@gasang.example", "Copyright ⓒ 가상일보. 무단전재 및 재배포 금지"]
    for header in ("관련기사", "많이 본 뉴스"):
        bottom.append(header)
        bottom += ["- " + rng.choice(HEADLINES).format(
            c1=rng.choice(COMPANIES), c2=rng.choice(COMPANIES), per=rng.choice(PEOPLE), t=rng.choice(TITLES),
            p=rng.choice(PLACES), prod=rng.choice(PRODUCTS), d=rng.choice(DATES), n=rng.randint(2, 9999),
            k=rng.randint(1, 9), q=rng.randint(1, 99)) for _ in range(rng.randint(4, 6))]
    return "\n".join([*top, rest.rstrip("\n"), *bottom]) + "\n"


def article(rng: random.Random) -> str:
    target = rng.randint(3000, 6000)
    title = f"{rng.choice(COMPANIES)}, {rng.choice(PLACES)} 시장 공략 본격화"
    lines = [title, f"[가상일보 {rng.choice(PEOPLE)} 기자]"]
    size = sum(map(len, lines))
    while size < target:
        para = " ".join(rng.choice(SENTENCES).format(
            c1=rng.choice(COMPANIES), c2=rng.choice(COMPANIES), per=rng.choice(PEOPLE), t=rng.choice(TITLES),
            p=rng.choice(PLACES), prod=rng.choice(PRODUCTS), d=rng.choice(DATES), n=rng.randint(2, 9999),
            k=rng.randint(1, 9), q=rng.randint(1, 99)) for _ in range(rng.randint(2, 4)))
        lines.append(para)
        size += len(para) + 1
    lines.append(rng.choice(BOILER))
    return "\n".join(lines)[:target] + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=16, help="the corpus is measured in this many slices (default 16)")
    args = ap.parse_args()

    from kiwipiepy import Kiwi

    from annotator.analysis.kiwi import TOKENIZE_OPTIONS, Analyzer, paragraphs
    from annotator.cleaning import clean_doc
    from annotator.commands import suggest as cmd
    from annotator.corpus import load_ref, scan_paths
    from annotator.labels import load_labels

    rng = random.Random(20261122)
    chrome_rng = random.Random(20261123)  # its own stream: the article bodies are those of earlier runs
    with tempfile.TemporaryDirectory() as tmp:
        # One folder per slice: each round measures its slice four ways back to back, so a change in the
        # machine's speed during the run (a shared host) weighs on all of them alike.
        rounds = max(1, min(args.rounds, args.n))
        dirs = [Path(tmp) / f"slice{r}" for r in range(rounds)]
        for d in dirs:
            d.mkdir()
        for i in range(args.n):
            (dirs[i % rounds] / f"{i:05d}.txt").write_text(page(chrome_rng, article(rng)), encoding="utf-8")
        slices = []
        for d in dirs:
            raws = [load_ref(r) for r in scan_paths([d]).refs]
            slices.append((d, [r.text for r in raws], [clean_doc(r).text for r in raws]))
        raw_chars = sum(len(p) for _, pages, _ in slices for p in pages)
        chars = sum(len(t) for _, _, texts in slices for t in texts)
        print(f"corpus: {args.n} pages, {raw_chars:,} characters as saved, {chars:,} once cleaned "
              f"({1 - chars / raw_chars:.0%} site chrome); workers={args.workers}; {rounds} rounds")

        kiwi = Kiwi(num_workers=args.workers)
        kiwi.tokenize("준비")
        analyzer = Analyzer(load_labels(), num_workers=args.workers)  # build once, as one process does
        totals = {key: [0.0, 0.0] for key in ("pages", "plain", "called", "pipeline")}
        per_round = []
        for d, pages, texts in slices:
            lines = [line for text in texts for _, line in paragraphs(text)]
            on_pages = _timed(lambda k=kiwi, t=pages: _drain(k.tokenize(iter(t))))
            plain = _timed(lambda k=kiwi, t=texts: _drain(k.tokenize(iter(t))))
            called = _timed(lambda k=analyzer.kiwi, t=lines: _drain(k.tokenize(iter(t), **TOKENIZE_OPTIONS)))
            ns = argparse.Namespace(paths=[str(d)], jsonl=True, workers=args.workers, labels=None, db=None,
                                    annotator=None)
            whole = _timed(lambda a=ns: _quiet(cmd.run, a))
            for key, t in (("pages", on_pages), ("plain", plain), ("called", called), ("pipeline", whole)):
                totals[key][0] += t[0]
                totals[key][1] += t[1]
            per_round.append((on_pages[0] / whole[0], plain[0] / whole[0]))

        # Every figure is per page of the corpus (its characters as saved), so the ratios are ratios of time.
        for key, label in (("pages", "plain Kiwi.tokenize, pages as saved:  "),
                           ("plain", "plain Kiwi.tokenize, cleaned text:   "),
                           ("called", "Kiwi as the pipeline calls it:       "),
                           ("pipeline", "annotate suggest pipeline:           ")):
            wall, cpu = totals[key]
            print(f"{label} {raw_chars / wall:>10,.0f} chars/s  ({wall:.1f} s wall, {cpu / raw_chars * 1e6:.2f} us CPU "
                  f"per character as saved)")
        (gw, gc_), (pw, pc), (cw, cc), (ww, wc) = (totals[k] for k in ("pages", "plain", "called", "pipeline"))
        load = f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        print(f"ratio pipeline / plain Kiwi over the pages (the issue's measure): {gw / ww:.2f} by wall clock, "
              f"{gc_ / wc:.2f} by CPU time (rounds: {', '.join(f'{r[0]:.2f}' for r in per_round)}; {load})")
        print(f"ratio pipeline / plain Kiwi over the cleaned text only (all our own cost): {pw / ww:.2f} by wall "
              f"clock, {pc / wc:.2f} by CPU time (rounds: {', '.join(f'{r[1]:.2f}' for r in per_round)})")
        print(f"ratio pipeline / Kiwi as the pipeline calls it: {cw / ww:.2f} by wall clock, {cc / wc:.2f} by CPU time")
    return 0


def _timed(fn) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()  # CPU of every thread: Kiwi's too
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def _drain(results) -> None:
    for _ in results:
        pass


def _quiet(run, ns) -> None:
    """Run the command with its JSON to /dev/null and its progress bar out of sight."""
    with open(os.devnull, "wb") as null, open(os.devnull, "w") as err, contextlib.redirect_stderr(err):
        real = sys.stdout
        sys.stdout = _Sink(null)
        try:
            run(ns)
        finally:
            sys.stdout = real


class _Sink:
    """A text stream whose .buffer is /dev/null (the command writes bytes to sys.stdout.buffer)."""

    def __init__(self, f):
        self.buffer = f

    def write(self, s):
        return len(s)

    def flush(self):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
