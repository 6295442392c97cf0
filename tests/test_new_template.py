"""Extending to a new template year is a data change: a fictional 2027 template, registered and used."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure
from govdisclosure.resources import grammar_text

NEW_ROW = """
[[applications.rows]]
id = "withdrawn"
label = "4.申请人主动撤回申请"
group = "other"
role = "outcome"

[[applications.rows]]
id = "outcome_total\""""


def write_2027(folder: Path) -> Path:
    """The 2021 file with one extra outcome row and the 自然人 column renamed 公民个人."""
    text = grammar_text("templates/2021.toml")
    text = text.replace('name = "2021"', 'name = "2027"', 1)
    text = text.replace(
        'signals = ["本年制发件数"', 'signals = ["申请人主动撤回申请", "公民个人", "本年制发件数"', 1
    )
    text = text.replace('natural_person = { label = "自然人" }', 'natural_person = { label = "公民个人" }', 1)
    text = text.replace('\n[[applications.rows]]\nid = "outcome_total"', NEW_ROW, 1)
    path = folder / "2027.toml"
    path.write_text(text, encoding="utf-8")
    return path


# Values per row (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计); rows not listed are 0.
VALUES = {
    "new_received": [5, 1, 0, 0, 0, 0, 6],
    "carried_over": [1, 0, 0, 0, 0, 0, 1],
    "granted": [2, 1, 0, 0, 0, 0, 3],
    "partially_granted": [1, 0, 0, 0, 0, 0, 1],
    "other_misc": [1, 0, 0, 0, 0, 0, 1],
    "withdrawn": [2, 0, 0, 0, 0, 0, 2],
    "outcome_total": [6, 1, 0, 0, 0, 0, 7],
}


def report_2027(template: govdisclosure.Template) -> str:
    """A tab-layout table 三 printing every standard row of the template, labels from its data."""
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t申请人情况",
        "\t公民个人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
    ]
    for row in template.applications.rows:
        if row.standard:
            values = VALUES.get(row.id, [0] * 7)
            lines.append("\t".join([row.label.label, *map(str, values)]))
    return "\n".join(lines)


@pytest.fixture
def registry(tmp_path: Path) -> govdisclosure.TemplateRegistry:
    return govdisclosure.default_templates().with_file(write_2027(tmp_path))


def test_registry_holds_the_new_year(registry: govdisclosure.TemplateRegistry) -> None:
    assert registry.names() == ("2019", "2021", "2027")
    assert "withdrawn" in registry["2027"].row_ids("applications")
    assert "withdrawn" not in govdisclosure.default_templates()["2021"].row_ids("applications")


def test_report_on_the_new_template_parses(registry: govdisclosure.TemplateRegistry) -> None:
    report = govdisclosure.parse(report_2027(registry["2027"]), templates=registry)
    table = report.tables.applications
    assert table is not None
    assert table.template == "2027"
    assert table.value("withdrawn", "natural_person") == 2
    assert table.value("withdrawn", "total") == 2
    assert table.value("other_misc", "natural_person") == 1
    assert table.value("new_received", "natural_person") == 5
    outcome = [c for c in report.checks if c.name == "applications.outcome_total.natural_person"]
    assert outcome and outcome[0].status == "pass"
    assert "applications.withdrawn.natural_person" in outcome[0].cells


def test_default_registry_does_not_know_the_row(registry: govdisclosure.TemplateRegistry) -> None:
    report = govdisclosure.parse(report_2027(registry["2027"]))
    table = report.tables.applications
    assert table is not None
    assert "withdrawn" not in table.rows
    # Without the 2027 row the outcome rows no longer add up: reported, never "fixed".
    outcome = [c for c in report.checks if c.name == "applications.outcome_total.natural_person"]
    assert outcome and outcome[0].status == "fail"


def test_broken_template_names_file_and_key(tmp_path: Path) -> None:
    path = write_2027(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace('role = "outcome_total"', 'role = "grand_total"'),
        encoding="utf-8",
    )
    with pytest.raises(govdisclosure.TemplateError) as info:
        govdisclosure.default_templates().with_file(path)
    assert "2027.toml" in str(info.value) and "role" in str(info.value)


def test_duplicate_row_id_is_rejected(tmp_path: Path) -> None:
    path = write_2027(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace('id = "withdrawn"', 'id = "granted"'), encoding="utf-8"
    )
    with pytest.raises(govdisclosure.TemplateError, match="duplicate row id 'granted'"):
        govdisclosure.default_templates().with_file(path)
