"""One PDF page read with PDFium (pypdfium2): its glyphs and its visible shapes, in page coordinates.

PDFium parses the page's content in C; this module copies out what the lattice and text steps
need, in points from the page's top left as pdfplumber counted them (x as in the file, `top` down
from the MediaBox's height; a rotated page turned as pdfminer turns it):

- glyphs from PDFium's text page, in its order (drawing order, the text objects of one line by
  their x), spaces left out (they part nothing the positions do not). PDFium already reads a text
  object printed again over itself once (the commonest fake bold). A glyph's box is pdfminer's:
  from its origin one advance wide (the file's widths), from the font's descent one font size
  high (its `size`); a vertical font's glyph one font size wide and one vertical advance high.
  The descent is the font descriptor's, or PDFium's reading of the font where it gives none
  (LibreOffice writes 0, which pdfminer took as is: its boxes stood 0.1-0.2 em higher).
  Before the text page is built, text objects are readied so that it reads what is printed: one
  its glyphs give no width is kept (`_keep_inkless`), /ActualText does not replace the glyphs.
- shapes: every path that shows, in forms too, as subpaths (pdfminer's unit: each `m` starts
  one), with the points that end its segments (not a curve's control points). A path shows when
  it is stroked or filled in a colour other than white; a lone segment shows by its pen's colour,
  filled or stroked (pdfminer counted a line's fill as its stroke).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

import attrs

from .pdf_text import SPACES, Glyph

__all__ = ["PageContent", "Shape", "read_page"]

Point = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]
# PDFium's segment kinds and page object types (fpdf_edit.h).
LINETO, BEZIERTO, MOVETO = 0, 1, 2
TEXT, PATH, IMAGE, FORM = 1, 2, 3, 5
# Forms nest; deeper than this is no report's drawing.
MAX_FORM_DEPTH = 16
# PDFium's text page drops a text object narrower than this (CPDF_TextPage's kSizeEpsilon).
INKLESS = 0.01
FILL_STROKE = 2  # FPDF_TEXTRENDERMODE_FILL_STROKE
ACTUAL_TEXT = ctypes.create_string_buffer(b"ActualText")
# The code PDFium gives a hyphen it judged to end a line (CPDF_TextPage's kHyphen): a hyphen.
PDFIUM_HYPHEN = 0x2
# A colour this light (each of R, G, B from 0 to 1) does not show on paper: WPS paints every cell
# and paragraph white, and a border set to "none" may be drawn white.
WHITE = 0.95


@attrs.frozen(slots=True)
class Shape:
    """One visible subpath: its points (page coordinates), whether it is one segment, its paint."""

    points: tuple[Point, ...]
    line: bool
    stroke: bool
    fill: bool


@attrs.frozen(slots=True)
class PageContent:
    """What a page draws: its glyphs (spaces left out), its visible shapes, its images, its height."""

    glyphs: list[Glyph]
    shapes: list[Shape]
    images: int
    height: float


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` followed by `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _page_matrix(raw: Any, page: Any) -> tuple[Matrix, float]:
    """User space -> pdfplumber's page coordinates, and the page height pdfplumber reports."""
    box = [ctypes.c_float() for _ in range(4)]
    found = raw.FPDFPage_GetMediaBox(page, *(ctypes.byref(v) for v in box))
    left, bottom, right, top = (float(v.value) for v in box) if found else (0.0, 0.0, 612.0, 792.0)
    x0, x1 = sorted((left, right))
    y0, y1 = sorted((bottom, top))
    rotation = int(raw.FPDFPage_GetRotation(page)) % 4
    # pdfminer turns a rotated page with this matrix (PDFPageInterpreter.process_page) ...
    turn: Matrix = {
        1: (0.0, -1.0, 1.0, 0.0, -y0, x1),
        2: (-1.0, 0.0, 0.0, -1.0, x1, y1),
        3: (0.0, 1.0, -1.0, 0.0, y1, -x0),
    }.get(rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
    # ... and pdfplumber flips it upside down, shifted back by the MediaBox as it normalizes it.
    shift, low, high = (y0, x0, x1) if rotation in (1, 3) else (x0, y0, y1)
    height = high - low
    return _compose(turn, (1.0, 0.0, 0.0, -1.0, shift, height - low)), height


@attrs.frozen(slots=True)
class _Run:
    """What the characters of one text object share: placement, font size, the font's metrics."""

    linear: Matrix  # text space -> page coordinates, without the translation
    size: float
    descent: float
    font: Any
    widths: dict[int, float]


def _run(raw: Any, textpage: Any, index: int, obj: Any, page_matrix: Matrix, fonts: dict[bytes, Any]) -> _Run:
    """The run of the text object holding character `index` (fonts' metrics shared by address)."""
    m = raw.FS_MATRIX()
    raw.FPDFText_GetMatrix(textpage, index, ctypes.byref(m))
    linear = _compose((m.a, m.b, m.c, m.d, 0.0, 0.0), (*page_matrix[:4], 0.0, 0.0))
    font = raw.FPDFTextObj_GetFont(obj)
    key = bytes(font)
    if key not in fonts:
        value = ctypes.c_float()
        ok = raw.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(value))
        # Below the baseline, as pdfminer forces it (some fonts give it positive).
        fonts[key] = (-abs(float(value.value)) if ok else 0.0, {})
    descent, widths = fonts[key]
    return _Run(linear, float(raw.FPDFText_GetFontSize(textpage, index)), descent, font, widths)


