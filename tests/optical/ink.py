"""Ink on a page image: rasterising hand strokes, laying ink on paper, and
measuring how much of one mark fell into each box.

A mark is kept as its own alpha mask (a small array where it lies on the
page) so that the truth can be measured from the ink itself: which boxes
a stroke really entered, not which box it was aimed at.
"""

import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from render import interior, to_px

SUPERSAMPLE = 3   # strokes are drawn 3x larger and scaled down: smooth edges


@dataclass
class Mark:
    kind: str                 # "tick", "cross", "stamp", …
    page: int                 # 0-based form page
    mask: np.ndarray          # float32 0..1, local
    origin: tuple             # (x, y) of mask[0, 0] in page pixels
    ink: tuple                # (r, g, b) of the ink
    opacity: float
    target: tuple = None      # (group, state) it was aimed at, if any
    info: dict = field(default_factory=dict)


def hand_path(rng, points, jitter_pt, samples_per_pt=1.5):
    """A hand-drawn path through POINTS: resampled densely and bent by a
    slow random wobble (no pen moves in straight lines)."""
    pts = np.asarray(points, dtype=float)
    seg = np.hypot(*np.diff(pts, axis=0).T)
    total = max(seg.sum(), 1e-6)
    n = max(int(total * samples_per_pt), 8)
    t = np.linspace(0, total, n)
    cum = np.concatenate([[0], np.cumsum(seg)])
    x = np.interp(t, cum, pts[:, 0])
    y = np.interp(t, cum, pts[:, 1])
    for axis in (x, y):
        for _ in range(2):
            amp = rng.uniform(0, jitter_pt)
            freq = rng.uniform(0.5, 2.0) * 2 * math.pi / max(total, 1)
            axis += amp * np.sin(freq * t + rng.uniform(0, 2 * math.pi))
    return np.stack([x, y], axis=1)


def raster_strokes(paths, width_pt, page_h, dpi, rng=None, pressure=0.25):
    """Paths (arrays of (x, y) points, bottom-left origin) → (mask, origin).

    The width varies a little along the stroke, as pen pressure does."""
    s = dpi / 72.0
    allpts = np.concatenate(paths)
    pad = width_pt * 2 + 2
    x0, y0 = allpts[:, 0].min() - pad, allpts[:, 1].min() - pad
    x1, y1 = allpts[:, 0].max() + pad, allpts[:, 1].max() + pad
    ox, oy = int(math.floor(x0 * s)), int(math.floor((page_h - y1) * s))
    w = int(math.ceil((x1 - x0) * s)) + 2
    h = int(math.ceil((y1 - y0) * s)) + 2
    k = SUPERSAMPLE
    img = Image.new("L", (w * k, h * k), 0)
    draw = ImageDraw.Draw(img)
    for path in paths:
        px = [((p[0] * s - ox) * k, ((page_h - p[1]) * s - oy) * k) for p in path]
        # Pressure changes slowly along a stroke, never from point to point.
        freq = rng.uniform(0.5, 2.0) if rng is not None else 0
        phase = rng.uniform(0, 2 * math.pi) if rng is not None else 0
        for i in range(len(px) - 1):
            f = 1.0 + pressure * math.sin(2 * math.pi * freq * i / len(px) + phase)
            wpx = max(width_pt * s * k * f, 1.0)
            draw.line([px[i], px[i + 1]], fill=255, width=int(round(wpx)))
            r = wpx / 2
            draw.ellipse([px[i + 1][0] - r, px[i + 1][1] - r, px[i + 1][0] + r, px[i + 1][1] + r], fill=255)
    img = img.resize((w, h), Image.BOX)
    return np.asarray(img, dtype=np.float32) / 255.0, (ox, oy)


def lay(image, mark):
    """Lays MARK's ink on IMAGE (uint8, grey or RGB) in place, as ink does:
    it darkens what is under it (a multiply), never lightens it."""
    ox, oy = mark.origin
    h, w = mark.mask.shape
    H, W = image.shape[:2]
    xa, ya = max(ox, 0), max(oy, 0)
    xb, yb = min(ox + w, W), min(oy + h, H)
    if xa >= xb or ya >= yb:
        return
    a = mark.mask[ya - oy:yb - oy, xa - ox:xb - ox] * mark.opacity
    region = image[ya:yb, xa:xb].astype(np.float32)
    if image.ndim == 2:
        r, g, b = mark.ink
        ink = (0.299 * r + 0.587 * g + 0.114 * b) / 255.0
        region *= 1.0 - a * (1.0 - ink)
    else:
        for c in range(3):
            region[..., c] *= 1.0 - a * (1.0 - mark.ink[c] / 255.0)
    image[ya:yb, xa:xb] = np.clip(region, 0, 255).astype(np.uint8)


def coverage(mark, rect_pt, page_h, dpi, disc=False):
    """How much of RECT (points) the mark's ink covers, 0..1 (alpha-weighted);
    disc: of the disc inscribed in RECT only."""
    x0, y0, x1, y1 = to_px(rect_pt, page_h, dpi)
    ox, oy = mark.origin
    h, w = mark.mask.shape
    xa, ya, xb, yb = max(x0, ox), max(y0, oy), min(x1, ox + w), min(y1, oy + h)
    if xa >= xb or ya >= yb:
        return 0.0
    ink = mark.mask[ya - oy:yb - oy, xa - ox:xb - ox] * mark.opacity
    if not disc:
        return float(ink.sum() / max((x1 - x0) * (y1 - y0), 1))
    cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2
    yy, xx = np.mgrid[ya:yb, xa:xb]
    inside = ((xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2) <= r * r
    return float((ink * inside).sum() / max(math.pi * r * r, 1))


def box_coverage(mark, geom, dpi, strict=False):
    """{(group, state): coverage} of the mark in each box's inside (its page only).

    strict: over the widget's whole rectangle, outline included (for
    keeping answer marks well clear of other boxes)."""
    out = {}
    for b in geom.boxes:
        if b.page != mark.page:
            continue
        rect = b.rect if strict else interior(b.rect, 1.0)
        c = coverage(mark, rect, geom.page_size[b.page][1], dpi, disc=b.round and not strict)
        if c > 0:
            out[(b.group, b.state)] = c
    return out
