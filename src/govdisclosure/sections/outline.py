"""Step 4 for the outline: tokens -> grammars/report.lark (plain lists, no tree) -> Sections (SCHEMA.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import attrs
from lark import Token, Transformer
from lark.exceptions import UnexpectedInput

from ..diagnostics import LINE_SKIPPED, SECTION_MISSING
from ..grammar import token_parser
from ..model import Diagnostic, Section
from .config import SectionsConfig
from .heading import section_kind
from .labels import compact
from .levels import assign_depths
from .tokens import LineToken

__all__ = ["build_sections"]

_DEPTH_TOKENS = ("H1", "H2", "H3", "H4")


def lark_tokens(tokens: Sequence[LineToken]) -> list[Token]:
    """Lark tokens for the classifier's stream; a heading's `start_pos` indexes back into `tokens`.

    A run of TEXT and TABLE lines between two headings becomes one token: the grammar treats every
    `_item` alike and a section's own items are one run, so the parse is the same with a sixth of
    the tokens. The run's TEXT values are joined as a section joins them (TABLE lines add no text).
    """
    headings = [t.heading for t in tokens if t.kind == "HEADING" and t.heading is not None]
    depths = iter(assign_depths([h.marker for h in headings]))
    out: list[Token] = []
    run: list[LineToken] = []

    def close_run() -> None:
        texts = [t.text for t in run if t.kind == "TEXT"]
        kind = "TEXT" if texts else "TABLE"
        out.append(Token(kind, "\n".join(texts), start_pos=-1, line=run[0].line, column=1))
        run.clear()

    for index, token in enumerate(tokens):
        if token.kind != "HEADING":
            run.append(token)
            continue
        if run:
            close_run()
        kind = _DEPTH_TOKENS[next(depths) - 1]
        out.append(Token(kind, token.text, start_pos=index, line=token.line, column=1))
    if run:
        close_run()
    return out


class _Lists(Transformer[Token, Any]):
    """Embedded in the parser: a section stays the plain list of its children (heading first)."""

    def section(self, children: list[Any]) -> list[Any]:
        return children

    def start(self, children: list[Any]) -> list[Any]:
        return children


_LISTS = _Lists()


def _to_sections(children: list[Any], tokens: Sequence[LineToken]) -> tuple[Section, ...]:
    """The Sections among a parsed section's (or the start's) children."""
    return tuple(_to_section(c, tokens) for c in children if isinstance(c, list))


def _to_section(children: list[Any], tokens: Sequence[LineToken]) -> Section:
    head = tokens[children[0].start_pos]
    assert head.heading is not None
    texts = [c for c in children[1:] if isinstance(c, Token) and c.type == "TEXT"]
    text = "\n".join(t.value for t in texts)
    subs = _to_sections(children, tokens)
    return Section(head.heading.marker, head.heading.title, text, subs, line=head.line)


def _merge_duplicates(sections: Sequence[Section], diagnostics: list[Diagnostic]) -> tuple[Section, ...]:
    """A heading printed twice in a row (seed 000's 四、) is one section; the copy is skipped."""
    out: list[Section] = []
    for section in sections:
        section = attrs.evolve(section, children=_merge_duplicates(section.children, diagnostics))
        last = out[-1] if out else None
        if (
            last is not None
            and last.marker == section.marker
            and compact(last.title) == compact(section.title)
            and not last.text
            and not last.children
        ):
            message = "heading printed twice; the copy is skipped"
            diagnostics.append(Diagnostic(LINE_SKIPPED, message, section.line))
            out[-1] = attrs.evolve(section, line=last.line)
            continue
        out.append(section)
    return tuple(out)


def _with_kinds(sections: Sequence[Section], config: SectionsConfig) -> tuple[Section, ...]:
    """Section.kind of the top level: by title, then by number for plain markers (一、 or 1、)."""
    kinds = [section_kind(s.title, config) for s in sections]
    taken = {k for k in kinds if k is not None}
    order = config.kinds
    for i, section in enumerate(sections):
        marker = section.marker
        if kinds[i] is not None or marker is None or marker.style not in ("cjk", "arabic"):
            continue
        if 1 <= marker.ordinal <= len(order) and order[marker.ordinal - 1] not in taken:
            kinds[i] = order[marker.ordinal - 1]
            taken.add(order[marker.ordinal - 1])
    return tuple(attrs.evolve(s, kind=k) for s, k in zip(sections, kinds, strict=True))


def _missing(sections: Sequence[Section], config: SectionsConfig) -> list[Diagnostic]:
    present = {s.kind for s in sections}
    return [
        Diagnostic(SECTION_MISSING, f"section {c.kind} ({c.title}) not found", None)
        for c in config.sections
        if c.kind not in present
    ]


def build_sections(
    tokens: Sequence[LineToken], config: SectionsConfig
) -> tuple[tuple[Section, ...], list[Diagnostic]]:
    """The Section tree of a token stream, with diagnostics for skipped lines and missing sections."""
    diagnostics: list[Diagnostic] = []

    def skip(error: UnexpectedInput) -> bool:
        # The classifier never skips a level, so this only guards against a bug: skip and say so.
        diagnostics.append(Diagnostic(LINE_SKIPPED, f"outline grammar skipped a line ({error})", error.line))
        return True

    stream = lark_tokens(tokens)
    # With an embedded transformer Lark returns what _Lists.start returns, not the Tree it declares.
    parsed = cast("list[Any]", token_parser("report.lark", _LISTS).parse(stream, on_error=skip))
    sections = _to_sections(parsed, tokens)
    sections = _with_kinds(_merge_duplicates(sections, diagnostics), config)
    return sections, diagnostics + _missing(sections, config)
