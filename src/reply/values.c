/* values.c — the rules for text values: normalization, e-mail addresses. */
#include "reply/reply.h"

#include <string.h>

char *
tf_reply_normalize_text (const char *value)
{
  if (value == NULL)
    return NULL;
  g_autofree char *valid = g_utf8_make_valid (value, -1);
  GString *out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  /* Trim Unicode white space (NBSP and the ideographic space included). */
  const char *start = out->str;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  const char *end = out->str + out->len;
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  char *result = end > start ? g_strndup (start, (gsize) (end - start)) : NULL;
  g_string_free (out, TRUE);
  return result;
}

/* One address: local@domain. Deliberately simple: it catches what people
 * write by mistake ("john at example", "name@", "www.example.org"), not
 * every oddity RFC 5322 allows. */
static gboolean
one_address (const char *a)
{
  const char *at = strchr (a, '@');
  if (at == NULL || at == a || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = a; *p; p++)
    if (*p == '<' || *p == '>' || *p == '(' || *p == ')' || *p == '"'
        || *p == '[' || *p == ']' || *p == ':' || *p == '\\')
      return FALSE;
  const char *domain = at + 1;
  if (strchr (domain, '.') == NULL)
    return FALSE;
  /* No empty label: no leading, trailing or doubled dot. */
  if (domain[0] == '.' || domain[strlen (domain) - 1] == '.' || strstr (domain, "..") != NULL)
    return FALSE;
  if (a[0] == '.' || at[-1] == '.')
    return FALSE;
  return TRUE;
}

gboolean
tf_reply_email_is_valid (const char *value)
{
  if (value == NULL)
    return FALSE;
  /* Separators: comma, semicolon, any white space; "mailto:" tolerated. */
  g_auto (GStrv) parts = g_strsplit_set (value, ",; \t\n\r\f\v", -1);
  guint n = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      if (*part == '\0')
        continue;
      if (g_ascii_strncasecmp (part, "mailto:", 7) == 0)
        part += 7;
      if (!one_address (part))
        return FALSE;
      n++;
    }
  return n > 0;
}
