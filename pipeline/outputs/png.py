"""graph.png: the static overview (`pipeline.outputs.overview`) drawn with Pillow in an installed
CJK font, the same picture as graph.svg for places that show no SVG."""
from __future__ import annotations

import functools
import math
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import networkx as nx

from pipeline.outputs.atomic import atomic_write
from pipeline.outputs.overview import Overview, Text, overview

SCALE = 2  # drawn at twice the size, then scaled down: smooth circles and lines
# Where Windows and macOS keep a CJK sans-serif font; elsewhere fontconfig is asked.
KNOWN_FONT_FILES = ("C:/Windows/Fonts/msyh.ttc", "/System/Library/Fonts/PingFang.ttc",
                    "/System/Library/Fonts/Hiragino Sans GB.ttc", "/Library/Fonts/Arial Unicode.ttf")


def cjk_font_file() -> str | None:
    """A font file with Chinese glyphs: $ZHKG_CJK_FONT, else the sans-serif font fontconfig
    lists for Chinese (Noto Sans CJK SC from Debian's fonts-noto-cjk first), else a known path."""
    if os.environ.get("ZHKG_CJK_FONT"):
        return os.environ["ZHKG_CJK_FONT"]
    try:
        listed = subprocess.run(["fc-list", ":lang=zh-cn", "file", "family"], capture_output=True, text=True,
                                timeout=20, check=False).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        listed = []
    files = sorted((line.split(":")[0] for line in listed if ":" in line),
                   key=lambda f: ("Sans" not in f, "Bold" in f or "Black" in f, "Mono" in f, f))
    return next((f for f in files if Path(f).is_file()), None) or next(
        (f for f in KNOWN_FONT_FILES if Path(f).is_file()), None)


@functools.cache
def _font(path: str, size: float):
    from PIL import ImageFont
    return ImageFont.truetype(path, round(size * SCALE), index=0)


def _draw_text(draw, text: Text, font_file: str, outline: bool) -> None:
    font = _font(font_file, text.size)
    ascent = font.getmetrics()[0]
    draw.text((text.x * SCALE, text.y * SCALE - ascent), text.text, font=font, fill=text.color,
              stroke_width=(3 if outline else 0) * SCALE // 2, stroke_fill="#ffffff")


def png_bytes(picture: Overview, font_file: str) -> bytes:
    """The overview as PNG bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (picture.width * SCALE, picture.height * SCALE), "#ffffff")
    draw = ImageDraw.Draw(image)
    _draw_text(draw, Text(40, 36, picture.title, 20), font_file, False)
    for line in picture.lines:
        points = [(line.x1 * SCALE, line.y1 * SCALE), (line.x2 * SCALE, line.y2 * SCALE)]
        draw.line(points, fill="#b0b0b0", width=round(line.width * SCALE))
        angle = math.atan2(line.y2 - line.y1, line.x2 - line.x1)
        tip, back = points[1], 7 * SCALE
        draw.polygon([tip, *((tip[0] - back * math.cos(angle + s), tip[1] - back * math.sin(angle + s)) for s in (0.4, -0.4))],
                     fill="#888888")
    for text, dot in picture.legend:
        draw.ellipse([(dot.x - dot.r) * SCALE, (dot.y - dot.r) * SCALE, (dot.x + dot.r) * SCALE, (dot.y + dot.r) * SCALE],
                     fill=dot.color)
        _draw_text(draw, text, font_file, False)
    for dot in picture.dots:
        draw.ellipse([(dot.x - dot.r) * SCALE, (dot.y - dot.r) * SCALE, (dot.x + dot.r) * SCALE, (dot.y + dot.r) * SCALE],
                     fill=dot.color, outline="#ffffff", width=SCALE)
    for text in picture.texts:
        _draw_text(draw, text, font_file, True)
    image = image.resize((picture.width, picture.height), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, format="PNG")  # optimize=True: four times the time for 2 % fewer bytes
    return buffer.getvalue()


def write_png(path: Path, graph: nx.MultiDiGraph, max_nodes: int = 150, picture: Overview | None = None) -> bool:
    """graph.png beside graph.svg, of `picture` else of the overview of `graph`'s `max_nodes` most
    central nodes. Without a CJK font it is not written (a stale one is removed) and the reason
    goes to stderr; returns whether it was written."""
    path = Path(path)
    font_file = cjk_font_file()
    if not font_file:
        path.unlink(missing_ok=True)
        print(f"zhkg: {path.name} not written: no CJK font found (Debian: apt-get install fonts-noto-cjk; "
              "or set $ZHKG_CJK_FONT)", file=sys.stderr)
        return False
    payload = png_bytes(picture if picture is not None else overview(graph, max_nodes), font_file)
    atomic_write(path, lambda handle: handle.write(payload), mode="wb")
    return True
