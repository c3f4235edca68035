"""The domain layer never imports Textual: each domain module is imported in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import annotator

UI_PACKAGES = ("annotator.tui", "annotator.commands.open_app", "annotator.commands.review")


def domain_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(annotator.__path__, "annotator."):
        if not info.name.startswith(UI_PACKAGES) and info.name != "annotator.__main__":
            names.append(info.name)
    return names


def test_there_are_domain_modules_to_check():
    mods = domain_modules()
    assert "annotator.corpus" in mods and "annotator.labels" in mods


def test_no_domain_module_imports_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {domain_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "    if 'textual' in sys.modules:\n"
        "        print(name); sys.exit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{result.stdout.strip()} pulls in textual; {result.stderr[-500:]}"
