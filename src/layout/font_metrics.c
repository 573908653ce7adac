#include "layout/font_metrics.h"

#include "common/tf_data.h"
#include "common/tf_error.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

/* The fonts of each language (fonts/README.md says what each holds). */
#define SANS_REGULAR "fonts/TapformSans-Regular.ttf"
#define SANS_BOLD "fonts/TapformSans-Bold.ttf"
#define SANS_SC "fonts/TapformSansSC-Regular.ttf"
static const char *const font_files[TF_LANG_COUNT][TF_FONT_COUNT] = {
  [TF_LANG_AR] = { SANS_REGULAR, SANS_BOLD },
  [TF_LANG_EN] = { SANS_REGULAR, SANS_BOLD },
  [TF_LANG_ES] = { SANS_REGULAR, SANS_BOLD },
  [TF_LANG_FR] = { SANS_REGULAR, SANS_BOLD },
  [TF_LANG_RU] = { SANS_REGULAR, SANS_BOLD },
  [TF_LANG_ZH] = { SANS_SC, SANS_SC },
};

/* A BMP character's width not looked up yet. */
#define UNKNOWN G_MININT16

struct TfFontMetrics
{
  FT_Library library;
  FT_Face face[TF_FONT_COUNT];
  /* The widths of the BMP looked up so far, UNKNOWN elsewhere: a layout
   * measures each line again as it grows, word by word. */
  gint16 *widths[TF_FONT_COUNT];
};

const char *
tf_font_file_in (TfLanguage language, TfFontStyle style)
{
  return font_files[language][style];
}

const char *
tf_font_file (TfFontStyle style)
{
  return tf_font_file_in (TF_LANG_DEFAULT, style);
}

gboolean
tf_font_is_synthetic_bold (TfLanguage language)
{
  return g_str_equal (font_files[language][TF_FONT_REGULAR], font_files[language][TF_FONT_BOLD]);
}

void
tf_font_metrics_free (TfFontMetrics *metrics)
{
  if (metrics == NULL)
    return;
  for (int style = 0; style < TF_FONT_COUNT; style++)
    {
      if (metrics->face[style] != NULL)
        FT_Done_Face (metrics->face[style]);
      g_free (metrics->widths[style]);
    }
  if (metrics->library != NULL)
    FT_Done_FreeType (metrics->library);
  g_free (metrics);
}

TfFontMetrics *
tf_font_metrics_load (TfLanguage language, GError **error)
{
  g_autoptr (TfFontMetrics) metrics = g_new0 (TfFontMetrics, 1);
  if (FT_Init_FreeType (&metrics->library) != 0)
    {
      metrics->library = NULL;
      g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION, "FreeType could not start");
      return NULL;
    }
  for (int style = 0; style < TF_FONT_COUNT; style++)
    {
      g_autofree char *path = tf_data_find (font_files[language][style], error);
      if (path == NULL)
        return NULL;
      metrics->widths[style] = g_new (gint16, 65536);
      for (guint c = 0; c < 65536; c++)
        metrics->widths[style][c] = UNKNOWN;
      FT_Error status = FT_New_Face (metrics->library, path, 0, &metrics->face[style]);
      if (status != 0)
        {
          metrics->face[style] = NULL;
          g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION,
                       "%s: FreeType cannot read this font (error %d)", path, status);
          return NULL;
        }
    }
  return g_steal_pointer (&metrics);
}

TfFontMetrics *
tf_font_metrics_load_default (GError **error)
{
  return tf_font_metrics_load (TF_LANG_DEFAULT, error);
}

static int
lookup_width (const TfFontMetrics *metrics, TfFontStyle style, gunichar c)
{
  FT_Face face = metrics->face[style];
  FT_UInt glyph = FT_Get_Char_Index (face, c);
  FT_Fixed advance = 0;
  if (FT_Get_Advance (face, glyph, FT_LOAD_NO_SCALE, &advance) != 0)
    return 0;
  /* libHaru's rounding, so that the page and its layout agree. */
  return (int) ((gint32) advance * 1000 / face->units_per_EM);
}

int
tf_font_metrics_char_width (const TfFontMetrics *metrics, TfFontStyle style, gunichar c)
{
  if (c >= 65536)
    return lookup_width (metrics, style, c);
  gint16 *known = &metrics->widths[style][c];
  if (*known == UNKNOWN)
    *known = (gint16) lookup_width (metrics, style, c);
  return *known;
}

static double
measure_width (void *ctx, TfFontStyle style, double size, const char *utf8)
{
  const TfFontMetrics *metrics = ctx;
  gint64 total = 0;
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    total += tf_font_metrics_char_width (metrics, style, g_utf8_get_char (p));
  return total * size / 1000.0;
}

TfMeasure
tf_font_metrics_measure (const TfFontMetrics *metrics)
{
  return (TfMeasure) { measure_width, (void *) metrics };
}
