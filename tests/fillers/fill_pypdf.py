#!/usr/bin/python3
"""Fills the form with pypdf 3.4.1's own form call, as its users do.

Usage: fill_pypdf.py IN.pdf SPEC.json OUT.pdf

PdfWriter.update_page_form_field_values(page, {name: value}) is pypdf
3.4.1's one way to fill a form. It matches a field by its partial name
(/T), not its full name, so a user passes "name" for sender.name and
"authority" for text.x1054.authority; it writes every value as a text
string, sets no radio /AS, generates no appearance and sets
/NeedAppearances true. Consequences (known-losses.json):
  - text fields: exact;
  - radio groups: written as /V (assign), a string, into EVERY group of
    the page with that partial name, and no widget is turned on: to
    Poppler, PDFium and Acrobat the group is unanswered.
The value passed for a radio group is the state name as pypdf's own
get_fields() lists it ("/assign"), which is what users copy.
"""

import sys

import pypdf

import fillerlib

PROG = "fill pypdf"


def main(argv):
    if len(argv) != 4:
        fillerlib.die(PROG, "usage: fill_pypdf.py IN.pdf SPEC.json OUT.pdf", 2)
    src, spec_path, out = argv[1:]
    fields = fillerlib.load_spec(spec_path, PROG)
    fillerlib.check_spec_against_contract(fields, PROG)
    try:
        reader = pypdf.PdfReader(src)
        known = reader.get_fields() or {}
    except Exception as e:  # pypdf raises many kinds on a bad file
        fillerlib.die(PROG, "%s: %s" % (src, e))

    writer = pypdf.PdfWriter()
    writer.append(reader)

    # The partial names of the fields, as a pypdf user passes them.
    per_partial = {}
    for name, value in fields.items():
        if name not in known:
            fillerlib.die(PROG, '%s has no field "%s" (pypdf lists %d fields)'
                          % (src, name, len(known)))
        partial = name.rsplit(".", 1)[-1]
        if fillerlib.is_radio(name):
            value = "/" + value
        per_partial.setdefault(partial, []).append(value)

    # One call per page with every value, as in pypdf's documentation.
    # Several radio groups share a partial name: the last value given for
    # it is what pypdf writes into all of them.
    values = {partial: vals[-1] for partial, vals in per_partial.items()}
    for page in writer.pages:
        if "/Annots" in page:
            writer.update_page_form_field_values(page, values)
    try:
        with open(out, "wb") as f:
            writer.write(f)
    except OSError as e:
        fillerlib.die(PROG, "%s: %s" % (out, e.strerror))


if __name__ == "__main__":
    main(sys.argv)
