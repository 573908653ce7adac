#include "pdf/appearance.h"

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
hex_line (GString *s, const char *line, gsize len)
{
  g_string_append_c (s, '<');
  for (const char *p = line; p < line + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_printf (s, "%04X", c < 0x10000 ? c : 0x20);
    }
  g_string_append (s, "> Tj\n");
}

GString *
tf_appearance_text (const char *value, const char *font_name, double size,
                    double w, double h, gboolean multiline)
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
  g_string_append (s, "TL\n2 ");
  /* Single line: centred on the cap height. Multiline: from the top. */
  num (s, multiline ? h - 2 - size * 0.93 : (h - size * 0.72) / 2);
  g_string_append (s, "Td\n");

  const char *line = value;
  gboolean first = TRUE;
  while (line != NULL)
    {
      const char *eol = multiline ? strchr (line, '\n') : NULL;
      gsize len = eol ? (gsize) (eol - line) : strlen (line);
      if (!first)
        g_string_append (s, "T*\n");
      hex_line (s, line, len);
      first = FALSE;
      line = eol ? eol + 1 : NULL;
    }
  g_string_append (s, "ET\nQ\nEMC\n");
  return s;
}
