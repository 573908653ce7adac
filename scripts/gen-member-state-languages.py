#!/usr/bin/python3
"""Generate forms/member-state-languages.json from Unicode CLDR.

For every alpha-3 code of forms/member-states.json: the ITU language
(Arabic, Chinese, English, French, Russian, Spanish) that
`tapform-emit --all-member-states` writes the state's form in. It is the
first ITU language among the state's official languages, in the order CLDR
lists a territory's languages (by share of the population), where official
means officialStatus "official" or "de_facto_official" in CLDR's
supplemental territory information (a language official only in a region,
"official_regional", does not count); a state with no ITU language among
them gets English. Each entry also records the official languages read, so
that the choice can be checked by eye.

Uses only the standard library (json, xml.etree), so it runs with Debian's
/usr/bin/python3; reads unicode-cldr-core's supplementalData.xml and
iso-codes' alpha-2 codes (CLDR names territories by ISO 3166-1 alpha-2).
The output is sorted and pretty-printed: regenerating it from the same data
gives identical bytes.

Usage: scripts/gen-member-state-languages.py [--states FILE] [--output FILE]
       [--cldr FILE] [--iso-codes-json FILE]
"""

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

ITU_LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh"]
OFFICIAL = ("official", "de_facto_official")
DEFAULT = "en"


def cldr_version(cldr_path):
    """CLDR's version, which its DTD fixes (the data file says only
    $Revision$)."""
    dtd = os.path.join(os.path.dirname(os.path.dirname(cldr_path)), "dtd",
                       "ldmlSupplemental.dtd")
    with open(dtd, encoding="utf-8") as f:
        match = re.search(r'ATTLIST version cldrVersion CDATA #FIXED "([^"]+)"', f.read())
    if match is None:
        sys.exit(f"gen-member-state-languages: {dtd}: no cldrVersion")
    return match.group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", default=os.path.join(ROOT, "forms", "member-states.json"))
    parser.add_argument("--output",
                        default=os.path.join(ROOT, "forms", "member-state-languages.json"))
    parser.add_argument("--cldr",
                        default="/usr/share/unicode/cldr/common/supplemental/supplementalData.xml")
    parser.add_argument("--iso-codes-json", default="/usr/share/iso-codes/json/iso_3166-1.json")
    args = parser.parse_args()

    with open(args.states, encoding="utf-8") as f:
        codes = sorted(m["code"] for m in json.load(f)["member_states"])
    with open(args.iso_codes_json, encoding="utf-8") as f:
        alpha_2 = {c["alpha_3"]: c["alpha_2"] for c in json.load(f)["3166-1"]}
    if not os.path.exists(args.cldr):
        sys.exit(f"gen-member-state-languages: {args.cldr} is missing: install unicode-cldr-core "
                 "(scripts/setup.sh --fonts)")
    root = ET.parse(args.cldr).getroot()
    territories = {t.get("type"): t for t in root.iter("territory")
                   if t.find("languagePopulation") is not None}

    languages = {}
    official = {}
    for code in codes:
        if code not in alpha_2:
            sys.exit(f"{args.states}: {code} is not an ISO 3166-1 alpha-3 code")
        territory = territories.get(alpha_2[code])
        if territory is None:
            sys.exit(f"{args.cldr}: no territory information for {alpha_2[code]} ({code})")
        # "zh_Hant", "pt_BR"...: the language is what comes before "_".
        read = [p.get("type").split("_")[0] for p in territory.iter("languagePopulation")
                if p.get("officialStatus") in OFFICIAL]
        read = list(dict.fromkeys(read))
        official[code] = read
        languages[code] = next((lang for lang in read if lang in ITU_LANGUAGES), DEFAULT)

    out = {
        "generated_by": "scripts/gen-member-state-languages.py from Unicode CLDR "
                        "(supplementalData.xml, territoryInfo) and iso-codes; do not edit "
                        "by hand",
        "cldr_version": cldr_version(args.cldr),
        "rule": "the first of ar, en, es, fr, ru, zh among the official languages "
                "(officialStatus official or de_facto_official, in CLDR's order); else en",
        "languages": languages,
        "official_languages": official,
    }
    text = json.dumps(out, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


if __name__ == "__main__":
    main()
