#!/usr/bin/python3
"""How well tapform-read reads the generated replies, against their truth.

Usage: accuracy.py DIR [--reader build/tapform-read] [--records FILE.jsonl] [--oracle]
                   [--json] [--max-clean-doubtful FRACTION] [--min-read FRACTION]
                   [--show-wrong N]
       accuracy.py --self-test

Runs the reader (--format jsonl) on every reply DIR/*.truth.json names
(or takes its records from --records), compares each answer with the
truth, and prints tables by kind of mark, by scan resolution, by scanner
mode, by flattener and by filler, the pages, and the sender fields.

Exit status: 0 no wrong answer (and the optional gates hold); 1 some
answer is wrong, or a gate failed; 2 usage error, or the reader could not
be run. README.md in this folder defines every column.
"""

import argparse
import json
import os
import signal
import subprocess
import sys

PROG = "accuracy.py"
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))

OUTCOMES = ["right", "bold", "doubtful", "missed", "wrong", "not-read"]
CLEAN_KINDS = {"tick", "cross", "form-tick"}   # a plain tick: must never be doubtful
VALUES = {"assign", "withhold", "none", "attached"}


# ------------------------------------------------------------- the rules

def reader_answer(record, key, group):
    """What the record says of one answer: ("value", v), ("doubtful", codes),
    ("empty", codes) or ("not-read", why)."""
    if record is None:
        return ("not-read", "no record")
    if record.get("status") == "invalid":
        codes = [p.get("code") for p in record.get("problems", [])]
        return ("not-read", ",".join(c for c in codes if c) or "invalid")
    text = next((t for t in record.get("texts", []) if t.get("key") == key), None)
    if text is None:
        return ("not-read", "text missing from record")
    value = text.get(group)
    if value is not None:
        # A definite answer counts in the tally, whatever problems go with it.
        return ("value", value)
    field = "text.%s.%s" % (key, group)
    codes = [p.get("code", "") for p in record.get("problems", []) if p.get("field") == field]
    # "authority-missing"/"comments-missing" say the reader saw nothing
    # ticked; any other problem on the field (box-*, state-conflict,
    # widget-*) says it saw something it would not decide.
    if any(not c.endswith("-missing") for c in codes):
        return ("doubtful", codes)
    return ("empty", codes)


def classify(expect, intended, answer):
    """One answer's outcome (README.md, "How answers are judged")."""
    how = answer[0]
    if how == "not-read":
        return "not-read"
    if how == "value":
        v = answer[1]
        if intended is not None and v == intended:
            return "right" if expect == v else "bold"
        return "wrong"
    if how == "doubtful":
        return "right" if expect in ("doubtful", "absent") else "doubtful"
    # read as empty
    return "right" if expect in ("empty", "absent") else "missed"


def normalize(text):
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


# ------------------------------------------------------------- counting

class Table:
    """Outcome counts per row label."""

    def __init__(self, title):
        self.title = title
        self.rows = {}

    def add(self, label, outcome):
        row = self.rows.setdefault(str(label), {o: 0 for o in OUTCOMES})
        row[outcome] += 1

    def as_json(self):
        return {"title": self.title, "rows": self.rows}


