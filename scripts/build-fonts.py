#!/usr/bin/python3
"""Build the fonts tapform embeds (fonts/*.ttf) from Debian's font packages.

libHaru 2.3.0, which writes the forms, loads TrueType (glyf) fonts only,
drops the outlines of nested composite glyphs and of components whose
glyph id is above 32767, and copies the source font's cmap, hmtx and loca
whole into every PDF (only the glyf table is cut down to the glyphs used).
So the shipped fonts are built here, once, and committed:

- every glyph decomposed (no composite is left for libHaru to lose);
- only the characters tapform's forms show and their fillers type;
- no hinting (the programs of one source font do not fit the glyphs of
  another), no layout tables (libHaru uses none), no glyph names;
- glyphs from several fonts merged into one where a form field needs
  several scripts in one font (a field's /DA names a single font);
- in 2048 units per em, Liberation Sans's own: its Latin and Cyrillic
  glyphs keep their advance widths exactly, so the English form keeps its
  layout (tests/fixtures/layout-tsb-246-annex2.txt pins it).

Outputs (see fonts/README.md for what each serves and the licences):

  TapformSans-Regular.ttf    Liberation Sans Regular + Noto Sans Arabic Regular
  TapformSans-Bold.ttf       Liberation Sans Bold + Noto Sans Arabic Bold
  TapformSansSC-Regular.ttf  Liberation Sans Regular + Noto Sans Arabic Regular
                             + Droid Sans Fallback (the characters of GB 2312)

Reads the fonts of Debian's packages fonts-liberation2, fonts-noto-core and
fonts-droid-fallback with python3-fonttools (scripts/setup.sh --fonts
installs them). The output is deterministic: the same sources give the same
bytes.

Usage: scripts/build-fonts.py [--output-dir DIR] [--only NAME]
"""

import argparse
import datetime
import os
import sys

