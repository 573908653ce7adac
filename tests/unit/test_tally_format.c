/* The tally as people and programs read it: the table, CSV, the JSON
 * contract, and the chart's pixels. */
#include <criterion/criterion.h>

#include "common/tf_data.h"
#include "report/chart.h"
#include "tally/tally_format.h"
#include "tally_fixture.h"
#include "test_util.h"

#include <json-glib/json-glib.h>
#include <string.h>

static TfForm *form;
static Batch batch;
static TfTally *tally;

/* x1054: 3 of 4 = 75 % (meets); x1148: 2 of 4 = 50 % (misses);
 * x1216: nobody answered; the others: all assign. */
static const Row rows[] = {
  { "replies/fra.pdf", "FRA", TF_STATUS_COMPLETE, "AW-AAAAAAAA", "2020-08-01T00:00:00Z", NULL },
  { "replies/deu.pdf", "DEU", TF_STATUS_COMPLETE, "AA-AAAAAAAA", "2020-08-01T00:00:00Z", NULL },
  { "replies/ita.pdf", "ITA", TF_STATUS_COMPLETE, "WW-AAAAAAAA", "2020-08-01T00:00:00Z", NULL },
  { "replies/esp.pdf", "ESP", TF_STATUS_COMPLETE, "AA-AAAAAAAA", "2020-08-01T00:00:00Z", NULL },
  { "replies/esp-old.pdf", "ESP", TF_STATUS_COMPLETE, "WW-WWWWWWWW", "2020-07-01T00:00:00Z", NULL },
  { "replies/scan.pdf", NULL, TF_STATUS_INVALID, NULL, NULL, NULL },
  { "replies/=late.pdf", "PRT", TF_STATUS_COMPLETE, "WWWWWWWWWWW", "2020-09-01T00:00:00Z", NULL },
};

static void
setup (void)
{
  form = tf_form_load_default (NULL);
  cr_assert_not_null (form);
  batch = batch_new (form, rows, G_N_ELEMENTS (rows));
  tally = tf_tally_count (form, NULL, (TfTallyInput *) batch.inputs->data, batch.inputs->len, NULL);
}

static void
teardown (void)
{
  tf_tally_free (tally);
  batch_free (&batch);
  tf_form_free (form);
}

TestSuite (tally_format, .init = setup, .fini = teardown);

Test (tally_format, the_table_reads_at_a_glance)
{
  g_autofree char *text = tf_tally_to_text (tally);
  cr_expect_not_null (strstr (text, "\ntext             replies   assign   withhold   unanswered    support  meets 70 %\n"), "%s", text);
  cr_expect_not_null (strstr (text, "ITU-T X.1054           4        3          1            0     75.0 %  yes\n"), "%s", text);
  cr_expect_not_null (strstr (text, "ITU-T X.1148           4        2          2            0     50.0 %  NO\n"), "%s", text);
  cr_expect_not_null (strstr (text, "ITU-T X.1216           4        0          0            4          –  yes\n"), "%s", text);
  cr_expect_not_null (strstr (text, "4 replies counted, 1 superseded, 1 uncounted, 1 late (not counted)."), "%s", text);
  cr_expect_not_null (strstr (text, "replies/esp-old.pdf  (by replies/esp.pdf)"), "%s", text);
  cr_expect_not_null (strstr (text, "replies/scan.pdf  not a readable reply"), "%s", text);
}

Test (tally_format, csv_has_one_row_per_text_and_neutral_cells)
{
  g_autofree char *csv = tf_tally_to_csv (tally);
  g_auto (GStrv) lines = g_strsplit (csv, "\r\n", -1);
  cr_assert_eq (g_strv_length (lines), form->texts->len + 2, "%s", csv);   /* + header + "" */
  cr_expect_str_eq (lines[0], "key,recommendation,replies,assign,withhold,unanswered,support,meets_threshold");
  cr_expect_str_eq (lines[1], "x1054,ITU-T X.1054,4,3,1,0,0.750000,true");
  cr_expect_str_eq (lines[2], "x1148,ITU-T X.1148,4,2,2,0,0.500000,false");
  cr_expect_str_eq (lines[3], "x1216,ITU-T X.1216,4,0,0,4,,true");
}

