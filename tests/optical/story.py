"""What the administration means: its answers and its sender block.

Everything here is decided before anything is drawn, from the reply's own
random generator, so that the truth file can say what was meant and the
drawing stages only decide how it shows.
"""

import json
import os

from formgeom import SOURCE_DIR

NAMES = ["Jane Smith", "Élodie Lefèvre", "José Antonio Pérez García", "Ahmed Al-Farsi",
         "Ingrid Müller", "Kwame Mensah", "Mei Lin Tan", "Olga Kowalska", "Pedro Gonçalves",
         "Aiko Tanaka", "Liam O'Connor", "Fatou Diop", "Søren Nielsen", "Ana María Ruiz"]
TITLES = ["Director, International Standards", "Head of ITU Affairs", "Chargée de mission",
          "Senior Adviser", "Deputy Director General", "Jefe de Relaciones Internacionales",
          "ITU-T Coordinator", "Counsellor, Permanent Mission"]
STREETS = ["1 Example Street", "Avenue de la Paix 12", "Calle Mayor 45", "Hauptstraße 7",
           "PO Box 1234", "Rua Augusta 100", "Plot 17, Ring Road"]
CITIES = ["London SW1A 2AA", "1211 Genève", "28013 Madrid", "10115 Berlin", "Accra",
          "1100-048 Lisboa", "Nairobi 00100", "Wellington 6011"]
OFFICES = ["Ministry of Digital Affairs", "Ministère du Numérique",
           "National Telecommunications Authority", "Ministerio de Transformación Digital",
           "Bundesnetzagentur", "Communications Regulatory Commission"]
DOMAINS = ["example.gov", "ministry.example", "nta.example.org", "regulator.example"]


def member_state_names():
    with open(os.path.join(SOURCE_DIR, "forms", "member-states.json"), encoding="utf-8") as f:
        return [m["name"] for m in json.load(f)["member_states"]]


def _pick(rng, table):
    """One key of TABLE {value: weight}."""
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def answers(rng, keys):
    """{key: {"authority": …, "comments": …}}; None where nothing is meant."""
    out = {}
    for k in keys:
        authority = _pick(rng, {"assign": 55, "withhold": 30, None: 15})
        if authority == "assign":
            comments = _pick(rng, {"none": 60, "attached": 30, None: 10})
        elif authority == "withhold":
            # Some administrations tick "attached" to say their reasons are attached.
            comments = _pick(rng, {None: 85, "attached": 10, "none": 5})
        else:
            comments = _pick(rng, {None: 90, "none": 5, "attached": 5})
        out[k] = {"authority": authority, "comments": comments}
    return out


def sender(rng, member_state_prefilled, states):
    """The typed sender block: {field: value}; a field left empty is absent."""
    name = rng.choice(NAMES)
    first = name.split()[0].lower().replace("é", "e").replace("ø", "o")
    values = {
        "sender.name": name,
        "sender.title": rng.choice(TITLES),
        "sender.address": "\n".join([rng.choice(OFFICES), rng.choice(STREETS), rng.choice(CITIES)]),
        "sender.fax": "+%d %d %04d %04d" % (rng.randint(1, 99), rng.randint(1, 99),
                                          rng.randint(0, 9999), rng.randint(0, 9999)),
        "sender.email": "%s@%s" % (first, rng.choice(DOMAINS)),
    }
    for optional in ("sender.fax", "sender.title"):
        if rng.random() < 0.25:
            del values[optional]
    if not member_state_prefilled:
        values["sender.member_state"] = rng.choice(states)
    return values


def fill_spec(meant, sender_values, with_answers):
    """The filler's spec: the sender block, and the answers when typed in."""
    fields = dict(sender_values)
    if with_answers:
        for key, a in meant.items():
            for group in ("authority", "comments"):
                if a[group] is not None:
                    fields["text.%s.%s" % (key, group)] = a[group]
    return fields
