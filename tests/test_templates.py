"""User template files are validated on load: TemplateError names the file, the key and the problem (issue 7).

Each case damages the bundled 2021 template in one place (docs/templates.md) and states the words the
message must hold.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govdisclosure import TemplateError, TemplateRegistry, load_template
from govdisclosure.resources import bundled_template_files

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

Data = dict[str, Any]


def bundled_2021() -> Data:
    return tomllib.loads(next(text for name, text in bundled_template_files() if name.endswith("2021.toml")))


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return "{" + ", ".join(f'"{k}" = {_value(x)}' for k, x in v.items()) + "}"


def to_toml(data: Data) -> str:
    """The data as TOML: one `key = value` line per top-level key, tables written inline."""
    return "".join(f'"{key}" = {_value(v)}\n' for key, v in data.items())


def write(tmp_path: Path, data: Data) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(to_toml(data), encoding="utf-8")
    return path


def test_bundled_template_round_trips_through_the_writer(tmp_path: Path) -> None:
    template = load_template(write(tmp_path, bundled_2021()))
    assert template.name == "2021"


def _set(path: str, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        *head, last = path.split(".")
        node: Any = data
        for key in head:
            node = node[int(key)] if key.isdigit() else node[key]
        if value is DELETE:
            del node[int(last) if last.isdigit() else last]
        else:
            node[int(last) if last.isdigit() else last] = value

    return change


DELETE = object()


def _duplicate_app_row(data: Data) -> None:
    data["applications"]["rows"].append(dict(data["applications"]["rows"][0]))


def _row_in_no_block(data: Data) -> None:
    data["active_disclosure"]["rows"]["orphan"] = {"label": "孤儿事项"}


def _shared_label(data: Data) -> None:
    rows = data["active_disclosure"]["rows"]
    rows["regulations"] = {"label": rows["administrative_licensing"]["label"]}


def _shared_variant(data: Data) -> None:
    rows = data["applications"]["rows"]
    rows[1] = {**rows[1], "variants": [rows[0]["label"]]}


def _duplicate_block_column(data: Data) -> None:
    block = data["active_disclosure"]["blocks"][0]
    block["columns"] = [*block["columns"], block["columns"][0]]


CASES: dict[str, tuple[Callable[[Data], None], tuple[str, ...]]] = {
    "duplicate row id": (_duplicate_app_row, ("applications.rows", "duplicate row id")),
    "duplicate block column": (_duplicate_block_column, ("blocks[0].columns", "duplicate column")),
    "row in no block": (_row_in_no_block, ("active_disclosure.rows", "'orphan'", "no block")),
    "two rows one label": (_shared_label, ("active_disclosure.rows", "share the label")),
    "variant is another row's label": (_shared_variant, ("applications.rows", "share the label")),
    "missing label": (_set("review_litigation.groups.review.label", DELETE), ("groups.review", "'label'")),
    "empty label": (_set("applications.columns.total.label", "  "), ("columns.total.label", "empty label")),
    "missing name": (_set("name", DELETE), ("'name'",)),
    "unknown block column": (
        _set("active_disclosure.blocks.0.columns", ["issued", "nope"]),
        ("unknown column 'nope'",),
    ),
    "unknown block row": (_set("active_disclosure.blocks.0.rows", ["nope"]), ("unknown row 'nope'",)),
    "unknown group": (_set("applications.rows.3.group", "nope"), ("unknown group 'nope'",)),
    "unknown role": (_set("applications.rows.0.role", "guess"), ("role", "'guess'")),
    "misspelt key": (_set("active_disclosure.rows.regulations", {"lable": "规章"}), ("unknown key 'lable'",)),
    "misspelt variants": (
        _set("applications.column_group", {"label": "申请人情况", "varients": []}),
        ("column_group", "unknown key 'varients'"),
    ),
    "unknown top-level key": (_set("tables", {}), ("template", "unknown key 'tables'")),
    "bad identifier": (
        _set("applications.rows.0.id", "New Received"),
        ("'New Received'", "not an identifier"),
    ),
    "flag not bool": (_set("active_disclosure.columns.fee_amount.money", "yes"), ("money", "true or false")),
    "unit not str": (_set("active_disclosure.columns.fee_amount.unit", 5), ("unit", "string")),
    "no total column": (_set("review_litigation.columns.total", DELETE), ("'total' column",)),
    "block without rows": (_set("active_disclosure.blocks.0.rows", []), ("blocks[0]", "one row")),
    "block not a table": (_set("active_disclosure.blocks", ["x", "y"]), ("blocks[0]",)),
    "variants not strings": (
        _set("active_disclosure.rows.regulations", {"label": "规章", "variants": [1]}),
        ("variants",),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_template_names_file_key_and_problem(case: str, tmp_path: Path) -> None:
    change, words = CASES[case]
    data = bundled_2021()
    change(data)
    path = write(tmp_path, data)
    with pytest.raises(TemplateError) as info:
        load_template(path)
    message = info.value.message
    assert str(path) in message
    for word in words:
        assert word in message, (word, message)
    assert "\n" not in message
    with pytest.raises(TemplateError):
        TemplateRegistry().with_file(path)


def test_template_file_errors_chain_their_cause(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("name = [", encoding="utf-8")
    with pytest.raises(TemplateError, match="not valid TOML") as info:
        load_template(path)
    assert isinstance(info.value.__cause__, tomllib.TOMLDecodeError)
