#!/usr/bin/python3
"""Fills the form with Poppler's glib API, as Evince does.

Usage: fill_poppler.py IN.pdf SPEC.json OUT.pdf

Text fields: poppler_form_field_text_set_text(); radio groups:
poppler_form_field_button_set_state(TRUE) on the widget of the chosen
option (a click in Evince); then poppler_document_save(). Poppler redraws
the appearance of every text field it sets with the field's /DA font.

Poppler's glib API does not say which on-state a radio widget stands for,
and Evince's user does not need to: they see the box. This script finds
it the same way a person does, from the file: pikepdf reads each widget's
/AP /N on-state; Poppler's field id is (page number from 1 << 16) + the
widget's index among the page's widget annotations, which names the same
widget.
"""

import os
import sys

import gi

gi.require_version("Poppler", "0.18")
from gi.repository import GLib, Poppler  # noqa: E402

import pikepdf  # noqa: E402

import fillerlib  # noqa: E402

PROG = "fill poppler"


def main(argv):
    if len(argv) != 4:
        fillerlib.die(PROG, "usage: fill_poppler.py IN.pdf SPEC.json OUT.pdf", 2)
    src, spec_path, out = argv[1:]
    fields = fillerlib.load_spec(spec_path, PROG)
    fillerlib.check_spec_against_contract(fields, PROG)

    try:
        with pikepdf.open(src) as pdf:
            states = {(w["page"], w["index"]): (w["name"], w["states"])
                      for w in fillerlib.walk_widgets(pdf)}
        doc = Poppler.Document.new_from_file(GLib.filename_to_uri(os.path.abspath(src)), None)
    except (pikepdf.PdfError, OSError) as e:
        fillerlib.die(PROG, "%s: %s" % (src, e))
    except GLib.Error as e:
        fillerlib.die(PROG, "%s: %s" % (src, e.message))

    done = set()
    for pno in range(doc.get_n_pages()):
        for mapping in doc.get_page(pno).get_form_field_mapping():
            field = mapping.field
            name = field.get_name()
            if name not in fields:
                continue
            value = fields[name]
            kind = field.get_field_type()
            if kind == Poppler.FormFieldType.TEXT:
                field.text_set_text(value)
                done.add(name)
            elif kind == Poppler.FormFieldType.BUTTON:
                fid = field.get_id()
                where = ((fid >> 16) - 1, fid & 0xFFFF)
                structural = states.get(where)
                if structural is None or structural[0] != name:
                    fillerlib.die(PROG, "%s: widget %r of Poppler is not the one in /Annots"
                                  % (name, where))
                if value in structural[1]:
                    field.button_set_state(True)
                    done.add(name)
            else:
                fillerlib.die(PROG, "field %s: type %s not handled" % (name, kind))
    missing = [n for n in fields if n not in done]
    if missing:
        fillerlib.die(PROG, "%s: could not fill %s" % (src, ", ".join(missing)))
    try:
        doc.save(GLib.filename_to_uri(os.path.abspath(out)))
    except GLib.Error as e:
        fillerlib.die(PROG, "%s: %s" % (out, e.message))


if __name__ == "__main__":
    main(sys.argv)
