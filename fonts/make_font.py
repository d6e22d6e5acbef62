#!/usr/bin/env python3
"""Helpers for make_font.sh: build the app's CJK font from Noto Serif CJK SC.

    make_font.py unicodes SRC.ttc FACE OUT.txt   code points to keep (for pyftsubset)
    make_font.py convert  IN.otf OUT.ttf          CFF outlines -> TrueType (glyf) outlines
    make_font.py check    FONT.ttf                coverage and outline checks (exit 1 on failure)

Why TrueType outlines: the PDF writer (printpdf) embeds what it is given; a CFF
font ends up as a CID Type 0C font, which was only tried in poppler and
Ghostscript, whereas a glyf font becomes an ordinary CIDFontType2/FontFile2
that every PDF viewer in an office (WPS, Foxit, Acrobat) handles.
"""

import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

EXPECTED_FAMILY = "Noto Serif CJK SC"

# Hangul is dropped: the app writes Chinese forms, and Hangul syllables alone
# are ~11,000 glyphs. (Jamo, compatibility jamo, parenthesized and circled
# Hangul, extended jamo A/B plus syllables, halfwidth Hangul.)
HANGUL_RANGES = [
    (0x1100, 0x11FF),
    (0x3130, 0x318F),
    (0x3200, 0x321E),
    (0x3260, 0x327E),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xFFA0, 0xFFDC),
]

# Max distance (font units, 1000/em) between a cubic curve and its quadratic
# replacement. One unit is 0.01 mm at 10.5 pt: invisible in print.
MAX_ERR = 1.0

# Rare characters that do occur in Chinese personal names; they must be there.
NAME_CHARS = "堃喆玥昇赟犇燊淼垚珺琤䶮𠇔"

# Characters of the standards checked below that Noto Serif CJK SC itself
# lacks (every face of the 2.001 .ttc, and Noto Sans CJK too), so no subset
# can have them. Reported, not failed; anything else missing fails the check.
#   U+2252 ≒ APPROXIMATELY EQUAL TO OR THE IMAGE OF: GBK/GB18030 0xA850
KNOWN_GAPS = {0x2252}

# GB18030 characters that the 2000/2005 mapping tables (and Python's codec)
# send to the Private Use Area but GB18030-2022 maps to their real code
# points: vertical punctuation, CJK radicals, six Extension B ideographs.
GB18030_EX_PUA = (
    set(range(0xFE10, 0xFE1A))
    | set(range(0x9FB4, 0x9FBC))
    | {0x20087, 0x20089, 0x200CC, 0x215D7, 0x2298F, 0x241FE}
)


def is_hangul(cp):
    return any(lo <= cp <= hi for lo, hi in HANGUL_RANGES)


def cmd_unicodes(src, face, out):
    font = TTFont(src, fontNumber=int(face), lazy=True)
    family = font["name"].getDebugName(1)
    # The .ttc holds JP, KR, SC, TC, HK faces; their order is not something
    # to trust blindly across package versions, so check we got SC.
    if family != EXPECTED_FAMILY:
        sys.exit(f"face {face} of {src} is {family!r}, expected {EXPECTED_FAMILY!r}")
    cps = sorted(cp for cp in font.getBestCmap() if not is_hangul(cp))
    with open(out, "w") as f:
        f.writelines(f"U+{cp:04X}\n" for cp in cps)
    print(f"{family}: keeping {len(cps)} code points (of {len(font.getBestCmap())})")


def cmd_convert(src, out):
    # Keep head.modified from the source (pyftsubset keeps it too) instead of
    # stamping the time of the run, so regenerating gives identical bytes.
    font = TTFont(src, recalcTimestamp=False)
    if "CFF " not in font:
        sys.exit(f"{src} has no CFF table")
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    # Redraw every glyph through cu2qu into a TrueType glyph. PostScript
    # outlines wind counter-clockwise, TrueType clockwise: reverse_direction
    # flips them, otherwise non-zero filling would still work but tools that
    # rely on the convention (and some rasterizers' dropout control) would not.
    glyphs = {}
    for name in order:
        tt_pen = TTGlyphPen(None)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        # Implied on-curve points (midpoints between two off-curve points) are
        # dropped: same outline, fewer bytes.
        glyphs[name] = tt_pen.glyph(dropImpliedOnCurves=True)

    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")  # filled in from glyf when compiled
    for g in glyphs.values():
        g.recalcBounds(glyf)  # sets xMin..yMax (absent on empty glyphs)

    # Side bearings must agree with the new outlines: TrueType rasterizers
    # place the glyph origin at xMin - lsb, and the vertical origin at
    # yMax + tsb. Quadratic approximation may move a bounding box by up to
    # MAX_ERR, so recompute them.
    hmtx = font["hmtx"]
    for name, g in glyphs.items():
        adv, lsb = hmtx[name]
        hmtx[name] = (adv, g.xMin if g.numberOfContours else lsb)
    # The vertical origin of a CFF font lives in VORG, which TrueType fonts do
    # not have: fold it into vmtx's top side bearings before dropping VORG.
    if "vmtx" in font and "VORG" in font:
        vorg = font["VORG"]
        vmtx = font["vmtx"]
        for name, g in glyphs.items():
            adv, tsb = vmtx[name]
            if g.numberOfContours:
                origin = vorg.VOriginRecords.get(name, vorg.defaultVertOriginY)
                tsb = origin - g.yMax
            vmtx[name] = (adv, tsb)

    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]

    font["head"].glyphDataFormat = 0
    # maxp 0.5 (CFF) only has numGlyphs; 1.0 adds TrueType limits. The point
    # and contour maxima are recomputed from glyf on save; there is no
    # hinting, so the interpreter limits are zero (one zone: the glyph zone).
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in (
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements", "maxPoints", "maxContours",
        "maxCompositePoints", "maxCompositeContours", "maxComponentDepth",
    ):
        setattr(maxp, field, 0)
    # post format 3: no glyph names. The CID-keyed CFF had none either, and
    # names for ~45,000 glyphs would only add size.
    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)

    font.sfntVersion = "\0\1\0\0"
    font.save(out)  # recalcBBoxes: head, hhea, vhea and maxp recomputed
    print(f"converted {len(order)} glyphs to TrueType outlines (max error {MAX_ERR} unit)")


