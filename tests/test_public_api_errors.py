"""No exception but the documented ones escapes the public API, on any input (issue 7, docs/errors.md).

Every public function of `govdisclosure.__all__` (and the public methods of its classes that take
input) is called with hostile arguments: the corpus of tests/hostile, damaged files, damaged
template files, damaged JSON dicts. Each call returns, or raises a `GovDisclosureError`, or, for an
argument of the wrong type only, a `TypeError` (documented for `parse`). A public function without
hostile calls below fails the enumeration test, so a new one cannot slip past.
"""

from __future__ import annotations

import codecs
import copy
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure
from govdisclosure import (
    GovDisclosureError,
    Report,
    TemplateRegistry,
    compare,
    default_templates,
    load_template,
    parse,
    parse_bytes,
    parse_document,
    parse_file,
    parse_many,
    raise_for_errors,
    render,
    to_frame,
    to_parquet,
)
from govdisclosure.parquet import read_table
from govdisclosure.render import LAYOUTS
from hostile import CASES, seed_text

DOCUMENTED = (GovDisclosureError,)

# Inputs small enough to run through every function (the giants and the slow ones at their `cli`
# size; test_hostile.py parses them whole, once).
SMALL_TEXTS = {c.name: c.small() for c in CASES}
TEMPLATE_2021 = Path(govdisclosure.__file__).resolve().parents[2] / "grammars" / "templates" / "2021.toml"


def public_functions() -> set[str]:
    """Names in __all__ that are functions (classes are covered by their methods below)."""
    return {name for name in govdisclosure.__all__ if inspect.isfunction(getattr(govdisclosure, name))}


COVERED = {
    "compare",
    "parse_many",
    "to_frame",
    "to_parquet",
    "parse",
    "parse_file",
    "parse_bytes",
    "parse_document",
    "raise_for_errors",
    "render",
    "default_templates",
    "load_template",
}
METHODS = {"Report.from_dict", "Report.to_dict", "TemplateRegistry.with_file"}


def test_every_public_function_is_covered() -> None:
    missing = public_functions() - COVERED
    assert not missing, f"public functions with no hostile-input test here: {sorted(missing)}"


def call(fn: Callable[..., Any], *args: Any, wrong_type: bool = False, **kwargs: Any) -> Any:
    """Call fn; only documented exceptions may escape (TypeError too when an argument's type is wrong)."""
    allowed = (*DOCUMENTED, TypeError) if wrong_type else DOCUMENTED
    try:
        return fn(*args, **kwargs)
    except allowed as exc:
        assert str(exc).strip(), f"{fn.__name__}: {type(exc).__name__} with no message"
        if isinstance(exc, GovDisclosureError):
            assert exc.message and "\n" not in exc.message, repr(exc.message)
        return exc
    except Exception as exc:  # pragma: no cover - the failure this file exists to catch
        pytest.fail(f"{fn.__name__}{args!r:.80}: undocumented {type(exc).__name__}: {exc}")


@pytest.fixture(scope="module")
def hostile_reports() -> dict[str, Report]:
    return {name: parse(text) for name, text in SMALL_TEXTS.items()}


