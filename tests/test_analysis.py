"""Analysis records, the in-process Analyzer and the child-process AnalysisClient (sentences written here)."""

from __future__ import annotations

import threading

import pytest

from annotator.analysis import ENGINE_VERSION, Analysis, Token, cache_key
from annotator.labels import PACKAGED, load_labels

TEXT = "한빛전자는 지난 3일 서울에서 새 로봇을 공개했다. SK텔레콤과 협력한다고 밝혔다."


@pytest.fixture(scope="session")
def analyzer():
    from annotator.analysis import Analyzer

    return Analyzer(load_labels())  # Kiwi is cached per process: every test module shares this build


def test_offsets_are_string_indices(analyzer):
    a = analyzer.analyze(TEXT)
    assert a.tokens and all(0 <= t.start < t.end <= len(TEXT) for t in a.tokens)
    assert [TEXT[t.start:t.end] for t in a.tokens if t.tag == "JX"] == ["는"]
    assert len(a.sentences) == 2
    s0, s1 = a.sentences
    assert TEXT[s0[0]:s0[1]].endswith("공개했다.") and TEXT[s1[0]:s1[1]].startswith("SK텔레콤")


def test_gazetteer_words_stay_one_token(analyzer):
    # Unregistered, Kiwi splits mixed-script names (SK / 텔레콤); the gazetteer keeps them whole.
    a = analyzer.analyze("SK텔레콤과 LG유플러스가 손잡았다.")
    surfaces = {(t.form, t.tag) for t in a.tokens}
    assert ("SK텔레콤", "NNP") in surfaces and ("LG유플러스", "NNP") in surfaces


def test_boundaries_are_sorted_token_edges(analyzer):
    a = analyzer.analyze("네이버는 투자했다.")
    b = a.boundaries()
    assert b == sorted(set(b))
    assert 0 in b and 3 in b  # 네이버 | 는
    assert 1 not in b


def test_analyze_many_matches_analyze(analyzer):
    texts = [TEXT, "", "카카오가 출시했다."]
    many = analyzer.analyze_many(texts)
    assert len(many) == 3
    assert many[0] == analyzer.analyze(TEXT)
    assert many[1] == Analysis()


def test_paragraphs_are_analysed_apart_with_article_offsets(analyzer):
    # Kiwi sees one line at a time: offsets still index the whole article, and no sentence spans a line break.
    text = "한빛전자, 로봇 공개\n\n  가온텔레콤은 서울에서 투자를 유치했다. 누리솔루션도 참여했다\n \n끝으로 밝혔다."
    a = analyzer.analyze(text)
    assert [(t.form, t.tag) for t in a.tokens if text[t.start:t.end] == t.form and t.form == "가온텔레콤"] == [
        ("가온텔레콤", "NNP")]
    assert all(text[t.start:t.end] == t.form for t in a.tokens if t.tag in ("NNP", "SN", "SF"))
    assert all("\n" not in text[s:e] for s, e in a.sentences)
    assert [text[s:e] for s, e in a.sentences] == [
        "한빛전자, 로봇 공개", "가온텔레콤은 서울에서 투자를 유치했다.", "누리솔루션도 참여했다", "끝으로 밝혔다."]
    starts = [t.start for t in a.tokens]
    assert starts == sorted(starts)


def test_analyze_many_keeps_order_around_empty_articles(analyzer):
    texts = ["", "네이버가 투자했다.\n카카오가 출시했다.", "\n \n", "SK텔레콤이 협력한다.", ""]
    many = analyzer.analyze_many(texts)
    assert [len(a.sentences) for a in many] == [0, 2, 0, 1, 0]
    assert many[1] == analyzer.analyze(texts[1]) and many[3].tokens[0].form == "SK텔레콤"


def test_round_trip_and_engine_version():
    a = Analysis([Token(0, 3, "네이버", "NNP"), Token(3, 4, "는", "JX")], [(0, 4)])
    b = Analysis.from_bytes(a.to_bytes())
    assert b == a and isinstance(b.tokens[0], Token) and b.sentences == [(0, 4)]
    stale = a.to_bytes().replace(ENGINE_VERSION.encode(), b"old")
    with pytest.raises(ValueError):
        Analysis.from_bytes(stale)


def test_cache_key_changes_with_labels_and_text():
    assert cache_key("가", "a" * 64) != cache_key("가", "b" * 64)
    assert cache_key("가", "a" * 64) != cache_key("나", "a" * 64)
    assert ENGINE_VERSION in cache_key("가", "a" * 64)


def test_tokens_in():
    a = Analysis([Token(0, 3, "네이버", "NNP"), Token(3, 4, "는", "JX"), Token(5, 7, "투자", "NNG")], [(0, 7)])
    assert [t.form for t in a.tokens_in(0, 4)] == ["네이버", "는"]


def test_client_in_child_process_thread_safe_and_death_raises():
    # One child for both checks: each child builds its own Kiwi (~2 s, 500 MB).
    from annotator.analysis.service import AnalysisClient, AnalysisUnavailable

    client = AnalysisClient(PACKAGED).start()
    try:
        assert client.loading or client.ready
        assert client.wait_ready(60) and client.ready and not client.loading
        results: dict[int, Analysis] = {}

        def work(i: int) -> None:
            results[i] = client.analyze(f"카카오가 {i}일 서비스를 출시했다.")

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert sorted(results) == [0, 1, 2, 3]
        assert results[2].tokens[0] == Token(0, 3, "카카오", "NNP")
        assert any(t.form == "2" and t.tag == "SN" for t in results[2].tokens)

        client._proc.kill()  # a crash (an OOM kill): waiting callers get an error, not a hang
        with pytest.raises(AnalysisUnavailable):
            client.analyze("네이버", timeout=30)
        assert not client.ready and client.error
    finally:
        client.close()


def test_client_bad_labels_fails_cleanly(tmp_path):
    from annotator.analysis.service import AnalysisClient, AnalysisUnavailable

    bad = tmp_path / "labels.yaml"
    bad.write_text("entities: nope\n", encoding="utf-8")
    with AnalysisClient(bad) as client, pytest.raises(AnalysisUnavailable):
        client.analyze("네이버", timeout=30)
