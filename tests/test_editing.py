"""Morpheme-snapped span edits (annotator/editing.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.editing import Editor, EditRefused, check_span, fallback_boundaries, item_at, units

TEXT = "네이버는 미국 실리콘밸리에서 GPT-4o를 공개했다.\n둘째 줄"
#        0123 456 789...


def test_fallback_boundaries_cut_at_script_space_and_punct():
    text = "SK텔레콤은 62%를"
    cuts = fallback_boundaries(text)
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    assert pieces == ["SK", "텔레콤은", " ", "62", "%", "를"]


def test_units_trim_whitespace_and_skip_blank_runs():
    assert units("a  b", [0, 1, 3, 4]) == [(0, 1), (3, 4)]
    assert units(" ab ", [0, 4]) == [(1, 3)]


def kiwi_like(text: str) -> list[int]:
    """Boundaries as Kiwi would give them for TEXT: particles cut off their nouns."""
    cuts = set(fallback_boundaries(text))
    for stem in ("네이버", "실리콘밸리", "GPT-4o", "공개"):
        i = text.index(stem)
        cuts |= {i, i + len(stem)}
    cuts -= {text.index("GPT-4o") + 3, text.index("GPT-4o") + 4, text.index("GPT-4o") + 5}
    return sorted(cuts)


@pytest.fixture
def ed() -> Editor:
    return Editor(TEXT, kiwi_like(TEXT))


def test_move_end_left_drops_the_particle(ed: Editor):
    assert TEXT[0:4] == "네이버는"
    assert ed.move_end(0, 4, -1) == (0, 3)


def test_move_end_right_takes_the_next_unit_across_a_space(ed: Editor):
    s, e = ed.move_end(0, 3, +1)
    assert TEXT[s:e] == "네이버는"
    s, e = ed.move_end(s, e, +1)
    assert TEXT[s:e] == "네이버는 미국"


def test_move_start_both_ways(ed: Editor):
    i = TEXT.index("실리콘밸리")
    s, e = ed.move_start(i, i + 5, -1)
    assert TEXT[s:e] == "미국 실리콘밸리"
    assert ed.move_start(s, e, +1) == (i, i + 5)


def test_a_span_keeps_at_least_one_unit(ed: Editor):
    with pytest.raises(EditRefused):
        ed.move_end(0, 3, -1)
    with pytest.raises(EditRefused):
        ed.move_start(0, 3, +1)


def test_edges_of_the_text(ed: Editor):
    with pytest.raises(EditRefused):
        ed.move_start(0, 3, -1)
    last = ed.units[-1]
    with pytest.raises(EditRefused):
        ed.move_end(last[0], last[1], +1)


def test_edit_refused_when_it_would_overlap(ed: Editor):
    i = TEXT.index("미국")
    with pytest.raises(EditRefused, match="overlap"):
        ed.move_end(0, 4, +1, others=[(i, i + 2)])


def test_edit_refused_across_a_line_break(ed: Editor):
    nl = TEXT.index("\n")
    with pytest.raises(EditRefused, match="line break"):
        ed.move_end(nl - 1, nl, +1)


def test_unsnapped_end_snaps_to_the_nearest_unit():
    ed = Editor("abc def", [0, 3, 4, 7])
    assert ed.move_end(0, 2, +1) == (0, 3)
    with pytest.raises(EditRefused):
        ed.move_end(4, 7, -1)


def test_cursor_moves_and_extends_by_unit(ed: Editor):
    c = ed.cursor_at(0)
    assert c.text == "네이버"
    c = c.move(+1)
    assert c.text == "는"
    c = c.extend(+1).extend(+1)
    assert c.text == "는 미국 실리콘밸리"
    c = c.extend(-1)
    assert c.text == "는 미국"
    c = ed.cursor_at(TEXT.index("미국")).extend(-1)
    assert c.text == "는 미국"  # anchor stays on 미국, active end went left
    assert ed.cursor_at(0).move(-1).text == "네이버"  # clamped at the text's start


def test_cursor_over_a_find_match(ed: Editor):
    i = TEXT.index("GPT")
    assert ed.cursor_over(i, i + 3).text == "GPT-4o"


def test_check_span_and_item_at():
    with pytest.raises(EditRefused):
        check_span("ab cd", 1, 3)  # ends on a space
    check_span("ab cd", 0, 2, others=[(3, 5)])
    assert item_at(4, [("s1", 0, 2), ("s2", 3, 5)]) == "s2"
    assert item_at(2, [("s1", 0, 2)]) is None


# -- property: whatever the analyst presses, the spans stay valid -----------------------------------

ALPHABET = "네이버카오는의를 미국AB12-%.\n"


@st.composite
def article_and_edits(draw):
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=40))
    extra = draw(st.lists(st.integers(0, len(text)), max_size=10))
    bounds = sorted(set(fallback_boundaries(text)) | set(extra))
    ops = draw(st.lists(st.tuples(st.sampled_from(["new", "end", "start", "cursor"]),
                                  st.integers(0, 5), st.sampled_from([-1, 1]), st.integers(0, 40)),
                        max_size=30))
    return text, bounds, ops


def _valid(text: str, ed: Editor, spans: list[list[int]]) -> None:
    starts = {u[0] for u in ed.units}
    ends = {u[1] for u in ed.units}
    ordered = sorted(spans)
    for s, e in ordered:
        assert 0 <= s < e <= len(text)
        assert s in starts and e in ends
        assert text[s:e] == text[s:e].strip() and "\n" not in text[s:e]
    for a, b in zip(ordered, ordered[1:], strict=False):
        assert a[1] <= b[0]


@settings(max_examples=300, deadline=None)
@given(article_and_edits())
def test_spans_stay_on_boundaries_and_never_overlap(case):
    text, bounds, ops = case
    ed = Editor(text, bounds)
    spans: list[list[int]] = []  # [start, end]; text[start:end] is the span text by construction
    cursor = None
    for kind, which, step, offset in ops:
        try:
            if kind == "cursor" and ed.units:
                cursor = (cursor or ed.cursor_at(offset)).extend(step) if which % 2 else ed.cursor_at(offset)
            elif kind == "new" and cursor is not None:
                s, e = cursor.extent
                check_span(text, s, e, [tuple(x) for x in spans])
                spans.append([s, e])
            elif kind in ("end", "start") and spans:
                i = which % len(spans)
                others = [tuple(x) for j, x in enumerate(spans) if j != i]
                move = ed.move_end if kind == "end" else ed.move_start
                spans[i] = list(move(spans[i][0], spans[i][1], step, others))
        except EditRefused:
            pass
        _valid(text, ed, spans)
