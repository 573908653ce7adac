/* test_read_fillers_languages.c — every language version of the form,
 * filled by every independent filler with senders in Arabic, Chinese,
 * Cyrillic and accented Latin, read back exactly (see
 * tests/support/read_fillers.h). */
#include "read_fillers.h"

#include <criterion/criterion.h>

TestSuite (fillers_languages, .timeout = 280);

Test (fillers_languages, pdftk) { read_fillers_check_tool_languages ("pdftk"); }
Test (fillers_languages, mutool) { read_fillers_check_tool_languages ("mutool"); }
Test (fillers_languages, mutool_full) { read_fillers_check_tool_languages ("mutool-full"); }
Test (fillers_languages, pypdf) { read_fillers_check_tool_languages ("pypdf"); }
Test (fillers_languages, pdfjs) { read_fillers_check_tool_languages ("pdfjs"); }
Test (fillers_languages, pdfium) { read_fillers_check_tool_languages ("pdfium"); }
Test (fillers_languages, poppler) { read_fillers_check_tool_languages ("poppler"); }
Test (fillers_languages, pikepdf) { read_fillers_check_tool_languages ("pikepdf"); }
