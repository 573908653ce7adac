#!/usr/bin/python3
"""Lists a PDF's form fields as pypdf reads them, as JSON.

Usage: list_fields_pypdf.py FILE.pdf

Prints:
{"need_appearances": false | true | null,
 "dr_fonts": ["TfSans", "ZaDb"],            # /AcroForm /DR /Font names
 "fields": {"sender.name": {
     "type": "Tx" | "Btn" | null,          # /FT, inherited
     "flags": 0,                           # /Ff, inherited
     "value": "…" | "/assign" | null,      # /V (a name keeps its slash)
     "da_font": "TfSans" | null,           # font of /DA, inherited
     "widgets": [{"flags": 4,              # annotation /F
                  "ap_states": ["assign", "Off"] | null,  # keys of /AP /N
                  "ap_stream": true,       # /AP /N is a stream (text)
                  "as": "Off" | null}]}}}
Terminal fields only (those with widgets), found from the pages' /Annots,
named by pypdf's own full-name rule (parents' /T joined with ".").
Used by tests/unit/test_emit_fields.c as one independent view of the
emitted form.
"""

import json
import re
import sys

import pypdf
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, StreamObject


def resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def inherited(node, key):
    for _ in range(64):
        if node is None:
            return None
        if key in node:
            return resolve(node[key])
        node = resolve(node.get("/Parent"))
    return None


def full_name(node):
    parts = []
    for _ in range(64):
        if node is None:
            break
        if "/T" in node:
            parts.append(str(resolve(node["/T"])))
        node = resolve(node.get("/Parent"))
    return ".".join(reversed(parts))


def da_font(da):
    if da is None:
        return None
    m = re.search(r"/([^\s/]+)\s+[-+.\d]+\s+Tf", str(da))
    return m.group(1) if m else None


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: list_fields_pypdf.py FILE.pdf\n")
        return 2
    try:
        reader = pypdf.PdfReader(argv[1])
        root = reader.trailer["/Root"].get_object()
    except Exception as e:  # pypdf raises many kinds
        sys.stderr.write("list_fields_pypdf: %s: %s\n" % (argv[1], e))
        return 1
    acroform = resolve(root.get("/AcroForm"))
    out = {"need_appearances": None, "dr_fonts": [], "fields": {}}
    if acroform is not None:
        na = acroform.get("/NeedAppearances")
        # pypdf 3.4.1 BooleanObject has no __bool__: it is always truthy.
        out["need_appearances"] = None if na is None else resolve(na) == True  # noqa: E712
        dr = resolve(acroform.get("/DR"))
        fonts = resolve(dr.get("/Font")) if dr is not None else None
        out["dr_fonts"] = sorted(k[1:] for k in fonts.keys()) if fonts is not None else []

    for page in reader.pages:
        for ref in resolve(page.get("/Annots")) or []:
            annot = resolve(ref)
            if annot.get("/Subtype") != "/Widget":
                continue
            field = annot if "/T" in annot else resolve(annot.get("/Parent"))
            name = full_name(annot)
            entry = out["fields"].setdefault(name, {
                "type": None, "flags": 0, "value": None, "da_font": None, "widgets": []})
            ft = inherited(annot, "/FT")
            entry["type"] = str(ft)[1:] if ft is not None else None
            ff = inherited(annot, "/Ff")
            entry["flags"] = int(ff) if ff is not None else 0
            v = resolve(field.get("/V")) if field is not None else None
            entry["value"] = None if v is None else str(v)
            entry["da_font"] = da_font(inherited(annot, "/DA"))
            ap = resolve(annot.get("/AP"))
            normal = resolve(ap.get("/N")) if ap is not None else None
            states = None
            if isinstance(normal, DictionaryObject) and not isinstance(normal, StreamObject):
                states = [k[1:] for k in normal.keys()]
            as_ = annot.get("/AS")
            entry["widgets"].append({
                "flags": int(resolve(annot.get("/F", 0))),
                "ap_states": states,
                "ap_stream": isinstance(normal, StreamObject),
                "as": str(as_)[1:] if isinstance(as_, NameObject) else None,
            })
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
