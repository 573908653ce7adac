// Renders one page of a PDF with PDFium (Chrome's and Edge's engine, the
// WebAssembly build of @embedpdf/pdfium) as a viewer shows it: the page,
// then its form widgets drawn by the form-fill environment
// (FPDF_RenderPageBitmap with FPDF_ANNOT, then FPDF_FFLDraw). Writes a
// binary PGM (8-bit gray), the page at DPI.
//
// Usage: node render_pdfium.mjs IN.pdf PAGE DPI OUT.pgm   (PAGE from 1)

import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";

const PROG = "render pdfium";
const FPDF_ANNOT = 0x01;
const FPDFBitmap_BGRA = 4;

function die(message, status = 1) {
  process.stderr.write(`${PROG}: ${message}\n`);
  process.exit(status);
}

const args = process.argv.slice(2);
if (args.length !== 4) die("usage: node render_pdfium.mjs IN.pdf PAGE DPI OUT.pgm", 2);
const [src, pageArg, dpiArg, out] = args;
const pageIndex = Number(pageArg) - 1;
const dpi = Number(dpiArg);

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

const bytes = await readFile(src).catch((e) => die(`${src}: ${e.message}`));
const dataPtr = malloc(bytes.length);
P.HEAPU8.set(bytes, dataPtr);
const doc = m.FPDF_LoadMemDocument(dataPtr, bytes.length, "");
if (!doc) die(`${src}: PDFium cannot open it (error ${m.FPDF_GetLastError()})`);
const formInfo = m.PDFiumExt_OpenFormFillInfo();
const form = m.PDFiumExt_InitFormFillEnvironment(doc, formInfo);
const page = m.FPDF_LoadPage(doc, pageIndex);
if (!page) die(`${src}: no page ${pageArg}`);
if (form) m.FORM_OnAfterLoadPage(page, form);

const w = Math.round((m.FPDF_GetPageWidthF(page) * dpi) / 72);
const h = Math.round((m.FPDF_GetPageHeightF(page) * dpi) / 72);
const bitmap = m.FPDFBitmap_CreateEx(w, h, FPDFBitmap_BGRA, 0, 0);
m.FPDFBitmap_FillRect(bitmap, 0, 0, w, h, 0xffffffff);
m.FPDF_RenderPageBitmap(bitmap, page, 0, 0, w, h, 0, FPDF_ANNOT);
if (form) m.FPDF_FFLDraw(form, bitmap, page, 0, 0, w, h, 0, FPDF_ANNOT);

const stride = m.FPDFBitmap_GetStride(bitmap);
const buf = m.FPDFBitmap_GetBuffer(bitmap);
const gray = Buffer.alloc(w * h);
for (let y = 0; y < h; y++)
  for (let x = 0; x < w; x++) {
    const o = buf + y * stride + x * 4;
    const b = P.HEAPU8[o], g = P.HEAPU8[o + 1], r = P.HEAPU8[o + 2];
    gray[y * w + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
m.FPDFBitmap_Destroy(bitmap);
if (form) m.FORM_OnBeforeClosePage(page, form);
m.FPDF_ClosePage(page);
if (form) m.PDFiumExt_ExitFormFillEnvironment(form);
m.PDFiumExt_CloseFormFillInfo(formInfo);
m.FPDF_CloseDocument(doc);
free(dataPtr);

const header = Buffer.from(`P5\n${w} ${h}\n255\n`, "ascii");
await writeFile(out, Buffer.concat([header, gray])).catch((e) => die(`${out}: ${e.message}`));