import struct

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables.DefaultTable import DefaultTable

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SOURCES = {
    "liberation-regular": ("fonts-liberation2",
                           "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
    "liberation-bold": ("fonts-liberation2",
                        "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"),
    "noto-arabic-regular": ("fonts-noto-core",
                            "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"),
    "noto-arabic-bold": ("fonts-noto-core",
                         "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf"),
    "droid-fallback": ("fonts-droid-fallback",
                       "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
}

UNITS_PER_EM = 2048


def ranges(*pairs):
    out = set()
    for first, last in pairs:
        out.update(range(first, last + 1))
    return out


# What Liberation Sans gives: Latin, Greek, Cyrillic and the punctuation and
# symbols of Western and Eastern European text (what the page of the Latin-
# and Cyrillic-script versions shows and what their fillers type).
LATIN_GREEK_CYRILLIC = ranges(
    (0x0020, 0x007E),   # ASCII
    (0x00A0, 0x024F),   # Latin-1 Supplement, Latin Extended-A and -B
    (0x0259, 0x0259),   # ə
    (0x02B9, 0x02DD),   # modifier letters: apostrophes, accents
    (0x0300, 0x036F),   # combining accents, typed decomposed
    (0x0370, 0x03FF),   # Greek
    (0x0400, 0x052F),   # Cyrillic and its supplement
    (0x1E00, 0x1EFF),   # Latin Extended Additional (Vietnamese, Welsh...)
    (0x2000, 0x206F),   # general punctuation
    (0x20A0, 0x20CF),   # currency signs
    (0x2100, 0x214F),   # letterlike symbols (№, ™, ℃)
    (0x2190, 0x2199),   # arrows
    (0x2200, 0x22FF),   # mathematical operators (minus, ≤ ...)
    (0x25A0, 0x25FF),   # geometric shapes (○, the option circle of the Annex)
    (0xFB00, 0xFB06),   # Latin ligatures (fi, fl), from copied text
    (0xFFFD, 0xFFFD),   # replacement character
)

# What Noto Sans Arabic gives: Arabic (and the letters of Persian, Urdu and
# other languages written in it), Arabic-Indic digits, the joining controls
# and bidi marks a filler types, and the presentation forms B that FriBiDi
# shapes the Arabic page into (lam-alef ligatures included).
ARABIC = ranges(
    (0x0600, 0x06FF),   # Arabic
    (0x0750, 0x077F),   # Arabic Supplement
    (0x200C, 0x200F),   # ZWNJ, ZWJ, LRM, RLM
    (0xFE70, 0xFEFC),   # Arabic Presentation Forms-B
)


def gb2312():
    """Every character of GB 2312 (the 6,763 hanzi of Simplified Chinese and
    its symbols, kana, Greek, Cyrillic...), from Python's codec."""
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


# What Droid Sans Fallback gives to the Chinese version: GB 2312, the CJK
# punctuation and the full-width forms a Chinese filler types.
CJK = gb2312() | ranges(
    (0x3000, 0x303F),   # CJK symbols and punctuation
    (0xFF01, 0xFF60),   # full-width ASCII
    (0xFFE0, 0xFFE6),   # full-width signs
)

OUTPUTS = {
    "TapformSans-Regular.ttf": {
        "family": "Tapform Sans", "style": "Regular", "bold": False, "cmap_gap": 4,
        "parts": [("liberation-regular", LATIN_GREEK_CYRILLIC),
                  ("noto-arabic-regular", ARABIC)],
    },
    "TapformSans-Bold.ttf": {
        "family": "Tapform Sans", "style": "Bold", "bold": True, "cmap_gap": 4,
        "parts": [("liberation-bold", LATIN_GREEK_CYRILLIC),
                  ("noto-arabic-bold", ARABIC)],
    },
    "TapformSansSC-Regular.ttf": {
        "family": "Tapform Sans SC", "style": "Regular", "bold": False, "cmap_gap": 64,
        "parts": [("liberation-regular", LATIN_GREEK_CYRILLIC),
                  ("noto-arabic-regular", ARABIC),
                  ("droid-fallback", CJK)],
    },
}

COPYRIGHT = {
    "liberation": "Liberation Sans: Digitized data copyright (c) 2010 Google Corporation "
                  "with Reserved Font Arimo, Tinos and Cousine. Copyright (c) 2012 Red Hat, "
                  "Inc. with Reserved Font Name Liberation.",
    "noto": "Noto Sans Arabic: Copyright 2015-2020 Google LLC.",
    "droid": "Droid Sans Fallback: Copyright (c) 2006-2010 Google Corp. "
             "Licensed under the Apache License, Version 2.0.",
}

# A fixed date for head.created and head.modified, so that the output is
# the same bytes on every run.
BUILD_DATE = datetime.datetime(2020, 4, 22, tzinfo=datetime.timezone.utc)
MAC_EPOCH = datetime.datetime(1904, 1, 1, tzinfo=datetime.timezone.utc)


def few_segment_cmap(cmap, order, gap):
    """A cmap table (format 4, for platforms 0/3 and 3/1) with few segments.

    libHaru looks a character up by a linear search of the segments, for
    every one of the 65,536 codes, each time a document loads the font:
    fontTools' own format 4 cuts GB 2312's scattered ideographs into some
    3,000 segments, which made loading the Chinese font a third of a
    second. Here a segment spans code points up to `gap` apart, with a
    glyph id array (0 for the code points between): 30-odd segments. The
    array costs bytes in every PDF (libHaru copies the cmap whole), so the
    fonts of few characters take a small gap."""
    gid = {name: i for i, name in enumerate(order)}
    codes = sorted(cp for cp in cmap if cp < 0xFFFF)
    runs = []
    for cp in codes:
        if runs and cp - runs[-1][-1] <= gap:
            runs[-1].append(cp)
        else:
            runs.append([cp])
    segments = []        # (start, end, delta, ids or None)
    for run in runs:
        start, end = run[0], run[-1]
        ids = [gid[cmap[cp]] if cp in cmap else 0 for cp in range(start, end + 1)]
        if all(ids[i] == ids[0] + i for i in range(len(ids))):
            segments.append((start, end, (ids[0] - start) % 65536, None))
        else:
            segments.append((start, end, 0, ids))
    segments.append((0xFFFF, 0xFFFF, 1, None))
    n = len(segments)
    array = []
    offsets = []
    for i, (start, end, delta, ids) in enumerate(segments):
        if ids is None:
            offsets.append(0)
        else:
            # bytes from idRangeOffset[i] to the segment's first glyph id
            offsets.append(2 * (n - i) + 2 * len(array))
            array.extend(ids)
    search = 2 ** (n.bit_length() - 1)
    body = struct.pack(">HHHH", 2 * n, 2 * search, search.bit_length() - 1, 2 * n - 2 * search)
    body += struct.pack(">%dH" % n, *(s[1] for s in segments)) + b"\0\0"
    body += struct.pack(">%dH" % n, *(s[0] for s in segments))
    body += struct.pack(">%dH" % n, *(s[2] for s in segments))
    body += struct.pack(">%dH" % n, *offsets)
    body += struct.pack(">%dH" % len(array), *array)
    length = 6 + len(body)
    if length > 0xFFFF:
        raise SystemExit("build-fonts: the cmap subtable would exceed 64 KB")
    subtable = struct.pack(">HHH", 4, length, 0) + body
    header = struct.pack(">HH", 0, 2) + struct.pack(">HHL", 0, 3, 20) + struct.pack(">HHL", 3, 1, 20)
    return header + subtable, n


class Source:
    def __init__(self, key):
        package, path = SOURCES[key]
        if not os.path.exists(path):
            raise SystemExit(f"build-fonts: {path} is missing: install the Debian "
                             f"package {package} (scripts/setup.sh --fonts)")
        self.key = key
        self.path = path
        self.font = TTFont(path)
        if "glyf" not in self.font:
            raise SystemExit(f"build-fonts: {path}: not a TrueType (glyf) font")
        self.glyphs = self.font.getGlyphSet()
        self.cmap = self.font.getBestCmap()
        self.scale = UNITS_PER_EM / self.font["head"].unitsPerEm
        self.hmtx = self.font["hmtx"]

    def outline(self, name):
        """The glyph with every component drawn in, scaled to UNITS_PER_EM."""
        recording = DecomposingRecordingPen(self.glyphs)
        self.glyphs[name].draw(recording)
        pen = TTGlyphPen(None)
        target = pen if self.scale == 1 else TransformPen(pen, (self.scale, 0, 0, self.scale, 0, 0))
        recording.replay(target)
        return pen.glyph()

    def advance(self, name):
        return round(self.hmtx[name][0] * self.scale)


def build(name, spec, out_dir):
    sources = [(Source(key), wanted) for key, wanted in spec["parts"]]
    base = sources[0][0]

    # Each code point from the first source that has it among its ranges.
    chosen = {}                    # code point -> (source, glyph name)
    for source, wanted in sources:
        for cp in sorted(wanted):
            if cp not in chosen and cp in source.cmap:
                chosen[cp] = (source, source.cmap[cp])

    # One output glyph per source glyph, in code point order (consecutive
    # code points get consecutive glyph ids: a compact cmap).
    order = [".notdef"]
    glyf = {".notdef": base.outline(".notdef")}
    metrics = {".notdef": base.advance(".notdef")}
    names = {}                     # (source key, glyph name) -> output name
    cmap = {}
    for cp in sorted(chosen):
        source, gname = chosen[cp]
        key = (source.key, gname)
        if key not in names:
            out = f"uni{cp:04X}"
            names[key] = out
            order.append(out)
            glyf[out] = source.outline(gname)
            metrics[out] = source.advance(gname)
        cmap[cp] = names[key]

    fb = FontBuilder(UNITS_PER_EM, isTTF=True)
    fb.font.recalcTimestamp = False
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmap)
    fb.setupGlyf(glyf)
    glyf_table = fb.font["glyf"]
    hmtx = {}
    for g in order:
        glyph = glyf_table[g]
        glyph.recalcBounds(glyf_table)
        hmtx[g] = (metrics[g], getattr(glyph, "xMin", 0) if glyph.numberOfContours else 0)
    fb.setupHorizontalMetrics(hmtx)

    # Vertical metrics: Liberation Sans's, so that lines sit as before.
    bhhea, bos2 = base.font["hhea"], base.font["OS/2"]
    fb.setupHorizontalHeader(ascent=bhhea.ascent, descent=bhhea.descent, lineGap=bhhea.lineGap)
    family, style, bold = spec["family"], spec["style"], spec["bold"]
    ps_name = f"{family.replace(' ', '')}-{style}"
    parts = [key for key, _ in spec["parts"]]
    copyright_lines = [COPYRIGHT[k] for k in ("liberation", "noto", "droid")
                       if any(p.startswith(k) for p in parts)]
    fb.setupNameTable({
        "copyright": " ".join(copyright_lines),
        "familyName": family,
        "styleName": style,
        "uniqueFontIdentifier": f"tapform: {ps_name}",
        "fullName": f"{family} {style}",
        "version": "Version 1.000",
        "psName": ps_name,
        "description": "Built for tapform by scripts/build-fonts.py from "
                       + ", ".join(os.path.basename(SOURCES[p][1]) for p in parts)
                       + ": composites decomposed, subset, unhinted.",
        "licenseDescription": "This Font Software is licensed under the SIL Open Font "
                              "License, Version 1.1"
                              + (" (the glyphs from Droid Sans Fallback: also under the "
                                 "Apache License, Version 2.0)" if "droid-fallback" in parts
                                 else "") + ".",
        "licenseInfoURL": "https://openfontlicense.org",
    })
    fb.setupOS2(
        usWeightClass=700 if bold else 400,
        fsType=0,                         # installable: every source allows embedding
        fsSelection=0x20 if bold else 0x40,
        achVendID="NONE",
        sTypoAscender=bos2.sTypoAscender, sTypoDescender=bos2.sTypoDescender,
        sTypoLineGap=bos2.sTypoLineGap,
        usWinAscent=bos2.usWinAscent, usWinDescent=bos2.usWinDescent,
        sxHeight=getattr(bos2, "sxHeight", 0), sCapHeight=getattr(bos2, "sCapHeight", 0),
        panose=bos2.panose,
    )
    fb.font["OS/2"].recalcUnicodeRanges(fb.font)
    fb.setupPost(keepGlyphNames=False)
    stamp = int((BUILD_DATE - MAC_EPOCH).total_seconds())
    fb.setupHead(unitsPerEm=UNITS_PER_EM, fontRevision=1.0, created=stamp, modified=stamp,
                 macStyle=1 if bold else 0)
    fb.setupMaxp()
    path = os.path.join(out_dir, name)
    fb.save(path)
    # The cmap libHaru searches fast: few segments (see few_segment_cmap).
    font = TTFont(path)
    font.recalcTimestamp = False
    data, n_segments = few_segment_cmap(cmap, order, spec["cmap_gap"])
    raw = DefaultTable("cmap")
    raw.data = data
    font["cmap"] = raw
    font.save(path)
    check = TTFont(path)
    got = {cp: check.getGlyphID(g) for cp, g in check.getBestCmap().items()}
    if got != {cp: order.index(g) for cp, g in cmap.items()}:
        raise SystemExit(f"build-fonts: {path}: the cmap does not read back")
    missing = {k: len(w - set(cp for cp in chosen if chosen[cp][0].key == k))
               for k, w in spec["parts"]}
    print(f"build-fonts: {path}: {len(order)} glyphs, {len(cmap)} characters, "
          f"{n_segments} cmap segments, {os.path.getsize(path)} bytes", file=sys.stderr)
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", default=os.path.join(ROOT, "fonts"))
    parser.add_argument("--only", choices=sorted(OUTPUTS), action="append")
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)
    for name in args.only or sorted(OUTPUTS):
        build(name, OUTPUTS[name], args.output_dir)


if __name__ == "__main__":
    main()
