#!/usr/bin/python3
"""Writes the fill specs of samples/consultation/: a consultation whose
tally is known by hand (see tests/fixtures/consultation-tally.json).

Usage: scripts/make-consultation.py OUT-DIR
Prints one line per reply: NAME TOOL MODDATE (ISO) for make-samples.sh.

Ten Member States count. ITU-T X.1054 is supported by exactly 7 of 10
(70 %: it meets the threshold), X.1148 by 6 of 10 (60 %: it does not),
X.1216 by 9 of 9 (India leaves it unanswered), every other text by all.
France and Germany each sent an earlier reply that the later one
supersedes; the Russian Federation replied after the deadline; a scan,
an unknown state and Palau (a Member State only since 2024) do not count.
"""
import json
import os
import sys

KEYS = ["x1054", "x1148", "x1216", "x1254", "x1279", "x1366", "x1367",
        "x1403", "x1606", "x1750", "x1751"]

# name, tool, PDF modification date, member state as written, sender name,
# answers: (text key -> "assign" | "withhold" | None); default "assign".
REPLIES = [
    ("fra", "pdfjs", "2020-07-20T09:30:00Z", "France", "Élodie Martin", {}),
    ("fra-first", "poppler", "2020-06-01T08:00:00Z", "France", "Élodie Martin",
     {k: "withhold" for k in KEYS}),
    ("deu-v1", "mutool", "2020-07-01T12:00:00Z", "Germany (Federal Republic of)",
     "Jonas Weber", {"x1054": "withhold", "x1148": "withhold"}),
    ("deu-v2", "pikepdf", "2020-08-10T16:45:00Z", "Germany (Federal Republic of)",
     "Jonas Weber", {}),
    ("ita", "pdftk", "2020-07-03T10:00:00Z", "Italy", "Giulia Rossi", {}),
    ("esp", "pdfium", "2020-07-04T10:00:00Z", "España", "Lucía García", {}),
    ("gbr", "poppler", "2020-07-05T10:00:00Z",
     "United Kingdom of Great Britain and Northern Ireland", "Jane Smith",
     {"x1148": "withhold"}),
    ("chn", "pdfjs", "2020-07-06T10:00:00Z", "中国", "王伟", {}),
    ("bra", "pikepdf", "2020-07-07T10:00:00Z", "Brazil (Federative Republic of)",
     "Ana Souza", {"x1148": "withhold"}),
    ("jpn", "mutool-full", "2020-07-08T10:00:00Z", "Japan", "Sato Hiroshi",
     {"x1054": "withhold"}),
    ("ken", "pdfium", "2020-07-09T10:00:00Z", "Kenya (Republic of)", "Wanjiku Kamau",
     {"x1054": "withhold", "x1148": "withhold"}),
    ("ind", "poppler", "2020-07-10T10:00:00Z", "India (Republic of)", "Priya Sharma",
     {"x1054": "withhold", "x1148": "withhold", "x1216": None}),
    ("rus-late", "pikepdf", "2020-08-20T10:00:00Z", "Russian Federation",
     "Ivan Petrov", {k: "withhold" for k in KEYS}),
    ("atlantis", "pikepdf", "2020-07-11T10:00:00Z", "Atlantis", "Nobody", {}),
    ("plw", "pikepdf", "2020-07-12T10:00:00Z", "Palau (Republic of)", "Tommy Remengesau", {}),
]


def spec(state, name, answers):
    fields = {
        "sender.name": name,
        "sender.title": "Head of Standardization",
        "sender.address": "Ministry of Communications",
        "sender.email": "standards@example.gov",
        "sender.member_state": state,
    }
    for key in KEYS:
        authority = answers.get(key, "assign")
        if authority is None:
            continue
        fields[f"text.{key}.authority"] = authority
        if authority == "assign":
            fields[f"text.{key}.comments"] = "none"
    return {"fields": fields}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, tool, moddate, state, sender, answers in REPLIES:
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(spec(state, sender, answers), f, ensure_ascii=False, indent=1)
        print(name, tool, moddate)


if __name__ == "__main__":
    main()
