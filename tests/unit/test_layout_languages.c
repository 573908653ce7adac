/* The form in its six languages: Chinese wrapped between characters, Arabic
 * shaped, ordered and mirrored, and each language's layout an ordinary
 * TfLayout that every consumer reads alike. Pure: no PDF. */
#include <criterion/criterion.h>

#include "layout/bidi.h"
#include "layout/layout.h"
#include "layout/wrap.h"

#include <string.h>

static double
fake_width (void *ctx, TfFontStyle style, double size, const char *utf8)
{
  (void) ctx;
  (void) style;
  /* Chinese is an em wide, the rest half an em. */
  double w = 0;
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    w += g_unichar_iswide (g_utf8_get_char (p)) ? 1.0 : 0.5;
  return w * size;
}

static const TfMeasure fake = { fake_width, NULL };

/* ---- bidi ----------------------------------------------------------------- */

Test (bidi, latin_text_is_left_alone)
{
  g_autofree char *v = tf_bidi_visual_line ("Draft new Recommendation (X.fdip)", FALSE);
  cr_expect_str_eq (v, "Draft new Recommendation (X.fdip)");
  cr_expect_not (tf_bidi_paragraph_is_rtl ("+41-22-730-5853"));
  cr_expect (tf_bidi_paragraph_is_rtl ("246 الملحق"));
}

Test (bidi, arabic_is_shaped_joined_and_reversed)
{
  /* "سلام": seen, lam, alef, meem. Shaped: initial seen, lam-alef as one
   * ligature (final form, FEFC), meem alone (alef does not join to the
   * left); drawn right to left, so the string starts with the meem. */
  g_autofree char *v = tf_bidi_visual_line ("سلام", TRUE);
  cr_expect_str_eq (v, "\uFEE1\uFEFC\uFEB3");
  cr_expect_null (strstr (v, "\uFEFF"), "the filler FriBiDi leaves after lam-alef is dropped");
}

Test (bidi, latin_inside_arabic_keeps_its_order)
{
  g_autofree char *v = tf_bidi_visual_line ("مشروع ITU-T X.1054", TRUE);
  /* The Latin run reads left to right, at the left of the Arabic word. */
  cr_expect (g_str_has_prefix (v, "ITU-T X.1054 "), "%s", v);
}

Test (bidi, brackets_are_mirrored_in_arabic)
{
  g_autofree char *v = tf_bidi_visual_line ("(نص)", TRUE);
  /* Logical "(" opens the Arabic run at its right: drawn as ")" ... "(". */
  cr_expect (g_str_has_prefix (v, "("), "%s", v);
  cr_expect (g_str_has_suffix (v, ")"), "%s", v);
}

Test (bidi, a_paragraph_is_resolved_whole_and_reordered_line_by_line)
{
  /* Cut after "X.1606": the next line starts with a bracket, which belongs
   * to the Latin run before it (the paragraph decides, not the line). */
  char *lines[] = { "مشاريع X.1606", "(X.SRCaaS)، X.1750 وX.1751", NULL };
  g_auto (GStrv) v = tf_bidi_visual_lines (lines, TRUE);
  cr_assert_eq (g_strv_length (v), 2);
  cr_expect (g_str_has_suffix (v[1], "(X.SRCaaS)، X.1750"), "%s", v[1]);
}

/* ---- wrapping Chinese ------------------------------------------------------ */

Test (wrap, chinese_breaks_between_characters)
{
  /* 10 pt an ideograph: four fit in 40 pt. */
  g_auto (GStrv) lines = tf_wrap (&fake, TF_FONT_REGULAR, 10, "信息安全治理框架", 40);
  cr_assert_eq (g_strv_length (lines), 2);
  cr_expect_str_eq (lines[0], "信息安全");
  cr_expect_str_eq (lines[1], "治理框架");
}

Test (wrap, no_chinese_line_starts_with_closing_punctuation)
{
  g_auto (GStrv) lines = tf_wrap (&fake, TF_FONT_REGULAR, 10, "信息安全，治理", 40);
  cr_assert_eq (g_strv_length (lines), 2);
  cr_expect_str_eq (lines[0], "信息安");
  cr_expect_str_eq (lines[1], "全，治理");
}

Test (wrap, latin_inside_chinese_stays_whole)
{
  g_auto (GStrv) lines = tf_wrap (&fake, TF_FONT_REGULAR, 10, "新的ITU-T X.1148建议书", 70);
  cr_assert_eq (g_strv_length (lines), 2, "%s | %s", lines[0], lines[1]);
  cr_expect_str_eq (lines[0], "新的ITU-T");
  cr_expect_str_eq (lines[1], "X.1148建议书");
}

/* ---- the layouts ----------------------------------------------------------- */

