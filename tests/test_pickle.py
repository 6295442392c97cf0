"""Every model object pickles and comes back equal: process pools, Dask and Spark ship them (issue 6)."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import govdisclosure
from govdisclosure import model
from govdisclosure.batch import BatchResult
from govdisclosure.templates import default_templates
from govdisclosure.testing import reports

_MODULE = model.__name__
# Every attrs class the model module defines; a new one is covered without touching this test.
# Table is the abstract base of the three table classes; its subclasses stand for it.
MODEL_CLASSES = sorted(
    (
        c
        for c in vars(model).values()
        if isinstance(c, type) and attrs.has(c) and c.__module__ == _MODULE and c is not model.Table
    ),
    key=lambda c: c.__name__,
)


def _round_trip(value: Any) -> Any:
    for protocol in (2, pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(value, protocol=protocol))
        assert back == value
        assert type(back) is type(value)
    return back


def _instances(report: model.Report) -> dict[type, list[Any]]:
    """Every model object inside a report, by class."""
    found: dict[type, list[Any]] = {}

    def visit(value: Any) -> None:
        if attrs.has(type(value)):
            found.setdefault(type(value), []).append(value)
            for field in attrs.fields(type(value)):
                visit(getattr(value, field.name))
        elif isinstance(value, tuple | list):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    visit(report)
    for _, table in report.tables.items():
        visit(table)
    return found


@pytest.fixture(scope="module")
def example(example_report: Path) -> model.Report:
    return govdisclosure.parse_file(example_report)


@pytest.fixture(scope="module")
def found(example: model.Report) -> dict[type, list[Any]]:
    """Model objects by class: the example's, and a broken text's diagnostics."""
    out = _instances(example)
    for cls, values in _instances(govdisclosure.parse("一、总体情况\n规章 1 2")).items():
        out.setdefault(cls, []).extend(values)
    for cls, values in _instances(govdisclosure.parse(PAGE)).items():  # cells with a `where`
        out.setdefault(cls, []).extend(values)
    return out


PAGE = (
    "<html><body><h2>二、主动公开政府信息情况</h2><table>"
    '<tr><td colspan="4">第二十条第（一）项</td></tr>'
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    "<tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>"
    "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>9</td></tr></table></body></html>"
)


def test_the_model_has_classes_to_cover() -> None:
    names = {c.__name__ for c in MODEL_CLASSES}
    assert {"Report", "Section", "Marker", "Cell", "Tables", "Check", "Diagnostic"} <= names


def test_a_parsed_report_pickles(example: model.Report) -> None:
    back = _round_trip(example)
    assert back.to_dict() == example.to_dict()
    assert back.encoding == example.encoding  # not part of equality, still carried


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_every_model_class_pickles(cls: type, found: dict[type, list[Any]]) -> None:
    seen = found.get(cls)
    assert seen, f"the example holds no {cls.__name__}"
    for value in seen[:25]:
        _round_trip(value)


@settings(max_examples=15, deadline=None)
@given(reports())
def test_generated_reports_pickle(report: model.Report) -> None:
    _round_trip(report)


def test_templates_pickle_so_workers_can_take_them() -> None:
    registry = default_templates()
    back = pickle.loads(pickle.dumps(registry))
    assert back.names() == registry.names()
    for template in registry:
        assert pickle.loads(pickle.dumps(template)) == template


def test_batch_results_pickle(example: model.Report) -> None:
    _round_trip(BatchResult(0, "a.txt", report=example))
    failed = pickle.loads(pickle.dumps(BatchResult(1, "b.txt", error=ValueError("bad"))))
    assert failed.source == "b.txt" and str(failed.error) == "bad"
