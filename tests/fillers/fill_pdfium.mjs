// Fills the form with PDFium (Chrome's and Edge's PDF engine), compiled to
// WebAssembly by the npm package @embedpdf/pdfium, the way Chrome's PDF
// viewer drives it:
//   - a form-fill environment on the document (FPDFDOC_InitFormFillEnvironment,
//     through the package's PDFiumExt_InitFormFillEnvironment), pages loaded
//     with FORM_OnAfterLoadPage;
//   - text: focus the widget (FORM_SetFocusedAnnot), select all and replace
//     the selection with the text (FORM_SelectAllText + FORM_ReplaceSelection:
//     what Chrome does for a paste or an IME commit); a line break is the
//     Enter key (FORM_OnKeyDown VK_RETURN + FORM_OnChar '\r'), as typed;
//   - radio: a mouse click at the centre of the option's widget
//     (FORM_OnLButtonDown / FORM_OnLButtonUp in page coordinates);
//   - focus killed (FORM_ForceToKillFocus) so the last edit is committed,
//     then the document saved with the package's PDFiumExt_SaveAsCopy
//     (PDFium's FPDF_SaveAsCopy: a full copy, no /Prev).
//
// Usage: node fill_pdfium.mjs IN.pdf SPEC.json OUT.pdf

import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

const PROG = "fill pdfium";
const FPDF_ANNOT_WIDGET = 20;
const FPDF_FORMFIELD_RADIOBUTTON = 3;
const FPDF_FORMFIELD_TEXTFIELD = 6;
const FWL_VKEY_RETURN = 0x0d;

function die(message, status = 1) {
  process.stderr.write(`${PROG}: ${message}\n`);
  process.exit(status);
}

const args = process.argv.slice(2);
if (args.length !== 3) die("usage: node fill_pdfium.mjs IN.pdf SPEC.json OUT.pdf", 2);
const [src, specPath, out] = args;

let fields;
try {
  const spec = JSON.parse(await readFile(specPath, "utf8"));
  if (typeof spec !== "object" || spec === null || typeof spec.fields !== "object")
    throw new Error('a fill spec is an object with a "fields" object');
  fields = spec.fields;
} catch (e) {
  die(`${specPath}: ${e.message}`);
}

let m;
try {
  const require = createRequire(import.meta.url);
  const { init } = await import("@embedpdf/pdfium");
  const wasmBinary = await readFile(require.resolve("@embedpdf/pdfium/pdfium.wasm"));
  m = await init({ wasmBinary, print: () => {}, printErr: () => {} });
  m.PDFiumExt_Init();
} catch (e) {
  die(`cannot start PDFium (run npm ci in tests/fillers): ${e.message}`);
}
const P = m.pdfium;
const malloc = (n) => P.wasmExports.malloc(n);
const free = (p) => P.wasmExports.free(p);

function withWide(text, fn) {
  const size = (text.length + 1) * 2;
  const ptr = malloc(size);
  P.stringToUTF16(text, ptr, size);
  try {
    return fn(ptr);
  } finally {
    free(ptr);
  }
}

// Calls a PDFium getter that fills a UTF-16 buffer and returns its size.
function getWide(call) {
  const size = call(0, 0);
  if (size <= 2) return "";
  const ptr = malloc(size);
  try {
    call(ptr, size);
    return P.UTF16ToString(ptr);
  } finally {
    free(ptr);
  }
}

let bytes;
try {
  bytes = await readFile(src);
} catch (e) {
  die(`${src}: ${e.message}`);
}
const dataPtr = malloc(bytes.length);
P.HEAPU8.set(bytes, dataPtr);
const doc = m.FPDF_LoadMemDocument(dataPtr, bytes.length, "");
if (!doc) die(`${src}: PDFium cannot open it (error ${m.FPDF_GetLastError()})`);
const formInfo = m.PDFiumExt_OpenFormFillInfo();
const form = m.PDFiumExt_InitFormFillEnvironment(doc, formInfo);
if (!form) die(`${src}: PDFium made no form-fill environment (no AcroForm?)`);
m.FORM_DoDocumentJSAction(form);
m.FORM_DoDocumentOpenAction(form);

