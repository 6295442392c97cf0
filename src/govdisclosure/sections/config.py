"""The outline's words as data: loads grammars/sections.toml (canonical sections, metadata words)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from ..diskcache import parsed_toml
from ..errors import TemplateError
from ..resources import grammar_text

__all__ = ["CanonicalSection", "SectionsConfig", "sections_config"]


# A NamedTuple, not an attrs class: internal, and an attrs class costs ~2.6 million instructions to define
# at import (docs/performance.md); a NamedTuple a fifth of that, immutable and compared by value too.
class CanonicalSection(NamedTuple):
    """One of the six top-level sections (FORMAT.md §1.2): its kind, official title and aliases."""

    kind: str
    title: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The official title first, then the aliases."""
        return (self.title, *self.aliases)


class SectionsConfig:
    """Everything grammars/sections.toml says, frozen."""

    # A plain class, not attrs: built once per process, and an attrs class costs ~2.6 million
    # instructions to define at import.
    __slots__ = (
        "compact_kinds",
        "compact_spellings",
        "digit_in_spelling",
        "extra_table_labels",
        "longest_spelling",
        "max_inline_title",
        "metadata",
        "sections",
        "title_endings",
    )

    def __init__(
        self,
        sections: tuple[CanonicalSection, ...],
        title_endings: tuple[str, ...],
        max_inline_title: int,
        metadata: Mapping[str, Any],
        extra_table_labels: tuple[str, ...] = (),
    ) -> None:
        """The sections, title endings, longest inline title, metadata words and extra table labels."""
        from .labels import compact  # labels imports the templates; config stays light to import

        self.sections = sections
        self.title_endings = title_endings
        self.max_inline_title = max_inline_title
        self.metadata = metadata
        self.extra_table_labels = extra_table_labels
        # Derived once: (kind, compact spelling) in order, and each compact spelling's kind (the
        # first section spelling it wins), so heading lookups never re-fold the configured words.
        spellings = tuple((s.kind, compact(w)) for s in sections for w in s.spellings)
        kinds: dict[str, str] = {}
        for kind, spelling in spellings:
            kinds.setdefault(spelling, kind)
        self.compact_spellings: tuple[tuple[str, str], ...] = spellings
        self.compact_kinds: Mapping[str, str] = kinds
        # The longest compact spelling: a title longer than this (in Han characters) names no section.
        self.longest_spelling = max(map(len, kinds), default=0)
        # Whether a compact spelling holds a digit: when none does, a title with a digit names no section.
        self.digit_in_spelling = any(c.isdigit() for k in kinds for c in k)

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
