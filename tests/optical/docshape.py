"""The shape of the returned document: which pages, in which order, turned how.

Administrations send more than the form: a cover letter first, the pages
scanned out of order, one sheet upside down or sideways, a page left out.
A shape is a list of pages, each either the cover letter or a form page
(1-based) with its rotation (degrees clockwise, as it shows on screen).
"""

import pikepdf

COVER_TEXT = [
    "Ministry of Communications",
    "International Relations Department",
    "",
    "To: Director, Telecommunication Standardization Bureau",
    "International Telecommunication Union, Geneva",
    "",
    "Subject: Reply to TSB Circular 246",
    "",
    "Dear Sir/Madam,",
    "",
    "Please find enclosed the reply of this Administration to TSB Circular 246",
    "on the Member State consultation on the determined draft Recommendations",
    "ITU-T X.1054, X.1148, X.1216, X.1254, X.1279, X.1366, X.1367, X.1403,",
    "X.1606, X.1750 and X.1751, under the Traditional Approval Procedure.",
    "",
    "Our comments on the texts for which comments are indicated are attached.",
    "",
    "We remain at your disposal for any clarification.",
    "",
    "Yours faithfully,",
]


def choose(rng, form_pages, allow_missing=True):
    """A document shape for a form of FORM_PAGES pages, and its description."""
    pages = [{"source": "form", "form_page": n, "rotation": 0} for n in range(1, form_pages + 1)]
    applied = []
    if allow_missing and rng.random() < 0.06:
        gone = rng.randrange(len(pages))
        applied.append("form page %d missing" % pages[gone]["form_page"])
        del pages[gone]
    if len(pages) > 1 and rng.random() < 0.08:
        order = pages[:]
        while order == pages:
            rng.shuffle(order)
        pages = order
        applied.append("form pages out of order")
    if rng.random() < 0.10:
        p = rng.choice(pages)
        p["rotation"] = rng.choice([90, 180, 270])
        applied.append("form page %d turned %d degrees" % (p["form_page"], p["rotation"]))
    if rng.random() < 0.15:
        pages.insert(0, {"source": "cover-letter", "rotation": 0})
        applied.append("cover letter first")
    return pages, applied


def missing(shape, form_pages):
    present = {p["form_page"] for p in shape if p["source"] == "form"}
    return [n for n in range(1, form_pages + 1) if n not in present]


def _pdf_string(text):
    """A line of WinAnsi text for a content stream, escaped."""
    enc = text.encode("cp1252", "replace")
    return b"(" + enc.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def cover_letter(out_pdf, sender_name=None, page_size=(595.276, 841.89)):
    """A one-page typed cover letter (Helvetica, no form), written to OUT_PDF."""
    pdf = pikepdf.new()
    lines = COVER_TEXT + ["", "", sender_name or ""]
    ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
    for line in lines:
        ops.append(_pdf_string(line) + b" '")
    ops.append(b"ET")
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page,
                              MediaBox=[0, 0, page_size[0], page_size[1]],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(b"\n".join(ops)))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(out_pdf)


def assemble_vector(shape, form_pdf, cover_pdf, out_pdf):
    """The vector document: pages copied from FORM_PDF (and the cover letter)
    in SHAPE's order, each turned with /Rotate."""
    out = pikepdf.new()
    form = pikepdf.open(form_pdf)
    cover = pikepdf.open(cover_pdf) if cover_pdf else None
    for p in shape:
        src = cover.pages[0] if p["source"] == "cover-letter" else form.pages[p["form_page"] - 1]
        out.pages.append(src)
        if p["rotation"]:
            out.pages[-1].Rotate = (int(src.obj.get("/Rotate", 0)) + p["rotation"]) % 360
    # A flattener may leave an empty /AcroForm (pdftk does): keep what it left.
    if "/AcroForm" in form.Root:
        out.Root.AcroForm = out.copy_foreign(form.Root.AcroForm)
    out.save(out_pdf)