@pytest.mark.parametrize("name", list(SMALL_TEXTS))
def test_parse_and_friends_on_hostile_text(name: str, hostile_reports: dict[str, Report]) -> None:
    text = SMALL_TEXTS[name]
    assert isinstance(call(parse, text), Report)
    strict = call(parse, text, strict=True)
    assert isinstance(strict, (Report, govdisclosure.ParseError))
    halved = call(parse, text, max_chars=len(text) // 2)
    assert isinstance(halved, (Report, govdisclosure.InputTooLargeError))
    report = hostile_reports[name]
    call(raise_for_errors, report, lines_of=text)
    data = call(report.to_dict)
    assert isinstance(call(Report.from_dict, data), Report)
    for layout in LAYOUTS:
        assert isinstance(call(render, report, layout), str)
    call(compare, report, parse(seed_text()))
    call(compare, parse(seed_text()), report)


def test_to_frame_on_hostile_reports(hostile_reports: dict[str, Report]) -> None:
    pytest.importorskip("pandas")
    frame = call(to_frame, hostile_reports)
    cells = [c for r in hostile_reports.values() for _, t in r.tables.items() if t for c in t.cells()]
    assert len(frame) == len(cells)


def test_to_parquet_on_hostile_reports(hostile_reports: dict[str, Report], tmp_path: Path) -> None:
    assert call(to_parquet, hostile_reports, tmp_path / "out") == len(hostile_reports)
    cells = [c for r in hostile_reports.values() for _, t in r.tables.items() if t for c in t.cells()]
    assert read_table(tmp_path / "out", "cells").num_rows == len(cells)
    assert isinstance(call(to_parquet, ["not a report"], tmp_path / "bad", wrong_type=True), TypeError)
    assert isinstance(call(to_parquet, 42, tmp_path / "int", wrong_type=True), TypeError)


def test_parse_many_on_hostile_inputs(tmp_path: Path) -> None:
    items: list[Any] = [*SMALL_TEXTS.values(), *(p for _, p in hostile_files(tmp_path) if p.name != "zero")]
    items += [b"\xff\xfe\x00", bytes(range(256))]
    results = list(call(parse_many, items, max_chars=100_000))
    assert len(results) == len(items)
    for result in results:
        assert result.report is not None or isinstance(result.error, GovDisclosureError), result


@pytest.mark.parametrize(
    ("fn", "args", "kwargs"),
    [
        (parse, (b"\xe4\xb8\x80",), {}),
        (parse, (None,), {}),
        (parse, ("一、总体情况",), {"templates": "2021"}),
        (parse, ("一、总体情况",), {"max_chars": "many"}),
        (raise_for_errors, ("not a report",), {}),
        (parse_file, (12.5,), {}),
        (parse_bytes, ("一、总体情况",), {}),
        (parse_document, ("一、总体情况",), {}),
        (load_template, (None,), {}),
        (render, ("not a report",), {}),
    ],
    ids=[
        "parse-bytes",
        "parse-none",
        "parse-templates-str",
        "parse-max-chars-str",
        "raise-str",
        "parse-file-float",
        "parse-bytes-str",
        "parse-document-str",
        "load-template-none",
        "render-str",
    ],
)
def test_wrong_argument_types_raise_type_error(
    fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    result = call(fn, *args, wrong_type=True, **kwargs)
    assert isinstance(result, (TypeError, GovDisclosureError)), result


def hostile_files(tmp: Path) -> Iterator[tuple[str, Path]]:
    """Files no report is in: binary junk, damaged encodings, odd paths, a huge file."""
    blobs = {
        "empty": b"",
        "nul-only": bytes(1000),
        "binary": bytes(range(256)) * 40,
        "zip": b"PK\x03\x04" + bytes(300),
        "gbk": seed_text().encode("gb18030"),
        "utf16-no-bom": seed_text().encode("utf-16-le"),
        "utf16-bom-odd": codecs.BOM_UTF16_LE + "一、".encode("utf-16-le") + b"\x00",
        "utf8-bom-damaged": codecs.BOM_UTF8 + b"\xe4\xb8",
        "surrogates-cesu": "一、总体情况".encode() + b"\xed\xa0\x80\n",
        "utf8-cut-mid-char": seed_text().encode()[:-1] if seed_text().encode()[-1] >= 0x80 else b"\xe4",
        "control-heavy": bytes(range(1, 32)) * 50,
    }
    for name, data in blobs.items():
        path = tmp / f"{name}.txt"
        path.write_bytes(data)
        yield name, path
    yield "missing", tmp / "missing.txt"
    yield "directory", tmp
    yield "nul-in-path", Path(str(tmp / "a") + "\x00b")
    yield "dev-zero", Path("/dev/zero")


def test_parse_file_on_hostile_files(tmp_path: Path) -> None:
    for name, path in hostile_files(tmp_path):
        result = call(parse_file, path, max_chars=100_000)
        assert isinstance(result, (Report, GovDisclosureError)), name
        if name in ("missing", "directory", "nul-in-path"):
            assert isinstance(result, govdisclosure.ReadError), (name, result)
        if name == "dev-zero":
            assert isinstance(result, govdisclosure.InputTooLargeError), result


def hostile_documents() -> Iterator[tuple[str, bytes]]:
    """Bytes that claim to be a document (by their magic) and are not, or are damaged."""
    docx = Path(__file__).parent / "corpus" / "documents" / "r001.lo.docx"
    pdf = Path(__file__).parent / "corpus" / "documents" / "r001.lo.pdf"
    yield "pdf-header-only", b"%PDF-1.7\n"
    yield "pdf-junk", b"%PDF-1.4\n" + bytes(range(256)) * 20
    yield "pdf-cut", pdf.read_bytes()[:4000]
    yield "zip-junk", b"PK\x03\x04" + bytes(range(256)) * 20
    yield "docx-cut", docx.read_bytes()[:3000]
    yield "ole-junk", bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600)
    yield "rtf-junk", b"{\\rtf1 " + b"{" * 5000
    yield "html-junk", b"<html><body>" + b"<table><tr><td>" * 2000 + b"\xff\xfe"


def test_parse_bytes_on_hostile_bytes(tmp_path: Path) -> None:
    files = [(name, path.read_bytes()) for name, path in hostile_files(tmp_path) if path.is_file()]
    for name, data in [*files, *hostile_documents()]:  # (/dev/zero is no file: bytes are in memory)
        result = call(parse_bytes, data, name, max_chars=100_000)
        assert isinstance(result, (Report, GovDisclosureError)), name
        if name.startswith(("pdf-", "zip-", "docx-")):
            assert isinstance(result, GovDisclosureError), (name, result)


def test_parse_file_reads_no_more_than_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"1\n" * 500_000)
    with pytest.raises(govdisclosure.InputTooLargeError, match="bytes"):
        parse_file(big, max_chars=1000)


