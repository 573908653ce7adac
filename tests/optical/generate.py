#!/usr/bin/python3
"""Makes flattened and scanned replies to the form, each with its truth.

Usage: generate.py --seed N --count K --out DIR [--form PDF]
                   [--kinds flattened,scan-filled,scan-pen] [--dpi 150,200,300]
                   [--fillers ...] [--flatteners ...] [--jobs J] [--start I]

Reply I of seed N is the same whatever K, --jobs or the machine: each
reply draws from its own generator, seeded with (N, I). Writes
DIR/rN-IIII-KIND.pdf with DIR/rN-IIII-KIND.truth.json beside it, and
DIR/generation-rN-START.json (the run's settings and timings). README.md in this
folder describes the kinds, the truth file and the seeds.
"""

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import docshape  # noqa: E402
import filling  # noqa: E402
import flatten  # noqa: E402
import formgeom  # noqa: E402
import ink  # noqa: E402
import penwork  # noqa: E402
import render  # noqa: E402
import scan  # noqa: E402
import story  # noqa: E402
import truth  # noqa: E402

GENERATOR = "tapform optical generator 1"
KINDS = ["flattened", "scan-filled", "scan-pen"]
KIND_WEIGHTS = {"flattened": 30, "scan-filled": 25, "scan-pen": 45}
TRUTH_DPI = 100       # resolution at which a flattened reply's boxes are measured
FADE_CHECK_FROM = 0.05  # ink in a box worth checking after the scan
FADED_BELOW = 0.4       # less than this part of it left: the scan erased it
PROG = "generate.py"

# The run's shared state, set once in the parent before the workers fork.
CTX = {}


def die(msg, status=2):
    sys.stderr.write("%s: %s\n" % (PROG, msg))
    sys.exit(status)


def emit_default_form(path):
    exe = os.path.join(formgeom.SOURCE_DIR, "build", "tapform-emit")
    if not os.access(exe, os.X_OK):
        die("%s not found: build first (scripts/build.sh build -DTAPFORM_TESTS=OFF) or give --form" % exe)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1593561600")
    subprocess.run([exe, "-q", "-o", path], check=True, env=env)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def to_grey(image):
    if image.ndim == 2:
        return image
    return (image[..., 0] * 0.299 + image[..., 1] * 0.587 + image[..., 2] * 0.114).astype(np.uint8)


# ---------------------------------------------------------------- kinds

def first_that_works(rng, choices, attempt, failures):
    """Runs attempt(choice) on the choices in a random order until one
    works; each failure is kept for the truth file (a combination that
    fails, such as mutool convert on a PDFium reply with a substitute
    font, is itself a finding)."""
    order = rng.sample(choices, len(choices))
    for choice in order:
        try:
            return choice, attempt(choice)
        except RuntimeError as e:
            failures[choice] = str(e)[:300]
    raise RuntimeError("every choice failed: %s" % failures)


def fill_somehow(rng, tmp, fields, out, failures):
    return first_that_works(rng, CTX["fillers"],
                            lambda tool: filling.fill(tool, CTX["form"], fields, out, tmp), failures)[0]


def make_flattened(rng, tmp, meant, sender_values):
    """Filled with a real filler, flattened with a real flattener."""
    geom, form = CTX["geom"], CTX["form"]
    filled, flat = os.path.join(tmp, "filled.pdf"), os.path.join(tmp, "flat.pdf")
    failures = {}
    filler = fill_somehow(rng, tmp, story.fill_spec(meant, sender_values, True), filled, failures)
    flattener, run = first_that_works(rng, CTX["flatteners"],
                                      lambda f: flatten.flatten(f, filled, flat), failures)
    left = flatten.fields_left(flat)
    pages = render.render(flat, TRUTH_DPI)
    base = render.box_states(pages, render.blank_pages(form, TRUTH_DPI), geom, TRUTH_DPI)
    words = flatten.text_layer(flat)
    glyphs = flatten.glyphs_in_boxes(words, geom)
    info = {"filler": filler, "flattener": flattener, "flatten_command": run["command"],
            "failed_first": failures,
            "flattener_warnings": run["warnings"],
            "fields_left": left,
            "fields_removed": left["fields"] == 0 and left["widgets"] == 0,
            # How the ticks survive: as text (a Dingbats glyph) or as paths.
            "tick_glyphs": sorted(set(glyphs.values())),
            "tick_drawn_as": "text" if glyphs else "paths"}
    return flat, base, [], info, flatten.text_in_fields(words, geom)


