"""The truth of one reply: what was meant, what was drawn, what a careful
reader must make of each box and each answer.

Per box, `expect` is judged from the ink itself:
  absent    its page is not in the document;
  doubtful  a hard mark was aimed at it (correction, crossing-stroke,
            stamp, signature, faint), or ink of a mark aimed elsewhere fell
            into it (more than FOREIGN_MIN of its inside), or the form's own
            drawing in it is neither clearly there nor clearly not, or the
            scan all but erased the ink in it (faded);
  ticked    its own answer mark (tick, cross, slash, fill, circle) or the
            form's own tick is there, and nothing else;
  empty     no ink in it.

Per answer (radio group), `intended` is what the page shows a person meant:
the one box chosen by an answer mark or the form's tick (a box that only
carries a hard mark does not count); none or two such boxes: null.
`expect` is the answer itself when its boxes are all ticked/empty and
exactly one is ticked; "empty" when none is; "doubtful" when any box is
doubtful or two are ticked; "absent" when its page is missing.
"""

from marks import ANSWER_KINDS

FOREIGN_MIN = 0.01     # of a box's inside: less is a speck a reader ignores
HARD_AIMED = {"correction", "crossing-stroke", "stamp", "signature", "faint"}


def judge_boxes(geom, base, marks_cov, missing_pages, faded=None):
    """Per box: its record for the truth file.

    base: {(group, state): (verdict, delta)} of the form's own drawing;
    marks_cov: [(mark, {(group, state): coverage})];
    faded: {(group, state): (before, after)} of boxes the scan all but erased."""
    faded = faded or {}
    boxes = []
    for b in geom.boxes:
        key = (b.group, b.state)
        verdict, delta = base.get(key, ("empty", 0.0))
        own = [m for m, _ in marks_cov if m.target == key]
        foreign = [(m, cov[key]) for m, cov in marks_cov if m.target != key and cov.get(key, 0) > 0]
        entry = {"field": b.group, "state": b.state, "page": b.page + 1,
                 "rect": [round(v, 2) for v in b.rect]}
        drawn = [m.kind for m in own]
        if verdict != "empty":
            drawn.insert(0, "form-tick" if verdict == "ticked" else "form-doubtful")
        entry["drawn"] = drawn or ["none"]
        if delta:
            entry["form_ink"] = delta
        if foreign:
            entry["foreign_ink"] = {m.kind: round(c, 3) for m, c in foreign}
        if own:
            entry["ink"] = round(sum(cov.get(key, 0) for m, cov in marks_cov if m.target == key), 3)

        if key in faded:
            entry["faded_by_scan"] = list(faded[key])
        if b.page + 1 in missing_pages:
            expect = "absent"
        elif any(m.kind in HARD_AIMED for m in own) or any(c > FOREIGN_MIN for _, c in foreign) \
                or verdict == "doubtful" or key in faded:
            expect = "doubtful"
        elif any(m.kind in ANSWER_KINDS for m in own) or verdict == "ticked":
            expect = "ticked"
        else:
            expect = "empty"
        entry["expect"] = expect
        # A box blacked out as a correction is cancelled, whatever is under it.
        cancelled = any(m.kind == "correction" for m in own)
        entry["chosen"] = not cancelled and (any(m.kind in ANSWER_KINDS for m in own)
                                             or verdict == "ticked")
        boxes.append(entry)
    return boxes


def _group_kind(group_boxes, two_ticked):
    """The one word the tables file an answer under: its hardest mark."""
    if two_ticked:
        return "two-ticked"
    for e in group_boxes:
        for k in e["drawn"]:
            if k in HARD_AIMED:
                return k
        for k in e.get("foreign_ink", {}):
            if e["foreign_ink"][k] > FOREIGN_MIN:
                return k
    for e in group_boxes:
        if e["chosen"]:
            return next(k for k in e["drawn"] if k != "none")
    return "none"


def judge_answers(geom, boxes, meant):
    """Per text and group: intended, expect, meant, kind."""
    by_group = {}
    for e in boxes:
        by_group.setdefault(e["field"], []).append(e)
    texts = []
    for key in geom.keys:
        t = {"key": key}
        for group in ("authority", "comments"):
            gb = by_group["text.%s.%s" % (key, group)]
            chosen = [e for e in gb if e["chosen"]]
            intended = chosen[0]["state"] if len(chosen) == 1 else None
            expects = [e["expect"] for e in gb]
            if all(x == "absent" for x in expects):
                expect, intended = "absent", None
            elif "doubtful" in expects or len(chosen) > 1:
                expect = "doubtful"
            elif intended is not None:
                expect = intended
            else:
                expect = "empty"
            m = meant[key][group]
            a = {"intended": intended, "expect": expect, "meant": m,
                 "kind": _group_kind(gb, len(chosen) > 1)}
            if m is not None and intended is None and len(chosen) <= 1 and expect != "absent":
                # The administration meant an answer that the page does not show
                # (a filler or flattener lost it): no reader can see it.
                a["lost"] = True
            t[group] = a
        texts.append(t)
    return texts


def _same(a, b):
    norm = lambda s: " ".join((s or "").split()) or None
    return norm(a) == norm(b)


def sender_truth(typed, drawn, missing_pages, geom, covered=None):
    """Per sender field: what was typed, what the page's text layer holds,
    whether its page is present."""
    out = {}
    for t in geom.texts:
        v = typed.get(t.name)
        e = {"typed": v, "page": t.page + 1, "present": (t.page + 1) not in missing_pages}
        if drawn is not None:
            e["text_layer"] = drawn.get(t.name)
            # What a reader can be asked for: the typed text, when the page
            # really shows it (pdftk's filler draws boxes, qpdf draws "?"
            # for what its font lacks, a lost appearance draws nothing).
            e["legible"] = _same(e["text_layer"], v)
        elif v is not None:
            e["legible"] = True
        if covered and covered.get(t.name):
            e["signature_over_it"] = round(covered[t.name], 3)
        out[t.name] = e
    return out
