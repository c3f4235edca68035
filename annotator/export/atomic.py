"""Files written under a temporary name and renamed into place, so an interrupted or failed
export never leaves a half file: the old file stays until the new one is complete."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import IO

from annotator.errors import RuntimeFailure


def prepare_dir(out: Path) -> None:
    """Create the output folder and prove it is writable before any work is done."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".probe-", dir=out)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise RuntimeFailure(f"cannot write the export folder: {exc.strerror or exc}", path=out) from None


class AtomicFile:
    """`with AtomicFile(path) as f: f.write(b"...")` — renamed into place only if the block succeeds."""

    def __init__(self, path: Path, mode: str = "wb"):
        self.path = Path(path)
        self.mode = mode
        self.tmp: Path | None = None
        self.file: IO | None = None

    def __enter__(self) -> IO:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".partial", dir=self.path.parent)
        except OSError as exc:
            raise RuntimeFailure(f"cannot write: {exc.strerror or exc}", path=self.path) from None
        self.tmp = Path(tmp)
        self.file = os.fdopen(fd, self.mode, **({} if "b" in self.mode else {"encoding": "utf-8"}))
        return self.file

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self.file is not None and self.tmp is not None
        try:
            if exc_type is None:
                self.file.flush()
                os.fsync(self.file.fileno())
            self.file.close()
            if exc_type is None:
                os.replace(self.tmp, self.path)
                return
        except OSError as err:
            self.discard()
            raise RuntimeFailure(f"cannot write: {err.strerror or err}", path=self.path) from None
        self.discard()

    def discard(self) -> None:
        if self.file is not None and not self.file.closed:
            try:
                self.file.close()
            except OSError:  # closing flushes again, and fails again on a full disk: remove the file anyway
                pass
        if self.tmp is not None:
            try:
                self.tmp.unlink()
            except FileNotFoundError:
                pass


def replace_dir(tmp_dir: Path, target: Path) -> None:
    """Put a completely written folder in place of `target` (brat export)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(tmp_dir, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


class AtomicGroup:
    """Output files (and folders) that replace the old ones together or not at all.

    Each is written under a temporary name; `commit()` first makes every one durable (flush and
    fsync: where a full disk fails, while nothing has been replaced yet) and only then renames them
    all into place. Leaving the block without commit, or with an error, removes every temporary.
    """

    def __init__(self) -> None:
        self.files: list[AtomicFile] = []
        self.dirs: list[tuple[Path, Path]] = []

    def __enter__(self) -> AtomicGroup:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.discard()  # after a commit there is nothing left to discard

    def open(self, path: Path) -> IO:
        af = AtomicFile(path)
        f = af.__enter__()
        self.files.append(af)
        return f

    def temp_dir(self, target: Path) -> Path:
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
        except OSError as exc:
            raise RuntimeFailure(f"cannot write: {exc.strerror or exc}", path=target) from None
        self.dirs.append((tmp, target))
        return tmp

    def commit(self) -> None:
        for af in self.files:
            assert af.file is not None
            try:
                af.file.flush()
                os.fsync(af.file.fileno())
                af.file.close()
            except OSError as err:
                self.discard()
                raise RuntimeFailure(f"cannot write: {err.strerror or err}; no file was replaced",
                                     path=af.path) from None
        for af in self.files:
            os.replace(af.tmp, af.path)
        for tmp, target in self.dirs:
            replace_dir(tmp, target)
        self.files, self.dirs = [], []

    def discard(self) -> None:
        for af in self.files:
            af.discard()
        for tmp, _ in self.dirs:
            shutil.rmtree(tmp, ignore_errors=True)
        self.files, self.dirs = [], []
