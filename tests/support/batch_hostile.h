/* batch_hostile.h — malformed PDFs made at test time, each built to hurt a
 * reader one way, for the batch tests (test_batch_*.c) and the benchmark's
 * robustness figures. Every file is a few lines of PDF syntax with a
 * correct cross-reference table, so that the reader takes the trap instead
 * of reconstructing around it.
 *
 *   prev-loop.pdf      two xref sections whose /Prev point at each other
 *                      (a reader that follows /Prev blindly never ends);
 *                      one page, no form
 *   nested-arrays.pdf  the AcroForm's /Fields is 100,000 nested arrays
 *                      (a recursive parser overflows its stack)
 *   flate-bomb.pdf     the ToUnicode CMap of the form's /DR font inflates
 *                      from ~1 MB to 1 GiB of zeros; Poppler reads a
 *                      ToUnicode stream whole into memory when it builds
 *                      the form, so this one really exhausts the memory
 *   many-pages.pdf     2,000 pages (a reader that does work per page)
 *
 * Each function writes its file into `dir` and returns the new path
 * (g_free). They fail the current Criterion test on a write error.
 */
#ifndef BATCH_HOSTILE_H
#define BATCH_HOSTILE_H

#include <glib.h>

char *batch_hostile_prev_loop (const char *dir);
char *batch_hostile_nested_arrays (const char *dir, guint depth);
/* `size`: bytes the stream inflates to (1 GiB in the tests). */
char *batch_hostile_flate_bomb (const char *dir, guint64 size);
char *batch_hostile_many_pages (const char *dir, guint pages);

/* The deflate (zlib) stream of `size` zero bytes that the bomb holds: two
 * bits per 258 bytes. New bytes. Exposed to test it against GLib's zlib. */
GBytes *batch_hostile_zeros_deflate (guint64 size);

#endif