def score(truths, records):
    """Everything the report prints, from truths and {file: record}."""
    t_kind = Table("answers by kind of mark")
    t_dpi = Table("scanned answers by resolution (dpi)")
    t_mode = Table("scanned answers by scanner mode")
    t_flat = Table("flattened answers by flattener")
    t_fill = Table("flattened answers by filler")
    t_reply = Table("answers by kind of reply")
    totals = {o: 0 for o in OUTCOMES}
    clean = {"read": 0, "doubtful": 0}
    wrong_list = []
    replies = {"total": 0, "records": {}, "by_kind": {}}
    pages = {"missing_expected": 0, "missing_reported": 0, "missing_false_reports": 0,
             "page_problems": {}}
    sender = {}

    for t in truths:
        record = records.get(t["file"])
        replies["total"] += 1
        replies["by_kind"][t["kind"]] = replies["by_kind"].get(t["kind"], 0) + 1
        if record is None:
            state = "no record"
        elif record.get("status") == "invalid":
            codes = ",".join(p.get("code", "?") for p in record.get("problems", []))
            state = "invalid (%s)" % codes
        else:
            state = "read (source %s)" % record.get("source")
        replies["records"][state] = replies["records"].get(state, 0) + 1

        for text in t["texts"]:
            for group in ("authority", "comments"):
                a = text[group]
                ans = reader_answer(record, text["key"], group)
                outcome = classify(a["expect"], a["intended"], ans)
                totals[outcome] += 1
                t_kind.add(a["kind"], outcome)
                t_reply.add(t["kind"], outcome)
                if t["kind"] == "flattened":
                    t_flat.add(t.get("flattener"), outcome)
                    t_fill.add(t.get("filler"), outcome)
                else:
                    t_dpi.add(t.get("dpi"), outcome)
                    t_mode.add(t.get("scan", {}).get("mode"), outcome)
                if a["kind"] in CLEAN_KINDS and a["expect"] in VALUES and outcome != "not-read":
                    clean["read"] += 1
                    if outcome == "doubtful":
                        clean["doubtful"] += 1
                if outcome == "wrong":
                    wrong_list.append({"file": t["file"], "field": "text.%s.%s" % (text["key"], group),
                                       "kind": a["kind"], "expect": a["expect"],
                                       "intended": a["intended"], "read": ans[1]})

        _score_pages(t, record, pages)
        _score_sender(t, record, sender)

    return {"replies": replies, "totals": totals, "clean_ticks": clean, "wrong": wrong_list,
            "tables": [x.as_json() for x in (t_kind, t_reply, t_dpi, t_mode, t_flat, t_fill)],
            "pages": pages, "sender": sender}


def _score_pages(t, record, pages):
    if t["document"]["form_pages_missing"]:
        pages["missing_expected"] += 1
    if record is None or record.get("status") == "invalid":
        return
    codes = [p.get("code", "") for p in record.get("problems", []) if p.get("code", "").startswith("page-")]
    for c in codes:
        pages["page_problems"][c] = pages["page_problems"].get(c, 0) + 1
    if t["document"]["form_pages_missing"]:
        if "page-missing" in codes:
            pages["missing_reported"] += 1
    elif "page-missing" in codes:
        pages["missing_false_reports"] += 1


def _score_sender(t, record, sender):
    family = "flattened" if t["kind"] == "flattened" else "scanned"
    for name, e in t["sender"].items():
        row = sender.setdefault(family, {}).setdefault(name, {"expected": 0, "exact": 0, "differs": 0,
                                                              "null": 0, "not-read": 0, "illegible": 0})
        if e["typed"] is not None and e["present"] and not e.get("legible", True):
            # Typed, but the page does not show it (boxes, "?", nothing):
            # no reader can be asked for it. Counted apart, not scored.
            row["illegible"] += 1
            continue
        want = normalize(e["typed"]) if e["present"] else None
        if want is not None:
            row["expected"] += 1
        if record is None or record.get("status") == "invalid":
            row["not-read"] += 1
            continue
        got = normalize((record.get("sender") or {}).get(name.split(".", 1)[1]))
        if got == want:
            row["exact"] += 1
        elif got is None:
            row["null"] += 1
        else:
            row["differs"] += 1


# ------------------------------------------------------------- printing

def _table_text(table):
    lines = ["", table["title"] + ":"]
    if not table["rows"]:
        return lines + ["  (none)"]
    width = max(12, max(len(k) for k in table["rows"]) + 2)
    lines.append("  " + "".ljust(width) + "".join(c.rjust(9) for c in ["answers"] + OUTCOMES))
    for label in sorted(table["rows"]):
        row = table["rows"][label]
        lines.append("  " + label.ljust(width) + str(sum(row.values())).rjust(9)
                     + "".join(str(row[o]).rjust(9) for o in OUTCOMES))
    return lines


