"""The project's own tool corpus: synthetic reports, their truth, and what 33 tool routes made of them.

Loader only (no tool needed): `reports()`, `truth(id)`, `routes()`, `text(id, route)`, `cases()`,
and `keeps_blanks(route, truth)`: whether a route's text keeps the blank cells' places for a report.
The fixtures are rebuilt by `regenerate.py`; see README.md in this folder.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DOCUMENTS = Path(__file__).resolve().parent / "documents"

__all__ = [
    "DOCUMENTS",
    "FIXTURES",
    "Case",
    "Route",
    "cases",
    "html",
    "keeps_blanks",
    "manifest",
    "reports",
    "routes",
    "text",
    "truth",
    "use_fixtures",
]


def use_fixtures(folder: Path) -> None:
    """Read another corpus from now on: `folder` as regenerate.py --out DIR/fixtures wrote it (say, a
    held-out one made with another --seed)."""
    global FIXTURES
    if not (folder / "MANIFEST.json").is_file():
        raise FileNotFoundError(f"{folder} holds no MANIFEST.json: not a corpus's fixtures folder")
    FIXTURES = folder
    manifest.cache_clear()
    truth.cache_clear()


@dataclass(frozen=True)
class Route:
    """One flattening route: `html.w3m`, `pdf-lo.pdftotext-layout`, …"""

    name: str
    source: str
    tool: str
    keeps_blanks: bool
    command: str = ""


@dataclass(frozen=True)
class Case:
    """One (report, route) pair: the text the tool printed and the report's truth."""

    report_id: str
    route: Route
    text: str
    truth: dict[str, Any]

    @property
    def traits(self) -> dict[str, Any]:
        """What the report was made to exercise (truth["traits"])."""
        traits: dict[str, Any] = self.truth["traits"]
        return traits


@cache
def manifest() -> dict[str, Any]:
    """fixtures/MANIFEST.json: tool versions, seed, date, routes, reports."""
    data: dict[str, Any] = json.loads((FIXTURES / "MANIFEST.json").read_text(encoding="utf-8"))
    return data


def reports() -> list[str]:
    """Report ids (`r001` …), sorted."""
    return sorted(path.parent.name for path in FIXTURES.glob("*/truth.json"))


@cache
def truth(report_id: str) -> dict[str, Any]:
    """The report's truth in SCHEMA.md form, plus `traits`."""
    data: dict[str, Any] = json.loads((FIXTURES / report_id / "truth.json").read_text(encoding="utf-8"))
    return data


def routes() -> list[Route]:
    """The 33 routes, in MANIFEST order."""
    return [
        Route(entry["name"], entry["source"], entry["tool"], entry["keeps_blanks"], entry["command"])
        for entry in manifest()["routes"]
    ]


def keeps_blanks(route: Route, truth: dict[str, Any]) -> bool:
    """Whether the route's text keeps each blank cell's place for this report.

    The route's own habit (`Route.keeps_blanks`), and one case more: lynx prints a cell holding a
    paragraph (`<td><p>…</p></td>`, a page pasted from Word) as a paragraph, so a blank cell printing
    a no-break space (`<p>&nbsp;</p>`) is an empty line in its place; an empty `<p></p>` prints
    nothing, and neither does a cell without a paragraph.
    """
    if route.keeps_blanks:
        return True
    traits = truth["traits"]
    nbsp = traits["blank_style"] == "nbsp" or traits.get("blank_char") == "\xa0"
    return route.tool == "lynx" and bool(traits["layout"]["p_in_cells"]) and nbsp


def _route_name(route: Route | str) -> str:
    """A route's name from a Route or its name."""
    return route if isinstance(route, str) else route.name


def text(report_id: str, route: Route | str) -> str:
    """The tool's output exactly as printed (UTF-8; a BOM or CR is kept)."""
    return (FIXTURES / report_id / f"{_route_name(route)}.txt").read_bytes().decode("utf-8")


def html(report_id: str) -> str:
    """The report.html the documents were made from."""
    return (FIXTURES / report_id / "report.html").read_text(encoding="utf-8")


def cases() -> Iterator[Case]:
    """Every (report, route) pair."""
    all_routes = routes()
    for report_id in reports():
        for route in all_routes:
            yield Case(report_id, route, text(report_id, route), truth(report_id))
