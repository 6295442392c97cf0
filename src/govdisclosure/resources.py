"""Finds the grammar and template files, in a wheel (package data) or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable

# In a wheel, pyproject.toml maps the top-level grammars/ folder to govdisclosure/grammars/.
_PACKAGED = "grammars"
_HERE = Path(__file__).resolve().parent
# In a source checkout (editable install, PYTHONPATH=src) it sits two levels above this file.
_CHECKOUT = _HERE.parents[1] / "grammars"


@cache
def grammars_root() -> Traversable:
    """The folder holding *.lark and templates/, wherever this install keeps it."""
    # An installed package is a folder, looked at directly: importlib.resources costs milliseconds
    # to import, and only a package imported from a zip file needs it.
    if (_HERE / _PACKAGED).is_dir():
        return _HERE / _PACKAGED
    if not _HERE.is_dir():  # pragma: no cover - a zip import
        from importlib import resources

        packaged = resources.files("govdisclosure") / _PACKAGED
        if packaged.is_dir():
            return packaged
    return _CHECKOUT


def grammar_text(name: str) -> str:
    """The text of grammars/<name> (e.g. 'report.lark')."""
    return (grammars_root() / name).read_text(encoding="utf-8")


def bundled_template_files() -> list[tuple[str, str]]:
    """(file name, text) of every bundled template, sorted by name."""
    folder = grammars_root() / "templates"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return [(f"templates/{f.name}", f.read_text(encoding="utf-8")) for f in files]