function typeText(page, annot, text) {
  if (!m.FORM_SetFocusedAnnot(form, annot)) die("cannot focus a text field");
  m.FORM_SelectAllText(form, page);
  if (text.length === 0) withWide("", (w) => m.FORM_ReplaceSelection(form, page, w));
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (i > 0) {
      m.FORM_OnKeyDown(form, page, FWL_VKEY_RETURN, 0);
      m.FORM_OnChar(form, page, 0x0d, 0);
      m.FORM_OnKeyUp(form, page, FWL_VKEY_RETURN, 0);
    }
    if (line.length > 0) withWide(line, (w) => m.FORM_ReplaceSelection(form, page, w));
  });
  m.FORM_ForceToKillFocus(form);
}

function click(page, annot) {
  const rect = malloc(16);   // FS_RECTF: left, top, right, bottom (floats)
  try {
    if (!m.FPDFAnnot_GetRect(annot, rect)) die("a radio widget has no rectangle");
    const [l, t, r, b] = [0, 4, 8, 12].map((o) => P.getValue(rect + o, "float"));
    const x = (l + r) / 2, y = (t + b) / 2;
    m.FORM_OnMouseMove(form, page, 0, x, y);
    m.FORM_OnLButtonDown(form, page, 0, x, y);
    m.FORM_OnLButtonUp(form, page, 0, x, y);
  } finally {
    free(rect);
  }
}

const done = new Set();
const pages = m.FPDF_GetPageCount(doc);
for (let p = 0; p < pages; p++) {
  const page = m.FPDF_LoadPage(doc, p);
  if (!page) die(`${src}: PDFium cannot load page ${p + 1}`);
  m.FORM_OnAfterLoadPage(page, form);
  m.FORM_DoPageAAction(page, form, 0);   // FPDFPAGE_AACTION_OPEN
  const count = m.FPDFPage_GetAnnotCount(page);
  for (let i = 0; i < count; i++) {
    const annot = m.FPDFPage_GetAnnot(page, i);
    if (!annot) continue;
    try {
      if (m.FPDFAnnot_GetSubtype(annot) !== FPDF_ANNOT_WIDGET) continue;
      const name = getWide((buf, len) => m.FPDFAnnot_GetFormFieldName(form, annot, buf, len));
      if (!(name in fields)) continue;
      const value = fields[name];
      const type = m.FPDFAnnot_GetFormFieldType(form, annot);
      if (type === FPDF_FORMFIELD_TEXTFIELD) {
        typeText(page, annot, value);
        done.add(name);
      } else if (type === FPDF_FORMFIELD_RADIOBUTTON) {
        const state = getWide((buf, len) => m.FPDFAnnot_GetFormFieldExportValue(form, annot, buf, len));
        if (state === value) {
          click(page, annot);
          if (!m.FPDFAnnot_IsChecked(form, annot))
            die(`${name}: the click on option "${value}" did not turn it on`);
          done.add(name);
        }
      } else {
        die(`field ${name}: PDFium field type ${type} not handled`);
      }
    } finally {
      m.FPDFPage_CloseAnnot(annot);
    }
  }
  m.FORM_ForceToKillFocus(form);
  m.FORM_DoPageAAction(page, form, 1);   // FPDFPAGE_AACTION_CLOSE
  m.FORM_OnBeforeClosePage(page, form);
  m.FPDF_ClosePage(page);
}
for (const name of Object.keys(fields))
  if (!done.has(name)) die(`${src} has no field "${name}" with option "${fields[name]}"`);

const writer = m.PDFiumExt_OpenFileWriter();
let saved;
try {
  if (!m.PDFiumExt_SaveAsCopy(doc, writer)) die(`PDFium could not save (error ${m.FPDF_GetLastError()})`);
  const size = m.PDFiumExt_GetFileWriterSize(writer);
  const buf = malloc(size);
  m.PDFiumExt_GetFileWriterData(writer, buf, size);
  saved = P.HEAPU8.slice(buf, buf + size);
  free(buf);
} finally {
  m.PDFiumExt_CloseFileWriter(writer);
}
m.PDFiumExt_ExitFormFillEnvironment(form);
m.PDFiumExt_CloseFormFillInfo(formInfo);
m.FPDF_CloseDocument(doc);
free(dataPtr);
try {
  await writeFile(out, saved);
} catch (e) {
  die(`${out}: ${e.message}`);
}
