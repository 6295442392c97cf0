"""Finds the grammar and template files, in a wheel (package data) or in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

# In a wheel, pyproject.toml maps the top-level grammars/ folder to govdisclosure/grammars/.
_PACKAGED = "grammars"
# In a source checkout (editable install, PYTHONPATH=src) it sits two levels above this file.
_CHECKOUT = Path(__file__).resolve().parents[2] / "grammars"


@cache
def grammars_root() -> Traversable:
    """The folder holding *.lark and templates/, wherever this install keeps it."""
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
