"""`import govdisclosure` loads only what a parse needs (issue 14); every public name still imports.

Each check runs in a fresh interpreter, where sys.modules shows what the import loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import govdisclosure

# Loaded on first use only: cattrs (to_dict/from_dict), pandas (frames), the document readers (and
# zipfile, theirs), the batch runner, the render writers, the TOML parser (the bundled files come
# from diskcache.py), importlib.resources (an installed package is a plain folder) and the HTML
# tokenizer (html.parser and html.entities' tables: only a text with <table> markup needs them).
NOT_ON_IMPORT = (
    "cattrs",
    "pandas",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "pyarrow",
    "lxml",
    "docx",
    "tomllib",
    "zipfile",
    "importlib.resources",
    "html",
    "html.parser",
    "govdisclosure.layout.htmlgrid",
    "govdisclosure.batch",
    "govdisclosure.cli",
    "govdisclosure.convert",
    "govdisclosure.documents",
    "govdisclosure.parquet",
    "govdisclosure.render.outline",
    "govdisclosure.render.pdf",
)


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_import_leaves_heavy_modules_unloaded() -> None:
    code = (
        "import json, sys, govdisclosure\n"
        f"print(json.dumps([m for m in {NOT_ON_IMPORT!r} if m in sys.modules]))"
    )
    assert json.loads(_fresh(code)) == []


def test_every_public_name_imports_from_a_fresh_interpreter() -> None:
    names = ", ".join(govdisclosure.__all__)
    code = f"from govdisclosure import {names}; import json, govdisclosure as g; print(json.dumps(dir(g)))"
    assert set(govdisclosure.__all__) <= set(json.loads(_fresh(code)))


def test_a_lazy_name_is_the_module_attribute() -> None:
    from govdisclosure.batch import parse_many
    from govdisclosure.convert import SchemaError

    assert govdisclosure.parse_many is parse_many
    assert govdisclosure.SchemaError is SchemaError
