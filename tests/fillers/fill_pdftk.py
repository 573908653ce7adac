#!/usr/bin/python3
"""Fills the form with pdftk-java, as its users do: an XFDF file and
`pdftk IN.pdf fill_form X.xfdf output OUT.pdf`, nothing more.

Usage: fill_pdftk.py IN.pdf SPEC.json OUT.pdf

The XFDF nests fields by name parts, as Acrobat exports it
(<field name="sender"><field name="name"><value>…</value>…); a radio
group's value is its on-state name. pdftk regenerates the appearance of
every field it fills with the field's /DA font; plain fill_form (no
need_appearances, no replacement_font) is what users run.
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import fillerlib

PROG = "fill pdftk"
XFDF_NS = "http://ns.adobe.com/xfdf/"


def xfdf(fields):
    ET.register_namespace("", XFDF_NS)
    root = ET.Element("{%s}xfdf" % XFDF_NS)
    root.set("xml:space", "preserve")
    top = ET.SubElement(root, "{%s}fields" % XFDF_NS)
    nodes = {}
    for name, value in fields.items():
        parent, path = top, ""
        for part in name.split("."):
            path = path + "." + part if path else part
            node = nodes.get(path)
            if node is None:
                node = ET.SubElement(parent, "{%s}field" % XFDF_NS, name=part)
                nodes[path] = node
            parent = node
        ET.SubElement(parent, "{%s}value" % XFDF_NS).text = value
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def main(argv):
    if len(argv) != 4:
        fillerlib.die(PROG, "usage: fill_pdftk.py IN.pdf SPEC.json OUT.pdf", 2)
    src, spec_path, out = argv[1:]
    fields = fillerlib.load_spec(spec_path, PROG)
    fillerlib.check_spec_against_contract(fields, PROG)
    with tempfile.TemporaryDirectory(prefix="fill-pdftk-") as tmp:
        xfdf_path = os.path.join(tmp, "fill.xfdf")
        with open(xfdf_path, "wb") as f:
            f.write(xfdf(fields))
        try:
            run = subprocess.run(["pdftk", src, "fill_form", xfdf_path, "output", out],
                                 capture_output=True, text=True, timeout=120)
        except FileNotFoundError:
            fillerlib.die(PROG, "pdftk is not installed (Debian: pdftk-java)")
        except subprocess.TimeoutExpired:
            fillerlib.die(PROG, "pdftk did not finish in 120 s")
        # pdftk exits 0 on some errors: check that it wrote the output.
        if run.returncode != 0 or not os.path.exists(out):
            fillerlib.die(PROG, "pdftk failed (exit %d): %s"
                          % (run.returncode, run.stderr.strip() or run.stdout.strip()))
        if run.stderr.strip():
            sys.stderr.write(run.stderr)


if __name__ == "__main__":
    main(sys.argv)
