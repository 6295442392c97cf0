"""Report templates as data: loads and validates grammars/templates/*.toml into a frozen registry.

The values a template holds are in template_spec.py; this module reads and checks the files.

Longer than 300 lines on purpose: each check of a template file (keys, identifiers, labels, blocks,
flags) names the file and key it rejects, and they share the reading helpers; the values themselves
are in template_spec.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from os import PathLike
from pathlib import Path
from typing import Any

import attrs
import regex

from .diskcache import parsed_toml
from .errors import TemplateError
from .resources import bundled_template_files
from .template_spec import (
    ROLES,
    ActiveDisclosureSpec,
    ApplicationRow,
    ApplicationsSpec,
    Block,
    Column,
    Label,
    ReviewLitigationSpec,
    RowRole,
    Template,
)

# The template's values are re-exported: every step imports them from here.
__all__ = [
    "ROLES",
    "ActiveDisclosureSpec",
    "ApplicationRow",
    "ApplicationsSpec",
    "Block",
    "Column",
    "Label",
    "ReviewLitigationSpec",
    "RowRole",
    "Template",
    "TemplateRegistry",
    "default_templates",
    "load_template",
    "registry_from",
    "template_from_data",
]


@attrs.frozen(eq=False)
class TemplateRegistry:
    """An immutable set of templates by name; `with_file` gives a new registry with one more."""

    templates: Mapping[str, Template] = attrs.field(factory=dict)

    def __getitem__(self, name: str) -> Template:
        return self.templates[name]

    def __contains__(self, name: object) -> bool:
        return name in self.templates

    def __iter__(self) -> Iterator[Template]:
        return iter(self.templates.values())

    def names(self) -> tuple[str, ...]:
        """Template names, oldest first."""
        return tuple(self.templates)

    def with_template(self, template: Template) -> TemplateRegistry:
        """A new registry holding this template too (replacing one of the same name)."""
        return TemplateRegistry({**self.templates, template.name: template})

    def with_file(self, path: str | Path) -> TemplateRegistry:
        """A new registry with the template file at `path` loaded and validated."""
        return self.with_template(load_template(Path(path)))

    def latest(self) -> Template:
        """The template with the greatest name (the newest year)."""
        return self.templates[max(self.templates)]


def _require(data: Mapping[str, Any], key: str, where: str, kind: type) -> Any:
    if key not in data:
        raise TemplateError(f"{where}: missing key {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise TemplateError(f"{where}.{key}: expected {kind.__name__}, got {type(value).__name__}")
    return value


# The keys each kind of entry may hold: anything else is a typo ("lable", "varients") that would
# otherwise be ignored without a word.
LABEL_KEYS = frozenset({"label", "variants"})
COLUMN_KEYS = LABEL_KEYS | {"signed", "money", "unit"}
ROW_KEYS = LABEL_KEYS | {"id", "role", "group", "standard"}
BLOCK_KEYS = frozenset({"caption", "columns", "rows"})
TEMPLATE_KEYS = frozenset(
    {"name", "description", "signals", "active_disclosure", "applications", "review_litigation"}
)
ACTIVE_KEYS = frozenset({"title", "header", "blocks", "rows", "columns"})
APPLICATIONS_KEYS = frozenset(
    {"title", "signals", "header_labels", "column_group", "outcome_group", "groups", "columns", "rows"}
)
REVIEW_KEYS = frozenset({"title", "signals", "groups", "columns"})
# SCHEMA.md identifiers: lower-case ASCII words joined by underscores.
IDENTIFIER = regex.compile(r"[a-z][a-z0-9_]*+")


def _known_keys(data: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        expected = ", ".join(sorted(allowed))
        raise TemplateError(f"{where}: unknown key {unknown[0]!r} (expected one of {expected})")


def _identifier(value: Any, where: str) -> str:
    if not isinstance(value, str) or IDENTIFIER.fullmatch(value) is None:
        raise TemplateError(f"{where}: {value!r} is not an identifier (lower-case ASCII letters, digits, _)")
    return value


def _flag(data: Mapping[str, Any], key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise TemplateError(f"{where}.{key}: expected true or false, got {value!r}")
    return value


def _no_shared_spellings(labels: Mapping[str, Label], where: str) -> None:
    """Two entries of one table spelled alike could never be told apart in a report."""
    owner: dict[str, str] = {}
    for key, label in labels.items():
        for spelling in label.spellings:
            if spelling in owner and owner[spelling] != key:
                raise TemplateError(f"{where}: {key!r} and {owner[spelling]!r} share the label {spelling!r}")
            owner[spelling] = key


def _label(data: Any, where: str, keys: frozenset[str] = LABEL_KEYS) -> Label:
    if not isinstance(data, Mapping):
        raise TemplateError(f"{where}: expected a table with a label")
    _known_keys(data, keys, where)
    label = _require(data, "label", where, str)
    if not label.strip():
        raise TemplateError(f"{where}.label: empty label")
    variants = data.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
        raise TemplateError(f"{where}.variants: expected a list of strings")
    return Label(label, tuple(variants))


def _columns(data: Any, where: str) -> dict[str, Column]:
    if not isinstance(data, Mapping) or not data:
        raise TemplateError(f"{where}: expected a non-empty table of columns")
    columns = {}
    for cid, spec in data.items():
        here = f"{where}.{cid}"
        label = _label(spec, here, COLUMN_KEYS)
        unit = spec.get("unit")
        if unit is not None and not isinstance(unit, str):
            raise TemplateError(f"{here}.unit: expected a string, got {unit!r}")
        columns[cid] = Column(
            _identifier(cid, here), label, _flag(spec, "signed", here), _flag(spec, "money", here), unit
        )
    _no_shared_spellings({k: c.label for k, c in columns.items()}, where)
    return columns


def _labels(data: Any, where: str) -> dict[str, Label]:
    if not isinstance(data, Mapping) or not data:
        raise TemplateError(f"{where}: expected a non-empty table of labels")
    labels = {
        _identifier(key, f"{where}.{key}"): _label(spec, f"{where}.{key}") for key, spec in data.items()
    }
    _no_shared_spellings(labels, where)
    return labels


def _strings(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TemplateError(f"{where}.{key}: expected a list of strings")
    return tuple(value)


def _active(data: Mapping[str, Any]) -> ActiveDisclosureSpec:
    where = "active_disclosure"
    rows = _labels(data.get("rows"), f"{where}.rows")
    columns = _columns(data.get("columns"), f"{where}.columns")
    blocks = []
    seen_rows: set[str] = set()
    _known_keys(data, ACTIVE_KEYS, where)
    for i, spec in enumerate(_require(data, "blocks", where, list)):
        here = f"{where}.blocks[{i}]"
        if not isinstance(spec, Mapping):
            raise TemplateError(f"{here}: expected a table with caption, columns and rows")
        _known_keys(spec, BLOCK_KEYS, here)
        block = Block(
            _require(spec, "caption", here, str),
            _strings(spec, "columns", here),
            _strings(spec, "rows", here),
        )
        if not block.columns or not block.rows:
            raise TemplateError(f"{here}: a block needs at least one column and one row")
        for cid in block.columns:
            if cid not in columns:
                raise TemplateError(f"{here}.columns: unknown column {cid!r}")
        if len(set(block.columns)) != len(block.columns):
            twice = next(c for c in block.columns if block.columns.count(c) > 1)
            raise TemplateError(f"{here}.columns: duplicate column {twice!r}")
        for rid in block.rows:
            if rid not in rows:
                raise TemplateError(f"{here}.rows: unknown row {rid!r}")
            if rid in seen_rows:
                raise TemplateError(f"{here}.rows: duplicate row {rid!r}")
            seen_rows.add(rid)
        blocks.append(block)
    unplaced = [rid for rid in rows if rid not in seen_rows]
    if unplaced:
        raise TemplateError(f"{where}.rows: row {unplaced[0]!r} is in no block")
    return ActiveDisclosureSpec(
        _require(data, "title", where, str),
        _require(data, "header", where, str),
        tuple(blocks),
        rows,
        columns,
    )


def _applications(data: Mapping[str, Any]) -> ApplicationsSpec:
    where = "applications"
    groups = _labels(data.get("groups"), f"{where}.groups")
    rows: list[ApplicationRow] = []
    seen: set[str] = set()
    _known_keys(data, APPLICATIONS_KEYS, where)
    for i, spec in enumerate(_require(data, "rows", where, list)):
        here = f"{where}.rows[{i}]"
        if not isinstance(spec, Mapping):
            raise TemplateError(f"{here}: expected a table with id, label and role")
        rid = _identifier(_require(spec, "id", here, str), f"{here}.id")
        if rid in seen:
            raise TemplateError(f"{here}: duplicate row id {rid!r}")
        seen.add(rid)
        role = _require(spec, "role", here, str)
        if role not in ROLES:
            raise TemplateError(f"{here}.role: {role!r} is not one of {', '.join(ROLES)}")
        group = spec.get("group")
        if group is not None and group not in groups:
            raise TemplateError(f"{here}.group: unknown group {group!r}")
        standard = spec.get("standard", True)
        if not isinstance(standard, bool):
            raise TemplateError(f"{here}.standard: expected true or false, got {standard!r}")
        rows.append(ApplicationRow(rid, _label(spec, here, ROW_KEYS), role, group, standard))
    _no_shared_spellings({r.id: r.label for r in rows}, f"{where}.rows")
    columns = _columns(data.get("columns"), f"{where}.columns")
    if "total" not in columns:
        raise TemplateError(f"{where}.columns: a 'total' column is required")
    for role in ("input", "outcome", "outcome_total", "output"):
        if not any(r.role == role for r in rows):
            raise TemplateError(f"{where}.rows: no row has role {role!r}")
    return ApplicationsSpec(
        _require(data, "title", where, str),
        _strings(data, "signals", where),
        _strings(data, "header_labels", where),
        _label(data.get("column_group"), f"{where}.column_group"),
        _label(data.get("outcome_group"), f"{where}.outcome_group"),
        groups,
        columns,
        tuple(rows),
    )


def _review(data: Mapping[str, Any]) -> ReviewLitigationSpec:
    where = "review_litigation"
    _known_keys(data, REVIEW_KEYS, where)
    columns = _columns(data.get("columns"), f"{where}.columns")
    if "total" not in columns:
        raise TemplateError(f"{where}.columns: a 'total' column is required")
    return ReviewLitigationSpec(
        _require(data, "title", where, str),
        _strings(data, "signals", where),
        _labels(data.get("groups"), f"{where}.groups"),
        columns,
    )


def template_from_data(data: Mapping[str, Any], source: str = "<data>") -> Template:
    """Validate a template's parsed TOML and build it; TemplateError names the key at fault."""
    try:
        if not isinstance(data, Mapping):
            raise TemplateError("template: expected a table")
        _known_keys(data, TEMPLATE_KEYS, "template")
        name = _require(data, "name", "template", str)
        return Template(
            name,
            str(data.get("description", "")),
            _strings(data, "signals", "template"),
            _active(_require(data, "active_disclosure", "template", Mapping)),
            _applications(_require(data, "applications", "template", Mapping)),
            _review(_require(data, "review_litigation", "template", Mapping)),
            source,
        )
    except TemplateError as exc:
        raise TemplateError(f"{source}: {exc.message}", hint="see docs/templates.md") from exc
    except (AttributeError, TypeError) as exc:
        raise TemplateError(f"{source}: malformed template ({exc})") from exc


