/* isolated_draw.h — drawing that runs Poppler on untrusted bytes, done in
 * a child process, as the batch reads files (batch.h): a reply that reads
 * well may still crash, hang or exhaust Poppler's renderer (the content
 * streams and fonts it draws are not read when fields are), and that must
 * cost the review report one picture, not the whole run.
 *
 * The child draws onto an image and sends it back as PNG bytes over a
 * pipe; this process only decodes PNG (cairo's decoder, on bytes cairo's
 * encoder wrote). The child is forked with no exec: call it with no other
 * thread running and SIGCHLD not ignored.
 */
#ifndef TF_ISOLATED_DRAW_H
#define TF_ISOLATED_DRAW_H

#include <cairo.h>
#include <glib.h>

/* Draws, in the child, onto `cr`: a white `width` × `height` box in
 * points, at the origin. May crash or hang: the caller survives it. */
typedef void (*TfIsolatedDrawFunc) (cairo_t *cr, double width, double height,
                                    gpointer user_data);

/* Runs `draw` in a child process onto an image of `width` × `height`
 * points at `scale` pixels a point, and returns that image (new: paint it
 * scaled by 1 / `scale`; free with cairo_surface_destroy()). NULL with
 * TF_ERROR_PDF and a message in plain words when the child crashed, took
 * longer than `timeout` seconds (it is then killed), or sent no image;
 * with TF_ERROR_IO when no child could be started. The child's address
 * space is limited to what it had plus `max_memory` bytes (0: no limit;
 * not under AddressSanitizer). */
cairo_surface_t *tf_isolated_draw (double width, double height, double scale,
                                   double timeout, guint64 max_memory,
                                   TfIsolatedDrawFunc draw, gpointer user_data,
                                   GError **error);

#endif
