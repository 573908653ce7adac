"""The five flatteners, and what each really left behind.

A flattened reply has no fields any more: the answers survive only as
drawing on the page. Each flattener is run as its users run it; then the
result is checked, not assumed: pypdf lists what fields and widget
annotations are left, and the text layer (pdftotext -bbox) says whether a
tick survived as a glyph (text) or as paths, and what text of the sender
fields can still be extracted.
"""

import subprocess

import formgeom

# name -> command line (IN, OUT substituted). Each is what a person or a
# "print to PDF" pipeline runs; see README.md for what each does.
FLATTENERS = {
    "pdftk": ["pdftk", "{in}", "output", "{out}", "flatten"],
    "qpdf": ["qpdf", "--flatten-annotations=all", "--generate-appearances", "{in}", "{out}"],
    # -dPrinted: draw the widgets as a printer would. Ghostscript 10.0's
    # pdfwrite flattens widgets with or without it (checked: no fields,
    # no annotations left either way).
    "gs": ["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite",
           "-dPrinted", "-o", "{out}", "{in}"],
    "pdftocairo": ["pdftocairo", "-pdf", "{in}", "{out}"],
    "mutool": ["mutool", "convert", "-o", "{out}", "{in}"],
}

# qpdf exits 3 when it succeeded with warnings (it warns that it cannot
# generate appearances for radio buttons when a filler set
# /NeedAppearances): the file is written and flattened all the same.
OK_STATUS = {"qpdf": (0, 3)}


def flatten(name, src, out):
    cmd = [a.replace("{in}", src).replace("{out}", out) for a in FLATTENERS[name]]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in OK_STATUS.get(name, (0,)):
        raise RuntimeError("%s failed (exit %d): %s" % (name, r.returncode, r.stderr.strip()[-400:]))
    return {"command": " ".join(FLATTENERS[name]).replace("{in}", "IN").replace("{out}", "OUT"),
            "warnings": len([l for l in r.stderr.splitlines() if l.strip()])}


def fields_left(pdf):
    """What form structure survives: field count, widget annotations, /AcroForm."""
    import pypdf
    reader = pypdf.PdfReader(pdf)
    fields = reader.get_fields() or {}
    widgets = 0
    for page in reader.pages:
        for a in page.get("/Annots") or []:
            if a.get_object().get("/Subtype") == "/Widget":
                widgets += 1
    return {"fields": len(fields), "widgets": widgets,
            "acroform": "/AcroForm" in reader.trailer["/Root"]}


def _inside(word, page, rect, slack=1.0):
    p, x0, y0, x1, y1, _ = word
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return (p == page and rect[0] - slack <= cx <= rect[2] + slack
            and rect[1] - slack <= cy <= rect[3] + slack)


def glyphs_in_boxes(words, geom):
    """{(group, state): text} for every box whose rectangle holds text.

    The form draws its ticks as paths, so after flattening a box holds
    text only when a viewer redrew the widget with a ZapfDingbats glyph
    (✔ U+2714 and ● U+25CF as Poppler extracts them, or "4" and "l" when
    the flattener embedded its own Dingbats font)."""
    found = {}
    for b in geom.boxes:
        text = "".join(w[5] for w in words if _inside(w, b.page, b.rect))
        if text:
            found[(b.group, b.state)] = text
    return found


def text_in_fields(words, geom):
    """{field: text} extracted from each sender field's rectangle, line by line."""
    result = {}
    for t in geom.texts:
        inside = [w for w in words if _inside(w, t.page, t.rect, slack=0.5)]
        lines = []
        for w in sorted(inside, key=lambda w: (-round(w[4]), w[1])):
            if lines and abs(lines[-1][0] - w[4]) < 3:
                lines[-1][1].append(w[5])
            else:
                lines.append([w[4], [w[5]]])
        result[t.name] = "\n".join(" ".join(ws) for _, ws in lines) or None
    return result


def text_layer(pdf):
    return formgeom.words(pdf)
