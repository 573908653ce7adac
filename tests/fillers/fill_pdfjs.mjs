// Fills the form with pdf.js (pdfjs-dist, legacy build: node 18 and later),
// the way Firefox's viewer does: every widget's value goes into the
// document's annotationStorage under the widget's annotation id, exactly
// as pdf.js's annotation layer writes it when a user types or clicks, then
// saveDocument() writes the file (an incremental update, with pdf.js's own
// appearance streams for the changed text fields).
//
// Usage: node fill_pdfjs.mjs IN.pdf SPEC.json OUT.pdf
//
// What the annotation layer stores (pdfjs-dist 4.7, annotation_layer.js):
//   text widget   {value: "the text"}             (TextWidgetAnnotationElement)
//   radio widget  {value: true} on the clicked one, {value: false} on every
//                 other widget of the same field name
//                 (RadioButtonWidgetAnnotationElement "change" handler).

import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const PROG = "fill pdfjs";

function die(message, status = 1) {
  process.stderr.write(`${PROG}: ${message}\n`);
  process.exit(status);
}

const args = process.argv.slice(2);
if (args.length !== 3) die("usage: node fill_pdfjs.mjs IN.pdf SPEC.json OUT.pdf", 2);
const [src, specPath, out] = args;

// Without the optional "canvas" package pdf.js warns while loading that it cannot
// polyfill DOMMatrix and Path2D: only rendering needs them, not filling.
let pdfjs;
const warn = console.warn, log = console.log;
const quiet = (orig) => (...a) => {
  if (!/Cannot polyfill `(DOMMatrix|Path2D|ImageData)`/.test(String(a[0]))) orig(...a);
};
console.warn = quiet(warn);
console.log = quiet(log);
try {
  pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
} catch (e) {
  die(`pdfjs-dist is not installed (run npm ci in tests/fillers): ${e.message}`);
}
const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve("pdfjs-dist/package.json"));

let fields;
try {
  const spec = JSON.parse(await readFile(specPath, "utf8"));
  if (typeof spec !== "object" || spec === null || typeof spec.fields !== "object")
    throw new Error('a fill spec is an object with a "fields" object');
  fields = spec.fields;
} catch (e) {
  die(`${specPath}: ${e.message}`);
}

let data;
try {
  data = new Uint8Array(await readFile(src));
} catch (e) {
  die(`${src}: ${e.message}`);
}

// Quiet pdf.js's console warnings (verbosity 0 = errors only).
const doc = await pdfjs.getDocument({
  data,
  verbosity: 0,
  standardFontDataUrl: path.join(pdfjsDir, "standard_fonts") + path.sep,
  cMapUrl: path.join(pdfjsDir, "cmaps") + path.sep,
  cMapPacked: true,
  isEvalSupported: false,
}).promise.catch((e) => die(`${src}: ${e.message}`));
// The polyfill warnings come from an asynchronous step of the import: by
// now it has run.
console.warn = warn;
console.log = log;

const storage = doc.annotationStorage;
const found = new Set();
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const annotations = await page.getAnnotations({ intent: "display" });
  for (const a of annotations) {
    if (a.subtype !== "Widget" || !(a.fieldName in fields))
      continue;
    const value = fields[a.fieldName];
    if (a.fieldType === "Tx") {
      storage.setValue(a.id, { value });
      found.add(a.fieldName);
    } else if (a.fieldType === "Btn" && a.radioButton) {
      // Every widget of the group is set: the chosen one true, others false.
      storage.setValue(a.id, { value: a.buttonValue === value });
      if (a.buttonValue === value) found.add(a.fieldName);
    } else {
      die(`field ${a.fieldName} (${a.fieldType}) is not handled`);
    }
  }
}
for (const name of Object.keys(fields))
  if (!found.has(name))
    die(`${src} has no field "${name}" with that option ("${fields[name]}")`);

let saved;
try {
  saved = await doc.saveDocument();
} catch (e) {
  die(`saveDocument failed: ${e.message}`);
}
try {
  await writeFile(out, saved);
} catch (e) {
  die(`${out}: ${e.message}`);
}
await doc.destroy();
