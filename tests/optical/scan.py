"""What a scanner does to a printed page.

Each distortion is chosen once per reply (a batch goes through one
scanner with one setting) with a little drift per page, and every value
is returned for the truth file. Ranges are those of office scanners and
phone-camera apps set to "document": the page a few percent smaller
(fit to page), skewed by up to 2 degrees, shifted a few millimetres,
slightly soft, noisy, on off-white paper, JPEG-compressed; some scanners
send black-and-white (1 bit) pages instead.
"""

import io
import math

import numpy as np
from PIL import Image, ImageFilter

DPIS = [150, 200, 300]


def choose(rng, dpi=None):
    """The scanner's settings for one reply."""
    mode = rng.choices(["grey", "colour", "bilevel"], weights=[60, 25, 15])[0]
    settings = {
        "dpi": dpi or rng.choice(DPIS),
        "mode": mode,
        "scale": round(rng.uniform(0.95, 1.0), 4),
        "rotation_deg": round(rng.uniform(-2.0, 2.0) if rng.random() < 0.85 else 0.0, 3),
        "shift_mm": [round(rng.uniform(-4, 4), 2), round(rng.uniform(-4, 4), 2)],
        "blur_px": round(rng.choice([0, 0.4, 0.6, 0.8, 1.0, 1.3]), 2),
        "noise_sigma": round(rng.choice([0, 2, 3, 5, 8]), 1),
        "background": rng.randint(215, 250),
        # Colour scans are stored smaller (a 300 dpi colour page at 95 is 2-3 MB).
        "jpeg_quality": None if mode == "bilevel" else rng.choice(
            [25, 35, 50, 65, 75, 85] if mode == "colour" else [25, 35, 50, 65, 75, 85, 95]),
        "threshold": None,
    }
    if mode == "bilevel":
        # A 1-bit scanner thresholds the sharp signal near the middle of
        # paper and ink; it does not blur first.
        settings["blur_px"] = min(settings["blur_px"], 0.6)
        settings["threshold"] = int(settings["background"] * rng.uniform(0.6, 0.72))
    return settings


def page_drift(rng, settings):
    """Small differences from page to page of one scan: each sheet is fed anew."""
    return {"rotation_deg": round(settings["rotation_deg"] + rng.uniform(-0.3, 0.3), 3),
            "shift_mm": [round(v + rng.uniform(-0.8, 0.8), 2) for v in settings["shift_mm"]]}


def _affine(image, scale, rotation_deg, shift_px, fill):
    """Scale about the page centre, rotate, shift; the page keeps its size."""
    h, w = image.shape[:2]
    mode = "L" if image.ndim == 2 else "RGB"
    im = Image.fromarray(image, mode)
    a = math.radians(rotation_deg)
    cx, cy = w / 2, h / 2
    # PIL maps each output pixel back to an input pixel: the inverse transform.
    cos, sin = math.cos(a) / scale, math.sin(a) / scale
    dx, dy = shift_px
    ox, oy = cx + dx, cy + dy
    coeffs = (cos, sin, cx - cos * ox - sin * oy,
              -sin, cos, cy + sin * ox - cos * oy)
    out = im.transform((w, h), Image.AFFINE, coeffs, resample=Image.BILINEAR,
                       fillcolor=fill if mode == "L" else (fill,) * 3)
    return np.asarray(out)


