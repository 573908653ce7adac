#!/usr/bin/python3
"""Makes N filled replies with distinct content, in one pikepdf process.

Usage: bench/make-replies.py BLANK.pdf OUT-DIR N [SEED]

Each reply is the blank form filled as tests/fillers/fill_pikepdf.py fills
it (a text field's /V; a radio group's /V and each kid's /AS;
/NeedAppearances true), with a random sender (name, title, address, fax,
e-mail, one of a few Member States in several spellings) and random
answers (some texts left unanswered, some "assign" without a comments
choice), then saved as a full rewrite: OUT-DIR/reply-00000.pdf... The same
SEED gives the same files. Run with /usr/bin/python3 (Debian's pikepdf).
"""

import os
import random
import sys

import pikepdf

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests", "fillers"))
import fillerlib  # noqa: E402

STATES = ["France", "Germany (Federal Republic of)", "Spain", "Japan", "Brazil",
          "United Kingdom", "Kenya", "India", "China", "Russian Federation",
          "Italy", "Canada", "Mexico", "Egypt", "Australia", "Türkiye"]
FIRST = ["Ana", "Jean", "Wang", "Olga", "Amina", "John", "Kenji", "María",
         "Pierre", "Fatima", "Lars", "Chloé"]
LAST = ["López", "Martin", "Xiaoming", "Ivanova", "Diallo", "Smith",
        "Tanaka", "García", "Dubois", "Haddad", "Nilsson", "Moreau"]
TITLES = ["Director", "Head of Standards", "Counsellor", "Chief Engineer",
          "Directora de Normalización"]


def main(argv):
    if len(argv) not in (4, 5):
        sys.exit("usage: make-replies.py BLANK.pdf OUT-DIR N [SEED]")
    blank, out_dir, n = argv[1], argv[2], int(argv[3])
    rng = random.Random(int(argv[4]) if len(argv) == 5 else 246)
    os.makedirs(out_dir, exist_ok=True)
    pdf = pikepdf.open(blank)
    by_name = {}
    for w in fillerlib.walk_widgets(pdf):
        by_name.setdefault(w["name"], []).append(w)
    texts = [k for k in by_name if k.startswith("text.") and k.endswith(".authority")]
    pdf.Root.AcroForm.NeedAppearances = True

    def set_text(name, value):
        by_name[name][0]["field"].V = pikepdf.String(value)

    def set_radio(name, value):
        widgets = by_name[name]
        group = widgets[0]["obj"].Parent
        if value is None:
            if "/V" in group:
                del group["/V"]
            for w in widgets:
                w["obj"].AS = pikepdf.Name("/Off")
            return
        group.V = pikepdf.Name("/" + value)
        for w in widgets:
            w["obj"].AS = pikepdf.Name("/" + value if value in w["states"] else "/Off")

    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        set_text("sender.name", "%s %s %d" % (first, last, i))
        set_text("sender.title", rng.choice(TITLES))
        set_text("sender.address", "Ministry %d\n%d Example Street\nCity %05d"
                 % (rng.randrange(100), rng.randrange(1, 999), rng.randrange(100000)))
        set_text("sender.fax", "+%d %d" % (rng.randrange(1, 99), rng.randrange(10**8)))
        set_text("sender.email", "%s.%s@example.org" % (first.lower(), i))
        set_text("sender.member_state", rng.choice(STATES))
        for auth in texts:
            comments = auth[: -len("authority")] + "comments"
            r = rng.random()
            if r < 0.05:
                set_radio(auth, None)
                set_radio(comments, None)
            elif r < 0.35:
                set_radio(auth, "withhold")
                set_radio(comments, None)
            else:
                set_radio(auth, "assign")
                set_radio(comments, None if r > 0.97 else rng.choice(["none", "attached"]))
        pdf.save(os.path.join(out_dir, "reply-%05d.pdf" % i))


if __name__ == "__main__":
    main(sys.argv)
