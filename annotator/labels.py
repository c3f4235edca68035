"""The annotation schema (`labels.yaml`): entity and relation labels and the gazetteer.

Validated strictly: an unknown key, a relation naming a missing label or a duplicate
shortcut is an InputError naming the file, the line and the problem.
"""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from annotator.errors import InputError

PACKAGED = Path(__file__).with_name("labels.yaml")
FILENAME = "labels.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityLabel(_Strict):
    name: str = Field(pattern=r"^[A-Z][A-Z_]*$")
    description: str
    color: str = Field(pattern=r"^#[0-9a-fA-F]{6}$")
    key: str = Field(pattern=r"^[1-9]$")


class RelationLabel(_Strict):
    name: str = Field(pattern=r"^[a-z][a-z_]*$")
    description: str
    head: list[str] = Field(min_length=1)
    tail: list[str] = Field(min_length=1)
    symmetric: bool = False
    cues: list[str] = Field(default_factory=list)

    def allows(self, head_label: str, tail_label: str) -> bool:
        if head_label in self.head and tail_label in self.tail:
            return True
        return self.symmetric and tail_label in self.head and head_label in self.tail


class GazetteerEntry(_Strict):
    name: str = Field(min_length=1)
    label: str
    aliases: list[str] = Field(default_factory=list)

    @field_validator("aliases")
    @classmethod
    def _no_blank(cls, v: list[str]) -> list[str]:
        if any(not a.strip() for a in v):
            raise ValueError("an alias is blank")
        return v


class Schema(_Strict):
    entities: list[EntityLabel] = Field(min_length=1, max_length=9)
    relations: list[RelationLabel] = Field(default_factory=list)
    gazetteer: list[GazetteerEntry] = Field(default_factory=list)
    sha256: str = ""
    path: str = ""

    @cached_property
    def entity_names(self) -> list[str]:
        return [e.name for e in self.entities]

    def entity(self, name: str) -> EntityLabel | None:
        return next((e for e in self.entities if e.name == name), None)

    def relation(self, name: str) -> RelationLabel | None:
        return next((r for r in self.relations if r.name == name), None)

    def relations_for(self, head_label: str, tail_label: str) -> list[RelationLabel]:
        return [r for r in self.relations if r.allows(head_label, tail_label)]

    def color(self, label: str) -> str:
        e = self.entity(label)
        return e.color if e else "#888888"


def find_labels(explicit: str | Path | None, corpus: str | Path | None) -> Path:
    """`--labels PATH`, else labels.yaml in the current folder, else in the corpus folder, else the packaged copy."""
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise InputError("no such labels file", path=p)
        return p
    for candidate in (Path.cwd() / FILENAME, Path(corpus) / FILENAME if corpus else None):
        if candidate is not None and candidate.is_file():
            return candidate
    return PACKAGED


def load_labels(path: str | Path = PACKAGED) -> Schema:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=path) from None
    try:
        text = raw.decode("utf-8-sig")
        node, data = _parse(text)
    except UnicodeDecodeError:
        raise InputError("not UTF-8", path=path) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise InputError(f"YAML syntax error: {exc.problem}", path=path,
                         line=mark.line + 1 if mark else None) from None
    if not isinstance(data, dict):
        raise InputError("expected a mapping with entities, relations and gazetteer", path=path, line=1)
    _check_duplicate_keys(node, path)  # YAML keeps the last of two equal keys silently
    try:
        schema = Schema.model_validate(data)
    except ValidationError as exc:
        # An unknown key explains a "missing" one beside it (a misspelt key), so it is reported first.
        err = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        loc = [p for p in err["loc"] if not isinstance(p, str) or p not in ("function-after",)]
        where = ".".join(str(p) for p in loc)
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        raise InputError(f"{where}: {msg}", path=path, line=_line_of(node, loc)) from None
    _check_consistency(schema, node, path)
    return schema.model_copy(update={"sha256": hashlib.sha256(raw).hexdigest(), "path": str(path)})


# libyaml's parser is about 25 times faster than the pure-Python one; the file is parsed once and the
# node tree kept, so errors can name lines.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> tuple[Any, Any]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _check_consistency(schema: Schema, node: Any, path: Path) -> None:
    def fail(msg: str, loc: list) -> None:
        raise InputError(msg, path=path, line=_line_of(node, loc))

    seen_names: dict[str, int] = {}
    seen_keys: dict[str, int] = {}
    for i, e in enumerate(schema.entities):
        if e.name in seen_names:
            fail(f"entity label {e.name} is defined twice", ["entities", i, "name"])
        if e.key in seen_keys:
            fail(f"shortcut key {e.key} of {e.name} is already used by "
                 f"{schema.entities[seen_keys[e.key]].name}", ["entities", i, "key"])
        seen_names[e.name] = i
        seen_keys[e.key] = i
    rel_names: set[str] = set()
    for i, r in enumerate(schema.relations):
        if r.name in rel_names:
            fail(f"relation label {r.name} is defined twice", ["relations", i, "name"])
        rel_names.add(r.name)
        for side in ("head", "tail"):
            for j, label in enumerate(getattr(r, side)):
                if label not in seen_names:
                    fail(f"relation {r.name} names a missing entity label {label}", ["relations", i, side, j])
    for i, g in enumerate(schema.gazetteer):
        if g.label not in seen_names:
            fail(f"gazetteer entry {g.name} has a missing label {g.label}", ["gazetteer", i, "label"])


def _check_duplicate_keys(node: Any, path: Path) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:
                    raise InputError(f"key {k.value} appears twice in one entry", path=path,
                                     line=k.start_mark.line + 1)
                seen.add(k.value)
            _check_duplicate_keys(v, path)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            _check_duplicate_keys(v, path)


def _line_of(node: Any, loc: list) -> int | None:
    """1-based line of the YAML node at `loc` (keys and list indices), or of the deepest node found."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                return line
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