def make_scan(rng, nprng, tmp, meant, sender_values, by_hand, shape, out_pdf):
    """Printed (pdftoppm), marked with a pen, scanned, packed as images."""
    geom, form = CTX["geom"], CTX["form"]
    settings = scan.choose(rng, rng.choice(CTX["dpis"]))
    dpi, colour = settings["dpi"], settings["mode"] == "colour"
    info = {"scan": settings}
    printed = form
    typed = {}
    if not by_hand or rng.random() < 0.75:
        printed = os.path.join(tmp, "filled.pdf")
        failures = {}
        info["filler"] = fill_somehow(rng, tmp, story.fill_spec(meant, sender_values, not by_hand),
                                      printed, failures)
        info["failed_first"] = failures
        typed = sender_values
    else:
        info["filler"] = None
    images = render.render(printed, dpi, colour)
    greys = [to_grey(im) for im in images]
    base = render.box_states(greys, render.blank_pages(form, dpi), geom, dpi)
    present = [p["form_page"] for p in shape if p["source"] == "form"]
    marks_cov, hard, pen = penwork.plan(rng, geom, dpi, meant, present, by_hand)
    covered = {}
    if geom.signature_zone and geom.signature_zone[0] + 1 in present and rng.random() < 0.6:
        sig = penwork.signature_block(rng, geom, dpi, pen)
        marks_cov.append((sig, ink.box_coverage(sig, geom, dpi)))
        ms = geom.text("sender.member_state")
        if ms:
            covered["sender.member_state"] = ink.coverage(sig, ms.rect, geom.page_size[ms.page][1], dpi)
        info["signature_block"] = sig.info
    for m, _ in marks_cov:
        ink.lay(images[m.page], m)
    info["hard_cases"] = hard
    info["marks"] = [dict({"kind": m.kind, "page": m.page + 1,
                           "target": list(m.target) if m.target else None},
                          **{k: v for k, v in m.info.items()}) for m, _ in marks_cov]

    encoded, drifts, faded = [], [], {}
    blank = render.blank_pages(form, dpi)
    for p in shape:
        if p["source"] == "cover-letter":
            cover = os.path.join(tmp, "cover.pdf")
            docshape.cover_letter(cover, sender_values.get("sender.name"))
            page = render.render(cover, dpi, colour)[0]
        else:
            page = images[p["form_page"] - 1]
        drift = scan.page_drift(rng, settings)
        img = scan.distort(page, settings, drift, nprng)
        if p["source"] == "form":
            faded.update(faded_boxes(p["form_page"] - 1, to_grey(page), blank, img, settings, drift))
        img = scan.rotate(img, p["rotation"])
        encoded.append(scan.encode(img, settings))
        drifts.append(drift)
    scan.pack(encoded, dpi, out_pdf)
    info["page_drift"] = drifts
    drawn = flatten.text_in_fields(flatten.text_layer(printed), geom) if typed else None
    info["faded_by_scan"] = {"%s=%s" % k: v for k, v in faded.items()}
    return base, marks_cov, info, typed, drawn, covered, faded


def faded_boxes(page, printed, blank, scanned, settings, drift):
    """Boxes whose ink the scan all but erased: {(group, state): (before, after)}.

    Blur, a light JPEG and above all a 1-bit threshold can wipe out a thin
    or light stroke; the truth must then not claim the box shows a tick.
    Measured as the mean darkness of the box's inside before (printed and
    marked, less the blank form) and after the scan (relative to the paper)."""
    geom, dpi = CTX["geom"], settings["dpi"]
    out = {}
    for b in geom.boxes:
        if b.page != page:
            continue
        h = geom.page_size[page][1]
        inner = render.inside(b)
        before = render.darkness(printed, inner, h, dpi) - render.darkness(blank[page], inner, h, dpi)
        if before < FADE_CHECK_FROM:
            continue
        after = scan.ink_after(scanned, render.to_px(inner, h, dpi), settings, drift)
        if after < FADED_BELOW * before:
            out[(b.group, b.state)] = (round(before, 3), round(after, 3))
    return out


# ---------------------------------------------------------------- one reply

