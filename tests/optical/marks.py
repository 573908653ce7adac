"""Pen marks, stamps and signatures, drawn where the form's boxes are.

Each function returns one ink.Mark for one page; generate.py lays them on
the rendered page and truth.py judges each box from the ink that really
fell into it. Sizes are in points (1/72 in); a box is 10.5 pt (authority
square) or 9.5 pt (comments circle).

Answer marks (what a person does to choose a box): tick, cross, slash,
fill, circle. Hard marks (a careful reader may only call the box
doubtful): correction, crossing-stroke, stamp, signature, faint.
"""

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

import ink
from formgeom import SOURCE_DIR

FONT = SOURCE_DIR + "/fonts/TapformSans-Bold.ttf"   # the shipped bold (Latin)

PENS = {
    # colour name -> RGB of the ink as a colour scanner sees it
    "black": (25, 25, 35),
    "blue": (35, 60, 170),
}
STAMP_INKS = {"violet": (110, 50, 150), "blue": (40, 70, 180), "red": (190, 35, 45),
              "black": (40, 40, 40)}
ANSWER_KINDS = ["tick", "cross", "slash", "fill", "circle"]


def pick_pen(rng):
    colour = rng.choice(["black", "black", "blue", "blue", "blue"])
    width_mm = rng.choice([0.3, 0.4, 0.5, 0.5, 0.7, 0.9])
    return {"colour": colour, "width_mm": width_mm, "opacity": round(rng.uniform(0.8, 0.97), 2)}


def _mm(v):
    return v * 72 / 25.4


def _make(kind, paths, pen, box, geom, dpi, rng, info=None):
    page_h = geom.page_size[box.page][1]
    mask, origin = ink.raster_strokes(paths, _mm(pen["width_mm"]), page_h, dpi, rng)
    return ink.Mark(kind, box.page, mask, origin, PENS[pen["colour"]], pen["opacity"],
                    (box.group, box.state), dict(info or {}, pen=pen))


def tick(rng, box, pen, geom, dpi, overshoot=0.0, scale=1.0):
    """✓: a short stroke down to the bottom, a long one up to the top right.
    overshoot (points) carries the long stroke past the box's corner."""
    x0, y0, x1, y1 = box.rect
    s = (x1 - x0) * scale
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = (cx - 0.38 * s + rng.uniform(-0.08, 0.08) * s, cy + rng.uniform(-0.05, 0.15) * s)
    valley = (cx - 0.08 * s + rng.uniform(-0.08, 0.08) * s, cy - 0.36 * s + rng.uniform(-0.06, 0.06) * s)
    top = (cx + 0.40 * s + overshoot * 0.7, cy + 0.42 * s + overshoot)
    path = ink.hand_path(rng, [left, valley, top], 0.35)
    return _make("tick", [path], pen, box, geom, dpi, rng, {"overshoot_pt": round(overshoot, 2)})


def cross(rng, box, pen, geom, dpi, overshoot=0.0):
    """✗: two diagonals, each drawn on its own."""
    x0, y0, x1, y1 = box.rect
    m = -overshoot + 0.12 * (x1 - x0)
    j = lambda: rng.uniform(-0.6, 0.6)
    a = ink.hand_path(rng, [(x0 + m + j(), y1 - m + j()), (x1 - m + j(), y0 + m + j())], 0.3)
    b = ink.hand_path(rng, [(x0 + m + j(), y0 + m + j()), (x1 - m + j(), y1 - m + j())], 0.3)
    return _make("cross", [a, b], pen, box, geom, dpi, rng, {"overshoot_pt": round(overshoot, 2)})


def slash(rng, box, pen, geom, dpi, overshoot=0.0):
    """/: one diagonal from bottom left to top right."""
    x0, y0, x1, y1 = box.rect
    m = -overshoot + 0.12 * (x1 - x0)
    j = lambda: rng.uniform(-0.6, 0.6)
    a = ink.hand_path(rng, [(x0 + m + j(), y0 + m + j()), (x1 - m + j(), y1 - m + j())], 0.3)
    return _make("slash", [a], pen, box, geom, dpi, rng, {"overshoot_pt": round(overshoot, 2)})


