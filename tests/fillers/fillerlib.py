"""Shared helpers of the Python fillers and checkers in tests/fillers.

Only plumbing lives here: reading a fill spec, the contract's field list
(from the form definition in forms/), failing with a clear message, and a
structural walk of a PDF's AcroForm with pikepdf. Each filler does its own
filling with its own tool.

Run everything with /usr/bin/python3: Debian's pypdf, pikepdf and
gi + Poppler load only there.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
DEFAULT_FORM = os.path.join(SOURCE_DIR, "forms", "tsb-246-annex2.json")

# The on-states of the two radio groups of each text (docs/fields.md).
GROUP_STATES = {
    "authority": ("assign", "withhold"),
    "comments": ("none", "attached"),
}


def die(prog, message, status=1):
    sys.stderr.write("%s: %s\n" % (prog, message))
    sys.exit(status)


def load_json(path, prog):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        die(prog, "%s: %s" % (path, e.strerror))
    except ValueError as e:
        die(prog, "%s: not valid JSON: %s" % (path, e))


def load_spec(path, prog):
    """The "fields" of a fill spec: field name -> string. Validated."""
    spec = load_json(path, prog)
    if not isinstance(spec, dict) or not isinstance(spec.get("fields"), dict):
        die(prog, '%s: a fill spec is an object with a "fields" object' % path)
    fields = spec["fields"]
    for name, value in fields.items():
        if not isinstance(value, str):
            die(prog, '%s: the value of "%s" must be a string' % (path, name))
    return fields


# The hidden read-only fields: the form's identity and its language.
HIDDEN = ("form.id", "form.language")
LANGUAGES = ("ar", "en", "es", "fr", "ru", "zh")


def contract(form_path=None):
    """The contract's terminal fields: (texts, radios, form_id).

    texts: list of text field names (sender.* in form order);
    radios: dict group name -> tuple of its on-states;
    form_id: the value of the hidden form.id field.
    """
    form = load_json(form_path or DEFAULT_FORM, "fillerlib")
    texts = ["sender." + s["field"] for s in form["sender"]]
    radios = {}
    for t in form["texts"]:
        for group, states in GROUP_STATES.items():
            radios["text.%s.%s" % (t["key"], group)] = states
    form_id = "%s@%s" % (form["form"]["id"], form["form"]["version"])
    return texts, radios, form_id


def is_radio(name):
    return name.startswith("text.") and name.rsplit(".", 1)[-1] in GROUP_STATES


def check_spec_against_contract(fields, prog, form_path=None):
    """Refuses a spec naming a field or on-state the contract lacks."""
    texts, radios, _ = contract(form_path)
    for name, value in fields.items():
        if name in radios:
            if value not in radios[name]:
                die(prog, '"%s" is not an on-state of %s (one of: %s)'
                    % (value, name, ", ".join(radios[name])))
        elif name not in texts and name not in HIDDEN:
            die(prog, 'the form has no field "%s"' % name)


# --- pikepdf: the AcroForm as a structure --------------------------------

def _inherited(node, key):
    seen = 0
    while node is not None and seen < 64:
        if key in node:
            return node[key]
        node = node.get("/Parent")
        seen += 1
    return None


def full_name(node):
    parts = []
    seen = 0
    while node is not None and seen < 64:
        if "/T" in node:
            parts.append(str(node["/T"]))
        node = node.get("/Parent")
        seen += 1
    return ".".join(reversed(parts))


def on_states(widget):
    """A widget's non-Off keys in /AP /N, in file order."""
    ap = widget.get("/AP")
    if ap is None or "/N" not in ap:
        return []
    normal = ap["/N"]
    try:
        keys = list(normal.keys())
    except Exception:   # a stream, not a state dictionary
        return []
    return [k[1:] for k in keys if k != "/Off"]


def walk_widgets(pdf):
    """Every widget annotation, page by page, in /Annots order.

    Yields dicts: page (0-based), index (among the page's widget
    annotations: what Poppler's field id counts), obj (the widget), name
    (the field's full name), ft (/Tx, /Btn...), ff (flags), parent_field
    (the field dictionary: the widget itself when merged), states.
    """
    import pikepdf
    for pno, page in enumerate(pdf.pages):
        annots = page.obj.get("/Annots")
        if annots is None:
            continue
        index = 0
        for annot in annots:
            if annot.get("/Subtype") != pikepdf.Name.Widget:
                continue
            ft = _inherited(annot, "/FT")
            ff = _inherited(annot, "/Ff")
            field = annot if "/T" in annot else annot.get("/Parent")
            yield {
                "page": pno,
                "index": index,
                "obj": annot,
                "field": field,
                "name": full_name(annot),
                "ft": str(ft) if ft is not None else None,
                "ff": int(ff) if ff is not None else 0,
                "states": on_states(annot),
                "tu": str(annot["/TU"]) if "/TU" in annot else None,
            }
            index += 1
