#include "batch/progress.h"

#include <math.h>
#include <string.h>

char *
tf_progress_duration (double seconds)
{
  if (!(seconds >= 1))
    return g_strdup ("<1 s");
  guint64 s = (guint64) llround (seconds);
  if (s < 60)
    return g_strdup_printf ("%u s", (guint) s);
  if (s < 3600)
    return g_strdup_printf ("%u min %02u s", (guint) (s / 60), (guint) (s % 60));
  return g_strdup_printf ("%u h %02u min", (guint) (s / 3600), (guint) (s / 60 % 60));
}

static char *
rate_text (guint done, double elapsed)
{
  if (done == 0 || elapsed <= 0)
    return g_strdup ("-- files/s");
  double rate = done / elapsed;
  if (rate >= 10)
    return g_strdup_printf ("%.0f files/s", rate);
  return g_strdup_printf ("%.1f files/s", rate);
}

char *
tf_progress_line (guint done, guint total, double elapsed, guint width)
{
  done = MIN (done, total);
  g_autofree char *rate = rate_text (done, elapsed);
  g_autofree char *left = NULL;
  if (done == 0 || elapsed <= 0)
    left = g_strdup ("-- left");
  else
    {
      g_autofree char *d = tf_progress_duration ((total - done) * (elapsed / done));
      left = g_strdup_printf ("%s left", d);
    }
  g_autofree char *text = g_strdup_printf ("%u/%u files  %s  %s", done, total, rate, left);
  gsize len = strlen (text);
  /* "[" bar "]  " text: the bar takes what is left, 10 to 30 columns. */
  if (width < len + 14)
    return g_steal_pointer (&text);
  guint bar = (guint) MIN (width - len - 4, 30);
  guint filled = total ? (guint) ((guint64) bar * done / total) : bar;
  GString *line = g_string_sized_new (width + 1);
  g_string_append_c (line, '[');
  for (guint i = 0; i < bar; i++)
    g_string_append_c (line, i < filled ? '#' : '.');
  g_string_append (line, "]  ");
  g_string_append (line, text);
  return g_string_free (line, FALSE);
}

char *
tf_progress_summary (guint files, double elapsed, guint complete, guint incomplete,
                     guint invalid)
{
  g_autofree char *took = NULL;
  if (elapsed < 10)
    took = g_strdup_printf ("%.1f s", elapsed);
  else
    took = tf_progress_duration (elapsed);
  return g_strdup_printf ("%u %s read in %s: %u complete, %u incomplete, %u invalid",
                          files, files == 1 ? "file" : "files", took, complete,
                          incomplete, invalid);
}