def report_text(s, show_wrong):
    r = s["replies"]
    out = ["%d replies (%s)" % (r["total"], ", ".join("%s %d" % kv for kv in sorted(r["by_kind"].items())))]
    for state, n in sorted(r["records"].items()):
        out.append("  %5d %s" % (n, state))
    not_read = s["totals"]["not-read"]
    answers = sum(s["totals"].values())
    if answers and not_read == answers:
        out.append("NOT READ: the reader gave no answer for any of these replies (all %d answers not read)."
                   % answers)
    for t in s["tables"]:
        out += _table_text(t)
    c = s["clean_ticks"]
    out.append("")
    out.append("wrong (a definite answer counted that is not the intended one): %d" % s["totals"]["wrong"])
    out.append("clean ticks reported doubtful: %d of %d read%s" % (
        c["doubtful"], c["read"], " (%.1f %%)" % (100.0 * c["doubtful"] / c["read"]) if c["read"] else ""))
    p = s["pages"]
    out.append("missing pages reported (page-missing): %d of %d replies with a page missing; "
               "%d false reports" % (p["missing_reported"], p["missing_expected"], p["missing_false_reports"]))
    if p["page_problems"]:
        out.append("page problems seen: " + ", ".join("%s %d" % kv for kv in sorted(p["page_problems"].items())))
    for family, fields in sorted(s["sender"].items()):
        out.append("")
        out.append("sender fields, %s replies:" % family)
        cols = ["expected", "exact", "differs", "null", "not-read", "illegible"]
        out.append("  %-22s" % "" + "".join(c.rjust(10) for c in cols))
        for name, row in fields.items():
            out.append("  %-22s" % name + "".join(str(row[c]).rjust(10) for c in cols))
    if s["wrong"]:
        out.append("")
        out.append("wrong answers (first %d):" % min(show_wrong, len(s["wrong"])))
        for w in s["wrong"][:show_wrong]:
            out.append("  %s %s: read %s, intended %s (expect %s, %s)" % (
                w["file"], w["field"], w["read"], w["intended"], w["expect"], w["kind"]))
    return "\n".join(out)


# ------------------------------------------------------------- input

def load_truths(folder):
    truths = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".truth.json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                truths.append(json.load(f))
    return truths


def parse_records(text):
    records = {}
    for line in text.splitlines():
        if line.strip():
            r = json.loads(line)
            records[os.path.basename(r.get("file", ""))] = r
    return records


def run_reader(reader, folder, truths):
    files = [os.path.join(folder, t["file"]) for t in truths]
    try:
        r = subprocess.run([reader, "--format", "jsonl", "-q"] + files, capture_output=True, text=True)
    except OSError as e:
        sys.stderr.write("%s: %s: %s\n" % (PROG, reader, e.strerror))
        sys.exit(2)
    # 0 complete, 1 incomplete/invalid replies, 2 an input was unreadable:
    # each still has its record. Anything else, or no output, is a failure.
    if r.returncode not in (0, 1, 2) or (files and not r.stdout.strip()):
        sys.stderr.write("%s: %s failed (exit %d): %s\n" % (PROG, reader, r.returncode, r.stderr[-500:]))
        sys.exit(2)
    return parse_records(r.stdout)


def oracle_records(truths):
    """The records a perfect reader would write: every answer as the truth
    expects it. Scoring them must give only "right": a check of the truth
    files and of this script, not of any reader."""
    records = {}
    for t in truths:
        texts, problems = [], []
        if t["document"]["form_pages_missing"]:
            problems.append({"code": "page-missing", "field": None})
        for x in t["texts"]:
            row = {"key": x["key"]}
            for g in ("authority", "comments"):
                e = x[g]["expect"]
                row[g] = e if e in VALUES else None
                field = "text.%s.%s" % (x["key"], g)
                if e == "doubtful":
                    problems.append({"code": "box-doubtful", "field": field})
                elif e in ("empty", "absent") and g == "authority":
                    problems.append({"code": "authority-missing", "field": field})
            texts.append(row)
        sender = {n.split(".", 1)[1]: (e["typed"] if e["present"] and e.get("legible", True) else None)
                  for n, e in t["sender"].items()}
        records[t["file"]] = {"file": t["file"], "status": "incomplete", "source": "rendered",
                              "sender": sender, "texts": texts, "problems": problems}
    return records


def gates(s, max_clean_doubtful, min_read):
    """The reasons the run fails, [] when it passes."""
    fails = []
    if s["totals"]["wrong"]:
        fails.append("%d wrong answers" % s["totals"]["wrong"])
    c = s["clean_ticks"]
    if max_clean_doubtful is not None and c["read"] and c["doubtful"] / c["read"] > max_clean_doubtful:
        fails.append("clean ticks reported doubtful %.3f > %.3f" % (c["doubtful"] / c["read"], max_clean_doubtful))
    answers = sum(s["totals"].values())
    if min_read is not None and answers:
        read = 1 - s["totals"]["not-read"] / answers
        if read < min_read:
            fails.append("answers read %.3f < %.3f" % (read, min_read))
    return fails


# ------------------------------------------------------------- self-test

