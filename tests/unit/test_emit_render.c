/* The emitted form as independent tools see it: qpdf's check, Poppler's
 * fonts and metadata, and the pixels pdftoppm and mutool draw render
 * inside ticked and unticked boxes. */
#include <criterion/criterion.h>

#include "emit_support.h"
#include "test_util.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#define DPI 100.0

typedef struct {
  EmitTestForm *emit;
  char *dir;                /* borrowed from emit */
  char *blank;
  char *filled;
} Fixture;

static Fixture fx;

static void
setup (void)
{
  fx.emit = emit_test_form_new (NULL);
  fx.dir = fx.emit->dir;
  fx.blank = emit_test_write (fx.emit, "blank.pdf", NULL, NULL);

  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, "text.x1054.authority", "assign");
  g_hash_table_insert (values, "text.x1054.comments", "none");
  g_hash_table_insert (values, "text.x1148.authority", "withhold");
  g_hash_table_insert (values, "sender.name", "Анна Шевченко");
  fx.filled = emit_test_write (fx.emit, "filled.pdf", "Côte d'Ivoire (République de)", values);
}

static void
teardown (void)
{
  emit_test_form_free (fx.emit);
  g_free (fx.blank);
  g_free (fx.filled);
}

TestSuite (emit_render, .init = setup, .fini = teardown);

Test (emit_render, qpdf_finds_no_error)
{
  const char *files[] = { fx.blank, fx.filled };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { "qpdf", "--check", files[i], NULL };
      int status = tf_test_run (argv, &out, NULL);
      cr_expect_eq (status, 0, "qpdf --check %s: status %d\n%s", files[i], status, out);
      cr_expect_not_null (strstr (out, "No syntax or stream encoding errors"), "%s", out);
    }
}

Test (emit_render, one_form_is_at_most_150_kb)
{
  GStatBuf st;
  cr_assert_eq (g_stat (fx.blank, &st), 0);
  cr_expect_leq (st.st_size, 150 * 1024, "the blank form is %ld bytes", (long) st.st_size);
  cr_assert_eq (g_stat (fx.filled, &st), 0);
  cr_expect_leq (st.st_size, 150 * 1024, "the filled form is %ld bytes", (long) st.st_size);
}

Test (emit_render, poppler_sees_embedded_unicode_fonts_without_complaint)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "pdffonts", fx.filled, NULL };
  cr_assert_eq (tf_test_run (argv, &out, &err), 0);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint fonts = 0;
  for (char **l = lines + 2; *l && **l; l++)
    {
      fonts++;
      /* emb sub uni: yes yes yes */
      cr_expect_not_null (strstr (*l, "CID TrueType      Identity-H       yes yes yes"), "%s", *l);
    }
  cr_expect_eq (fonts, 2, "%s", out);

  /* Poppler warns about a ToUnicode CMap it cannot read (libHaru's own). */
  g_autofree char *text = NULL, *warnings = NULL;
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", fx.filled, "-", NULL };
  cr_assert_eq (tf_test_run (totext, &text, &warnings), 0);
  cr_expect_str_empty (warnings, "Poppler warned: %s", warnings);
  cr_expect_not_null (strstr (text, "Select one of the two boxes"));
  cr_expect_not_null (strstr (text, "ITU-T X.1148 (X.fdip)"), "%s", text);
  cr_expect_not_null (strstr (text, "Administration of Côte d'Ivoire (République de)"), "%s", text);
}

Test (emit_render, metadata_names_the_form_and_the_bureau)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", fx.blank, NULL };
  cr_assert_eq (tf_test_run (argv, &out, NULL), 0);
  cr_expect_not_null (strstr (out, "Title:           Member State response to TSB Circular 246"), "%s", out);
  cr_expect_not_null (strstr (out, "Author:          Telecommunication Standardization Bureau"), "%s", out);
  cr_expect_not_null (strstr (out, "Creator:         tapform-emit"), "%s", out);
  cr_expect_not_null (strstr (out, "CreationDate:"), "%s", out);
  cr_expect_not_null (strstr (out, "Form:            AcroForm"), "%s", out);
  cr_expect_not_null (strstr (out, "Page size:       595.276 x 841.89 pts (A4)"), "%s", out);
}

/* The share of dark pixels in the middle of a widget's rectangle, away
 * from the box or circle outline. */
static double
ink (cairo_surface_t *png, const TfRect *r, double page_height)
{
  double s = DPI / 72.0;
  int x0 = (int) ((r->x + r->w * 0.3) * s), x1 = (int) ((r->x + r->w * 0.7) * s);
  int y0 = (int) ((page_height - r->y - r->h * 0.7) * s);
  int y1 = (int) ((page_height - r->y - r->h * 0.3) * s);
  const unsigned char *data = cairo_image_surface_get_data (png);
  int stride = cairo_image_surface_get_stride (png);
  guint dark = 0, all = 0;
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        const guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        guint g = (((px >> 16) & 0xFF) + ((px >> 8) & 0xFF) + (px & 0xFF)) / 3;
        dark += g < 128;
        all++;
      }
  return all ? (double) dark / all : 0;
}

