/* registration.h — where the form's page lies on a rendered page: its four
 * corner marks found, and the affine map from the form's points to the
 * image's pixels fitted to them.
 *
 * The marks (layout.c) are 6 pt black squares 20 pt in from each corner.
 * They are looked for in a window of TF_MARK_WINDOW points at each corner
 * of the image, wide enough for a copier's "fit to page" (95 %) and a few
 * degrees of skew: a filled square of the mark's size with white around
 * it. They are symmetric, so the same marks fit any quarter turn of the
 * page: the caller tries the four and keeps the one the page's content
 * matches.
 */
#ifndef TF_REGISTRATION_H
#define TF_REGISTRATION_H

#include "optical/page_image.h"

#include <glib.h>

#define TF_MARK_WINDOW 110.0    /* points, from each corner of the image */

/* u = a x + b y + c, v = d x + e y + f: form points (origin bottom left)
 * to image pixels (origin top left). */
typedef struct {
  double a, b, c, d, e, f;
} TfAffine;

static inline void
tf_affine_apply (const TfAffine *t, double x, double y, double *u, double *v)
{
  *u = t->a * x + t->b * y + t->c;
  *v = t->d * x + t->e * y + t->f;
}

/* The marks found at the image's corners, in pixels. */
typedef struct {
  gboolean found[4];    /* top left, top right, bottom right, bottom left */
  double u[4], v[4];    /* centres */
} TfMarks;

/* Looks for the four marks of `image`; returns how many were found. */
guint tf_marks_find (const TfPageImage *image, TfMarks *marks);

/* The fit of a form page of `page_width` x `page_height` points lying
 * `quarter_turns` clockwise on the image, from `marks`: FALSE when fewer
 * than three are found or the fit is not a plausible print of the page
 * (scaled 85–108 %, square, turned less than 4° from the quarter turn).
 * Sets the map, its scale (printed / form size) and its residual (RMS
 * distance, points, of the marks from the fit; 0 with three marks). */
gboolean tf_marks_fit (const TfMarks *marks, double image_scale, double page_width,
                       double page_height, guint quarter_turns, TfAffine *map,
                       double *scale, double *residual);

#endif
