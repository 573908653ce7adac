#!/usr/bin/python3
"""What every filler x flattener pair really leaves on the page.

Usage: flatten_matrix.py [--form PDF]    (default: build/tapform-emit's blank form)

Fills tests/fillers/scenarios/mixed.json (14 answers; the sender's name
given a "Ł", outside Latin-1, as Polish names have) with every available
filler, flattens with each of the five flatteners, and prints per pair:
the fields, widgets and /AcroForm left (pypdf), how many of the 14
answers are still drawn in their boxes (rendered, against the blank
form), whether the ticks are text (which glyphs) or paths, and which
sender fields the text layer still holds exactly. README.md quotes it.
"""

import argparse
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import filling  # noqa: E402
import flatten  # noqa: E402
import formgeom  # noqa: E402
import generate  # noqa: E402
import render  # noqa: E402
import truth  # noqa: E402

DPI = 100


def one_pair(tool, flattener, filled, tmp, geom, blank, spec):
    out = os.path.join(tmp, flattener + ".pdf")
    try:
        run = flatten.flatten(flattener, filled, out)
    except RuntimeError as e:
        return "FAILED: %s" % str(e).splitlines()[0][:90]
    left = flatten.fields_left(out)
    base = render.box_states(render.render(out, DPI), blank, geom, DPI)
    drawn = {k for k, (v, _) in base.items() if v == "ticked"}
    wanted = {(n, v) for n, v in spec.items() if n.startswith("text.")}
    words = flatten.text_layer(out)
    glyphs = sorted(set(flatten.glyphs_in_boxes(words, geom).values()))
    texts = flatten.text_in_fields(words, geom)
    exact = [n.split(".")[1] for n in spec if n.startswith("sender.") and truth._same(texts.get(n), spec[n])]
    return ("fields %d widgets %d acroform %-5s answers drawn %2d/%d%s  ticks as %-10s sender exact: %s%s"
            % (left["fields"], left["widgets"], left["acroform"], len(drawn & wanted), len(wanted),
               " (+%d not filled)" % len(drawn - wanted) if drawn - wanted else "",
               "text " + "".join(glyphs) if glyphs else "paths", ",".join(exact) or "none",
               " (%d warnings)" % run["warnings"] if run["warnings"] else ""))


def main(argv):
    p = argparse.ArgumentParser(prog="flatten_matrix.py")
    p.add_argument("--form")
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tf-flatten-matrix-") as tmp:
        form = a.form
        if not form:
            form = os.path.join(tmp, "form.pdf")
            generate.emit_default_form(form)
        geom = formgeom.load(form)
        blank = render.render(form, DPI)
        with open(os.path.join(formgeom.FILLERS, "scenarios", "mixed.json"), encoding="utf-8") as f:
            spec = json.load(f)["fields"]
        spec["sender.name"] = "Łucja Kowalska"
        for tool in filling.available():
            filled = os.path.join(tmp, tool + "-filled.pdf")
            filling.fill(tool, form, spec, filled, tmp)
            for flattener in flatten.FLATTENERS:
                print("%-11s %-10s %s" % (tool, flattener,
                                          one_pair(tool, flattener, filled, tmp, geom, blank, spec)))
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
