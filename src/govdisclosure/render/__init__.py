"""The way back: a Report -> text in each flattened layout real reports arrive in (FORMAT.md §2.2).

>>> from govdisclosure import Report, render
>>> render(Report(title="高新区2020年政府信息公开工作年度报告"), layout="markdown")
'# 高新区2020年政府信息公开工作年度报告\\n'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal

from ..model import Report
from ..templates import TemplateRegistry

if TYPE_CHECKING:
    from .outline import Block

__all__ = ["LAYOUTS", "Layout", "render"]

Layout = Literal["tabs", "cells", "markdown", "pdf", "html"]

#: The layout names `render` accepts.
LAYOUTS: tuple[str, ...] = ("tabs", "cells", "markdown", "pdf", "html")
# A set, as the writers' dict was: an unhashable layout raises TypeError, as before.
_KNOWN = frozenset(LAYOUTS)


def _writer(layout: str) -> Callable[[Iterable[Block]], str]:
    # `import govdisclosure` imports this package for `render`: the writers and the outline walk
    # load on the first render, so a program that only parses never pays for them.
    if layout == "tabs":
        from .tabs import render_tabs

        return render_tabs
    if layout == "cells":
        from .cells import render_cells

        return render_cells
    if layout == "markdown":
        from .markdown import render_markdown

        return render_markdown
    if layout == "pdf":
        from .pdf import render_pdf

        return render_pdf
    from .html import render_html

    return render_html


def render(
    report: Report, layout: Layout | str = "tabs", *, templates: TemplateRegistry | None = None
) -> str:
    """Write a Report as text in one layout: tabs, cells, markdown, pdf or html."""
    if not isinstance(report, Report):
        raise TypeError(f"render() takes a Report, not {type(report).__name__}")
    if layout not in _KNOWN:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    from .outline import blocks

    text = _writer(layout)(blocks(report, templates))
    return text.rstrip("\n") + "\n"
