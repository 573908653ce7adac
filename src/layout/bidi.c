#include "layout/bidi.h"

#include <fribidi.h>

/* The code points of `utf8` (invalid UTF-8 is never given here: the form
 * definition and field values are validated before). */
static FriBidiChar *
to_utf32 (const char *utf8, FriBidiStrIndex *len)
{
  glong n = 0;
  gunichar *u = g_utf8_to_ucs4_fast (utf8, -1, &n);
  *len = (FriBidiStrIndex) n;
  return (FriBidiChar *) u;
}

gboolean
tf_bidi_has_rtl (const char *utf8)
{
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    if (FRIBIDI_IS_RTL (fribidi_get_bidi_type (g_utf8_get_char (p))))
      return TRUE;
  return FALSE;
}

gboolean
tf_bidi_paragraph_is_rtl (const char *utf8)
{
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      FriBidiCharType type = fribidi_get_bidi_type (g_utf8_get_char (p));
      if (FRIBIDI_IS_LETTER (type))
        return FRIBIDI_IS_RTL (type);
    }
  return FALSE;
}

static gboolean
any_rtl (char **lines)
{
  for (char **l = lines; *l; l++)
    if (tf_bidi_has_rtl (*l))
      return TRUE;
  return FALSE;
}

char **
tf_bidi_visual_lines (char **lines, gboolean rtl)
{
  guint n = g_strv_length (lines);
  if (!rtl && !any_rtl (lines))
    return g_strdupv (lines);

  g_autofree char *joined = g_strjoinv (" ", lines);
  FriBidiStrIndex len = 0;
  FriBidiChar *u = to_utf32 (joined, &len);
  FriBidiCharType *types = g_new (FriBidiCharType, len + 1);
  FriBidiBracketType *brackets = g_new (FriBidiBracketType, len + 1);
  FriBidiLevel *levels = g_new (FriBidiLevel, len + 1);
  FriBidiArabicProp *joining = g_new (FriBidiArabicProp, len + 1);

  fribidi_get_bidi_types (u, len, types);
  fribidi_get_bracket_types (u, len, types, brackets);
  FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  FriBidiLevel ok = fribidi_get_par_embedding_levels_ex (types, brackets, len, &base, levels);
  FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
  if (ok > 0)
    {
      /* Joining and shaping on the logical order, then each line reordered. */
      fribidi_get_joining_types (u, len, joining);
      fribidi_join_arabic (types, len, levels, joining);
      fribidi_shape (flags, levels, len, joining, u);
    }
  char **out = g_new0 (char *, n + 1);
  FriBidiStrIndex off = 0;
  for (guint i = 0; i < n; i++)
    {
      FriBidiStrIndex line_len = (FriBidiStrIndex) g_utf8_strlen (lines[i], -1);
      if (ok > 0 && line_len > 0
          && fribidi_reorder_line (flags, types, line_len, off, base, levels, u, NULL) == 0)
        ok = 0;
      if (ok > 0)
        {
          GString *s = g_string_sized_new ((gsize) line_len * 2);
          for (FriBidiStrIndex j = off; j < off + line_len; j++)
            if (u[j] != 0xFEFF)
              g_string_append_unichar (s, u[j]);
          out[i] = g_string_free (s, FALSE);
        }
      else
        out[i] = g_strdup (lines[i]);   /* FriBiDi failed (memory): as it is */
      off += line_len + 1;
    }
  g_free (joining);
  g_free (levels);
  g_free (brackets);
  g_free (types);
  g_free (u);
  return out;
}

char *
tf_bidi_visual_line (const char *utf8, gboolean rtl)
{
  char *one[] = { (char *) utf8, NULL };
  g_auto (GStrv) lines = tf_bidi_visual_lines (one, rtl);
  return g_steal_pointer (&lines[0]);
}