def _truth(name, kind, answers, missing=(), sender=None):
    """A hand-made truth: answers = [(key, group, expect, intended, mark kind)]."""
    texts = {}
    for key, group, expect, intended, mk in answers:
        t = texts.setdefault(key, {"key": key,
                                   "authority": {"expect": "empty", "intended": None, "kind": "none"},
                                   "comments": {"expect": "empty", "intended": None, "kind": "none"}})
        t[group] = {"expect": expect, "intended": intended, "kind": mk}
    return {"file": name, "kind": kind, "dpi": 200 if kind != "flattened" else None,
            "scan": {"mode": "grey"} if kind != "flattened" else {},
            "flattener": "qpdf" if kind == "flattened" else None,
            "filler": "poppler" if kind == "flattened" else None,
            "document": {"form_pages_missing": list(missing)},
            "texts": list(texts.values()),
            "sender": sender or {"sender.name": {"typed": "Jane Smith", "present": True}}}


def _record(name, texts, problems=(), status="incomplete", name_read="Jane Smith"):
    return {"file": "/some/where/" + name, "status": status, "source": "rendered",
            "sender": {"name": name_read},
            "texts": [{"key": k, "authority": a, "comments": c} for k, a, c in texts],
            "problems": [{"code": c, "field": f} for c, f in problems]}


def self_test():
    """Checks the arithmetic on hand-made records whose outcomes are known."""
    A, C = "authority", "comments"
    truths = [
        # 1: every outcome of a clean tick, one text each.
        _truth("a.pdf", "scan-pen", [
            ("k1", A, "assign", "assign", "tick"),        # read assign: right
            ("k2", A, "assign", "assign", "tick"),        # read withhold: wrong
            ("k3", A, "withhold", "withhold", "cross"),   # box-doubtful: doubtful, clean
            ("k4", A, "assign", "assign", "circle"),      # authority-missing: missed
            ("k5", A, "empty", None, "none"),             # authority-missing: right
            ("k6", A, "empty", None, "none"),             # read withhold: wrong
        ]),
        # 2: the hard cases.
        _truth("b.pdf", "scan-filled", [
            ("k1", A, "doubtful", "assign", "stamp"),        # read assign: bold
            ("k2", A, "doubtful", "assign", "correction"),   # read withhold: wrong
            ("k3", A, "doubtful", None, "two-ticked"),       # read assign: wrong
            ("k4", A, "doubtful", None, "two-ticked"),       # state-conflict: right
            ("k5", A, "doubtful", None, "faint"),            # nothing: missed
            ("k6", A, "doubtful", "withhold", "signature"),  # box-doubtful + a value: value counts (right? no: bold)
        ]),
        # 3: a missing page; comments.
        _truth("c.pdf", "flattened", [
            ("k1", A, "absent", None, "form-tick"),        # null + page-missing: right
            ("k2", A, "absent", None, "form-tick"),        # read assign: wrong
            ("k3", C, "none", "none", "form-tick"),        # read none: right
        ], missing=[2]),
        # 4: not read at all.
        _truth("d.pdf", "flattened", [("k1", A, "assign", "assign", "form-tick")]),
        # 5: no record.
        _truth("e.pdf", "scan-pen", [("k1", A, "assign", "assign", "tick")]),
    ]
    records = {
        "a.pdf": _record("a.pdf", [("k1", "assign", None), ("k2", "withhold", None), ("k3", None, None),
                                   ("k4", None, None), ("k5", None, None), ("k6", "withhold", None)],
                         [("box-doubtful", "text.k3.authority"), ("authority-missing", "text.k4.authority"),
                          ("authority-missing", "text.k5.authority")]),
        "b.pdf": _record("b.pdf", [("k1", "assign", None), ("k2", "withhold", None), ("k3", "assign", None),
                                   ("k4", None, None), ("k5", None, None), ("k6", "withhold", None)],
                         [("state-conflict", "text.k4.authority"), ("authority-missing", "text.k5.authority"),
                          ("box-doubtful", "text.k6.authority")], name_read="Jane Smyth"),
        "c.pdf": _record("c.pdf", [("k1", None, None), ("k2", "assign", None), ("k3", None, "none")],
                         [("page-missing", None), ("authority-missing", "text.k1.authority")]),
        "d.pdf": {"file": "d.pdf", "status": "invalid", "source": "fields", "texts": [],
                  "problems": [{"code": "no-form", "field": None}]},
    }
    s = score(truths, records)
    checks = []

    def check(what, got, want):
        checks.append((what, got == want, got, want))

    per_case = {
        ("a.pdf", "k1", A): "right", ("a.pdf", "k2", A): "wrong", ("a.pdf", "k3", A): "doubtful",
        ("a.pdf", "k4", A): "missed", ("a.pdf", "k5", A): "right", ("a.pdf", "k6", A): "wrong",
        ("b.pdf", "k1", A): "bold", ("b.pdf", "k2", A): "wrong", ("b.pdf", "k3", A): "wrong",
        ("b.pdf", "k4", A): "right", ("b.pdf", "k5", A): "missed", ("b.pdf", "k6", A): "bold",
        ("c.pdf", "k1", A): "right", ("c.pdf", "k2", A): "wrong", ("c.pdf", "k3", C): "right",
        ("d.pdf", "k1", A): "not-read", ("e.pdf", "k1", A): "not-read",
    }
    want = {o: 0 for o in OUTCOMES}
    for t in truths:
        for x in t["texts"]:
            for g in (A, C):
                case = (t["file"], x["key"], g)
                got = classify(x[g]["expect"], x[g]["intended"],
                               reader_answer(records.get(t["file"]), x["key"], g))
                if case in per_case:
                    check("%s %s.%s" % case, got, per_case[case])
                    want[per_case[case]] += 1
                else:
                    # The group a case does not name: empty, and read as
                    # null with no problem (right), unless the reply is unread.
                    want["not-read" if t["file"] in ("d.pdf", "e.pdf") else "right"] += 1
    check("totals", s["totals"], want)
    check("clean ticks", s["clean_ticks"], {"read": 4, "doubtful": 1})
    check("wrong count", len(s["wrong"]), 5)
    check("pages", (s["pages"]["missing_expected"], s["pages"]["missing_reported"]), (1, 1))
    check("sender scanned name", s["sender"]["scanned"]["sender.name"],
          {"exact": 1, "differs": 1, "null": 0, "not-read": 1, "expected": 3, "illegible": 0})
    check("gate: wrong fails", bool(gates(s, None, None)), True)
    clean_only = score([truths[0]], {"a.pdf": _record("a.pdf", [("k%d" % i, None, None) for i in range(1, 7)],
                                                      [("box-doubtful", "text.k%d.authority" % i) for i in range(1, 7)])})
    check("all doubtful: nothing wrong", clean_only["totals"]["wrong"], 0)
    check("all doubtful: clean doubtful gate", bool(gates(clean_only, 0.05, None)), True)
    check("not read gate", bool(gates(score([truths[3]], records), None, 0.5)), True)
    failed = [c for c in checks if not c[1]]
    for what, ok, got, want_ in checks:
        print("%s %s%s" % ("ok  " if ok else "FAIL", what, "" if ok else ": got %r, want %r" % (got, want_)))
    print("%d passed, %d failed" % (len(checks) - len(failed), len(failed)))
    return 1 if failed else 0