def _text_glyphs(raw: Any, textpage: Any, page_matrix: Matrix) -> Iterator[Glyph]:
    """The text page's characters other than spaces, each with its box (hot: ~2,000 a page)."""
    unicode, text_object = raw.FPDFText_GetUnicode, raw.FPDFText_GetTextObject
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(origin_x), ctypes.byref(origin_y)
    pa, pb, pc, pd, pe, pf = page_matrix
    value = ctypes.c_float()
    runs: dict[bytes, _Run] = {}
    fonts: dict[bytes, Any] = {}
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = unicode(textpage, i)
        code = 0x2D if code == PDFIUM_HYPHEN else code
        # Spaces (PDFium's generated ones among them) part nothing the glyphs' positions do not.
        if code <= 0x20 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or chr(code) in SPACES:
            continue
        obj = text_object(textpage, i)
        key = bytes(obj)
        run = runs.get(key)
        if run is None:
            run = runs[key] = _run(raw, textpage, i, obj, page_matrix, fonts)
        width = run.widths.get(code)
        if width is None:
            # Per unit font size: the advance (a vertical font's is negative, downwards).
            ok = raw.FPDFFont_GetGlyphWidth(run.font, code, ctypes.c_float(1.0), ctypes.byref(value))
            width = run.widths[code] = float(value.value) if ok else 0.0
        raw.FPDFText_GetCharOrigin(textpage, i, x_ref, y_ref)
        ox, oy = origin_x.value, origin_y.value
        x, y = pa * ox + pc * oy + pe, pb * ox + pd * oy + pf
        size = run.size
        if width < 0:  # vertical writing: one size wide, one vertical advance down from the origin
            u1, v0, v1 = size, 0.0, -width * size
        else:
            u1, v0 = width * size, run.descent * size
            v1 = v0 + size
        a, b, c, d, _, _ = run.linear
        xs = (x + c * v0, x + a * u1 + c * v0, x + c * v1, x + a * u1 + c * v1)
        ys = (y + d * v0, y + b * u1 + d * v0, y + d * v1, y + b * u1 + d * v1)
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        # pdfminer's size: the box's height, a vertical glyph's width.
        extent = (x1 - x0) if width < 0 else (bottom - top)
        yield Glyph(chr(code), x0, x1, top, bottom, extent or 1.0)


def _shows(getter: Any, obj: Any) -> bool:
    """True when a page object's stroke or fill colour shows on paper (a pattern is judged to)."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return True
    return min(r.value, g.value, b.value) < WHITE * 255


def _object_matrix(raw: Any, obj: Any, outer: Matrix) -> Matrix:
    """A page object's matrix followed by the matrix of the forms holding it and the page's."""
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return outer
    return _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)


def _subpaths(raw: Any, path: Any, matrix: Matrix) -> Iterator[tuple[Point, ...]]:
    """A path's subpaths, each as the points ending its segments (a closed one back at its start)."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    points: list[Point] = []
    curve = 0
    for i in range(raw.FPDFPath_CountSegments(path)):
        segment = raw.FPDFPath_GetPathSegment(path, i)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == MOVETO and points:
            yield tuple(points)
            points = []
        curve = curve + 1 if kind == BEZIERTO else 0
        if kind == BEZIERTO and curve % 3:
            continue  # a control point: pdfminer keeps only where each segment ends
        raw.FPDFPathSegment_GetPoint(segment, x_ref, y_ref)
        px, py = float(x.value), float(y.value)
        points.append((a * px + c * py + e, b * px + d * py + f))
        if raw.FPDFPathSegment_GetClose(segment) and points[-1] != points[0]:
            points.append(points[0])
    if points:
        yield tuple(points)


