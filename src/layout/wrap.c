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

/* Chinese breaks between any two characters, not at spaces, but never
 * before closing punctuation nor after opening punctuation. */
static gboolean
no_break_before (gunichar c)
{
  return g_utf8_strchr ("，。、：；！？）」』】〕》〉”’…,.:;!?)]}", -1, c) != NULL;
}

static gboolean
no_break_after (gunichar c)
{
  return g_utf8_strchr ("（「『【〔《〈“‘([{", -1, c) != NULL;
}

static gboolean
breaks_between (gunichar a, gunichar b)
{
  return (g_unichar_iswide (a) || g_unichar_iswide (b)) && !no_break_before (b)
         && !no_break_after (a);
}

/* A word (no space in it) cut where a line may break inside it: a word of
 * Latin or Cyrillic letters is one piece; Chinese, one piece a character
 * (with the punctuation that must stay by it). A new array of new
 * strings. */
static GPtrArray *
word_pieces (const char *word)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  const char *start = word;
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      if (*next != '\0' && breaks_between (g_utf8_get_char (p), g_utf8_get_char (next)))
        {
          g_ptr_array_add (pieces, g_strndup (start, (gsize) (next - start)));
          start = next;
        }
    }
  g_ptr_array_add (pieces, g_strdup (start));
  return pieces;
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
      g_autoptr (GPtrArray) pieces = word_pieces (*w);
      for (guint i = 0; i < pieces->len; i++)
        {
          const char *piece = pieces->pdata[i];
          gsize before = current->len;
          /* Words are joined by a space, the pieces of a word by nothing. */
          if (before > 0 && i == 0)
            g_string_append_c (current, ' ');
          g_string_append (current, piece);
          if (width_of (m, style, size, current->str) <= width)
            continue;
          /* Too wide: the piece goes to the next line, broken if it must be. */
          g_string_truncate (current, before);
          if (before > 0)
            g_ptr_array_add (lines, g_strdup (current->str));
          g_string_truncate (current, 0);
          if (width_of (m, style, size, piece) <= width)
            g_string_append (current, piece);
          else
            break_word (m, style, size, piece, width, lines, current);
        }
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