def _scribble(rng, rect, spacing):
    """A back-and-forth hatch filling RECT, as a pen fills a box."""
    x0, y0, x1, y1 = rect
    pts, y, left = [], y0, True
    while y <= y1:
        pts.append((x0 + rng.uniform(-0.3, 0.3), y) if left else (x1 + rng.uniform(-0.3, 0.3), y))
        pts.append((x1 + rng.uniform(-0.3, 0.3), y + spacing / 2) if left else (x0 + rng.uniform(-0.3, 0.3), y + spacing / 2))
        y += spacing
        left = not left
    return ink.hand_path(rng, pts, 0.15, samples_per_pt=2.0)


def fill(rng, box, pen, geom, dpi):
    """The box filled in with the pen, roughly within its outline."""
    x0, y0, x1, y1 = box.rect
    inset = 0.9
    width = _mm(pen["width_mm"])
    path = _scribble(rng, (x0 + inset, y0 + inset, x1 - inset, y1 - inset), max(width * 1.3, 1.2))
    return _make("fill", [path], pen, box, geom, dpi, rng)


def circle(rng, box, pen, geom, dpi):
    """A ring drawn around the box and (part of) its label: "this one"."""
    lx1 = box.label[2]
    # People ring the box and the first words, rarely a whole long line.
    words = rng.uniform(0.25, 1.0)
    x0 = box.rect[0] - rng.uniform(4.5, 7.0)
    x1 = box.rect[2] + (lx1 - box.rect[2]) * words + rng.uniform(2, 5)
    y0 = min(box.rect[1], box.label[1]) - rng.uniform(1.0, 2.0)
    y1 = max(box.rect[3], box.label[3]) + rng.uniform(1.0, 2.0)
    cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
    # Round the ends of the ring so that it clears the box corners.
    ry = max(ry, (box.rect[3] - box.rect[1]) / 2 + 2.0) * 1.2
    start = rng.uniform(0, 2 * math.pi)
    sweep = 2 * math.pi + rng.uniform(0.15, 0.5)
    t = np.linspace(start, start + sweep, 90)
    # A superellipse (exponent 2.6): fuller than an ellipse at the ends,
    # so the ring passes around the box instead of through it.
    e = 2 / 2.6
    c, s = np.cos(t), np.sin(t)
    pts = np.stack([cx + rx * np.sign(c) * np.abs(c) ** e, cy + ry * np.sign(s) * np.abs(s) ** e], axis=1)
    path = ink.hand_path(rng, pts, 0.5)
    return _make("circle", [path], pen, box, geom, dpi, rng, {"ring_pt": [round(v, 1) for v in (x0, y0, x1, y1)]})


def correction(rng, box, pen, geom, dpi):
    """The box blacked out to cancel it: dense, dark, past its outline."""
    x0, y0, x1, y1 = box.rect
    out = rng.uniform(0.8, 2.5)
    heavy = dict(pen, width_mm=max(pen["width_mm"], 0.7), opacity=0.97)
    width = _mm(heavy["width_mm"])
    a = _scribble(rng, (x0 - out, y0 - out, x1 + out, y1 + out), width * 0.9)
    b = _scribble(rng, (x0 - out, y0 - out, x1 + out, y1 + out), width * 1.1)
    return _make("correction", [a, b], heavy, box, geom, dpi, rng, {"overshoot_pt": round(out, 2)})


def crossing_stroke(rng, box, pen, geom, dpi):
    """A long stroke that passes through the box (a line struck across the
    row, an arrow, a slip of the pen)."""
    cx = rng.uniform(box.rect[0] + 2, box.rect[2] - 2)
    cy = rng.uniform(box.rect[1] + 2, box.rect[3] - 2)
    angle = math.radians(rng.uniform(-18, 18)) + (math.pi if rng.random() < 0.5 else 0)
    left, right = rng.uniform(15, 60), rng.uniform(15, 60)
    a = (cx - left * math.cos(angle), cy - left * math.sin(angle))
    b = (cx + right * math.cos(angle), cy + right * math.sin(angle))
    path = ink.hand_path(rng, [a, (cx, cy), b], 0.6)
    return _make("crossing-stroke", [path], pen, box, geom, dpi, rng)


