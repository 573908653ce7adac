#!/usr/bin/python3
"""Checks that a form's field font draws every character of some texts.

Usage: field-glyphs.py FORM.pdf TEXT...

The field font is the font /DR names in the form's /DA (TfSans, a Type0
font whose codes are Unicode code points). For every character of each
TEXT but spaces and format controls (ZWNJ, LRM... draw nothing by design),
its code must map through the font's CIDToGIDMap to a glyph whose outline
is in the embedded font file (FontFile2, read with fontTools): no glyph 0,
no glyph left empty. Such a character is what a viewer draws as nothing,
or as a box, when a filler types it.

Exit status 0 when every character has its glyph; 1 with one line per
character missing on stderr; 2 on a usage error or an unreadable form.
"""

import io
import re
import sys
import unicodedata

import pikepdf
from fontTools.ttLib import TTFont

PROG = "field-glyphs"


def die(message, status=2):
    sys.stderr.write("%s: %s\n" % (PROG, message))
    sys.exit(status)


def field_font(pdf):
    acroform = pdf.Root.get("/AcroForm")
    if acroform is None:
        die("no /AcroForm")
    da = str(acroform.get("/DA", ""))
    match = re.search(r"/(\S+)\s+[\d.]+\s+Tf", da)
    if match is None:
        die("the /AcroForm's /DA names no font: %r" % da)
    return match.group(1), acroform.DR.Font["/" + match.group(1)]


def main(argv):
    if len(argv) < 3:
        die("usage: field-glyphs.py FORM.pdf TEXT...")
    try:
        pdf = pikepdf.open(argv[1])
    except (pikepdf.PdfError, OSError) as e:
        die("%s: %s" % (argv[1], e))
    name, font = field_font(pdf)
    cid_font = font.DescendantFonts[0]
    gid_map = bytes(cid_font.CIDToGIDMap.read_bytes())
    ttf = TTFont(io.BytesIO(bytes(cid_font.FontDescriptor.FontFile2.read_bytes())))
    glyf = ttf["glyf"]
    order = ttf.getGlyphOrder()

    missing = []
    seen = set()
    for text in argv[2:]:
        for ch in text:
            cp = ord(ch)
            if ch in seen or unicodedata.category(ch) in ("Zs", "Cc", "Cf"):
                continue
            seen.add(ch)
            gid = (gid_map[2 * cp] << 8 | gid_map[2 * cp + 1]) if 2 * cp + 1 < len(gid_map) else 0
            if gid == 0:
                missing.append("U+%04X %s: no glyph in /%s (CIDToGIDMap gives 0)" % (cp, ch, name))
            elif gid >= len(order) or glyf[order[gid]].numberOfContours == 0:
                missing.append("U+%04X %s: glyph %d of /%s has no outline embedded"
                               % (cp, ch, gid, name))
    for line in missing:
        sys.stderr.write("%s: %s: %s\n" % (PROG, argv[1], line))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
