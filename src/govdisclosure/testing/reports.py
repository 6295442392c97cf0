"""Strategies for whole reports: outline with the marker and title variants reports print, labels
respelled as real reports spell them (FORMAT.md §2.1, §2.3), tables from `testing.tables`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from .. import model
from ..model import CellKind, Marker, MarkerStyle, Report, Section
from ..numbering import render_marker
from ..sections.config import sections_config
from ..template_spec import Label
from ..templates import TemplateRegistry, default_templates, registry_from
from .tables import HELD_KINDS, tables

__all__ = ["reports", "sections", "spelled_templates"]

# Prose as reports write it: no numbering at a line start, nothing that reads as a table label.
PROSE = (
    "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。",
    "全年通过政府网站主动公开政府信息，及时回应社会关切。",
    "进一步健全工作机制，加强业务培训，提升工作人员的业务能力。",
    "依法依规做好申请办理工作，严格按照法定时限答复。",
    "下一步，将继续加强平台建设，不断提高公开质量。",
    "全年共收到申请1,234件，同比增加12.5%。",
    "无。",
)
SUBTITLES = ("主动公开情况", "依申请公开情况", "政府信息管理情况", "平台建设情况", "监督保障情况")
# Sub-section numbering under a top-level section, as real reports print it (FORMAT.md §2.1).
SUB_STYLES: tuple[MarkerStyle, ...] = ("cjk_paren", "arabic", "arabic_paren")
# Top-level markers: 一、 一． 一， 一. (render_marker's variants of the cjk style).
TOP_VARIANTS = 4


def _paragraphs() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(PROSE), min_size=1, max_size=3).map("".join)


@st.composite
def sections(draw: st.DrawFn, kind: str | None = None, children: bool = True) -> Section:
    """A top-level section (一、总体情况 …): a title spelling real reports use, prose, sub-sections.

    Markers vary as reports print them (一、 一． (一) （一） 1、 1. (1)), titles are drawn from the
    official one and its aliases in sections.toml.
    """
    config = sections_config()
    kind = kind if kind is not None else draw(st.sampled_from(config.kinds))
    ordinal = config.kinds.index(kind) + 1
    canonical = config.sections[ordinal - 1]
    subs: list[Section] = []
    if children and kind == "overview":
        count = draw(st.integers(0, len(SUBTITLES)))
        style = draw(st.sampled_from(SUB_STYLES))
        variant = draw(st.integers(0, 3))
        for i, title in enumerate(SUBTITLES[:count], 1):
            marker = Marker(render_marker(style, i, variant), style, i)
            subs.append(Section(marker, title, draw(_paragraphs())))
    marker = Marker(render_marker("cjk", ordinal, draw(st.integers(0, TOP_VARIANTS - 1))), "cjk", ordinal)
    text = "" if kind in model.TABLE_NAMES and draw(st.booleans()) else draw(_paragraphs())
    title = draw(st.sampled_from(canonical.spellings))
    return Section(marker, title, text, tuple(subs), kind)


ORGANS = (
    "高新区",
    "青溪县市场监督管理局",
    "某市人民政府办公室",
    "江苏省淮安市洪泽区人民政府",
    "平潭综合实验区",
)


def _respelled(value: Any, draw: st.DrawFn) -> Any:
    """`value` with every Label printed as one of its spellings (the others kept as its variants)."""
    if isinstance(value, Label):
        chosen = draw(st.sampled_from(value.spellings))
        return Label(chosen, tuple(s for s in value.spellings if s != chosen))
    if isinstance(value, Mapping):
        return {k: _respelled(v, draw) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_respelled(v, draw) for v in value)
    if attrs.has(type(value)):
        fields = [f.name for f in attrs.fields(type(value)) if f.init]
        return attrs.evolve(value, **{name: _respelled(getattr(value, name), draw) for name in fields})
    return value


@st.composite
def spelled_templates(draw: st.DrawFn, registry: TemplateRegistry | None = None) -> TemplateRegistry:
    """The templates with each label printed as the official text or a variant real reports use.

    Pass it to `render(report, layout, templates=...)` to print the label variants of FORMAT.md §2.3
    (行政规范性文件 / 规范性文件, 法人或其它组织 …); parse the text with the default templates.
    """
    registry = registry if registry is not None else default_templates()
    return registry_from(_respelled(template, draw) for template in registry)


@st.composite
def reports(
    draw: st.DrawFn,
    kinds: Sequence[CellKind] = HELD_KINDS,
    identities: bool | None = None,
    registry: TemplateRegistry | None = None,
) -> Report:
    """A Report as a parser gives it: title (or none), outline of the six sections, tables of one template."""
    registry = registry if registry is not None else default_templates()
    template = draw(st.sampled_from(list(registry)))
    found = draw(tables(template, kinds, identities=identities, registry=registry))
    organ = draw(st.sampled_from(ORGANS))
    year = draw(st.integers(2019, 2020) if template.name == "2019" else st.integers(2021, 2025))
    kept = [k for k in sections_config().kinds if draw(st.integers(0, 5))]
    outline = tuple(draw(sections(k)) for k in kept)
    name = found.active_disclosure or found.applications or found.review_litigation
    # One report in five has no title: its organ and year stand in a preamble sentence (seed 000).
    titled = draw(st.integers(0, 4)) > 0
    return Report(
        title=f"{organ}{year}年{sections_config().word('report_words')}" if titled else None,
        organ=organ,
        year=year,
        template=None if name is None else name.template,
        sections=outline,
        tables=found,
    )
