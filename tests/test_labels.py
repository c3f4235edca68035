"""labels.yaml: the shipped schema loads, and every kind of mistake names file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.labels import PACKAGED, find_labels, load_labels

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
entities:
  - {name: PER, description: person, color: "#ffcc00", key: "1"}
  - {name: ORG, description: organisation, color: "#00ccff", key: "2"}
relations:
  - {name: leads, description: heads, head: [PER], tail: [ORG], cues: [대표]}
gazetteer:
  - {name: 네이버, label: ORG, aliases: [NAVER]}
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "labels.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_shipped_schema_matches_guidelines():
    schema = load_labels(ROOT / "labels.yaml")
    assert schema.entity_names == ["PER", "ORG", "PRODUCT", "LOC", "EVENT", "DATE", "MONEY", "QUANTITY"]
    assert [e.key for e in schema.entities] == [str(i) for i in range(1, 9)]
    assert schema.relation("partners_with").symmetric
    assert schema.relation("leads").allows("PER", "ORG")
    assert not schema.relation("leads").allows("ORG", "PER")
    assert (ROOT / "labels.yaml").read_bytes() == PACKAGED.read_bytes()
    assert len(schema.sha256) == 64


def test_good_file_loads(tmp_path):
    schema = load_labels(write(tmp_path, GOOD))
    assert schema.gazetteer[0].aliases == ["NAVER"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (GOOD.replace("color: \"#ffcc00\"", "colour: \"#ffcc00\""), 2, "unknown key"),
        (GOOD.replace("tail: [ORG]", "tail: [COMPANY]"), 5, "missing entity label COMPANY"),
        (GOOD.replace('key: "2"', 'key: "1"'), 3, "shortcut key 1"),
        (GOOD.replace("name: ORG, description", "name: PER, description"), 3, "defined twice"),
        (GOOD.replace("label: ORG, aliases", "label: CORP, aliases"), 7, "missing label CORP"),
        (GOOD + "  - {name: [broken\n", 9, "YAML syntax"),
        ("relations: []\n", 1, "entities"),
    ],
)
def test_mistakes_name_file_line_and_problem(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_labels(path)
    assert err.value.line == line
    assert words in err.value.describe()
    assert str(path) in err.value.describe()


def test_lookup_order(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    monkeypatch.chdir(tmp_path)
    assert find_labels(None, corpus) == PACKAGED
    write(corpus, GOOD)
    assert find_labels(None, corpus) == corpus / "labels.yaml"
    write(tmp_path, GOOD)
    assert find_labels(None, corpus) == tmp_path / "labels.yaml"
    with pytest.raises(InputError):
        find_labels(tmp_path / "nope.yaml", corpus)
