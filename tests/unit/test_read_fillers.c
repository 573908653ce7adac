/* test_read_fillers.c — end to end with the command-line fillers: the form
 * emitted by the library, filled by pdftk-java, mutool (incremental and full
 * rewrite) and pypdf with every scenario, read back exactly (see
 * tests/support/read_fillers.h). */
#include "read_fillers.h"

#include <criterion/criterion.h>

TestSuite (fillers, .timeout = 280);

Test (fillers, pdftk) { read_fillers_check_tool ("pdftk"); }
Test (fillers, mutool) { read_fillers_check_tool ("mutool"); }
Test (fillers, mutool_full) { read_fillers_check_tool ("mutool-full"); }
Test (fillers, pypdf) { read_fillers_check_tool ("pypdf"); }
