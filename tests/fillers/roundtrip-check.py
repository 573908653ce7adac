#!/usr/bin/python3
"""Checks that a filled form reads back exactly, with Poppler glib.

Usage: roundtrip-check.py OUT.pdf EFFECTIVE.json
       roundtrip-check.py OUT.pdf --spec SPEC.json --tool TOOL [--base BASE.json]
                          [--language LANG]

EFFECTIVE.json is what effective.py prints: every field of the contract
with the value a correct reader must see (text: exact string, "" when
empty; radio group: on-state name, or null when no option is on). The
second form computes it in-process, as `effective.py [--base BASE]
[--language LANG] SPEC TOOL` (LANG: the language the blank form was emitted
in, which its hidden form.language holds; default en).

Values are read with Poppler's glib API through gi (an independent
Poppler read, not tapform's reader):
  - text fields: poppler_form_field_text_get_text(), with only \\r\\n
    turned into \\n; no text reads as "".
  - radio groups: poppler_form_field_button_get_state() of every kid.
    Poppler's glib API does not give a kid's on-state name, so each kid is
    identified by its /TU (poppler_form_field_get_alternate_ui_name(),
    distinct for every radio widget of this form); which on-state carries
    that /TU is read from the kid's own /AP /N with pikepdf, and the two
    are tied by position as well: Poppler's field id is
    (page number from 1 << 16) + the widget's index among the page's widget
    annotations,
    which must be the same widget pikepdf finds there. Exactly one kid on:
    its on-state; none: null; two or more: a failure.
Also asserted, because viewers differ there (docs/stack-facts.md): every kid's
/AS is its on-state when Poppler says it is on and /Off otherwise
(PDFium/Chrome read a radio answer from /AS, Poppler from the group's /V),
and the set of fields in the file is exactly the set in EFFECTIVE.json.

Exit status 0 when everything reads back; 1 with one line per mismatch on
stderr; 2 on a usage error or a file that cannot be read at all.
"""

import json
import os
import sys

import gi

gi.require_version("Poppler", "0.18")
from gi.repository import GLib, Poppler  # noqa: E402

import pikepdf  # noqa: E402

import fillerlib  # noqa: E402

PROG = "roundtrip-check"


def norm(text):
    return "" if text is None else text.replace("\r\n", "\n")


def read_structure(path):
    """(page, index among widget annots) -> widget info, by pikepdf."""
    with pikepdf.open(path) as pdf:
        out = {}
        for w in fillerlib.walk_widgets(pdf):
            out[(w["page"], w["index"])] = {
                "name": w["name"], "tu": w["tu"], "states": w["states"],
                "as": str(w["obj"].get("/AS", "")).lstrip("/") or None,
            }
        return out


def read_poppler(path, structure, problems):
    """Field name -> value, as Poppler glib reads the file."""
    try:
        doc = Poppler.Document.new_from_file(GLib.filename_to_uri(os.path.abspath(path)), None)
    except GLib.Error as e:
        fillerlib.die(PROG, "%s: Poppler cannot open it: %s" % (path, e.message), 2)
    texts = {}
    radios = {}     # group -> list of (on-state, is_on, tu)
    for pno in range(doc.get_n_pages()):
        page = doc.get_page(pno)
        for mapping in page.get_form_field_mapping():
            field = mapping.field
            name = field.get_name()
            kind = field.get_field_type()
            if kind == Poppler.FormFieldType.TEXT:
                if name in texts:
                    problems.append("%s: more than one widget" % name)
                texts[name] = norm(field.text_get_text())
            elif kind == Poppler.FormFieldType.BUTTON:
                if field.button_get_button_type() != Poppler.FormButtonType.RADIO:
                    problems.append("%s: a button that is not a radio button" % name)
                    continue
                fid = field.get_id()
                where = ((fid >> 16) - 1, fid & 0xFFFF)   # pages count from 1 here
                tu = field.get_alternate_ui_name()
                info = structure.get(where)
                if info is None or info["tu"] != tu or info["name"] != name:
                    problems.append(
                        "%s: Poppler's widget %d/%d (TU %r) is not the widget found there "
                        "in the file's /Annots (%r)" % (name, where[0], where[1], tu,
                                                        info and (info["name"], info["tu"])))
                    continue
                if len(info["states"]) != 1:
                    problems.append("%s: widget %r has on-states %r, not exactly one"
                                    % (name, tu, info["states"]))
                    continue
                state = info["states"][0]
                on = bool(field.button_get_state())
                radios.setdefault(name, []).append((state, on, tu))
                want_as = state if on else "Off"
                if info["as"] != want_as:
                    problems.append("%s: widget %r has /AS /%s but Poppler reads it %s "
                                    "(Chrome and Poppler would show different answers)"
                                    % (name, tu, info["as"], "on" if on else "off"))
            else:
                problems.append("%s: field of unexpected type %s" % (name, kind))

    values = dict(texts)
    for group, kids in radios.items():
        states = [k[0] for k in kids]
        if len(set(states)) != len(states):
            problems.append("%s: two widgets share an on-state: %r" % (group, states))
        on = [k[0] for k in kids if k[1]]
        if len(on) > 1:
            problems.append("%s: %d options on at once: %s" % (group, len(on), ", ".join(on)))
        values[group] = on[0] if len(on) == 1 else None
    return values


def short(value):
    if value is None:
        return "null"
    s = json.dumps(value, ensure_ascii=False)
    return s if len(s) <= 80 else s[:60] + "…(%d chars)" % len(value)


USAGE = ("usage: roundtrip-check.py OUT.pdf EFFECTIVE.json\n"
         "       roundtrip-check.py OUT.pdf --spec SPEC.json --tool TOOL [--base BASE.json]"
         " [--language LANG]")


def expected_from_args(args):
    if len(args) == 1:
        expected = fillerlib.load_json(args[0], PROG)
        if not isinstance(expected, dict) or not isinstance(expected.get("fields"), dict):
            fillerlib.die(PROG, '%s: expected an object with a "fields" object' % args[0], 2)
        return expected["fields"]
    opts = {}
    while len(args) >= 2 and args[0] in ("--spec", "--tool", "--base", "--language"):
        opts[args[0]] = args[1]
        args = args[2:]
    if args or "--spec" not in opts or "--tool" not in opts:
        fillerlib.die(PROG, USAGE, 2)
    import effective
    base = fillerlib.load_spec(opts["--base"], PROG) if "--base" in opts else None
    return effective.effective(fillerlib.load_spec(opts["--spec"], PROG), opts["--tool"], base,
                               opts.get("--language", "en"))


def main(argv):
    if len(argv) < 3:
        fillerlib.die(PROG, USAGE, 2)
    path = argv[1]
    expected = expected_from_args(argv[2:])
    try:
        structure = read_structure(path)
    except (pikepdf.PdfError, OSError) as e:
        fillerlib.die(PROG, "%s: %s" % (path, e), 2)

    problems = []
    got = read_poppler(path, structure, problems)
    for name in sorted(set(expected) | set(got)):
        if name not in got:
            problems.append("%s: not in the file" % name)
        elif name not in expected:
            problems.append("%s: in the file but not in the contract (reads %s)"
                            % (name, short(got[name])))
        elif got[name] != expected[name]:
            problems.append("%s: reads %s, expected %s"
                            % (name, short(got[name]), short(expected[name])))
    for p in problems:
        sys.stderr.write("%s: %s: %s\n" % (PROG, path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
