"""What the administration's pen does on the printed form, answer by answer.

Decides, for one reply, which mark goes where: the answer marks of a form
ticked by hand, and the hard cases (a correction, two boxes ticked, a
stroke through a box, a faint mark, a stamp, a signature over a box).
Every mark is drawn, measured box by box, and kept with its coverage so
that truth.py can judge the boxes from the ink.
"""

import ink
import marks

ANSWER_WEIGHTS = {"tick": 45, "cross": 20, "slash": 10, "fill": 10, "circle": 15}
# How many answers of a reply get a hard case (scans only).
HARD_COUNT_WEIGHTS = {0: 50, 1: 30, 2: 13, 3: 7}
HARD_PEN = ["correction", "two-ticked", "crossing-stroke", "faint", "stamp", "signature"]
OWN_INK_MIN = 0.04    # an answer mark must put at least this much ink in its box


def _pick(rng, table):
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def _clean(mark, cov):
    """A mark that puts no ink into any box but its own."""
    return all(k == mark.target for k, c in cov.items() if c > 0)


def answer(rng, box, pen, geom, dpi, kind=None):
    """One answer mark on BOX that stays out of every other box.

    Tries a few times (overshoot and ring size are random); a ring that
    keeps touching a neighbour becomes a tick; the last resort is a small
    tick with no overshoot."""
    kind = kind or _pick(rng, ANSWER_WEIGHTS)
    for attempt in range(8):
        if attempt == 4 and kind == "circle":
            kind = "tick"
        overshoot = rng.uniform(0.5, 3.0) if attempt < 4 and rng.random() < 0.3 else 0.0
        m = marks.answer_mark(kind, rng, box, pen, geom, dpi, overshoot)
        cov = ink.box_coverage(m, geom, dpi)
        own = cov.get(m.target, 0)
        if _clean(m, ink.box_coverage(m, geom, dpi, strict=True)) and (kind == "circle" or own >= OWN_INK_MIN):
            return m, cov
    m = marks.tick(rng, box, pen, geom, dpi, 0.0, scale=0.85)
    return m, ink.box_coverage(m, geom, dpi)


def _hard(rng, scenario, boxes, chosen, pen, geom, dpi, printed):
    """The marks of one hard case on one answer's BOXES.

    chosen: the box the administration means (or None); printed: its tick
    is already on the page (a form filled before printing)."""
    out = []
    others = [b for b in boxes if b is not chosen]
    target = rng.choice(boxes)
    if scenario == "correction":
        if printed:
            # Printed with one answer, corrected by hand to the other.
            out.append(marks.correction(rng, chosen, pen, geom, dpi))
            out.append(answer(rng, others[0], pen, geom, dpi, "tick")[0])
        else:
            out.append(marks.correction(rng, others[0], pen, geom, dpi))
            out.append(answer(rng, chosen, pen, geom, dpi)[0])
        return out
    if scenario == "two-ticked":
        for b in (others if printed else boxes):
            out.append(answer(rng, b, pen, geom, dpi, "tick")[0])
        return out
    if chosen is not None and not printed:
        out.append(answer(rng, chosen, pen, geom, dpi)[0])
    if scenario == "crossing-stroke":
        out.append(marks.crossing_stroke(rng, target, pen, geom, dpi))
    elif scenario == "faint":
        out.append(marks.faint(rng, rng.choice(others) if chosen else target, pen, geom, dpi))
    elif scenario == "stamp":
        out.append(marks.stamp(rng, target, geom, dpi))
    elif scenario == "signature":
        cx = (target.rect[0] + target.rect[2]) / 2 + rng.uniform(-30, 30)
        m = marks.signature(rng, (cx, (target.rect[1] + target.rect[3]) / 2), geom, dpi,
                            target.page, pen, target=(target.group, target.state))
        # Shift it so that its ink really runs through the box.
        out.append(_through(m, target, geom, dpi))
    return out


def _through(mark, box, geom, dpi):
    """Moves a scrawl vertically until its ink lies inside BOX."""
    best_cov, best_origin = -1.0, mark.origin
    ox, oy = mark.origin
    for dy in range(-12, 13, 2):
        mark.origin = (ox, oy + int(dy * dpi / 72))
        c = ink.box_coverage(mark, geom, dpi).get((box.group, box.state), 0)
        if c > best_cov:
            best_cov, best_origin = c, mark.origin
    mark.origin = best_origin
    return mark


def plan(rng, geom, dpi, meant, present_pages, by_hand, stamp_ok=True):
    """Every mark of one reply's pages: [(mark, coverage)], and the hard
    cases chosen ({group: scenario}).

    by_hand: the answers are ticked with the pen (else they were typed
    into the form before printing and only hard cases are added)."""
    pen = marks.pick_pen(rng)
    result, hard = [], {}
    groups = [g for g in geom.groups() if geom.group(g)[0].page + 1 in present_pages]
    n_hard = min(_pick(rng, HARD_COUNT_WEIGHTS), len(groups))
    for g in rng.sample(groups, n_hard):
        key, kind = g.split(".")[1], g.split(".")[2]
        chosen_state = meant[key][kind]
        choices = [s for s in HARD_PEN if (s != "stamp" or stamp_ok)]
        if chosen_state is None:
            choices = [s for s in choices if s not in ("correction",)]
            if not by_hand:
                choices = [s for s in choices if s != "two-ticked"]
        scenario = rng.choice(choices)
        if scenario == "stamp":
            stamp_ok = False   # one stamp a reply is plenty
        hard[g] = scenario
    for g in groups:
        boxes = geom.group(g)
        key, kind = g.split(".")[1], g.split(".")[2]
        state = meant[key][kind]
        chosen = next((b for b in boxes if b.state == state), None)
        if rng.random() < 0.1:
            pen = marks.pick_pen(rng)   # another pen for the rest of the page
        if g in hard:
            drawn = _hard(rng, hard[g], boxes, chosen, pen, geom, dpi, printed=not by_hand)
        elif chosen is not None and by_hand:
            drawn = [answer(rng, chosen, pen, geom, dpi)[0]]
        else:
            drawn = []
        for m in drawn:
            result.append((m, ink.box_coverage(m, geom, dpi)))
    return result, hard, pen


def signature_block(rng, geom, dpi, pen):
    """A signature between "Yours faithfully," and "Administration of"."""
    page, (x0, y0, x1, y1) = geom.signature_zone
    cx = rng.uniform(x0 + 50, x1 - 50)
    cy = rng.uniform(y0 + 8, y1 - 8)
    return marks.signature(rng, (cx, cy), geom, dpi, page, pen)
