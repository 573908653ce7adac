#!/usr/bin/python3
"""Fills the form with pikepdf, as a pikepdf script writer does.

Usage: fill_pikepdf.py IN.pdf SPEC.json OUT.pdf

A text field gets its /V; a radio group gets its /V set to the on-state
name and each kid's /AS set to that name or /Off. pikepdf 6 has no form
API that draws a text field, so, as the usual pikepdf recipe does, the
script sets /NeedAppearances true when it changed a text: viewers then
redraw the fields (the stale blank /AP would hide the new value).

Not used, and why: pikepdf's Pdf.generate_appearance_streams() (qpdf's
generator) draws nothing readable with this form's field font: it writes
one-byte codes ("?" for every non-Latin character) in a Type0 font whose
codes are two bytes, without /Resources in the stream, and puts a
multiline value on one line with a literal "\n".
"""

import sys

import pikepdf

import fillerlib

PROG = "fill pikepdf"


def main(argv):
    if len(argv) != 4:
        fillerlib.die(PROG, "usage: fill_pikepdf.py IN.pdf SPEC.json OUT.pdf", 2)
    src, spec_path, out = argv[1:]
    fields = fillerlib.load_spec(spec_path, PROG)
    fillerlib.check_spec_against_contract(fields, PROG)
    try:
        pdf = pikepdf.open(src)
    except (pikepdf.PdfError, OSError) as e:
        fillerlib.die(PROG, "%s: %s" % (src, e))

    # Group the widgets by field name.
    by_name = {}
    for w in fillerlib.walk_widgets(pdf):
        by_name.setdefault(w["name"], []).append(w)

    changed_text = False
    for name, value in fields.items():
        widgets = by_name.get(name)
        if not widgets:
            fillerlib.die(PROG, '%s has no field "%s"' % (src, name))
        ft = widgets[0]["ft"]
        if ft == "/Tx":
            widgets[0]["field"].V = pikepdf.String(value)
            changed_text = True
        elif ft == "/Btn":
            group = widgets[0]["obj"].Parent
            if not any(value in w["states"] for w in widgets):
                fillerlib.die(PROG, '%s: no widget of %s has the on-state "%s"'
                              % (src, name, value))
            group.V = pikepdf.Name("/" + value)
            for w in widgets:
                w["obj"].AS = pikepdf.Name("/" + value if value in w["states"] else "/Off")
        else:
            fillerlib.die(PROG, "%s: field %s has type %s, not handled" % (src, name, ft))

    if changed_text:
        pdf.Root.AcroForm.NeedAppearances = True
    try:
        pdf.save(out)
    except (pikepdf.PdfError, OSError) as e:
        fillerlib.die(PROG, "%s: %s" % (out, e))


if __name__ == "__main__":
    main(sys.argv)
