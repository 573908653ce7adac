#!/usr/bin/python3
"""Checks that filled text fields show ink where their text is.

Usage: ink-check.py [--renderer NAME]... FORM.pdf FIELD[:empty]...

Renders every page that holds one of the FIELDs with each renderer
(default: all three), 100 dpi, 8-bit gray:
  pdftoppm  Poppler (Evince, Okular)      pdftoppm -gray
  mutool    MuPDF                         mutool draw -c gray
  pdfium    PDFium (Chrome, Edge)         node render_pdfium.mjs
and counts the dark pixels (below 80 of 255: text, not the field's grey
well nor its rule) inside each field's widget rectangle, inset by one
point. A FIELD must have ink; a FIELD:empty must have none (the control
that shows the check can fail). Prints one line per renderer and field.

Exit status 0 when every field is as expected; 1 otherwise; 2 on a usage
error or a renderer that fails.
"""

import os
import subprocess
import sys
import tempfile

import pikepdf

import fillerlib

PROG = "ink-check"
HERE = os.path.dirname(os.path.abspath(__file__))
DPI = 100
DARK = 80
MIN_INK = 12
RENDERERS = ("pdftoppm", "mutool", "pdfium")


def die(message, status=2):
    sys.stderr.write("%s: %s\n" % (PROG, message))
    sys.exit(status)


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = data.split(maxsplit=4)
    if parts[0] != b"P5":
        die("%s: not a binary PGM" % path)
    w, h, maxval = int(parts[1]), int(parts[2]), int(parts[3])
    pixels = parts[4]
    if maxval != 255 or len(pixels) < w * h:
        die("%s: unexpected PGM" % path)
    return w, h, pixels


def render(renderer, pdf_path, page, out_dir):
    base = os.path.join(out_dir, "%s-%d" % (renderer, page))
    if renderer == "pdftoppm":
        cmd = ["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page),
               "-singlefile", pdf_path, base]
        out = base + ".pgm"
    elif renderer == "mutool":
        out = base + ".pgm"
        cmd = ["mutool", "draw", "-q", "-r", str(DPI), "-c", "gray", "-o", out, pdf_path, str(page)]
    elif renderer == "pdfium":
        out = base + ".pgm"
        cmd = ["node", os.path.join(HERE, "render_pdfium.mjs"), pdf_path, str(page), str(DPI), out]
    else:
        die("unknown renderer %s" % renderer)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0 or not os.path.exists(out):
        die("%s failed on page %d: %s" % (renderer, page, result.stderr.strip()))
    return read_pgm(out)


def ink(image, page_height, rect):
    w, h, pixels = image
    scale = DPI / 72.0
    x0, y0, x1, y1 = (float(v) for v in rect)
    # one point in from each side; PDF y grows upwards, the image's down
    px0, px1 = int((x0 + 1) * scale), int((x1 - 1) * scale)
    py0, py1 = int((page_height - y1 + 1) * scale), int((page_height - y0 - 1) * scale)
    count = 0
    for y in range(max(py0, 0), min(py1, h)):
        row = pixels[y * w:(y + 1) * w]
        count += sum(1 for x in range(max(px0, 0), min(px1, w)) if row[x] < DARK)
    return count


def main(argv):
    args = argv[1:]
    renderers = []
    while len(args) >= 2 and args[0] == "--renderer":
        renderers.append(args[1])
        args = args[2:]
    if len(args) < 2:
        die("usage: ink-check.py [--renderer NAME]... FORM.pdf FIELD[:empty]...")
    pdf_path, wanted = args[0], args[1:]
    expect = {}
    for spec in wanted:
        name, _, kind = spec.partition(":")
        expect[name] = kind != "empty"
    with pikepdf.open(pdf_path) as pdf:
        widgets = {}
        heights = {}
        for w in fillerlib.walk_widgets(pdf):
            if w["name"] in expect:
                widgets[w["name"]] = (w["page"] + 1, list(w["obj"].Rect))
        for i, page in enumerate(pdf.pages):
            heights[i + 1] = float(page.MediaBox[3])
    for name in expect:
        if name not in widgets:
            die("%s: no widget for %s" % (pdf_path, name))

    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for renderer in renderers or RENDERERS:
            images = {}
            for name, should in expect.items():
                page, rect = widgets[name]
                if page not in images:
                    images[page] = render(renderer, pdf_path, page, tmp)
                count = ink(images[page], heights[page], rect)
                ok = count >= MIN_INK if should else count == 0
                print("%-8s %-22s %6d dark pixels %s" % (renderer, name, count,
                                                          "ok" if ok else "FAIL"))
                if not ok:
                    failures.append("%s: %s: %d dark pixels, expected %s"
                                    % (renderer, name, count,
                                       "ink" if should else "none"))
    for f in failures:
        sys.stderr.write("%s: %s: %s\n" % (PROG, pdf_path, f))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