static void
check_ticks (const char *png_path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (png_path);
  cr_assert_eq (cairo_surface_status (png), CAIRO_STATUS_SUCCESS, "%s", png_path);
  const TfLayout *layout = fx.emit->layout;
  const TfText *x1054 = tf_form_find_text (fx.emit->form, "x1054");
  struct { TfAnswer answer; gboolean on; } expect[] = {
    { TF_ANSWER_ASSIGN, TRUE },
    { TF_ANSWER_NO_COMMENTS, TRUE },
    { TF_ANSWER_COMMENTS_ATTACHED, FALSE },
    { TF_ANSWER_WITHHOLD, FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      const TfWidget *w = tf_layout_find_answer (layout, x1054, expect[i].answer);
      cr_assert_eq (w->page, 0);
      double share = ink (png, &w->rect, layout->page_height);
      if (expect[i].on)
        cr_expect_gt (share, 0.12, "%s: %s should be ticked (ink %.2f)", png_path, w->tooltip, share);
      else
        cr_expect_lt (share, 0.02, "%s: %s should be empty (ink %.2f)", png_path, w->tooltip, share);
    }
  cairo_surface_destroy (png);
}

Test (emit_render, pdftoppm_draws_the_ticks_that_were_set)
{
  g_autofree char *prefix = g_build_filename (fx.dir, "ppm", NULL);
  const char *argv[] = { "pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png",
                         "-singlefile", fx.filled, prefix, NULL };
  cr_assert_eq (tf_test_run (argv, NULL, NULL), 0);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  check_ticks (png);
}

Test (emit_render, mutool_draws_the_ticks_that_were_set)
{
  if (!tf_test_have ("mutool"))
    cr_skip_test ("mutool is not installed");
  g_autofree char *png = g_build_filename (fx.dir, "mutool.png", NULL);
  const char *argv[] = { "mutool", "draw", "-q", "-r", "100", "-o", png, fx.filled, "1", NULL };
  cr_assert_eq (tf_test_run (argv, NULL, NULL), 0);
  check_ticks (png);
}

Test (emit_render, a_blank_form_shows_no_tick)
{
  g_autofree char *prefix = g_build_filename (fx.dir, "blank", NULL);
  const char *argv[] = { "pdftoppm", "-r", "100", "-png", fx.blank, prefix, NULL };
  cr_assert_eq (tf_test_run (argv, NULL, NULL), 0);
  const TfLayout *layout = fx.emit->layout;
  for (guint page = 0; page < layout->n_pages; page++)
    {
      g_autofree char *png_path = g_strdup_printf ("%s-%u.png", prefix, page + 1);
      cairo_surface_t *png = cairo_image_surface_create_from_png (png_path);
      cr_assert_eq (cairo_surface_status (png), CAIRO_STATUS_SUCCESS, "%s", png_path);
      for (guint i = 0; i < layout->widgets->len; i++)
        {
          const TfWidget *w = layout->widgets->pdata[i];
          if (w->page == page && w->text != NULL)
            cr_expect_lt (ink (png, &w->rect, layout->page_height), 0.02, "%s", w->tooltip);
        }
      cairo_surface_destroy (png);
    }
}

/* docs/stack-facts.md: libHaru's ToUnicode uses cidrange (invalid there) and its /W
 * and CIDToGIDMap cover all 65,536 codes; the emitter rewrites all three.
 * pikepdf (an independent reader) reports what the fonts hold. */
static const char font_report[] =
  "import sys, pikepdf\n"
  "pdf = pikepdf.open(sys.argv[1])\n"
  "for name, font in pdf.pages[0].Resources.Font.items():\n"
  "    d = font.DescendantFonts[0]\n"
  "    cmap = font.ToUnicode.read_bytes()\n"
  "    codes = sum(len(x) for x in d.W if isinstance(x, pikepdf.Array))\n"
  "    print(len(d.CIDToGIDMap.read_bytes()), codes, b'beginbfrange' in cmap, b'cidrange' in cmap)\n";

Test (emit_render, fonts_have_a_bfrange_to_unicode_and_compact_tables)
{
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    cr_skip_test ("/usr/bin/python3 (with pikepdf) is not installed");
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", font_report, fx.blank, NULL };
  cr_assert_eq (tf_test_run (argv, &out, &err), 0, "%s", err);
  g_auto (GStrv) lines = g_strsplit (g_strstrip (out), "\n", -1);
  cr_assert_eq (g_strv_length (lines), 2, "%s", out);
  for (char **l = lines; *l; l++)
    {
      guint map = 0, codes = 0;
      char bf[8] = "", cid[8] = "";
      cr_assert_eq (sscanf (*l, "%u %u %7s %7s", &map, &codes, bf, cid), 4, "%s", *l);
      cr_expect_str_eq (bf, "True", "no bfrange: %s", *l);
      cr_expect_str_eq (cid, "False", "a cidrange is left: %s", *l);
      /* A map over the whole BMP is 128 KiB; these end at the last
       * character drawn or kept for fillers: U+25CB (○) in the wording. */
      cr_expect_leq (map, 2 * 0x25CC, "%s", *l);
      cr_expect_leq (codes, 1200, "%s", *l);
      cr_expect_geq (codes, 40, "%s", *l);
    }
}
