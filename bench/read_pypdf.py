#!/usr/bin/python3
"""Reads every field of every PDF named, with pypdf, in one process: what a
pypdf user's script does to bulk-read returned forms.

Usage: bench/read_pypdf.py FILE.pdf...   (or a folder: its *.pdf, sorted)

For each file, PdfReader(path).get_fields() (every terminal field with its
/V); prints the number of files and of field values read. Run with
/usr/bin/python3 (Debian's pypdf).
"""

import os
import sys

import pypdf


def main(argv):
    files = []
    for arg in argv[1:]:
        if os.path.isdir(arg):
            files += sorted(os.path.join(arg, n) for n in os.listdir(arg)
                            if n.lower().endswith(".pdf"))
        else:
            files.append(arg)
    values = 0
    for path in files:
        fields = pypdf.PdfReader(path).get_fields() or {}
        values += sum(1 for f in fields.values() if f.get("/V") is not None)
    print("%d files, %d field values" % (len(files), values))


if __name__ == "__main__":
    main(sys.argv)
