"""The bundled TOML files parsed once and cached (diskcache.parsed_toml, issue 14): the TOML stays the source.

A cached parse must equal `tomllib.loads` of the same text, an edited text must never be answered
from the old text's file, and a damaged or unwritable cache must only cost the parse.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from govdisclosure.diskcache import parsed_toml
from govdisclosure.errors import TemplateError
from govdisclosure.resources import bundled_template_files, grammar_text
from govdisclosure.templates import registry_from, template_from_data

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

BUNDLED = [*bundled_template_files(), ("sections.toml", grammar_text("sections.toml"))]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GOVDISCLOSURE_CACHE_DIR", str(folder))
    return folder


def _no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(text: str) -> dict[str, Any]:
        raise AssertionError("parsed again: the cache was not used")

    monkeypatch.setattr(tomllib, "loads", forbidden)


@pytest.mark.parametrize(("name", "text"), BUNDLED, ids=[name for name, _ in BUNDLED])
def test_a_cached_parse_equals_the_toml(
    name: str, text: str, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = tomllib.loads(text)
    assert parsed_toml(name, text) == expected  # parsed, and written
    assert len(list(cache.glob("toml-*.marshal"))) == 1
    _no_parse(monkeypatch)
    assert parsed_toml(name, text) == expected  # read back


def test_an_edited_text_is_parsed_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stale file must never answer for a changed text: the text is part of the file's name.
    name, text = BUNDLED[0]
    parsed_toml(name, text)
    edited = text.replace('name = "', 'name = "edited-', 1)
    assert edited != text
    got = parsed_toml(name, edited)
    assert got == tomllib.loads(edited) != tomllib.loads(text)
    assert len(list(cache.glob("toml-*.marshal"))) == 2


def test_a_damaged_cache_file_is_parsed_again(cache: Path) -> None:
    name, text = BUNDLED[0]
    parsed_toml(name, text)
    for path in cache.glob("toml-*.marshal"):
        path.write_bytes(b"\x00not marshal data")
    assert parsed_toml(name, text) == tomllib.loads(text)


def test_an_unwritable_cache_still_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("GOVDISCLOSURE_CACHE_DIR", str(blocked))
    name, text = BUNDLED[0]
    assert parsed_toml(name, text) == tomllib.loads(text)


def test_invalid_toml_names_the_file(cache: Path) -> None:
    with pytest.raises(TemplateError, match=r"templates/broken\.toml: not valid TOML"):
        parsed_toml("templates/broken.toml", "name = ")


def test_the_templates_from_a_warm_cache_are_the_templates_of_the_toml(cache: Path) -> None:
    # A fresh process fills the cache, then forbids parsing TOML: the registry it builds again
    # equals the one built here from tomllib, and it parses a report.
    expected = registry_from(
        template_from_data(tomllib.loads(text), name) for name, text in bundled_template_files()
    )
    code = (
        "import sys\n"
        "from govdisclosure.templates import default_templates\n"
        "from govdisclosure.sections.config import sections_config\n"
        "default_templates(), sections_config()\n"  # fills the cache
        "try:\n    import tomllib\nexcept ImportError:\n    import tomli as tomllib\n"
        "def forbidden(text): raise AssertionError('parsed again: the cache was not used')\n"
        "tomllib.loads = forbidden\n"
        "default_templates.cache_clear(); sections_config.cache_clear()\n"
        "import govdisclosure\n"
        "assert govdisclosure.parse('一、总体情况\\n本年度').sections\n"
        "print(repr(default_templates().templates))\n"
    )
    env = dict(os.environ, GOVDISCLOSURE_CACHE_DIR=str(cache))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr(expected.templates)


def test_a_date_is_parsed_but_not_cached(cache: Path) -> None:
    # marshal cannot hold a TOML date: such a file is parsed every time, never cached half.
    text = "when = 1979-05-27T07:32:00Z\n"
    assert parsed_toml("dated.toml", text) == tomllib.loads(text)
    assert list(cache.glob("toml-*")) == []
