"""Filling the form with the project's own independent fillers.

tests/fillers/fill runs each tool the way its users do (see its README);
the generator only picks one and hands it a spec.
"""

import json
import os
import subprocess

from formgeom import FILLERS

FILL = os.path.join(FILLERS, "fill")

# Every tool tests/fillers knows. pypdf is kept, though it loses every
# radio answer (tests/fillers/known-losses.json): that is what a pypdf
# user sends, and the truth, measured on the page, says so.
ALL_TOOLS = ["pdftk", "mutool", "mutool-full", "pdfjs", "pikepdf", "poppler", "pypdf", "pdfium"]

# How often each is chosen: the tools people use most weigh most; pypdf
# rarely, since it makes a reply with no answers at all.
WEIGHTS = {"pdftk": 2, "mutool": 2, "mutool-full": 1, "pdfjs": 3, "pikepdf": 2,
           "poppler": 3, "pypdf": 0.5, "pdfium": 3}


def available():
    """The fillers that can run on this machine."""
    tools = []
    for t in ALL_TOOLS:
        r = subprocess.run([FILL, "--available", t], capture_output=True)
        if r.returncode == 0:
            tools.append(t)
    return tools


def fill(tool, form_pdf, fields, out_pdf, workdir):
    """Fills FORM_PDF with FIELDS ({name: value}) using TOOL into OUT_PDF."""
    spec = os.path.join(workdir, "spec.json")
    with open(spec, "w", encoding="utf-8") as f:
        json.dump({"description": "optical generator", "fields": fields}, f, ensure_ascii=False)
    r = subprocess.run([FILL, tool, form_pdf, spec, out_pdf], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("fill %s failed: %s" % (tool, r.stderr.strip()[-500:]))
