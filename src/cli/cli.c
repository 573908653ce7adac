#include "cli.h"

#include <stdio.h>

static void print (const char *kind, const char *format, va_list args) G_GNUC_PRINTF (2, 0);

static void
print (const char *kind, const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  fprintf (stderr, "%s: %s%s\n", g_get_prgname (), kind, message);
}

void
tf_cli_error (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  print ("", format, args);
  va_end (args);
}

void
tf_cli_warning (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  print ("warning: ", format, args);
  va_end (args);
}

char **
tf_cli_split_jobs (int argc, char **argv)
{
  GPtrArray *args = g_ptr_array_new ();
  gboolean options = TRUE;
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      if (options && g_str_equal (a, "--"))
        options = FALSE;
      if (options && i > 0 && g_str_has_prefix (a, "-j") && g_ascii_isdigit (a[2]))
        {
          g_ptr_array_add (args, g_strdup ("-j"));
          g_ptr_array_add (args, g_strdup (a + 2));
        }
      else
        g_ptr_array_add (args, g_strdup (a));
    }
  g_ptr_array_add (args, NULL);
  return (char **) g_ptr_array_free (args, FALSE);
}
