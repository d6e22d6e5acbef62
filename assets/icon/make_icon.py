#!/usr/bin/env python3
"""Draws the 填表助手 icon: a form sheet with ruled rows and a red seal with a white check mark.

Plain Python (no Pillow): every pixel is shaded from signed distances to the shapes, so each size
is drawn for itself (thicker strokes, fewer rows when small) instead of being scaled down.
Writes icon-N.png for each size and tianbiao.ico (PNG entries) into this folder.

    python3 assets/icon/make_icon.py
"""

import math
import struct
import zlib
from pathlib import Path

SIZES = [16, 24, 32, 48, 64, 128, 256]
HERE = Path(__file__).resolve().parent

PAPER = (255, 255, 255)
EDGE = (58, 86, 128)
ROW = (150, 164, 186)
SEAL = (210, 36, 30)
MARK = (255, 255, 255)


def rounded_rect(x, y, left, top, right, bottom, radius):
    cx, cy = (left + right) / 2, (top + bottom) / 2
    hx, hy = (right - left) / 2 - radius, (bottom - top) / 2 - radius
    dx, dy = abs(x - cx) - hx, abs(y - cy) - hy
    outside = math.hypot(max(dx, 0), max(dy, 0))
    return outside + min(max(dx, dy), 0) - radius


def segment(x, y, ax, ay, bx, by, half_width):
    px, py, vx, vy = x - ax, y - ay, bx - ax, by - ay
    t = max(0.0, min(1.0, (px * vx + py * vy) / (vx * vx + vy * vy)))
    return math.hypot(px - vx * t, py - vy * t) - half_width


def circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


def shapes(size):
    """(distance function in pixels, colour) from back to front, for one size."""
    s = size
    stroke = max(1.0, round(s / 24))
    small = s <= 24
    sheet = (0.12 * s, 0.05 * s, 0.80 * s, 0.95 * s)
    # Whole pixels for the sheet's edges, so small sizes stay crisp.
    left, top, right, bottom = (round(v) for v in sheet)
    radius = max(1.0, s / 20)
    out = [
        (lambda x, y: rounded_rect(x, y, left, top, right, bottom, radius), EDGE),
        (
            lambda x, y: rounded_rect(
                x, y, left + stroke, top + stroke, right - stroke, bottom - stroke,
                max(0.5, radius - stroke),
            ),
            PAPER,
        ),
    ]
    rows = 2 if small else 4
    row_w = max(1.0, s / 28)
    for i in range(rows):
        yy = round(top + (0.20 + i * (0.42 / max(rows - 1, 1))) * (bottom - top)) + row_w / 2
        if row_w == 1.0:
            yy = math.floor(yy) + 0.5
        x0, x1 = left + 0.18 * (right - left), right - 0.18 * (right - left)
        out.append((lambda x, y, yy=yy, x0=x0, x1=x1: segment(x, y, x0, yy, x1, yy, row_w / 2), ROW))
    cx, cy, r = 0.68 * s, 0.70 * s, 0.29 * s
    out.append((lambda x, y: circle(x, y, cx, cy, r + max(1.0, s / 32)), PAPER))
    out.append((lambda x, y: circle(x, y, cx, cy, r), SEAL))
    mark = max(1.0, s / 14) / 2
    a = (cx - 0.50 * r, cy + 0.02 * r)
    b = (cx - 0.12 * r, cy + 0.40 * r)
    c = (cx + 0.52 * r, cy - 0.38 * r)
    out.append((lambda x, y: min(segment(x, y, *a, *b, mark), segment(x, y, *b, *c, mark)), MARK))
    return out


def render(size):
    layers = shapes(size)
    pixels = bytearray()
    for j in range(size):
        pixels.append(0)  # PNG filter type per row
        for i in range(size):
            x, y = i + 0.5, j + 0.5
            r = g = b = a = 0.0
            for distance, colour in layers:
                cover = max(0.0, min(1.0, 0.5 - distance(x, y)))
                if cover == 0.0:
                    continue
                # "over" compositing with premultiplied colour
                r = colour[0] * cover + r * (1 - cover)
                g = colour[1] * cover + g * (1 - cover)
                b = colour[2] * cover + b * (1 - cover)
                a = cover + a * (1 - cover)
            if a > 0:
                pixels += bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
            else:
                pixels += bytes(4)
    return png(size, bytes(pixels))


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def ico(images):
    """An .ico whose entries are PNGs (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(data))
        data += blob
    return header + entries + data


def main():
    images = []
    for size in SIZES:
        blob = render(size)
        (HERE / f"icon-{size}.png").write_bytes(blob)
        images.append((size, blob))
    (HERE / "tianbiao.ico").write_bytes(ico(images))


if __name__ == "__main__":
    main()
