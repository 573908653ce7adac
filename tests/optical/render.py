"""Pages to pixels with Poppler's pdftoppm, and how much ink lies in a box.

pdftoppm is the "printer" of the simulation: a filled form is printed as
Poppler draws it (including, when a filler set /NeedAppearances, Poppler's
own redrawn radio buttons). The same rendering tells the truth of a
flattened reply: what ink is really in each box after the filler and the
flattener had their way, compared with the blank form drawn at the same
resolution.
"""

import glob
import os
import subprocess
import tempfile

import numpy as np
from PIL import Image


def render(pdf, dpi, colour=False, pages=None):
    """The pages of PDF as uint8 arrays (grey: HxW, colour: HxWx3).

    pages: 1-based page numbers to render (all when None)."""
    with tempfile.TemporaryDirectory(prefix="tf-render-") as tmp:
        base = os.path.join(tmp, "p")
        cmd = ["pdftoppm", "-r", str(dpi)]
        if not colour:
            cmd.append("-gray")
        if pages is not None and len(pages) == 1:
            cmd += ["-f", str(pages[0]), "-l", str(pages[0])]
        subprocess.run(cmd + [pdf, base], check=True, capture_output=True)
        files = sorted(glob.glob(base + "-*.p?m"), key=lambda f: int(f.rsplit("-", 1)[1].split(".")[0]))
        images = {}
        for f in files:
            n = int(f.rsplit("-", 1)[1].split(".")[0])
            images[n] = np.asarray(Image.open(f)).copy()
    if pages is None:
        return [images[n] for n in sorted(images)]
    return [images[n] for n in pages]


def to_px(rect, page_height_pt, dpi):
    """A rectangle in points (bottom-left origin) → pixel box (x0, y0, x1, y1), top-left origin."""
    s = dpi / 72.0
    x0, y0, x1, y1 = rect
    return (int(round(x0 * s)), int(round((page_height_pt - y1) * s)),
            int(round(x1 * s)), int(round((page_height_pt - y0) * s)))


def interior(rect, inset_pt=1.6):
    """The inside of a box, clear of its printed outline (0.8 pt line)."""
    x0, y0, x1, y1 = rect
    return (x0 + inset_pt, y0 + inset_pt, x1 - inset_pt, y1 - inset_pt)


def inside(box):
    """Where to look for the form's own mark: clear of the outline. For a
    circle, the square inscribed in it (a square inset from the widget's
    rectangle would catch the outline at its corners)."""
    if box.round:
        half = (box.rect[2] - box.rect[0]) / 2 - 1.2   # the disc inside the outline
        return interior(box.rect, (box.rect[2] - box.rect[0]) / 2 - half / 2 ** 0.5)
    return interior(box.rect)


def darkness(image, rect, page_height_pt, dpi):
    """Mean darkness (0 white … 1 black) of RECT (points) in a grey page image."""
    x0, y0, x1, y1 = to_px(rect, page_height_pt, dpi)
    region = image[max(y0, 0):max(y1, y0 + 1), max(x0, 0):max(x1, x0 + 1)]
    if region.ndim == 3:
        region = region.mean(axis=2)
    if region.size == 0:
        return 0.0
    return float(1.0 - region.mean() / 255.0)


# Above this much extra darkness inside a box (over the blank form) the
# form's own mark is drawn there; below EMPTY it is clean. The form's
# check mark adds ~0.35 and Poppler's redrawn ZapfDingbats ~0.23; a blank
# box adds 0.00. In between is not expected and is reported as doubtful.
TICKED_AT = 0.10
EMPTY_BELOW = 0.03


def box_states(images, blank_images, geom, dpi, page_map=None):
    """For each box: 'ticked', 'empty' or 'doubtful', from the ink drawn in it.

    images/blank_images: grey page images of the reply and of the blank form
    at DPI, in form page order. Returns {(group, state): (verdict, delta)}."""
    result = {}
    for b in geom.boxes:
        h = geom.page_size[b.page][1]
        inner = inside(b)
        delta = darkness(images[b.page], inner, h, dpi) - darkness(blank_images[b.page], inner, h, dpi)
        if delta >= TICKED_AT:
            verdict = "ticked"
        elif delta < EMPTY_BELOW:
            verdict = "empty"
        else:
            verdict = "doubtful"
        result[(b.group, b.state)] = (verdict, round(delta, 3))
    return result


_blank_cache = {}


def blank_pages(form_pdf, dpi, colour=False):
    """The blank form rendered at DPI, kept for the life of the process."""
    key = (form_pdf, dpi, colour)
    if key not in _blank_cache:
        _blank_cache[key] = render(form_pdf, dpi, colour)
    return _blank_cache[key]
