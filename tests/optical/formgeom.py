"""Where every box and text field of the reply form is, taken from the form.

The generator draws pen marks on boxes and judges what a reader must see
in them, so it needs each radio widget's rectangle, its group and its
on-state, and each text field's rectangle. They come from the form file
itself (pikepdf: each widget's /Rect, /TU and the non-Off key of its
/AP /N), as the field contract in README.md describes. A form without
widgets (already flattened) falls back to the pinned layout fixture,
tests/fixtures/layout-tsb-246-annex2.txt, which holds the same numbers.

Coordinates are PDF points, origin bottom-left, as in the PDF.
"""

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from html import unescape

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
FILLERS = os.path.join(SOURCE_DIR, "tests", "fillers")
FIXTURE = os.path.join(SOURCE_DIR, "tests", "fixtures", "layout-tsb-246-annex2.txt")

sys.path.insert(0, FILLERS)
import fillerlib  # noqa: E402  (the project's own widget walk)

# Which on-state belongs to which group (DESIGN.md's field contract).
STATE_GROUP = {"assign": "authority", "withhold": "authority",
               "none": "comments", "attached": "comments"}


@dataclass
class Box:
    """One radio widget: a square (authority) or a circle (comments)."""
    page: int            # 0-based page of the form
    group: str           # "text.x1054.authority"
    key: str             # "x1054"
    state: str           # "assign", "withhold", "none", "attached"
    tu: str
    rect: tuple          # (x0, y0, x1, y1) in points
    label: tuple = None  # (x0, y0, x1, y1) of the label text right of it

    @property
    def kind(self):
        return self.group.rsplit(".", 1)[1]

    @property
    def round(self):
        """The comments options are circles, the authority boxes squares."""
        return self.kind == "comments"


@dataclass
class TextField:
    page: int
    name: str            # "sender.name"
    rect: tuple


@dataclass
class FormGeometry:
    pages: int
    page_size: list      # [(w, h)] in points, per page
    boxes: list
    texts: list
    keys: list           # text keys in form order
    form_id: str = None
    member_state: str = None   # pre-filled sender.member_state, if any
    signature_zone: tuple = None  # (page, rect): where a signature goes
    source: str = ""
    _by_group: dict = field(default_factory=dict, repr=False)

    def group(self, name):
        """The boxes of one radio group, in form order."""
        if not self._by_group:
            for b in self.boxes:
                self._by_group.setdefault(b.group, []).append(b)
        return self._by_group[name]

    def groups(self):
        seen = []
        for b in self.boxes:
            if b.group not in seen:
                seen.append(b.group)
        return seen

    def text(self, name):
        for t in self.texts:
            if t.name == name:
                return t
        return None


def _rect(r):
    x0, y0, x1, y1 = [float(v) for v in r]
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _from_widgets(path):
    import pikepdf
    pdf = pikepdf.open(path)
    boxes, texts = [], []
    form_id = member_state = None
    sizes = []
    for page in pdf.pages:
        mb = [float(v) for v in page.mediabox]
        sizes.append((mb[2] - mb[0], mb[3] - mb[1]))
    for w in fillerlib.walk_widgets(pdf):
        rect = _rect(w["obj"].Rect)
        name = w["name"]
        if w["ft"] == "/Btn" and w["states"]:
            state = w["states"][0]
            key = name.split(".")[1]
            boxes.append(Box(w["page"], name, key, state, w["tu"] or "", rect))
        elif w["ft"] == "/Tx":
            value = w["field"].get("/V")
            if name == "form.id":
                form_id = str(value) if value is not None else None
            elif name.startswith("sender."):
                texts.append(TextField(w["page"], name, rect))
                if name == "sender.member_state" and value is not None and str(value).strip():
                    member_state = str(value)
    return FormGeometry(len(pdf.pages), sizes, boxes, texts, [], form_id, member_state,
                        source="widgets of " + os.path.basename(path))


def _from_fixture(path=FIXTURE):
    boxes, texts = [], []
    pages = 0
    form_id = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                m = re.match(r"#\s*(\S+):", line)
                form_id = m.group(1) if m else None
                continue
            p = shlex.split(line)
            if len(p) != 7:
                continue
            page, name, tu = int(p[0]), p[1], p[2]
            x, y, w, h = map(float, p[3:])
            rect = (x, y, x + w, y + h)
            pages = max(pages, page + 1)
            if name.startswith("text."):
                group_kind = name.rsplit(".", 1)[1]
                # The fixture names no on-state: the /TU says which option.
                if group_kind == "authority":
                    state = "withhold" if "does not assign" in tu else "assign"
                else:
                    state = "attached" if "are attached" in tu else "none"
                boxes.append(Box(page, name, name.split(".")[1], state, tu, rect))
            elif name.startswith("sender."):
                texts.append(TextField(page, name, rect))
    a4 = (595.276, 841.89)
    return FormGeometry(pages, [a4] * pages, boxes, texts, [], form_id,
                        source="fixture " + os.path.basename(path))


def words(path):
    """Words of the form's text layer: [(page, x0, y0, x1, y1, text)], points, bottom-left."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True,
                         text=True, check=True).stdout
    found = []
    for pno, chunk in enumerate(out.split("<page ")[1:]):
        hm = re.match(r'width="([\d.]+)" height="([\d.]+)"', chunk)
        height = float(hm.group(2))
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">(.*?)</word>', chunk):
            x0, ya, x1, yb = map(float, m.groups()[:4])
            found.append((pno, x0, height - yb, x1, height - ya, unescape(m.group(5))))
    return found


def _attach_labels(geom, words):
    """Each box's label: the words on its line, just right of it, until a gap."""
    for b in geom.boxes:
        cy = (b.rect[1] + b.rect[3]) / 2
        line = sorted((w for w in words if w[0] == b.page and w[1] > b.rect[2]
                       and abs((w[2] + w[4]) / 2 - cy) < 4), key=lambda w: w[1])
        x_end, got = b.rect[2], []
        for w in line:
            if w[1] - x_end > (12 if not got else 8):
                break
            got.append(w)
            x_end = w[3]
        if got:
            b.label = (got[0][1], min(w[2] for w in got), x_end, max(w[4] for w in got))
        else:
            b.label = (b.rect[2] + 3, b.rect[1], b.rect[2] + 60, b.rect[3])


def _signature_zone(geom, words):
    """Between "Yours faithfully," and "Administration of": where people sign."""
    yours = [w for w in words if w[5].startswith("faithfully")]
    admin = [w for w in words if w[5] == "Administration"]
    if yours and admin and yours[0][0] == admin[0][0]:
        y_top, y_bottom = yours[0][2] - 4, admin[0][4] + 4
        x0 = admin[0][1]
        geom.signature_zone = (admin[0][0], (x0, y_bottom, x0 + 230, y_top))


def load(path):
    """The geometry of the form at PATH (its widgets, else the pinned fixture)."""
    geom = _from_widgets(path)
    if not geom.boxes:
        fallback = _from_fixture()
        fallback.member_state = geom.member_state
        geom = fallback
    keys = []
    for b in geom.boxes:
        if b.key not in keys:
            keys.append(b.key)
    geom.keys = keys
    words_ = words(path)
    _attach_labels(geom, words_)
    _signature_zone(geom, words_)
    return geom
