/* test_read_fillers_engines.c — end to end with the fillers that are
 * viewer engines or libraries: pdf.js (Firefox), PDFium (Chrome), Poppler
 * glib and pikepdf, every scenario, read back exactly (see
 * tests/support/read_fillers.h). */
#include "read_fillers.h"

#include <criterion/criterion.h>

TestSuite (fillers, .timeout = 280);

Test (fillers, pdfjs) { read_fillers_check_tool ("pdfjs"); }
Test (fillers, pdfium) { read_fillers_check_tool ("pdfium"); }
Test (fillers, poppler) { read_fillers_check_tool ("poppler"); }
Test (fillers, pikepdf) { read_fillers_check_tool ("pikepdf"); }