def _path_shapes(raw: Any, path: Any, matrix: Matrix) -> Iterator[Shape]:
    """A path's visible subpaths (none read when it paints nothing that shows)."""
    fill_mode, stroke_op = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill_mode), ctypes.byref(stroke_op)):
        return
    pen = _shows(raw.FPDFPageObj_GetStrokeColor, path)
    stroked = bool(stroke_op.value) and pen
    filled = fill_mode.value != 0 and _shows(raw.FPDFPageObj_GetFillColor, path)
    if not (stroked or filled or pen):
        return
    for points in _subpaths(raw, path, _object_matrix(raw, path, matrix)):
        # pdfminer's line: two points, or three closed back to the first (`m l h`).
        line = len(points) == 2 or (len(points) == 3 and points[2] == points[0])
        stroke = pen if line else stroked
        if stroke or filled:
            yield Shape(points, line, stroke, filled)


def _keep_inkless(raw: Any, text: Any) -> None:
    """Have PDFium's text page keep a text object its glyphs give no width (it would drop it).

    The width is the glyphs' outlines in the font PDFium has: none in a font neither embedded nor
    installed (STSong-Light on a server without CJK fonts) or damaged, and a one-character cell
    (无) would vanish. Stroked, the object is as wide as its pen and kept.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(text, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return
    if abs(right.value - left.value) >= INKLESS:
        return
    raw.FPDFTextObj_SetTextRenderMode(text, FILL_STROKE)
    raw.FPDFPageObj_SetStrokeWidth(text, 1.0)
    raw.FPDFPageObj_Transform(text, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # recomputes its bounds


def _drop_actual_text(raw: Any, text: Any) -> None:
    """Have PDFium's text page read a text object's glyphs, not the /ActualText marked on it.

    PDFium puts a marked span's ActualText in place of its glyphs, every character at the
    object's origin (two of a kind would read as one overprint); pdfminer read the glyphs.
    """
    size = ctypes.c_ulong()
    for i in reversed(range(raw.FPDFPageObj_CountMarks(text))):
        mark = raw.FPDFPageObj_GetMark(text, i)
        if mark and raw.FPDFPageObjMark_GetParamStringValue(mark, ACTUAL_TEXT, None, 0, ctypes.byref(size)):
            raw.FPDFPageObj_RemoveMark(text, mark)


def _shapes(raw: Any, holder: Any, form: bool, matrix: Matrix, depth: int) -> Iterator[Shape | None]:
    """The visible shapes of a page or form (None for each image, counted by the caller).

    On the way, text objects are readied for PDFium's text page (`_keep_inkless`,
    `_drop_actual_text`): it is built after.
    """
    count = raw.FPDFFormObj_CountObjects if form else raw.FPDFPage_CountObjects
    get = raw.FPDFFormObj_GetObject if form else raw.FPDFPage_GetObject
    for i in range(count(holder)):
        obj = get(holder, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == PATH:
            yield from _path_shapes(raw, obj, matrix)
        elif kind == TEXT:
            _keep_inkless(raw, obj)
            _drop_actual_text(raw, obj)
        elif kind == IMAGE:
            yield None
        elif kind == FORM and depth < MAX_FORM_DEPTH:
            yield from _shapes(raw, obj, True, _object_matrix(raw, obj, matrix), depth + 1)


def read_page(raw: Any, page: Any, max_chars: int) -> PageContent | None:
    """A loaded PDFium page's glyphs, shapes, images and height; None over `max_chars` characters."""
    matrix, height = _page_matrix(raw, page)
    shapes: list[Shape] = []
    images = 0
    for shape in _shapes(raw, page, False, matrix, 0):  # before the text page: see _keep_inkless
        if shape is None:
            images += 1
        else:
            shapes.append(shape)
    textpage = raw.FPDFText_LoadPage(page)
    try:
        if textpage and raw.FPDFText_CountChars(textpage) > max_chars:
            return None
        glyphs = list(_text_glyphs(raw, textpage, matrix)) if textpage else []
    finally:
        if textpage:
            raw.FPDFText_ClosePage(textpage)
    return PageContent(glyphs, shapes, images, height)
