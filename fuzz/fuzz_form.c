/* fuzz_form.c — libFuzzer target over the form-definition loader: bytes →
 * tf_form_load() (through a memory file, /proc/self/fd/N) → when it loads,
 * tf_layout_new_in() with a fake measure in every language the definition
 * has (the layout's wrapping and fitting of whatever the definition says;
 * in Arabic, FriBiDi's shaping and reordering of it). Any bytes must give a form or an
 * error, never a crash. Seeds: the definitions in forms/. Build and run:
 * fuzz/run.sh.
 */
#include "form/form.h"
#include "layout/layout.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* 0.5 em a character (by code point), as the layout tests measure. */
static double
fake_width (void *ctx, TfFontStyle style, double font_size, const char *utf8)
{
  return 0.5 * font_size * (double) g_utf8_strlen (utf8, -1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static int fd = -1;
  if (fd < 0)
    fd = memfd_create ("fuzz-form", MFD_CLOEXEC);
  if (fd < 0 || ftruncate (fd, 0) != 0 || pwrite (fd, data, size, 0) != (ssize_t) size)
    return 0;
  char path[64];
  snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  GError *error = NULL;
  TfForm *form = tf_form_load (path, &error);
  if (form == NULL)
    {
      g_clear_error (&error);
      return 0;
    }
  TfMeasure measure = { fake_width, NULL };
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      if (!tf_form_has_language (form, (TfLanguage) l))
        continue;
      TfLayout *layout = tf_layout_new_in (form, (TfLanguage) l, &measure, &error);
      g_clear_error (&error);
      if (layout != NULL)
        tf_layout_free (layout);
    }
  tf_form_free (form);
  return 0;
}