Test (tally_format, json_follows_the_contract)
{
  g_autofree char *json = tf_tally_to_json (tally);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  cr_expect_str_eq (json_object_get_string_member (root, "form"), "tsb-246-annex2@1");
  cr_expect_float_eq (json_object_get_double_member (root, "threshold"), 0.7, 1e-12);
  JsonArray *texts = json_object_get_array_member (root, "texts");
  cr_assert_eq (json_array_get_length (texts), form->texts->len);
  JsonObject *x1054 = json_array_get_object_element (texts, 0);
  cr_expect_str_eq (json_object_get_string_member (x1054, "key"), "x1054");
  cr_expect_str_eq (json_object_get_string_member (x1054, "recommendation"), "ITU-T X.1054");
  cr_expect_eq (json_object_get_int_member (x1054, "replies"), 4);
  cr_expect_eq (json_object_get_int_member (x1054, "assign"), 3);
  cr_expect_eq (json_object_get_int_member (x1054, "withhold"), 1);
  cr_expect_eq (json_object_get_int_member (x1054, "unanswered"), 0);
  cr_expect_float_eq (json_object_get_double_member (x1054, "support"), 0.75, 1e-12);
  cr_expect (json_object_get_boolean_member (x1054, "meets_threshold"));
  JsonObject *x1216 = json_array_get_object_element (texts, 2);
  cr_expect (json_object_get_null_member (x1216, "support"), "support is null when nobody answered");

  JsonArray *counted = json_object_get_array_member (root, "counted");
  cr_expect_eq (json_array_get_length (counted), 4);
  JsonObject *sup = json_array_get_object_element (json_object_get_array_member (root, "superseded"), 0);
  cr_expect_str_eq (json_object_get_string_member (sup, "file"), "replies/esp-old.pdf");
  cr_expect_str_eq (json_object_get_string_member (sup, "by"), "replies/esp.pdf");
  JsonObject *unc = json_array_get_object_element (json_object_get_array_member (root, "uncounted"), 0);
  cr_expect_str_eq (json_object_get_string_member (unc, "file"), "replies/scan.pdf");
  cr_expect_not_null (strstr (json_object_get_string_member (unc, "reason"), "PNG"));
  cr_expect_str_eq (json_array_get_string_element (json_object_get_array_member (root, "late"), 0),
                    "replies/=late.pdf");
}

/* The colour at (x, y) of an RGB24 image, as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *s, int x, int y)
{
  const unsigned char *data = cairo_image_surface_get_data (s);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (s) + 4 * x) & 0xFFFFFF;
}

static gboolean
is_blue (guint32 c)
{
  return (c & 0xFF) > 0x90 && ((c >> 16) & 0xFF) < 0x60;
}

static gboolean
is_red (guint32 c)
{
  return ((c >> 16) & 0xFF) > 0xA0 && (c & 0xFF) < 0x60;
}

Test (tally_format, chart_bars_show_support_and_the_misses_in_red)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autoptr (GError) error = NULL;
  cr_assert (tf_chart_write (tally, png, &error), "%s", error ? error->message : "");
  cairo_surface_t *s = cairo_image_surface_create_from_png (png);
  cr_assert_eq (cairo_surface_status (s), CAIRO_STATUS_SUCCESS);
  double w, h;
  tf_chart_size (tally, &w, &h);
  cr_expect_eq (cairo_image_surface_get_width (s), (int) w);

  /* Bars start at x = 174 and are 512 px long (see chart.c); row i's bar
   * spans y 62 + 30 i .. + 20. */
  int x0 = 174, len = 512, mid0 = 62 + 10;
  /* x1054, 75 %: blue up to 75 %, grey track after */
  cr_expect (is_blue (pixel (s, x0 + len * 60 / 100, mid0)), "%06x", pixel (s, x0 + len * 60 / 100, mid0));
  cr_expect_not (is_blue (pixel (s, x0 + len * 80 / 100, mid0)));
  /* x1148, 50 %: red, ending at half */
  cr_expect (is_red (pixel (s, x0 + len * 45 / 100, mid0 + 30)), "%06x", pixel (s, x0 + len * 45 / 100, mid0 + 30));
  cr_expect_not (is_red (pixel (s, x0 + len * 55 / 100, mid0 + 30)));
  /* x1216: nobody answered: no bar */
  cr_expect_not (is_blue (pixel (s, x0 + 20, mid0 + 60)));
  /* x1254: 100 % */
  cr_expect (is_blue (pixel (s, x0 + len - 3, mid0 + 90)));
  cairo_surface_destroy (s);

  /* SVG and PDF by extension; anything else is refused. */
  g_autofree char *svg = g_build_filename (dir, "chart.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  cr_expect (tf_chart_write (tally, svg, NULL));
  cr_expect (tf_chart_write (tally, pdf, NULL));
  g_autofree char *svg_text = NULL;
  cr_assert (g_file_get_contents (svg, &svg_text, NULL, NULL));
  cr_expect_not_null (strstr (svg_text, "<svg"));
  g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
  g_autoptr (GError) refused = NULL;
  cr_expect_not (tf_chart_write (tally, gif, &refused));
  cr_expect (refused != NULL && strstr (refused->message, ".svg, .png or .pdf") != NULL);
  tf_test_rmtree (dir);
}
