"""Hypothesis strategies for Reports built from the templates; needs the [test] extra (hypothesis).

Use them to test code built on govdisclosure, or a new template year::

    from hypothesis import given
    from govdisclosure import parse, render
    from govdisclosure.testing import reports, spelled_templates

    @given(reports())
    def test_my_export(report): ...

Every strategy draws what a parsed report would hold: cells as reports print them (FORMAT.md §2.5),
complete tables in a template's printed rows, the template a parser would name, headings with the
marker and title variants reports print; `spelled_templates()` prints labels as real reports spell
them. Importing this module also registers the hypothesis profile "thorough" (10,000 examples, no
deadline).
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

from .reports import reports, sections, spelled_templates
from .tables import BLANK_TEXTS, NONE_TEXTS, TEXT_WORDS, cells, number_cells, tables

__all__ = [
    "BLANK_TEXTS",
    "NONE_TEXTS",
    "TEXT_WORDS",
    "cells",
    "number_cells",
    "register_profiles",
    "reports",
    "sections",
    "spelled_templates",
    "tables",
]

THOROUGH = "thorough"


def register_profiles() -> None:
    """Register the "thorough" profile (10,000 examples); registering twice is harmless."""
    settings.register_profile(
        THOROUGH,
        max_examples=10_000,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


register_profiles()
