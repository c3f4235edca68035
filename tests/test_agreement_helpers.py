"""A store with three analysts' work on hand-built articles, made through the store's real actions.

a1.txt "네이버 클라우드 이해진 의장 미국 카카오 3곳" (whitespace tokens 네이버 클라우드 이해진 의장 미국 카카오 3곳):
  kim  네이버 클라우드 ORG (gazetteer suggestion, accepted), 이해진 PER (morph suggestion, accepted),
       미국 LOC (morph suggestion, accepted), 카카오 ORG (manual);
       leads(이해진 -> 네이버 클라우드), leads(이해진 -> 카카오); done
  lee  네이버 클라우드 ORG suggested and rejected; 네이버 ORG, 이해진 PER, 미국 ORG, 카카오 ORG, 3곳 QUANTITY
       (manual); works_for(이해진 -> 카카오); done
  park the same labels as kim (all manual); done
a2.txt: kim done (one span); a3.txt: not opened.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from annotator.models import Span
from annotator.store import Store

TEXT = "네이버 클라우드 이해진 의장 미국 카카오 3곳"
A2 = "삼성전자 갤럭시"
D1, D2 = "a1.txt", "a2.txt"  # corpus ids are file paths relative to the corpus


def at(surface: str) -> tuple[int, int, str]:
    i = TEXT.index(surface)
    return i, i + len(surface), surface


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def build(corpus: Path) -> Path:
    (corpus / "a1.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "a2.txt").write_text(A2, encoding="utf-8")
    (corpus / "a3.txt").write_text("빈 기사", encoding="utf-8")
    stores = {name: Store.open(None, corpus, name) for name in ("kim", "lee", "park")}
    try:
        for s in stores.values():
            s.ensure_article(D1, sha(TEXT), TEXT)
            s.ensure_article(D2, sha(A2), A2)

        def sugg(sid: str, surface: str, label: str, source: str) -> Span:
            b, e, t = at(surface)
            return Span(id=sid, start=b, end=e, label=label, text=t, source=source)

        kim = stores["kim"]
        kim.add_suggestions(D1, [sugg("x", "네이버 클라우드", "ORG", "gazetteer"),
                                   sugg("y", "이해진", "PER", "morph"), sugg("z", "미국", "LOC", "morph")], [])
        kim.accept_all(D1)
        ids = {s.text: s.id for s in kim.spans(D1)}
        kakao = kim.add_span(D1, *at("카카오")[:2], "ORG", "카카오")
        kim.add_relation(D1, ids["이해진"], ids["네이버 클라우드"], "leads")
        kim.add_relation(D1, ids["이해진"], kakao, "leads")
        kim.mark_done(D1)
        kim.add_span(D2, 0, 4, "ORG", "삼성전자")
        kim.mark_done(D2)

        lee = stores["lee"]
        lee.add_suggestions(D1, [sugg("x", "네이버 클라우드", "ORG", "gazetteer")], [])
        lee.reject(D1, lee.spans(D1)[0].id)
        got = {}
        for surface, label in (("네이버", "ORG"), ("이해진", "PER"), ("미국", "ORG"), ("카카오", "ORG"),
                               ("3곳", "QUANTITY")):
            b, e, t = at(surface)
            got[surface] = lee.add_span(D1, b, e, label, t)
        lee.add_relation(D1, got["이해진"], got["카카오"], "works_for")
        lee.mark_done(D1)

        park = stores["park"]
        got = {}
        for surface, label in (("네이버 클라우드", "ORG"), ("이해진", "PER"), ("미국", "LOC"), ("카카오", "ORG")):
            b, e, t = at(surface)
            got[surface] = park.add_span(D1, b, e, label, t)
        park.add_relation(D1, got["이해진"], got["네이버 클라우드"], "leads")
        park.add_relation(D1, got["이해진"], got["카카오"], "leads")
        park.mark_done(D1)
        return kim.path
    finally:
        for s in stores.values():
            s.close()