#: A template file is a few kilobytes; a larger one is not a template (and is not read whole).
MAX_TEMPLATE_BYTES = 1_000_000


def load_template(path: str | PathLike[str]) -> Template:
    """Read and validate one template file; TemplateError names the file, the key and the problem."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read template ({exc.strerror or exc})") from exc
    except ValueError as exc:  # a NUL in the path
        raise TemplateError(f"{str(path)!r}: not a usable path ({exc})") from exc
    if len(raw) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"{path}: larger than {MAX_TEMPLATE_BYTES:,} bytes, not a template file")
    # Imported here: the bundled templates come from diskcache.parsed_toml, so a parse that only
    # uses them never loads the TOML parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: not valid TOML ({exc})") from exc
    except RecursionError as exc:
        # tomllib reads nested arrays and inline tables recursively; no template nests deeply.
        raise TemplateError(f"{path}: arrays or tables nested too deeply to be a template") from exc
    return template_from_data(data, str(path))


def registry_from(templates: Iterable[Template]) -> TemplateRegistry:
    """A registry of the given templates, sorted by name."""
    ordered = sorted(templates, key=lambda t: t.name)
    return TemplateRegistry({t.name: t for t in ordered})


@cache
def default_templates() -> TemplateRegistry:
    """The bundled templates (2019, 2021), loaded once."""
    # The TOML as parsed by an earlier process when the text is unchanged (diskcache.py); the
    # templates are built and validated from it every time.
    return registry_from(
        template_from_data(parsed_toml(name, text), name) for name, text in bundled_template_files()
    )
