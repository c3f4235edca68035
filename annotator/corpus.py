"""Reading a corpus folder: `.txt` files (one scraped page each) and `.jsonl` files (one article a line).

Scanning only stats and sniffs files, so a corpus of 10,000 articles opens at once;
a document's bytes are decoded when it is loaded.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from annotator.errors import InputError
from annotator.textnorm import DecodeError, decode, looks_binary, normalize

MAX_FILE_BYTES = 5 * 1024 * 1024
SUFFIXES = (".txt", ".jsonl")
JSONL_FIELDS = ("title", "url", "date", "outlet")


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"


@dataclass(frozen=True)
class DocRef:
    """Where a document lives: a whole `.txt` file, or line `line` (1-based) of a `.jsonl` file."""

    id: str
    path: Path
    line: int | None = None


@dataclass
class RawDoc:
    id: str
    source: str  # path as given on disk, for showing the original file
    sha256: str  # of the raw bytes (the file, or the JSONL line)
    text: str  # decoded, NFC, LF line endings
    encoding: str
    fields: dict = field(default_factory=dict)  # title/url/date/outlet a crawler gave in JSONL


@dataclass
class Corpus:
    root: Path
    refs: list[DocRef]
    skipped: list[Skipped]

    def __len__(self) -> int:
        return len(self.refs)

    def ids(self) -> list[str]:
        return [r.id for r in self.refs]

    def index(self, doc_id: str) -> int:
        for i, r in enumerate(self.refs):
            if r.id == doc_id:
                return i
        raise KeyError(doc_id)

    def ref(self, doc_id: str) -> DocRef:
        return self.refs[self.index(doc_id)]

    def load(self, doc_id: str) -> RawDoc:
        return load_ref(self.ref(doc_id))


def open_corpus(root: str | os.PathLike) -> Corpus:
    """Scan `root` recursively. Bad files are listed in `skipped`, never raised."""
    root = Path(root)
    if not root.exists():
        raise InputError("no such corpus folder", path=root)
    if root.is_file():
        return scan_paths([root])
    if not root.is_dir():
        raise InputError("not a folder", path=root)
    refs: list[DocRef] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        st = os.stat(dirpath)
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:  # a symbolic link loop
            skipped.append(Skipped(_rel(Path(dirpath), root), "folder visited twice (symbolic link loop)"))
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(SUFFIXES):
                continue
            path = Path(dirpath) / name
            _scan_file(path, _rel(path, root), refs, skipped)
    return Corpus(root=root, refs=refs, skipped=skipped)


def scan_paths(paths: list[Path]) -> Corpus:
    """A corpus of the given files and folders (as `annotate clean FILE...` takes them)."""
    refs: list[DocRef] = []
    skipped: list[Skipped] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            sub = open_corpus(p)
            refs += [DocRef(f"{p.name}/{r.id}", r.path, r.line) for r in sub.refs]
            skipped += sub.skipped
        elif p.exists():
            _scan_file(p, p.name, refs, skipped)
        else:
            skipped.append(Skipped(str(p), "no such file"))
    return Corpus(root=Path("."), refs=refs, skipped=skipped)


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _scan_file(path: Path, rel: str, refs: list[DocRef], skipped: list[Skipped]) -> None:
    try:
        size = path.stat().st_size
        if size == 0:
            skipped.append(Skipped(rel, "empty file"))
            return
        if size > MAX_FILE_BYTES and path.suffix == ".txt":
            skipped.append(Skipped(rel, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB ({size} bytes)"))
            return
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError as exc:
        skipped.append(Skipped(rel, exc.strerror or str(exc)))
        return
    if looks_binary(head):
        skipped.append(Skipped(rel, "binary file (NUL bytes)"))
        return
    if path.suffix == ".jsonl":
        _scan_jsonl(path, rel, refs, skipped)
    else:
        refs.append(DocRef(rel, path))


def _scan_jsonl(path: Path, rel: str, refs: list[DocRef], skipped: list[Skipped]) -> None:
    """One document per non-blank line; broken lines are skipped, the good ones still load."""
    with open(path, "rb") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            if len(line) > MAX_FILE_BYTES:
                skipped.append(Skipped(f"{rel}#{n}", "line larger than 5 MB"))
                continue
            problem = _jsonl_problem(line)
            if problem:
                skipped.append(Skipped(f"{rel}#{n}", problem))
            else:
                refs.append(DocRef(f"{rel}#{n}", path, n))


def _jsonl_problem(line: bytes) -> str | None:
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as exc:
        return f"broken JSON ({exc.msg})"
    if not isinstance(obj, dict):
        return "line is not a JSON object"
    if not isinstance(obj.get("text"), str) or not obj["text"].strip():
        return "no \"text\" field"
    return None


def load_ref(ref: DocRef) -> RawDoc:
    """Decode one document. Raises InputError naming the file when it cannot be read."""
    try:
        if ref.line is None:
            data = ref.path.read_bytes()
        else:
            data = _read_line(ref.path, ref.line)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), path=ref.path) from None
    sha = hashlib.sha256(data).hexdigest()
    if ref.line is None:
        try:
            text, enc = decode(data)
        except DecodeError as exc:
            raise InputError(str(exc), path=ref.path) from None
        return RawDoc(ref.id, str(ref.path), sha, normalize(text), enc)
    obj = orjson.loads(data)
    fields = {k: str(obj[k]) for k in JSONL_FIELDS if isinstance(obj.get(k), str | int) and obj.get(k) != ""}
    return RawDoc(ref.id, f"{ref.path}#{ref.line}", sha, normalize(obj["text"]), "utf-8", fields)


def _read_line(path: Path, line_no: int) -> bytes:
    with open(path, "rb") as f:
        for n, line in enumerate(f, start=1):
            if n == line_no:
                return line.rstrip(b"\r\n")
    raise InputError(f"line {line_no} no longer exists", path=path)
