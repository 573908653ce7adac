#!/usr/bin/python3
"""Generate forms/member-state-names.json from Debian's iso-codes.

For every alpha-3 code of forms/member-states.json, collect the iso-codes
country names (name, official_name, common_name) in English and their
translations in the locales of the six ITU languages, so that
src/form/member_state_match.c recognizes a Member State written in
Arabic, Chinese, English, French, Russian or Spanish without needing
iso-codes at run time.

Uses only the standard library (json, gettext), so it runs with Debian's
/usr/bin/python3. The output is sorted and pretty-printed: regenerating it
from the same iso-codes version gives identical bytes, which
tests/unit/test_member_states.c checks.

Usage: scripts/gen-member-state-names.py [--states FILE] [--output FILE]
       [--iso-codes-json FILE] [--localedir DIR] [--pkgconfig FILE]
"""

import argparse
import gettext
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The ITU's official languages other than English, in the ITU's order
# (Arabic, Chinese, French, Russian, Spanish); Chinese in both scripts,
# since an administration may write either.
LOCALES = ["ar", "zh_CN", "zh_TW", "fr", "ru", "es"]

# iso-codes fields that hold a country name, most common first.
NAME_FIELDS = ["name", "official_name", "common_name"]


def iso_codes_version(pc_path):
    """The Version: line of iso-codes' pkg-config file, recorded so that a
    reader of the output knows which data it came from."""
    with open(pc_path, encoding="utf-8") as pc:
        for line in pc:
            if line.startswith("Version:"):
                return line.split(":", 1)[1].strip()
    raise SystemExit(f"{pc_path}: no Version: line")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", default=os.path.join(ROOT, "forms", "member-states.json"))
    parser.add_argument("--output", default=os.path.join(ROOT, "forms", "member-state-names.json"))
    parser.add_argument("--iso-codes-json", default="/usr/share/iso-codes/json/iso_3166-1.json")
    parser.add_argument("--localedir", default="/usr/share/locale")
    parser.add_argument("--pkgconfig", default="/usr/share/pkgconfig/iso-codes.pc")
    args = parser.parse_args()

    with open(args.states, encoding="utf-8") as f:
        codes = sorted(m["code"] for m in json.load(f)["member_states"])
    with open(args.iso_codes_json, encoding="utf-8") as f:
        countries = {c["alpha_3"]: c for c in json.load(f)["3166-1"]}

    # fallback=False: a missing catalogue is an installation problem, and a
    # file silently generated without translations would look valid.
    catalogues = [gettext.translation("iso_3166-1", args.localedir, [loc])
                  for loc in LOCALES]

    alpha_2 = {}
    names = {}
    for code in codes:
        country = countries.get(code)
        if country is None:
            sys.exit(f"{args.states}: {code} is not an ISO 3166-1 alpha-3 code in {args.iso_codes_json}")
        alpha_2[code] = country["alpha_2"]
        english = [country[f] for f in NAME_FIELDS if f in country]
        found = list(english)
        for catalogue in catalogues:
            found.extend(catalogue.gettext(n) for n in english)
        # dict.fromkeys keeps the first occurrence: English first, then the
        # translations in LOCALES order.
        names[code] = list(dict.fromkeys(found))

    out = {
        "generated_by": "scripts/gen-member-state-names.py from iso-codes "
                        "(iso_3166-1.json and the iso_3166-1 gettext catalogues "
                        "of " + ", ".join(LOCALES) + "); do not edit by hand",
        "iso_codes_version": iso_codes_version(args.pkgconfig),
        "alpha_2": alpha_2,
        "names": names,
    }
    text = json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
