#!/usr/bin/python3
"""What a correct reader must see after TOOL filled SPEC into the form.

Usage: effective.py [--base BASE.json] SPEC.json TOOL

Prints, as JSON, a fill spec naming EVERY field of the contract:
    {"fields": {"form.id": "tsb-246-annex2@1", "sender.name": "...",
                "text.x1054.authority": "assign" | null, ...}}
Text fields hold their exact text ("" when empty), radio groups their
on-state name or null when no option is on.

It starts from the form as emitted (BASE.json, a fill spec of what was
pre-filled; default: the blank form), lays SPEC over it, then applies the
known losses of TOOL (known-losses.json: the one list of them, each with
why). For every tool without a known loss this is SPEC itself.
"""

import fnmatch
import json
import os
import sys

import fillerlib

PROG = "effective.py"
LOSSES = os.path.join(fillerlib.HERE, "known-losses.json")


def load_losses():
    data = fillerlib.load_json(LOSSES, PROG)
    return data["losses"]


def known_tools():
    data = fillerlib.load_json(LOSSES, PROG)
    return data["tools"]


def effective(fields, tool, base=None, language="en"):
    if tool not in known_tools():
        fillerlib.die(PROG, 'unknown tool "%s" (known: %s)'
                      % (tool, ", ".join(known_tools())), 2)
    texts, radios, form_id = fillerlib.contract()
    if language not in fillerlib.LANGUAGES:
        fillerlib.die(PROG, 'unknown language "%s"' % language, 2)
    out = {"form.id": form_id, "form.language": language}
    for name in texts:
        out[name] = ""
    for name in radios:
        out[name] = None
    for source in (base or {}, fields):
        fillerlib.check_spec_against_contract(source, PROG)
        out.update(source)
    for loss in load_losses():
        if loss["tool"] != tool:
            continue
        for name in fields:
            if not fnmatch.fnmatchcase(name, loss["fields"]):
                continue
            if loss["effect"] == "unset":
                out[name] = None if name in radios else ""
            else:
                fillerlib.die(PROG, "known-losses.json: unknown effect %r" % loss["effect"])
    return out


def main(argv):
    args = argv[1:]
    base = None
    language = "en"
    while len(args) >= 2 and args[0] in ("--base", "--language"):
        if args[0] == "--base":
            base = fillerlib.load_spec(args[1], PROG)
        else:
            language = args[1]
        args = args[2:]
    if len(args) != 2:
        fillerlib.die(PROG, "usage: effective.py [--base BASE.json] [--language LANG] "
                      "SPEC.json TOOL", 2)
    fields = fillerlib.load_spec(args[0], PROG)
    json.dump({"fields": effective(fields, args[1], base, language)}, sys.stdout,
              ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
