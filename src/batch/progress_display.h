/* progress_display.h — a batch's progress shown on a terminal: the line
 * of progress.h redrawn in place on stderr, and the summary at the end.
 *
 * Shown only when it is enabled (stderr is a terminal and the user did not
 * ask for quiet); the bar only once the run has taken half a second,
 * redrawn at most every tenth of a second. Whoever writes to the same
 * terminal meanwhile (records on stdout, messages on stderr) erases it
 * first with tf_progress_display_erase().
 *
 * Ownership: tf_progress_display_new() returns a new display, free with
 * tf_progress_display_free(). Holds no global state.
 */
#ifndef TF_PROGRESS_DISPLAY_H
#define TF_PROGRESS_DISPLAY_H

#include <glib.h>

typedef struct TfProgressDisplay TfProgressDisplay;

/* A display for `total` files; `enabled` FALSE makes every call a no-op.
 * The clock starts now. */
TfProgressDisplay *tf_progress_display_new (gboolean enabled, guint total);
void tf_progress_display_free (TfProgressDisplay *display);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfProgressDisplay, tf_progress_display_free)

gboolean tf_progress_display_enabled (const TfProgressDisplay *display);

/* `done` of `total` files are done: redraws the line when it is due. */
void tf_progress_display_update (TfProgressDisplay *display, guint done, guint total);

/* Takes the line off the screen, if it is there. */
void tf_progress_display_erase (TfProgressDisplay *display);

/* Erases the line and prints the summary line of the run. */
void tf_progress_display_finish (TfProgressDisplay *display, guint complete,
                                 guint incomplete, guint invalid);

#endif