def distort(image, settings, drift, rng_np):
    """One printed page image → the scanned image (uint8 array)."""
    dpi = settings["dpi"]
    mm = dpi / 25.4
    shift = (drift["shift_mm"][0] * mm, drift["shift_mm"][1] * mm)
    img = _affine(image, settings["scale"], drift["rotation_deg"], shift, 255)
    if settings["blur_px"]:
        mode = "L" if img.ndim == 2 else "RGB"
        img = np.asarray(Image.fromarray(img, mode).filter(ImageFilter.GaussianBlur(settings["blur_px"])))
    img = img.astype(np.float32)
    # Off-white paper and uneven lighting: white becomes the background
    # grey, a little darker towards one edge.
    h, w = img.shape[:2]
    along_rows = rng_np.random() < 0.5
    ramp = np.linspace(1.0, 0.97, h if along_rows else w, dtype=np.float32)
    ramp *= settings["background"] / 255.0
    ramp = ramp[:, None] if along_rows else ramp[None, :]
    if img.ndim == 3:
        ramp = ramp[..., None]
    img *= ramp
    if settings["noise_sigma"]:
        # Sensor noise is mostly in brightness: one field for all channels.
        noise = rng_np.standard_normal(img.shape[:2], dtype=np.float32)
        noise *= settings["noise_sigma"]
        img += noise if img.ndim == 2 else noise[..., None]
    np.clip(img, 0, 255, out=img)
    img = img.astype(np.uint8)
    if settings["mode"] == "bilevel":
        img = img if img.ndim == 2 else np.asarray(Image.fromarray(img, "RGB").convert("L"))
        img = ((img > settings["threshold"]) * 255).astype(np.uint8)
    return img


def where(point_px, image_shape, settings, drift):
    """Where a point of the printed page lands in the scanned image."""
    h, w = image_shape[:2]
    mm = settings["dpi"] / 25.4
    a = math.radians(drift["rotation_deg"])
    s = settings["scale"]
    x, y = point_px[0] - w / 2, point_px[1] - h / 2
    # The inverse of _affine's mapping (see there).
    u = s * (math.cos(a) * x - math.sin(a) * y) + w / 2 + drift["shift_mm"][0] * mm
    v = s * (math.sin(a) * x + math.cos(a) * y) + h / 2 + drift["shift_mm"][1] * mm
    return u, v


def ink_after(scanned, box_px, settings, drift):
    """Mean darkness of a box's inside in the scanned image, relative to the
    paper (0 paper … 1 black). box_px: (x0, y0, x1, y1) in printed pixels."""
    cx, cy = where(((box_px[0] + box_px[2]) / 2, (box_px[1] + box_px[3]) / 2), scanned.shape,
                   settings, drift)
    half = max((box_px[2] - box_px[0]) * settings["scale"] / 2 - 1, 1)
    y0, y1 = int(round(cy - half)), int(round(cy + half))
    x0, x1 = int(round(cx - half)), int(round(cx + half))
    region = scanned[max(y0, 0):max(y1, 1), max(x0, 0):max(x1, 1)]
    if region.size == 0:
        return 0.0
    if region.ndim == 3:
        region = region.mean(axis=2)
    paper = 255.0 if settings["mode"] == "bilevel" else float(settings["background"])
    return max(0.0, 1.0 - float(region.mean()) / paper)


def rotate(image, degrees_clockwise):
    """The page turned on the glass: 0, 90, 180 or 270 degrees clockwise."""
    return np.ascontiguousarray(np.rot90(image, k=-(degrees_clockwise // 90) % 4))


def encode(image, settings):
    """The page as the scanner stores it: JPEG, or 1-bit PNG for bilevel."""
    buf = io.BytesIO()
    dpi = (settings["dpi"], settings["dpi"])
    if settings["mode"] == "bilevel":
        Image.fromarray(image, "L").convert("1").save(buf, "PNG", dpi=dpi)
    else:
        mode = "L" if image.ndim == 2 else "RGB"
        Image.fromarray(image, mode).save(buf, "JPEG", quality=settings["jpeg_quality"], dpi=dpi)
    return buf.getvalue()


def pack(pages, dpi, out_pdf):
    """Encoded page images → one PDF, each page its image at the scan's dpi."""
    import img2pdf
    layout = img2pdf.get_fixed_dpi_layout_fun((dpi, dpi))
    with open(out_pdf, "wb") as f:
        # No date: the same seed gives the same bytes.
        f.write(img2pdf.convert(pages, layout_fun=layout, nodate=True))
