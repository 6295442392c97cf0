"""The way back: a Report -> text in each flattened layout real reports arrive in (FORMAT.md §2.2).

>>> from govdisclosure import Report, render
>>> render(Report(title="高新区2020年政府信息公开工作年度报告"), layout="markdown")
'# 高新区2020年政府信息公开工作年度报告\\n'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from ..model import Report
from ..templates import TemplateRegistry
from .cells import render_cells
from .html import render_html
from .markdown import render_markdown
from .outline import Block, blocks
from .pdf import render_pdf
from .tabs import render_tabs

__all__ = ["LAYOUTS", "Layout", "render"]

Layout = Literal["tabs", "cells", "markdown", "pdf", "html"]

_WRITERS: dict[str, Callable[[Iterable[Block]], str]] = {
    "tabs": render_tabs,
    "cells": render_cells,
    "markdown": render_markdown,
    "pdf": render_pdf,
    "html": render_html,
}
#: The layout names `render` accepts.
LAYOUTS: tuple[str, ...] = tuple(_WRITERS)


def render(
    report: Report, layout: Layout | str = "tabs", *, templates: TemplateRegistry | None = None
) -> str:
    """Write a Report as text in one layout: tabs, cells, markdown, pdf or html."""
    if not isinstance(report, Report):
        raise TypeError(f"render() takes a Report, not {type(report).__name__}")
    try:
        writer = _WRITERS[layout]
    except KeyError:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}") from None
    text = writer(blocks(report, templates))
    return text.rstrip("\n") + "\n"
