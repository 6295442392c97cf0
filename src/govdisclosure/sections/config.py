"""The outline's words as data: loads grammars/sections.toml (canonical sections, metadata words)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import attrs

from ..diskcache import parsed_toml
from ..errors import TemplateError
from ..resources import grammar_text

__all__ = ["CanonicalSection", "SectionsConfig", "sections_config"]


@attrs.frozen
class CanonicalSection:
    """One of the six top-level sections (FORMAT.md §1.2): its kind, official title and aliases."""

    kind: str
    title: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The official title first, then the aliases."""
        return (self.title, *self.aliases)


@attrs.frozen
class SectionsConfig:
    """Everything grammars/sections.toml says, frozen."""

    sections: tuple[CanonicalSection, ...]
    title_endings: tuple[str, ...]
    max_inline_title: int
    metadata: Mapping[str, Any]
    extra_table_labels: tuple[str, ...] = ()
    # Derived once: (kind, compact spelling) in order, and each compact spelling's kind (the first
    # section spelling it wins), so heading lookups never re-fold the configured words.
    compact_spellings: tuple[tuple[str, str], ...] = attrs.field(init=False, repr=False, eq=False)
    compact_kinds: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)
    # The longest compact spelling: a title longer than this (in Han characters) names no section.
    longest_spelling: int = attrs.field(init=False, repr=False, eq=False)
    # Whether a compact spelling holds a digit: when none does, a title with a digit names no section.
    digit_in_spelling: bool = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        from .labels import compact  # labels imports the templates; config stays light to import

        spellings = tuple((s.kind, compact(w)) for s in self.sections for w in s.spellings)
        kinds: dict[str, str] = {}
        for kind, spelling in spellings:
            kinds.setdefault(spelling, kind)
        object.__setattr__(self, "compact_spellings", spellings)
        object.__setattr__(self, "compact_kinds", kinds)
        object.__setattr__(self, "longest_spelling", max(map(len, kinds), default=0))
        object.__setattr__(self, "digit_in_spelling", any(c.isdigit() for k in kinds for c in k))

    @property
    def kinds(self) -> tuple[str, ...]:
        """The six kinds in printed order."""
        return tuple(s.kind for s in self.sections)

    def words(self, key: str) -> tuple[str, ...]:
        """A list of metadata words by key."""
        return tuple(self.metadata[key])

    def word(self, key: str) -> str:
        """One metadata word by key."""
        return str(self.metadata[key])


def _strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TemplateError(f"sections.toml: {key!r} must be a list of strings")
    return tuple(value)


def config_from_data(data: Mapping[str, Any]) -> SectionsConfig:
    """Validate parsed sections.toml data."""
    try:
        sections = tuple(
            CanonicalSection(str(s["kind"]), str(s["title"]), _strings(s, "aliases"))
            for s in data["sections"]
        )
        titles = data["titles"]
        metadata = dict(data["metadata"])
    except (KeyError, TypeError) as exc:
        raise TemplateError(f"sections.toml: missing or malformed key ({exc})") from exc
    extra = _strings(data.get("tables", {}), "extra_labels")
    return SectionsConfig(sections, _strings(titles, "endings"), int(titles["max_inline"]), metadata, extra)


@cache
def sections_config() -> SectionsConfig:
    """The bundled grammars/sections.toml, loaded once."""
    # As parsed by an earlier process when the text is unchanged (diskcache.py); validated here.
    return config_from_data(parsed_toml("sections.toml", grammar_text("sections.toml")))
