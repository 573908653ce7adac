#include "layout/wrap.h"

#include <string.h>

static double
width_of (const TfMeasure *m, TfFontStyle style, double size, const char *s)
{
  return m->width (m->ctx, style, size, s);
}

/* Appends to `lines` the pieces of one word too wide for a line, each as
 * long as fits; leaves the last piece in `current` to continue after. */
static void
break_word (const TfMeasure *m, TfFontStyle style, double size,
            const char *word, double width, GPtrArray *lines, GString *current)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gsize before = current->len;
      g_string_append_len (current, p, g_utf8_next_char (p) - p);
      if (before > 0 && width_of (m, style, size, current->str) > width)
        {
          g_ptr_array_add (lines, g_strndup (current->str, before));
          g_string_erase (current, 0, (gssize) before);
        }
    }
}

static void
wrap_paragraph (const TfMeasure *m, TfFontStyle style, double size,
                const char *paragraph, double width, GPtrArray *lines)
{
  g_auto (GStrv) words = g_strsplit (paragraph, " ", -1);
  g_autoptr (GString) current = g_string_new (NULL);

  for (char **w = words; *w; w++)
    {
      if ((*w)[0] == '\0')
        continue;
      gsize before = current->len;
      if (before > 0)
        g_string_append_c (current, ' ');
      g_string_append (current, *w);
      if (width_of (m, style, size, current->str) <= width)
        continue;
      /* Too wide: the word goes to the next line, broken if it must be. */
      g_string_truncate (current, before);
      if (before > 0)
        g_ptr_array_add (lines, g_strdup (current->str));
      g_string_truncate (current, 0);
      if (width_of (m, style, size, *w) <= width)
        g_string_append (current, *w);
      else
        break_word (m, style, size, *w, width, lines, current);
    }
  g_ptr_array_add (lines, g_strdup (current->str));
}

char **
tf_wrap (const TfMeasure *measure, TfFontStyle style, double size,
         const char *utf8, double width)
{
  GPtrArray *lines = g_ptr_array_new ();
  g_auto (GStrv) paragraphs = g_strsplit (utf8, "\n", -1);
  for (char **p = paragraphs; *p; p++)
    wrap_paragraph (measure, style, size, *p, width, lines);
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}