def faint(rng, box, pen, geom, dpi):
    """A faint, tiny mark: a light grey touch of a pen or pencil."""
    x0, y0, x1, y1 = box.rect
    cx = rng.uniform(x0 + 3, x1 - 3)
    cy = rng.uniform(y0 + 3, y1 - 3)
    light = {"colour": "black", "width_mm": rng.choice([0.2, 0.3]), "opacity": round(rng.uniform(0.2, 0.35), 2)}
    if rng.random() < 0.5:
        path = ink.hand_path(rng, [(cx - 1, cy), (cx + rng.uniform(0.3, 2.5), cy + rng.uniform(-1.0, 1.0))], 0.2)
    else:
        path = ink.hand_path(rng, [(cx - 1.2, cy + 0.3), (cx - 0.3, cy - 1.0), (cx + 1.5, cy + 1.6)], 0.15)
    return _make("faint", [path], light, box, geom, dpi, rng, {"light": True})


def signature(rng, anchor, geom, dpi, page, pen, width_pt=None, target=None):
    """A scrawled signature: loops and a flourish, centred at ANCHOR (points)."""
    cx, cy = anchor
    width = width_pt or rng.uniform(60, 110)
    height = rng.uniform(16, 28)
    n = rng.randint(5, 9)            # loops, as the letters of a cursive name
    # A prolate cycloid: the pen runs right while circling, which draws
    # the loops of handwriting; each loop gets its own height.
    heights = [rng.uniform(0.35, 1.0) for _ in range(n + 1)]
    r = width / n / 2 * rng.uniform(0.7, 1.1)
    slant = rng.uniform(0.15, 0.45)     # handwriting leans right
    pts = []
    steps = n * 14
    for i in range(steps + 1):
        t = i / steps
        phase = t * n * 2 * math.pi
        loop_h = heights[min(int(t * n), n)] * height / 2
        x = cx - width / 2 + width * t - r * math.sin(phase)
        y = cy - loop_h * math.cos(phase) + loop_h * 0.3 - 0.25 * height * t
        pts.append((x + slant * (y - cy), y))
    flourish = [(cx - width * 0.45, cy - height * 0.55), (cx + width * 0.55, cy - height * 0.3 + rng.uniform(-3, 3))]
    paths = [ink.hand_path(rng, pts, 0.8, samples_per_pt=2.0), ink.hand_path(rng, flourish, 1.0)]
    page_h = geom.page_size[page][1]
    mask, origin = ink.raster_strokes(paths, _mm(pen["width_mm"]), page_h, dpi, rng)
    return ink.Mark("signature", page, mask, origin, PENS[pen["colour"]], pen["opacity"], target,
                    {"pen": pen, "centre_pt": [round(cx, 1), round(cy, 1)], "width_pt": round(width, 1)})


STAMP_WORDS = [("MINISTRY OF COMMUNICATIONS", "RECEIVED"), ("NATIONAL REGULATORY AUTHORITY", "OFFICIAL"),
               ("INTERNATIONAL RELATIONS DEPT.", "APPROVED"), ("TELECOMMUNICATIONS OFFICE", "OUTGOING")]


