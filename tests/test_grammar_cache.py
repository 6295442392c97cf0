"""The built Lark parsers are cached on disk and reused by the next process (issue 14).

Each check runs in a fresh interpreter: the cache's point is what a new process finds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "qingxi-2024-tabs.txt"
# A report with sections and tables: both grammars are needed.
PARSE = (
    "import govdisclosure\n"
    f"report = govdisclosure.parse_file({str(EXAMPLE)!r})\n"
    "assert report.sections and report.tables.applications is not None\n"
)
# Parsing with building a grammar forbidden: passes only when both parsers come from the cache.
NO_BUILD = (
    "import lark.load_grammar as g\n"
    "def forbidden(*args, **kwargs): raise AssertionError('grammar built, cache not used')\n"
    "g.GrammarBuilder.load_grammar = forbidden\n" + PARSE
)


def _run(code: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, GOVDISCLOSURE_CACHE_DIR=str(cache))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)


def test_parsers_are_cached_and_reused(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _run(PARSE, cache)
    assert first.returncode == 0, first.stderr
    written = sorted(p.name.split("-")[0] for p in cache.glob("*.lark-cache"))
    assert written == ["report", "tables"]
    second = _run(NO_BUILD, cache)
    assert second.returncode == 0, second.stderr


def test_an_unusable_cache_folder_is_skipped(tmp_path: Path) -> None:
    # A file where the folder should be: nothing can be written there, and parsing still works.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    done = _run(PARSE, blocked)
    assert done.returncode == 0, done.stderr
