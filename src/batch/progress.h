/* progress.h — the words of a batch's progress display and of its summary
 * line, for a command-line tool to print (this module prints nothing).
 *
 *   [##########..........]  512/1000 files  230 files/s  2 s left
 *   1000 files read in 4.3 s: 392 complete, 600 incomplete, 8 invalid
 *
 * Pure: the same numbers always give the same text.
 */
#ifndef TF_PROGRESS_H
#define TF_PROGRESS_H

#include <glib.h>

/* The progress line for `done` of `total` files after `elapsed` seconds,
 * at most `width` columns wide (the bar shrinks, then goes, to fit).
 * Newly allocated; no line end. */
char *tf_progress_line (guint done, guint total, double elapsed, guint width);

/* "12 s", "3 min 05 s", "2 h 04 min", "<1 s": a duration for people.
 * Newly allocated. */
char *tf_progress_duration (double seconds);

/* The summary line (no line end): files read, time, and how many
 * complete, incomplete and invalid. Newly allocated. */
char *tf_progress_summary (guint files, double elapsed, guint complete,
                           guint incomplete, guint invalid);

#endif