def _stamp_image(rng, diameter_px, round_stamp):
    """The stamp as an alpha mask (0..1), before rotation: rings and words."""
    k = 2
    size = diameter_px * k
    img = Image.new("L", (size, int(size * (1 if round_stamp else 0.55))), 0)
    d = ImageDraw.Draw(img)
    top, bottom = rng.choice(STAMP_WORDS)
    date = "%02d %s 2020" % (rng.randint(1, 28), rng.choice(["JUL", "AUG", "SEP"]))
    line = max(size // 60, 2)
    if round_stamp:
        d.ellipse([line, line, size - line, size - line], outline=255, width=line * 2)
        inner = size * 0.22
        d.ellipse([inner, inner, size - inner, size - inner], outline=255, width=line)
        f_small = ImageFont.truetype(FONT, max(size // 13, 6))
        f_big = ImageFont.truetype(FONT, max(size // 9, 8))
        # Words around the ring, letter by letter.
        r = size / 2 - line * 2 - size * 0.07
        letters = top
        span = math.radians(250)
        for i, ch in enumerate(letters):
            a = math.radians(180 + 55) + span * i / max(len(letters) - 1, 1)
            x = size / 2 + r * math.cos(a)
            y = size / 2 + r * math.sin(a)
            glyph = Image.new("L", (size // 8, size // 8), 0)
            ImageDraw.Draw(glyph).text((size // 16, size // 16), ch, fill=255, font=f_small, anchor="mm")
            glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BILINEAR)
            img.paste(255, (int(x - size // 16), int(y - size // 16)), glyph)
        d.text((size / 2, size / 2 - size * 0.05), bottom, fill=255, font=f_big, anchor="mm")
        d.text((size / 2, size / 2 + size * 0.09), date, fill=255, font=f_small, anchor="mm")
    else:
        w, h = img.size
        d.rectangle([line, line, w - line, h - line], outline=255, width=line * 2)
        d.rectangle([line * 5, line * 5, w - line * 5, h - line * 5], outline=255, width=line)
        f1 = ImageFont.truetype(FONT, max(h // 7, 8))
        f2 = ImageFont.truetype(FONT, max(h // 4, 10))
        d.text((w / 2, h * 0.27), top, fill=255, font=f1, anchor="mm")
        d.text((w / 2, h * 0.55), bottom, fill=255, font=f2, anchor="mm")
        d.text((w / 2, h * 0.8), date, fill=255, font=f1, anchor="mm")
    return img, {"text": [top, bottom, date]}


def stamp(rng, box, geom, dpi):
    """An ink stamp over a box: round or rectangular, patchy, tilted.

    It is placed so that its outer ring (or frame) runs through the box,
    so that its ink lies in the box itself."""
    round_stamp = rng.random() < 0.6
    diameter_pt = rng.uniform(28, 42) / 25.4 * 72
    s = dpi / 72.0
    img, info = _stamp_image(rng, int(diameter_pt * s), round_stamp)
    angle = rng.uniform(-25, 25)
    img = img.rotate(angle, resample=Image.BILINEAR, expand=True)
    img = img.resize((img.size[0] // 2, img.size[1] // 2), Image.BOX)
    mask = np.asarray(img, dtype=np.float32) / 255.0
    # Patchy ink: a stamp never prints evenly.
    noise = np.random.default_rng(rng.randrange(1 << 30)).uniform(0.55, 1.0, mask.shape).astype(np.float32)
    mask *= noise
    h, w = mask.shape
    # Which point of the stamp lies on the box: a point of the outer ring.
    ys, xs = np.nonzero(mask > 0.5)
    dist = np.hypot(xs - w / 2, ys - h / 2)
    outer = dist > np.percentile(dist, 80)
    i = rng.randrange(int(outer.sum()))
    px, py = xs[outer][i], ys[outer][i]
    page_h = geom.page_size[box.page][1]
    bx, by = (box.rect[0] + box.rect[2]) / 2 * s, (page_h - (box.rect[1] + box.rect[3]) / 2) * s
    origin = (int(bx - px), int(by - py))
    inkname = rng.choice(list(STAMP_INKS))
    info.update({"shape": "round" if round_stamp else "rectangular", "ink": inkname,
                 "size_mm": round(diameter_pt * 25.4 / 72, 1), "angle_deg": round(angle, 1)})
    return ink.Mark("stamp", box.page, mask, origin, STAMP_INKS[inkname],
                    round(rng.uniform(0.6, 0.9), 2), (box.group, box.state), info)


def answer_mark(kind, rng, box, pen, geom, dpi, overshoot):
    if kind == "tick":
        return tick(rng, box, pen, geom, dpi, overshoot, scale=rng.uniform(0.8, 1.25))
    if kind == "cross":
        return cross(rng, box, pen, geom, dpi, overshoot)
    if kind == "slash":
        return slash(rng, box, pen, geom, dpi, overshoot)
    if kind == "fill":
        return fill(rng, box, pen, geom, dpi)
    if kind == "circle":
        return circle(rng, box, pen, geom, dpi)
    raise ValueError(kind)
