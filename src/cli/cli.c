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