def gb_chars(codec, lead, trail):
    """Every character a 2-byte code of `codec` maps to, private use excluded."""
    out = set()
    for hi in lead:
        for lo in trail:
            try:
                ch = bytes([hi, lo]).decode(codec)
            except UnicodeDecodeError:
                continue
            cp = ord(ch)
            if len(ch) == 1 and not (0xE000 <= cp <= 0xF8FF):
                out.add(cp)
    return out


def cmd_check(path):
    font = TTFont(path)
    cmap = font.getBestCmap()
    ok = True

    def need(label, cps):
        nonlocal ok
        missing = sorted(cp for cp in cps if cp not in cmap)
        known = [cp for cp in missing if cp in KNOWN_GAPS]
        bad = [cp for cp in missing if cp not in KNOWN_GAPS]
        status = "ok"
        if known:
            status += " (known gap in the source font: " + " ".join(f"U+{c:04X} {chr(c)}" for c in known) + ")"
        if bad:
            status = "MISSING " + " ".join(f"U+{c:04X}" for c in bad[:20])
        print(f"  {label}: {len(cps) - len(missing)}/{len(cps)} {status}")
        ok = ok and not bad

    gb2312 = gb_chars("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    gb2312_hanzi = {cp for cp in gb2312 if 0x4E00 <= cp <= 0x9FFF}
    gbk = gb_chars("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
    gb18030_2byte = gb_chars("gb18030", range(0x81, 0xFF), range(0x40, 0xFF))
    # GB18030's 4-byte area adds CJK Extension A (U+3400..4DB5) to GBK;
    # its other scripts (Tibetan, Mongolian, Yi, Uyghur) are not in this font.
    ext_a = set(range(0x3400, 0x4DB6))

    print(f"{path}:")
    print(f"  family {font['name'].getDebugName(1)!r}, outlines: "
          f"{'glyf' if 'glyf' in font else 'CFF ' if 'CFF ' in font else '?'}")
    print(f"  {len(cmap)} code points, {len(font.getGlyphOrder())} glyphs")
    need("GB2312 Hanzi", gb2312_hanzi)
    need("GB2312 (all)", gb2312)
    need("GBK", gbk)
    need("GB18030 2-byte", gb18030_2byte)
    need("GB18030 CJK Ext A", ext_a)
    need("GB18030 ex-PUA", GB18030_EX_PUA)
    need("name characters " + NAME_CHARS, {ord(c) for c in NAME_CHARS})
    hangul = [cp for cp in cmap if is_hangul(cp)]
    print(f"  Hangul code points left: {len(hangul)}")
    ok = ok and not hangul

    if "glyf" not in font or "CFF " in font:
        print("  not a TrueType-outline font")
        ok = False
    else:
        glyf = font["glyf"]
        empty = [ch for ch in "中国" + NAME_CHARS
                 if ord(ch) not in cmap or glyf[cmap[ord(ch)]].numberOfContours <= 0]
        print("  outlines of 中国 and the name characters: "
              + ("non-empty" if not empty else "EMPTY " + "".join(empty)))
        ok = ok and not empty

    print("coverage check:", "PASSED" if ok else "FAILED")
    return 0 if ok else 1


def main(argv):
    if len(argv) >= 2:
        cmd, args = argv[1], argv[2:]
        if cmd == "unicodes" and len(args) == 3:
            return cmd_unicodes(*args)
        if cmd == "convert" and len(args) == 2:
            return cmd_convert(*args)
        if cmd == "check" and len(args) == 1:
            return cmd_check(*args)
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
