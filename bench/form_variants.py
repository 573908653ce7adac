#!/usr/bin/python3
"""Makes variants of one filled reply that differ only in the shape of the
emitted form, to measure what each part of that shape costs the reader.

Usage: bench/form_variants.py REPLY.pdf OUT-DIR

Writes OUT-DIR/<variant>.pdf:
  as-filled          the reply as it is
  tounicode-latin1   the /DR field font's ToUnicode CMap cut to one bfrange
                     (<0000> <00FF>) instead of the whole BMP
  no-tounicode       the /DR field font without a ToUnicode CMap
  cidtogid-identity  the field font's CIDToGIDMap stream replaced by
                     /Identity
  compact-font       both of the above: a one-range ToUnicode and /Identity
  dr-helvetica       the /DR field font replaced by a plain Type1 Helvetica
                     (no CID font to load at all)
The field values, widgets and appearance streams are untouched, so that a
reader gives every variant the same record. These are measurements, not
proposals to ship as such: a narrower ToUnicode or an identity glyph map
changes what viewers can draw when a filler types new text. Run with
/usr/bin/python3 (Debian's pikepdf).
"""

import os
import sys

import pikepdf

LATIN1_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <00FF> <0000>
endbfrange
endcmap
CMapName currentdict /CIDInit /ProcSet findresource pop end
end
"""


def field_fonts(pdf):
    """The Type0 fonts of the AcroForm's /DR."""
    fonts = pdf.Root.AcroForm.DR.Font
    return [(name, fonts[name]) for name in fonts.keys()
            if fonts[name].get("/Subtype") == pikepdf.Name.Type0]


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: form_variants.py REPLY.pdf OUT-DIR")
    src, out = argv[1], argv[2]
    os.makedirs(out, exist_ok=True)

    def variant(name, change):
        with pikepdf.open(src) as pdf:
            for font_name, font in field_fonts(pdf):
                change(pdf, font_name, font)
            pdf.save(os.path.join(out, name + ".pdf"))

    def nothing(pdf, name, font):
        pass

    def latin1(pdf, name, font):
        font.ToUnicode = pdf.make_stream(LATIN1_CMAP)

    def no_tounicode(pdf, name, font):
        del font["/ToUnicode"]

    def identity(pdf, name, font):
        for d in font.DescendantFonts:
            d.CIDToGIDMap = pikepdf.Name.Identity

    def compact(pdf, name, font):
        latin1(pdf, name, font)
        identity(pdf, name, font)

    def helvetica(pdf, name, font):
        pdf.Root.AcroForm.DR.Font[name] = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica, Encoding=pikepdf.Name.WinAnsiEncoding))

    variant("as-filled", nothing)
    variant("tounicode-latin1", latin1)
    variant("no-tounicode", no_tounicode)
    variant("cidtogid-identity", identity)
    variant("compact-font", compact)
    variant("dr-helvetica", helvetica)


if __name__ == "__main__":
    main(sys.argv)
