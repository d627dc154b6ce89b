#!/usr/bin/env python3
"""Draws the application icon and writes it in the three forms jpackage wants.

    installer/icons/make-icons.py        # rewrites minsky-sessions.png / .ico / .icns here

A rounded blue square holding three session rows (a dot and a bar each), anti-aliased by
supersampling. Standard library only, so it runs anywhere Python 3 does; the output depends on
nothing but this file, so the icons are committed and re-made only when the drawing changes.
  minsky-sessions.png   256x256 RGBA       Linux (.deb desktop entry, app image)
  minsky-sessions.ico   one 256x256 PNG    Windows (.msi, --icon)
  minsky-sessions.icns  ic08 (256x256 PNG) macOS (.dmg, --icon)
"""
import os
import struct
import zlib

SIZE = 256
SS = 4  # samples per pixel along each axis

BG_TOP = (0x2B, 0x59, 0xC3)     # blue, lighter at the top
BG_BOTTOM = (0x1B, 0x3A, 0x8A)
ROW = (0xFF, 0xFF, 0xFF)
DOTS = [(0x4C, 0xD9, 0x8A), (0xFF, 0xC1, 0x4D), (0x4C, 0xD9, 0x8A)]  # status dots: green, amber, green


def rounded_rect(x, y, x0, y0, x1, y1, r):
    """True when (x, y) lies inside the rectangle [x0, x1] x [y0, y1] with corners of radius r."""
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour_at(x, y):
    """The colour (r, g, b, a) at a point in icon coordinates (0..256)."""
    if not rounded_rect(x, y, 8, 8, 248, 248, 44):
        return (0, 0, 0, 0)
    t = (y - 8) / 240
    bg = tuple(round(a + (b - a) * t) for a, b in zip(BG_TOP, BG_BOTTOM))
    for i, dot in enumerate(DOTS):
        top = 58 + i * 52
        if (x - 70) ** 2 + (y - (top + 18)) ** 2 <= 15 ** 2:
            return dot + (255,)
        width = (196, 150, 176)[i]
        if rounded_rect(x, y, 98, top + 6, width, top + 30, 12):
            return ROW + (255,)
    return bg + (255,)


def render():
    rows = []
    step = 1 / SS
    for py in range(SIZE):
        row = bytearray([0])  # filter type 0
        for px in range(SIZE):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    r, g, b, a = colour_at(px + (sx + 0.5) * step, py + (sy + 0.5) * step)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            n = SS * SS
            alpha = acc[3] / n
            if acc[3]:
                row += bytes(round(c / acc[3]) for c in acc[:3])
            else:
                row += b"\0\0\0"
            row.append(round(alpha))
        rows.append(bytes(row))
    return b"".join(rows)


def png(raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(png_bytes):
    # ICONDIR + one ICONDIRENTRY (0 = 256 px) pointing at an embedded PNG (Vista and later).
    return struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", 0, 0, 0, 0, 1, 32, len(png_bytes), 22) + png_bytes


def icns(png_bytes):
    entry = b"ic08" + struct.pack(">I", 8 + len(png_bytes)) + png_bytes
    return b"icns" + struct.pack(">I", 8 + len(entry)) + entry


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    data = png(render())
    for ext, content in (("png", data), ("ico", ico(data)), ("icns", icns(data))):
        with open(os.path.join(here, "minsky-sessions." + ext), "wb") as f:
            f.write(content)


if __name__ == "__main__":
    main()