TEMPLATE_DAMAGE = {
    "empty": "",
    "not-toml": "name = [",
    "binary": "\x00\x01\x02",
    "deep-array": "name = " + "[" * 50_000 + "]" * 50_000,
    "deep-inline": "name = " + "{a = " * 5_000 + "1" + "}" * 5_000,
    "name-int": "name = 5",
}


@pytest.mark.parametrize("damage", list(TEMPLATE_DAMAGE))
def test_load_template_on_hostile_files(damage: str, tmp_path: Path) -> None:
    path = tmp_path / f"{damage}.toml"
    path.write_text(TEMPLATE_DAMAGE[damage], encoding="utf-8")
    result = call(load_template, path)
    assert isinstance(result, govdisclosure.TemplateError), result
    assert str(path) in result.message
    assert isinstance(call(TemplateRegistry().with_file, path), govdisclosure.TemplateError)


def test_load_template_odd_paths(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 2_000_000, encoding="utf-8")
    for path in (tmp_path / "missing.toml", tmp_path, huge, str(tmp_path) + "\x00.toml", "/dev/zero"):
        assert isinstance(call(load_template, path), govdisclosure.TemplateError), path
    assert call(load_template, str(TEMPLATE_2021)).name == "2021"  # a str path works too
    assert call(default_templates).names()


@pytest.fixture(scope="module")
def report_dict() -> dict[str, Any]:
    return parse(seed_text()).to_dict()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every key path inside a JSON value."""
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        yield from paths(child, (*prefix, key))


@given(data=st.data())
def test_from_dict_on_damaged_dicts(report_dict: dict[str, Any], data: st.DataObject) -> None:
    # A real report's dict with one node anywhere replaced by arbitrary JSON.
    damaged = copy.deepcopy(report_dict)
    where = data.draw(st.sampled_from(list(paths(damaged))[1:]))
    node = damaged
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = data.draw(JSON)
    result = call(Report.from_dict, damaged)
    if isinstance(result, Report):
        call(result.to_dict)


@given(JSON)
def test_from_dict_on_any_json(value: Any) -> None:
    call(Report.from_dict, value)


def test_from_dict_deep_sections(report_dict: dict[str, Any]) -> None:
    root: dict[str, Any] = {"title": "x", "children": []}
    node = root
    for _ in range(5_000):
        child: dict[str, Any] = {"title": "x", "children": []}
        node["children"].append(child)
        node = child
    result = call(Report.from_dict, {**report_dict, "sections": [root]})
    assert isinstance(result, govdisclosure.SchemaError) and "deep" in result.message
