#!/usr/bin/python3
"""Reads a tapform workbook back with openpyxl (an independent reader of
.xlsx) and checks it against the CSV outputs of the same replies.

Usage: workbook_check.py BOOK.xlsx TALLY.csv RECORDS.csv CHASE.csv RECORDS.jsonl

Checks: the four sheets; each sheet's header row frozen and filtered, its
first column widened; the Tally, Replies and Chase sheets hold what the
CSVs hold (the CSV's neutralizing quote taken off: a workbook cell holds
the value itself), with numbers as numbers, booleans as booleans and dates
as dates; the Problems sheet holds every problem of the records; a text
that misses the threshold is marked; no cell anywhere is a formula or a
link. Prints what differs and exits 1, or exits 0.
"""
import csv
import datetime
import json
import sys

import openpyxl

failures = []


def fail(message):
    failures.append(message)


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def unneutralized(value):
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return value[1:]
    return value


def text(cell):
    """A string cell as CSV would hold it ('' for empty)."""
    if cell.value is None:
        return ""
    if cell.data_type != "s":
        fail(f"{cell.parent.title}!{cell.coordinate}: {cell.value!r} is not a string cell")
    return cell.value


def utc(value):
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


def check_sheet_shape(ws):
    if ws.freeze_panes != "A2":
        fail(f"{ws.title}: header not frozen ({ws.freeze_panes})")
    if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
        fail(f"{ws.title}: no filter on the header ({ws.auto_filter.ref})")
    width = ws.column_dimensions["A"].width
    if not width or width < 6:
        fail(f"{ws.title}: column A has no width ({width})")
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" or (isinstance(cell.value, str) and cell.data_type != "s"):
                fail(f"{ws.title}!{cell.coordinate}: a formula: {cell.value!r}")
            if cell.hyperlink is not None:
                fail(f"{ws.title}!{cell.coordinate}: a link")


def check_tally(ws, rows):
    header = [c.value for c in ws[1]][: len(rows[0])]
    if header != rows[0]:
        fail(f"Tally: header {header} != {rows[0]}")
    for i, want in enumerate(rows[1:], start=2):
        got = ws[i]
        for c in (0, 1):
            if text(got[c]) != want[c]:
                fail(f"Tally row {i}: {got[c].value!r} != {want[c]!r}")
        for c in (2, 3, 4, 5):
            if not isinstance(got[c].value, (int, float)) or got[c].value != int(want[c]):
                fail(f"Tally row {i} col {c}: {got[c].value!r} != {want[c]}")
        support = got[6].value
        if want[6] == "":
            if support is not None:
                fail(f"Tally row {i}: support {support!r}, want none")
        elif not isinstance(support, (int, float)) or f"{support:.6f}" != want[6]:
            fail(f"Tally row {i}: support {support!r} != {want[6]}")
        elif got[6].number_format != "0.0%":
            fail(f"Tally row {i}: support shown as {got[6].number_format}")
        meets = got[7].value
        if meets is not (want[7] == "true"):
            fail(f"Tally row {i}: meets {meets!r} != {want[7]}")
        marked = got[0].font.b and got[0].font.color is not None \
            and got[0].font.color.rgb == "FF9C0006"
        if marked != (want[7] == "false"):
            fail(f"Tally row {i}: marked {marked}, meets {want[7]}")


def check_replies(ws, rows):
    header = [c.value for c in ws[1]]
    n = len(rows[0])
    if header[:n] != rows[0]:
        fail(f"Replies: header {header[:n]} != {rows[0]}")
    if header[n:] != ["received", "registered", "tally"]:
        fail(f"Replies: extra columns {header[n:]}")
    if ws.max_row != len(rows):
        fail(f"Replies: {ws.max_row - 1} rows, CSV {len(rows) - 1}")
    for i, want in enumerate(rows[1:], start=2):
        got = ws[i]
        for c in range(n):
            if text(got[c]) != unneutralized(want[c]):
                fail(f"Replies row {i} {rows[0][c]}: {got[c].value!r} != {want[c]!r}")
        received = got[n]
        if received.value is not None:
            if not isinstance(received.value, datetime.datetime):
                fail(f"Replies row {i}: received {received.value!r} is not a date")
            elif received.number_format != "yyyy-mm-dd hh:mm":
                fail(f"Replies row {i}: received shown as {received.number_format}")
        registered = got[n + 1].value
        if registered is not None and not isinstance(registered, datetime.datetime):
            fail(f"Replies row {i}: registered {registered!r} is not a date")
        if got[n + 2].value not in ("counted", "superseded", "uncounted", "late"):
            fail(f"Replies row {i}: tally {got[n + 2].value!r}")


def check_problems(ws, records):
    want = []
    for r in records:
        for p in r["problems"]:
            want.append([r["file"], r["member_state_code"], r["status"], p["severity"],
                         p["code"], p["field"], p["message"]])
    got = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    if got != want:
        fail(f"Problems: {len(got)} rows, want {len(want)}; first difference: "
             f"{next(((g, w) for g, w in zip(got, want) if g != w), None)}")


def check_chase(ws, rows):
    header = [c.value for c in ws[1]]
    if header != rows[0]:
        fail(f"Chase: header {header} != {rows[0]}")
    if ws.max_row != len(rows):
        fail(f"Chase: {ws.max_row - 1} rows, CSV {len(rows) - 1}")
    for i, want in enumerate(rows[1:], start=2):
        got = ws[i]
        for c, name in enumerate(rows[0]):
            cell = got[c]
            if name == "late":
                if cell.value is not (want[c] == "true"):
                    fail(f"Chase row {i}: late {cell.value!r} != {want[c]}")
            elif name == "received":
                if want[c] == "":
                    if cell.value is not None:
                        fail(f"Chase row {i}: received {cell.value!r}, want none")
                elif cell.value != utc(want[c]):
                    fail(f"Chase row {i}: received {cell.value!r} != {want[c]}")
            elif text(cell) != unneutralized(want[c]):
                fail(f"Chase row {i} {name}: {cell.value!r} != {want[c]!r}")


def main():
    book, tally, records_csv, chase, records_jsonl = sys.argv[1:6]
    wb = openpyxl.load_workbook(book)
    if wb.sheetnames != ["Tally", "Replies", "Problems", "Chase"]:
        fail(f"sheets {wb.sheetnames}")
    for ws in wb.worksheets:
        check_sheet_shape(ws)
    with open(records_jsonl, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    check_tally(wb["Tally"], read_csv(tally))
    check_replies(wb["Replies"], read_csv(records_csv))
    check_problems(wb["Problems"], records)
    check_chase(wb["Chase"], read_csv(chase))
    for message in failures[:40]:
        print(message)
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