# ------------------------------------------------------------- main

def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # `| head` ends quietly
    p = argparse.ArgumentParser(prog=PROG, description="Scores tapform-read on generated replies.")
    p.add_argument("dir", nargs="?")
    p.add_argument("--reader", default=os.path.join(SOURCE_DIR, "build", "tapform-read"))
    p.add_argument("--records", help="read the records from this JSON Lines file instead of running the reader")
    p.add_argument("--oracle", action="store_true",
                   help="score a perfect reader's records (made from the truth) instead: checks the truth files")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    p.add_argument("--max-clean-doubtful", type=float, help="fail when more clean ticks than this fraction are doubtful")
    p.add_argument("--min-read", type=float, help="fail when fewer answers than this fraction are read")
    p.add_argument("--show-wrong", type=int, default=30)
    p.add_argument("--self-test", action="store_true")
    a = p.parse_args(argv)
    if a.self_test:
        return self_test()
    if not a.dir:
        p.error("give the folder of generated replies")
    truths = load_truths(a.dir)
    if not truths:
        sys.stderr.write("%s: %s: no *.truth.json files\n" % (PROG, a.dir))
        return 2
    if a.oracle:
        records = oracle_records(truths)
    elif a.records:
        with open(a.records, encoding="utf-8") as f:
            records = parse_records(f.read())
    else:
        records = run_reader(a.reader, a.dir, truths)
    s = score(truths, records)
    fails = gates(s, a.max_clean_doubtful, a.min_read)
    s["failed"] = fails
    if a.json:
        print(json.dumps(s, indent=1, ensure_ascii=False))
    else:
        print(report_text(s, a.show_wrong))
        print("")
        print("FAILED: " + "; ".join(fails) if fails else "passed: no wrong answer")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