static TfForm *form;

static void
load_form (void)
{
  form = tf_form_load_default (NULL);
  cr_assert_not_null (form);
}

static void
free_form (void)
{
  tf_form_free (form);
}

static TfLayout *
layout_in (TfLanguage language)
{
  g_autoptr (GError) error = NULL;
  TfLayout *layout = tf_layout_new_default_in (form, language, &error);
  cr_assert_not_null (layout, "%s: %s", tf_language_code (language),
                      error ? error->message : "");
  return layout;
}

TestSuite (layout_languages, .init = load_form, .fini = free_form);

Test (layout_languages, every_language_has_every_widget)
{
  g_autoptr (TfLayout) en = layout_in (TF_LANG_EN);
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      g_autoptr (TfLayout) layout = layout_in ((TfLanguage) l);
      cr_expect_eq (layout->language, (TfLanguage) l);
      cr_expect_eq (layout->rtl, l == TF_LANG_AR);
      cr_assert_eq (layout->widgets->len, en->widgets->len, "%s", tf_language_code (l));
      for (guint i = 0; i < en->widgets->len; i++)
        {
          const TfWidget *a = en->widgets->pdata[i], *b = layout->widgets->pdata[i];
          /* Same fields, same tooltips (the reader tells widgets by them),
           * boxes and circles of the same size: only their places differ
           * (and the width of a text field, beside a longer label). */
          cr_expect_str_eq (a->field, b->field);
          cr_expect_str_eq (a->tooltip, b->tooltip);
          cr_expect (a->kind == b->kind && a->answer == b->answer && a->text == b->text);
          if (a->kind == TF_WIDGET_BOX || a->kind == TF_WIDGET_CIRCLE)
            cr_expect (a->rect.w == b->rect.w && a->rect.h == b->rect.h,
                       "%s: %s", tf_language_code (l), a->field);
          cr_expect (b->rect.x >= 0 && b->rect.x + b->rect.w <= layout->page_width);
        }
    }
}

/* The From block on the left, the table's boxes in the right half with
 * their wording on their left. */
Test (layout_languages, arabic_is_mirrored)
{
  g_autoptr (TfLayout) ar = layout_in (TF_LANG_AR);
  g_autoptr (TfLayout) en = layout_in (TF_LANG_EN);
  double middle = ar->page_width / 2;
  const TfWidget *name = tf_layout_find_field (ar, "sender.name");
  cr_expect_lt (name->rect.x + name->rect.w, middle, "From is on the left in Arabic");
  cr_expect_gt (tf_layout_find_field (en, "sender.name")->rect.x, middle);
  for (guint i = 0; i < ar->widgets->len; i++)
    {
      const TfWidget *w = ar->widgets->pdata[i];
      if (w->kind != TF_WIDGET_BOX)
        continue;
      /* Every box is in the right half, on the right of some run of its
       * row's wording. */
      cr_expect_gt (w->rect.x, middle, "%s", w->tooltip);
      gboolean text_left_of_box = FALSE;
      for (guint j = 0; j < ar->runs->len; j++)
        {
          const TfTextRun *r = ar->runs->pdata[j];
          if (r->page == w->page && r->y > w->rect.y - 2 && r->y < w->rect.y + w->rect.h
              && r->x < w->rect.x)
            text_left_of_box = TRUE;
        }
      cr_expect (text_left_of_box, "%s: no wording left of the box", w->tooltip);
    }
}

Test (layout_languages, arabic_runs_are_shaped)
{
  g_autoptr (TfLayout) ar = layout_in (TF_LANG_AR);
  guint shaped = 0;
  for (guint i = 0; i < ar->runs->len; i++)
    {
      const TfTextRun *r = ar->runs->pdata[i];
      for (const char *p = r->text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          /* Letters become presentation forms; only the digits, the
           * punctuation, the marks and the hamza (which never joins)
           * of the Arabic block remain. */
          cr_expect (!(c >= 0x0622 && c <= 0x064A), "U+%04X unshaped in \"%s\"", c, r->text);
          cr_expect (c != 0xFEFF, "U+FEFF left in \"%s\"", r->text);
          shaped += c >= 0xFE70 && c <= 0xFEFC;
        }
    }
  cr_expect_gt (shaped, 1000);
}

Test (layout_languages, chinese_lines_start_with_no_closing_punctuation)
{
  g_autoptr (TfLayout) zh = layout_in (TF_LANG_ZH);
  for (guint i = 0; i < zh->runs->len; i++)
    {
      const TfTextRun *r = zh->runs->pdata[i];
      gunichar first = g_utf8_get_char (r->text);
      cr_expect (g_utf8_strchr ("，。、：；！？）", -1, first) == NULL, "line \"%s\"", r->text);
    }
}
