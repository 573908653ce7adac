#include "optical/registration.h"

#include <math.h>
#include <string.h>

#define MARK_SIDE 6.0           /* points (layout.c) */
#define MARK_INSET 20.0

/* Dark pixels in [x0, x1) x [y0, y1) from the integral image `sum`
 * (width w + 1). */
static guint
dark_in (const guint32 *sum, int w, int x0, int y0, int x1, int y1)
{
  gsize W = (gsize) w + 1;
  return sum[(gsize) y1 * W + (gsize) x1] - sum[(gsize) y0 * W + (gsize) x1]
         - sum[(gsize) y1 * W + (gsize) x0] + sum[(gsize) y0 * W + (gsize) x0];
}

/* The best mark in the window [x0, x1) x [y0, y1): TRUE and its centre. */
static gboolean
find_in_window (const TfPageImage *im, const guint32 *sum, int x0, int y0, int x1, int y1,
                double *cu, double *cv)
{
  double s = im->scale;
  int k = (int) floor (5.0 * s);                 /* inside the mark, at 95 % too */
  int gap = (int) ceil (1.5 * s), band = (int) ceil (3.5 * s);
  if (k < 3)
    return FALSE;
  double best = 0;
  int bx = -1, by = -1;
  for (int y = MAX (y0, band); y + k + band <= MIN (y1, im->height); y++)
    for (int x = MAX (x0, band); x + k + band <= MIN (x1, im->width); x++)
      {
        double inner = dark_in (sum, im->width, x, y, x + k, y + k) / (double) (k * k);
        if (inner < 0.9)
          continue;
        int o = k + 2 * band, g = k + 2 * gap;
        double ring_dark = dark_in (sum, im->width, x - band, y - band, x + k + band, y + k + band)
                           - dark_in (sum, im->width, x - gap, y - gap, x + k + gap, y + k + gap);
        double ring = ring_dark / (double) (o * o - g * g);
        if (ring > 0.1)
          continue;
        double score = inner - ring;
        if (score > best)
          best = score, bx = x, by = y;
      }
  if (bx < 0)
    return FALSE;
  /* The centroid of the dark pixels around the square found. */
  double su = 0, sv = 0, n = 0;
  for (int y = by - gap; y < by + k + gap; y++)
    for (int x = bx - gap; x < bx + k + gap; x++)
      if (tf_page_image_at (im, x, y) < TF_INK_DARK)
        su += x + 0.5, sv += y + 0.5, n++;
  *cu = su / n;
  *cv = sv / n;
  return TRUE;
}

guint
tf_marks_find (const TfPageImage *im, TfMarks *marks)
{
  memset (marks, 0, sizeof *marks);
  gsize W = (gsize) im->width + 1;
  guint32 *sum = g_new0 (guint32, W * ((gsize) im->height + 1));
  for (int y = 0; y < im->height; y++)
    {
      guint32 row = 0;
      for (int x = 0; x < im->width; x++)
        {
          row += im->pixels[(gsize) y * (gsize) im->width + (gsize) x] < TF_INK_DARK;
          sum[(gsize) (y + 1) * W + (gsize) x + 1] = sum[(gsize) y * W + (gsize) x + 1] + row;
        }
    }
  int win = (int) ceil (TF_MARK_WINDOW * im->scale);
  int w = im->width, h = im->height;
  const int x0s[4] = { 0, w - win, w - win, 0 }, y0s[4] = { 0, 0, h - win, h - win };
  guint n = 0;
  for (int i = 0; i < 4; i++)
    {
      int x0 = MAX (x0s[i], 0), y0 = MAX (y0s[i], 0);
      marks->found[i] = find_in_window (im, sum, x0, y0, MIN (x0 + win, w), MIN (y0 + win, h),
                                        &marks->u[i], &marks->v[i]);
      n += marks->found[i];
    }
  g_free (sum);
  return n;
}

/* Solves the 3x3 system m z = r (Cramer); FALSE when singular. */
static gboolean
solve3 (const double m[3][3], const double r[3], double z[3])
{
  double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
               - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
               + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  if (fabs (det) < 1e-9)
    return FALSE;
  for (int c = 0; c < 3; c++)
    {
      double t[3][3];
      memcpy (t, m, sizeof t);
      for (int i = 0; i < 3; i++)
        t[i][c] = r[i];
      z[c] = (t[0][0] * (t[1][1] * t[2][2] - t[1][2] * t[2][1])
              - t[0][1] * (t[1][0] * t[2][2] - t[1][2] * t[2][0])
              + t[0][2] * (t[1][0] * t[2][1] - t[1][1] * t[2][0])) / det;
    }
  return TRUE;
}

gboolean
tf_marks_fit (const TfMarks *marks, double image_scale, double pw, double ph, guint turns,
              TfAffine *map, double *scale, double *residual)
{
  double c = MARK_INSET + MARK_SIDE / 2;
  /* The form's marks, in the order of the image corners they lie at when
   * the page is upright: top left, top right, bottom right, bottom left.
   * A clockwise quarter turn moves each to the next corner. */
  const double fx[4] = { c, pw - c, pw - c, c }, fy[4] = { ph - c, ph - c, c, c };
  double m[3][3] = { { 0 } }, ru[3] = { 0 }, rv[3] = { 0 };
  guint n = 0;
  for (int i = 0; i < 4; i++)
    {
      int corner = (int) ((i + turns) % 4);
      if (!marks->found[corner])
        continue;
      double p[3] = { fx[i], fy[i], 1 };
      for (int r = 0; r < 3; r++)
        {
          for (int q = 0; q < 3; q++)
            m[r][q] += p[r] * p[q];
          ru[r] += p[r] * marks->u[corner];
          rv[r] += p[r] * marks->v[corner];
        }
      n++;
    }
  double zu[3], zv[3];
  if (n < 3 || !solve3 (m, ru, zu) || !solve3 (m, rv, zv))
    return FALSE;
  *map = (TfAffine) { zu[0], zu[1], zu[2], zv[0], zv[1], zv[2] };

  /* A print of the page: both axes scaled alike, square, turned by
   * `turns` quarters give or take a few degrees, and not mirrored (the y
   * axis points down in the image, up on the form). */
  double sx = hypot (map->a, map->d), sy = hypot (map->b, map->e);
  double k = sx / image_scale;
  double cosang = (map->a * map->b + map->d * map->e) / (sx * sy);
  double det = map->a * map->e - map->b * map->d;
  double angle = atan2 (map->d, map->a) * 180 / G_PI;
  double want = 90.0 * turns;
  double off = fmod (fabs (angle - want) + 360, 360);
  off = MIN (off, 360 - off);
  if (!(k > 0.85 && k < 1.08) || fabs (sy / sx - 1) > 0.03 || fabs (cosang) > 0.03 || det >= 0
      || off > 4)
    return FALSE;
  *scale = k;
  double sq = 0;
  for (int i = 0; i < 4; i++)
    {
      int corner = (int) ((i + turns) % 4);
      if (!marks->found[corner])
        continue;
      double u, v;
      tf_affine_apply (map, fx[i], fy[i], &u, &v);
      sq += (u - marks->u[corner]) * (u - marks->u[corner])
            + (v - marks->v[corner]) * (v - marks->v[corner]);
    }
  *residual = sqrt (sq / n) / sx;
  return TRUE;
}
