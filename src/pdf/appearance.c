#include "pdf/appearance.h"

#include "layout/bidi.h"

#include <string.h>

/* Appends a number the way PDF wants it: no exponent, no locale comma. */
static void
num (GString *s, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.3f", v);
  /* trim trailing zeros: "1.500" → "1.5", "2.000" → "2" */
  char *end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (g_str_equal (buf, "-0"))
    strcpy (buf, "0");
  g_string_append (s, buf);
  g_string_append_c (s, ' ');
}

static void
circle_path (GString *s, double cx, double cy, double r)
{
  const double k = 0.5523 * r;   /* Bézier control distance for a quarter */
  num (s, cx + r); num (s, cy); g_string_append (s, "m\n");
  num (s, cx + r); num (s, cy + k); num (s, cx + k); num (s, cy + r); num (s, cx); num (s, cy + r); g_string_append (s, "c\n");
  num (s, cx - k); num (s, cy + r); num (s, cx - r); num (s, cy + k); num (s, cx - r); num (s, cy); g_string_append (s, "c\n");
  num (s, cx - r); num (s, cy - k); num (s, cx - k); num (s, cy - r); num (s, cx); num (s, cy - r); g_string_append (s, "c\n");
  num (s, cx + k); num (s, cy - r); num (s, cx + r); num (s, cy - k); num (s, cx + r); num (s, cy); g_string_append (s, "c\n");
}

GString *
tf_appearance_button (TfWidgetKind kind, double w, double h, gboolean on)
{
  GString *s = g_string_new ("q 0 G 0 g 0.8 w\n");
  if (kind == TF_WIDGET_BOX)
    {
      num (s, 0.4); num (s, 0.4); num (s, w - 0.8); num (s, h - 0.8);
      g_string_append (s, "re S\n");
      if (on)
        {
          /* A tick, drawn as a path so that it needs no font. */
          g_string_append (s, "1.4 w 1 J 1 j\n");
          num (s, w * 0.2); num (s, h * 0.52); g_string_append (s, "m ");
          num (s, w * 0.42); num (s, h * 0.24); g_string_append (s, "l ");
          num (s, w * 0.82); num (s, h * 0.8); g_string_append (s, "l S\n");
        }
    }
  else
    {
      double r = MIN (w, h) / 2;
      circle_path (s, w / 2, h / 2, r - 0.4);
      g_string_append (s, "S\n");
      if (on)
        {
          circle_path (s, w / 2, h / 2, r * 0.48);
          g_string_append (s, "f\n");
        }
    }
  g_string_append (s, "Q\n");
  return s;
}

/* A line of text as a hex string of 2-byte codes; characters outside the
 * BMP, which the Identity-H font cannot show, become spaces. */
static void
hex_line (GString *s, const char *line)
{
  g_string_append_c (s, '<');
  for (const char *p = line; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_printf (s, "%04X", c < 0x10000 ? c : 0x20);
    }
  g_string_append (s, "> Tj\n");
}

char **
tf_appearance_text_lines (const char *value, gboolean multiline)
{
  g_auto (GStrv) logical = multiline ? g_strsplit (value, "\n", -1)
                                     : g_strdupv ((char *[]) { (char *) value, NULL });
  guint n = g_strv_length (logical);
  char **lines = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    lines[i] = tf_bidi_visual_line (logical[i], tf_bidi_paragraph_is_rtl (logical[i]));
  return lines;
}

GString *
tf_appearance_text (const char *value, const char *font_name, double size,
                    double w, double h, gboolean multiline, gboolean align_right,
                    TfAppearanceWidth width, void *ctx)
{
  GString *s = g_string_new (NULL);
  if (value == NULL || value[0] == '\0')
    return s;   /* an empty stream: an empty field shows nothing */

  double lead = size * 1.2;
  g_string_append (s, "/Tx BMC\nq\n1 1 ");
  num (s, w - 2); num (s, h - 2);
  g_string_append (s, "re W n\nBT\n/");
  g_string_append (s, font_name);
  g_string_append_c (s, ' ');
  num (s, size);
  g_string_append (s, "Tf 0 g\n");
  num (s, lead);
  g_string_append (s, "TL\n");

  /* Single line: centred on the cap height. Multiline: from the top. */
  double y = multiline ? h - 2 - size * 0.93 : (h - size * 0.72) / 2;
  g_auto (GStrv) lines = tf_appearance_text_lines (value, multiline);
  double x_before = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double x = 2;
      if (align_right && width != NULL)
        x = MAX (2, w - 2 - width (ctx, lines[i], size));
      if (i == 0)
        {
          num (s, x); num (s, y);
          g_string_append (s, "Td\n");
        }
      else if (x == x_before)
        g_string_append (s, "T*\n");
      else
        {
          num (s, x - x_before); num (s, -lead);
          g_string_append (s, "Td\n");
        }
      x_before = x;
      hex_line (s, lines[i]);
    }
  g_string_append (s, "ET\nQ\nEMC\n");
  return s;
}
