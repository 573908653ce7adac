/* The layout's widths come from the TrueType files through FreeType
 * (layout/font_metrics.h), so that the reader knows the page without
 * building a PDF; the emitter draws with libHaru, which measures the same
 * fonts its own way. Both must agree to the unit, or the emitted page
 * would not be the page the reader expects. */
#include <criterion/criterion.h>

#include "form/form.h"
#include "layout/font_metrics.h"
#include "pdf/pdf_fonts.h"

#include <hpdf.h>
#include <string.h>

typedef struct {
  HPDF_Doc doc;
  TfPdfFonts *fonts;
  TfFontMetrics *metrics;
} Fixture;

static Fixture fx;

/* The fonts of `language`, loaded both ways, in `fx`. */
static void
load (TfLanguage language)
{
  g_autoptr (GError) error = NULL;
  fx.doc = HPDF_New (NULL, NULL);
  cr_assert_not_null (fx.doc);
  HPDF_UseUTFEncodings (fx.doc);
  HPDF_SetCurrentEncoder (fx.doc, "UTF-8");
  fx.fonts = tf_pdf_fonts_load (fx.doc, language, &error);
  cr_assert_not_null (fx.fonts, "%s", error ? error->message : "");
  fx.metrics = tf_font_metrics_load (language, &error);
  cr_assert_not_null (fx.metrics, "%s", error ? error->message : "");
}

static void
unload (void)
{
  tf_font_metrics_free (fx.metrics);
  g_free (fx.fonts);
  HPDF_Free (fx.doc);
  fx = (Fixture) { 0 };
}

static void
setup (void)
{
  load (TF_LANG_DEFAULT);
}

TestSuite (font_metrics, .init = setup, .fini = unload);

/* libHaru's width of `utf8`, in points at `size`. */
static double
haru_width (void *ctx, TfFontStyle style, double size, const char *utf8)
{
  HPDF_TextWidth tw = HPDF_Font_TextWidth (fx.fonts->font[style], (const HPDF_BYTE *) utf8,
                                           (HPDF_UINT) strlen (utf8));
  return tw.width * size / 1000.0;
}

/* Every font file: the default language's (which Arabic, French, Russian
 * and Spanish share) and the Chinese one. */
static void
compare_every_character (TfLanguage language)
{
  unload ();
  load (language);
  TfMeasure ours = tf_font_metrics_measure (fx.metrics);
  guint compared = 0;
  for (int style = 0; style < TF_FONT_COUNT; style++)
    for (gunichar c = 0x20; c < 0x10000; c++)
      {
        if (!g_unichar_validate (c) || (c >= 0xD800 && c < 0xE000))
          continue;
        char utf8[8] = { 0 };
        g_unichar_to_utf8 (c, utf8);
        double expected = haru_width (NULL, style, 1000, utf8);
        double got = ours.width (ours.ctx, style, 1000, utf8);
        cr_assert_float_eq (got, expected, 1e-9, "%s: U+%04X in style %d: %g, libHaru %g",
                            tf_language_code (language), c, style, got, expected);
        compared++;
      }
  cr_assert_gt (compared, 100000);
}

Test (font_metrics, every_character_is_as_wide_as_libharu_measures_it)
{
  compare_every_character (TF_LANG_DEFAULT);
  compare_every_character (TF_LANG_ZH);
}

Test (font_metrics, a_string_is_the_sum_of_its_characters)
{
  TfMeasure ours = tf_font_metrics_measure (fx.metrics);
  const char *strings[] = { "Draft revised Recommendation ITU-T X.1054", "Côte d'Ivoire",
                            "Российская Федерация", "Ω ≈ ∞ – “quotes”", "ﺍﻟﻤﻤﻠﻜﺔ", "" };
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    for (int style = 0; style < TF_FONT_COUNT; style++)
      cr_expect_float_eq (ours.width (ours.ctx, style, 9.5, strings[i]),
                          haru_width (NULL, style, 9.5, strings[i]), 1e-9, "\"%s\"", strings[i]);
}

static gboolean
same_rect (const TfRect *a, const TfRect *b)
{
  return a->x == b->x && a->y == b->y && a->w == b->w && a->h == b->h;
}

static void
lays_out_the_same (const TfForm *form, TfLanguage language)
{
  g_autoptr (GError) error = NULL;
  unload ();
  load (language);
  const char *code = tf_language_code (language);
  TfMeasure haru = { haru_width, NULL };
  g_autoptr (TfLayout) expected = tf_layout_new_in (form, language, &haru, &error);
  cr_assert_not_null (expected, "%s: %s", code, error ? error->message : "");
  g_autoptr (TfLayout) got = tf_layout_new_default_in (form, language, &error);
  cr_assert_not_null (got, "%s: %s", code, error ? error->message : "");

  cr_assert_eq (got->n_pages, expected->n_pages, "%s", code);
  cr_assert_eq (got->runs->len, expected->runs->len, "%s", code);
  for (guint i = 0; i < got->runs->len; i++)
    {
      const TfTextRun *a = got->runs->pdata[i], *b = expected->runs->pdata[i];
      cr_assert (a->page == b->page && a->x == b->x && a->y == b->y && a->size == b->size
                 && a->style == b->style && g_str_equal (a->text, b->text),
                 "%s: run %u: \"%s\" at %g,%g; libHaru's \"%s\" at %g,%g", code, i, a->text,
                 a->x, a->y, b->text, b->x, b->y);
    }
  cr_assert_eq (got->shapes->len, expected->shapes->len, "%s", code);
  for (guint i = 0; i < got->shapes->len; i++)
    {
      const TfShape *a = got->shapes->pdata[i], *b = expected->shapes->pdata[i];
      cr_assert (a->page == b->page && a->kind == b->kind && same_rect (&a->rect, &b->rect),
                 "%s: shape %u differs", code, i);
    }
  cr_assert_eq (got->widgets->len, expected->widgets->len, "%s", code);
  for (guint i = 0; i < got->widgets->len; i++)
    {
      const TfWidget *a = got->widgets->pdata[i], *b = expected->widgets->pdata[i];
      cr_assert (a->page == b->page && same_rect (&a->rect, &b->rect)
                 && g_str_equal (a->field, b->field), "%s: widget %u (%s) differs", code, i,
                 a->field);
    }
}

Test (font_metrics, the_form_lays_out_the_same_with_either)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) form = tf_form_load_default (&error);
  cr_assert_not_null (form, "%s", error ? error->message : "");
  for (int l = 0; l < TF_LANG_COUNT; l++)
    lays_out_the_same (form, (TfLanguage) l);
}
