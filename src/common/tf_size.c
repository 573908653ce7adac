#include "common/tf_size.h"

#include <math.h>
#include <string.h>

gboolean
tf_size_parse (const char *text, guint64 *bytes)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text) && *text != '.')
    return FALSE;
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || value < 0)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  double unit = 1;
  const char *units = "KMGT";
  const char *u = *end ? strchr (units, g_ascii_toupper (*end)) : NULL;
  if (u != NULL)
    {
      unit = ldexp (1.0, 10 * (int) (u - units + 1));
      end++;
      if (*end == 'i' || *end == 'I')
        end++;
    }
  if (*end == 'b' || *end == 'B')
    end++;
  if (*end != '\0')
    return FALSE;
  double total = value * unit;
  if (total >= 18446744073709551615.0)
    return FALSE;
  *bytes = (guint64) total;
  return TRUE;
}

char *
tf_size_format (guint64 bytes)
{
  static const char *const names[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
  guint i = 0;
  double value = (double) bytes;
  while (i + 1 < G_N_ELEMENTS (names) && value >= 1024)
    {
      value /= 1024;
      i++;
    }
  if (value == floor (value))
    return g_strdup_printf ("%.0f %s", value, names[i]);
  return g_strdup_printf ("%.1f %s", value, names[i]);
}