def make_reply(index):
    seed = CTX["seed"]
    t0 = time.monotonic()
    rng = random.Random("%d/%d" % (seed, index))
    nprng = np.random.default_rng([seed, index])
    geom = CTX["geom"]
    kind = rng.choices(CTX["kinds"], weights=[KIND_WEIGHTS[k] for k in CTX["kinds"]])[0]
    name = "r%d-%04d-%s" % (seed, index, kind)
    out_pdf = os.path.join(CTX["out"], name + ".pdf")
    meant = story.answers(rng, geom.keys)
    sender_values = story.sender(rng, geom.member_state is not None, CTX["states"])
    shape, shape_applied = docshape.choose(rng, geom.pages)
    missing = docshape.missing(shape, geom.pages)

    with tempfile.TemporaryDirectory(prefix="tf-optgen-") as tmp:
        if kind == "flattened":
            flat, base, marks_cov, info, drawn = make_flattened(rng, tmp, meant, sender_values)
            typed, covered, faded = sender_values, {}, {}
            if shape == [{"source": "form", "form_page": n, "rotation": 0}
                         for n in range(1, geom.pages + 1)]:
                shutil.copyfile(flat, out_pdf)
            else:
                cover = None
                if any(p["source"] == "cover-letter" for p in shape):
                    cover = os.path.join(tmp, "cover.pdf")
                    docshape.cover_letter(cover, sender_values.get("sender.name"))
                docshape.assemble_vector(shape, flat, cover, out_pdf)
        else:
            base, marks_cov, info, typed, drawn, covered, faded = make_scan(
                rng, nprng, tmp, meant, sender_values, kind == "scan-pen", shape, out_pdf)

    boxes = truth.judge_boxes(geom, base, marks_cov, missing, faded)
    record = {
        "generator": GENERATOR,
        "file": os.path.basename(out_pdf),
        "seed": seed, "index": index, "kind": kind,
        "form": {"id": geom.form_id, "file": CTX["form_name"], "sha256": CTX["form_sha256"],
                 "pages": geom.pages},
        "member_state_prefilled": geom.member_state,
        "dpi": info.get("scan", {}).get("dpi"),
        "document": {"pages": shape, "page_count": len(shape), "applied": shape_applied,
                     "form_pages_missing": missing},
        "sender": truth.sender_truth(dict(typed, **({"sender.member_state": geom.member_state}
                                                   if geom.member_state else {})),
                                     drawn, missing, geom, covered),
    }
    record.update(info)
    record["texts"] = truth.judge_answers(geom, boxes, meant)
    record["boxes"] = boxes
    record["seconds"] = round(time.monotonic() - t0, 3)
    with open(os.path.join(CTX["out"], name + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return name, kind, record["seconds"]


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n")[1])
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--form", help="the form to fill (default: build/tapform-emit's blank form)")
    p.add_argument("--kinds", default=",".join(KINDS), help="comma-separated, of: " + ", ".join(KINDS))
    p.add_argument("--dpi", default="150,200,300", help="scan resolutions to choose from")
    p.add_argument("--fillers", help="fillers to choose from (default: every available one)")
    p.add_argument("--flatteners", help="default: " + ",".join(flatten.FLATTENERS))
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--start", type=int, default=0, help="index of the first reply (default 0)")
    a = p.parse_args(argv)
    a.kinds = [k for k in a.kinds.split(",") if k]
    for k in a.kinds:
        if k not in KINDS:
            p.error("unknown kind %r (kinds: %s)" % (k, ", ".join(KINDS)))
    try:
        a.dpi = [int(d) for d in a.dpi.split(",")]
    except ValueError:
        p.error("--dpi takes numbers, e.g. 150,300")
    a.flatteners = a.flatteners.split(",") if a.flatteners else list(flatten.FLATTENERS)
    for f in a.flatteners:
        if f not in flatten.FLATTENERS:
            p.error("unknown flattener %r" % f)
    if a.count < 0 or a.jobs < 1:
        p.error("--count must be at least 0 and --jobs at least 1")
    return a


def main(argv):
    a = parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    keep = tempfile.mkdtemp(prefix="tf-optgen-form-")
    try:
        form = a.form
        if not form:
            form = os.path.join(keep, "annex2-circular-246.pdf")
            emit_default_form(form)
        available = filling.available()
        fillers = a.fillers.split(",") if a.fillers else available
        for f in fillers:
            if f not in available:
                die("filler %r is not available here (tests/fillers/fill --list)" % f)
        CTX.update(seed=a.seed, out=a.out, form=os.path.abspath(form), kinds=a.kinds, dpis=a.dpi,
                   fillers=fillers, flatteners=a.flatteners, geom=formgeom.load(form),
                   states=story.member_state_names(),
                   form_name=os.path.basename(a.form) if a.form else "tapform-emit (blank)",
                   form_sha256=sha256(form))
        t0 = time.monotonic()
        indices = range(a.start, a.start + a.count)
        done = []
        if a.jobs == 1:
            done = [make_reply(i) for i in indices]
        else:
            with multiprocessing.get_context("fork").Pool(a.jobs) as pool:
                done = list(pool.imap(make_reply, indices))
        wall = time.monotonic() - t0
    finally:
        shutil.rmtree(keep, ignore_errors=True)
    per_kind = {}
    for _, kind, secs in done:
        per_kind.setdefault(kind, []).append(secs)
    summary = {"generator": GENERATOR, "seed": a.seed, "start": a.start, "count": a.count,
               "kinds": a.kinds, "dpi": a.dpi, "fillers": fillers, "flatteners": a.flatteners,
               "form": CTX["form_name"], "form_sha256": CTX["form_sha256"], "jobs": a.jobs,
               "wall_seconds": round(wall, 2),
               "per_kind": {k: {"replies": len(v), "mean_seconds": round(sum(v) / len(v), 3)}
                            for k, v in sorted(per_kind.items())}}
    with open(os.path.join(a.out, "generation-r%d-%d.json" % (a.seed, a.start)), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1)
        f.write("\n")
    sys.stderr.write("%s: %d replies in %s in %.1f s (%s)\n" % (
        PROG, len(done), a.out, wall,
        ", ".join("%s %d" % (k, len(v)) for k, v in sorted(per_kind.items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
