/* tapform-read --tally on samples/consultation, a consultation whose tally
 * was counted by hand (tests/fixtures/consultation-tally.json; how the
 * replies were made: scripts/make-consultation.py): all three formats,
 * --count-late, the chart and the review report. */
#include <criterion/criterion.h>

#include "test_util.h"

#include <cairo.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

static JsonNode *
parse (const char *json)
{
  g_autoptr (JsonParser) p = json_parser_new ();
  cr_assert (json_parser_load_from_data (p, json, -1, NULL), "not JSON:\n%s", json);
  return json_node_copy (json_parser_get_root (p));
}

/* Deep equality; numbers within 1e-9 (0.7 is written 0.69999999999999996). */
static void
expect_same (JsonNode *got, JsonNode *want, const char *where)
{
  if (JSON_NODE_HOLDS_OBJECT (want))
    {
      cr_assert (JSON_NODE_HOLDS_OBJECT (got), "%s: not an object", where);
      JsonObject *g = json_node_get_object (got), *w = json_node_get_object (want);
      cr_expect_eq (json_object_get_size (g), json_object_get_size (w), "%s: member count", where);
      g_autoptr (GList) members = json_object_get_members (w);
      for (GList *m = members; m; m = m->next)
        {
          g_autofree char *at = g_strdup_printf ("%s.%s", where, (char *) m->data);
          cr_assert (json_object_has_member (g, m->data), "%s is missing", at);
          expect_same (json_object_get_member (g, m->data), json_object_get_member (w, m->data), at);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (want))
    {
      cr_assert (JSON_NODE_HOLDS_ARRAY (got), "%s: not an array", where);
      JsonArray *g = json_node_get_array (got), *w = json_node_get_array (want);
      cr_assert_eq (json_array_get_length (g), json_array_get_length (w), "%s: length", where);
      for (guint i = 0; i < json_array_get_length (w); i++)
        {
          g_autofree char *at = g_strdup_printf ("%s[%u]", where, i);
          expect_same (json_array_get_element (g, i), json_array_get_element (w, i), at);
        }
    }
  else if (JSON_NODE_HOLDS_NULL (want))
    cr_expect (JSON_NODE_HOLDS_NULL (got), "%s: not null", where);
  else if (json_node_get_value_type (want) == G_TYPE_STRING)
    cr_expect_str_eq (json_node_get_string (got), json_node_get_string (want), "%s", where);
  else if (json_node_get_value_type (want) == G_TYPE_BOOLEAN)
    cr_expect_eq (json_node_get_boolean (got), json_node_get_boolean (want), "%s", where);
  else
    cr_expect (fabs (json_node_get_double (got) - json_node_get_double (want)) < 1e-9,
               "%s: %g, want %g", where, json_node_get_double (got), json_node_get_double (want));
}

static JsonNode *
expected (void)
{
  g_autofree char *path = tf_test_source_path ("tests/fixtures/consultation-tally.json");
  g_autofree char *text = NULL;
  cr_assert (g_file_get_contents (path, &text, NULL, NULL));
  return parse (text);
}

Test (tally_cli, json_equals_the_hand_counted_tally)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--tally", "--tally-format", "json", "samples/consultation", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_READ (args), &out, &err), 1, "some replies are not complete: %s", err);
  g_autoptr (JsonNode) got = parse (out);
  g_autoptr (JsonNode) want = expected ();
  expect_same (got, want, "tally");
}

Test (tally_cli, csv_and_text_say_the_same)
{
  g_autoptr (JsonNode) want = expected ();
  JsonArray *texts = json_object_get_array_member (json_node_get_object (want), "texts");

  g_autofree char *csv = NULL;
  const char *csv_args[] = { "--tally", "--tally-format", "csv", "samples/consultation", NULL };
  tf_test_run_program (TF_TEST_READ (csv_args), &csv, NULL);
  g_auto (GStrv) rows = g_strsplit (csv, "\r\n", -1);
  cr_assert_eq (g_strv_length (rows), json_array_get_length (texts) + 2, "%s", csv);
  g_autofree char *text = NULL;
  const char *text_args[] = { "--tally", "samples/consultation", NULL };
  tf_test_run_program (TF_TEST_READ (text_args), &text, NULL);

  for (guint i = 0; i < json_array_get_length (texts); i++)
    {
      JsonObject *t = json_array_get_object_element (texts, i);
      gint64 assign = json_object_get_int_member (t, "assign");
      gint64 withhold = json_object_get_int_member (t, "withhold");
      gint64 unanswered = json_object_get_int_member (t, "unanswered");
      double support = json_object_get_double_member (t, "support");
      gboolean meets = json_object_get_boolean_member (t, "meets_threshold");
      g_autofree char *row = g_strdup_printf (
        "%s,%s,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%.6f,%s",
        json_object_get_string_member (t, "key"), json_object_get_string_member (t, "recommendation"),
        json_object_get_int_member (t, "replies"), assign, withhold, unanswered, support,
        meets ? "true" : "false");
      cr_expect_str_eq (rows[i + 1], row);
      g_autofree char *line = g_strdup_printf ("%-14s  %8" G_GINT64_FORMAT "  %7" G_GINT64_FORMAT
                                               "  %9" G_GINT64_FORMAT "  %11" G_GINT64_FORMAT
                                               "  %7.1f %%  %s\n",
                                               json_object_get_string_member (t, "recommendation"),
                                               json_object_get_int_member (t, "replies"), assign,
                                               withhold, unanswered, support * 100,
                                               meets ? "yes" : "NO");
      cr_expect_not_null (strstr (text, line), "no line '%s' in\n%s", line, text);
    }
  cr_expect_not_null (strstr (text, "10 replies counted, 2 superseded, 3 uncounted, 1 late (not counted)."), "%s", text);
}

Test (tally_cli, count_late_counts_the_late_reply)
{
  g_autofree char *out = NULL;
  const char *args[] = { "--tally", "--tally-format", "json", "--count-late", "samples/consultation", NULL };
  tf_test_run_program (TF_TEST_READ (args), &out, NULL);
  g_autoptr (JsonNode) got = parse (out);
  JsonObject *root = json_node_get_object (got);
  cr_expect (json_object_get_boolean_member (root, "count_late"));
  cr_expect_eq (json_array_get_length (json_object_get_array_member (root, "counted")), 11);
  cr_expect_eq (json_array_get_length (json_object_get_array_member (root, "late")), 1);
  /* The Russian Federation withheld everywhere: X.1054 falls to 7 of 11. */
  JsonObject *x1054 = json_array_get_object_element (json_object_get_array_member (root, "texts"), 0);
  cr_expect_eq (json_object_get_int_member (x1054, "withhold"), 4);
  cr_expect_float_eq (json_object_get_double_member (x1054, "support"), 7.0 / 11.0, 1e-9);
  cr_expect_not (json_object_get_boolean_member (x1054, "meets_threshold"));
}

Test (tally_cli, chart_and_review_show_the_tally_and_the_problem_replies, .timeout = 120)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *chart = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *review = g_build_filename (dir, "review.pdf", NULL);
  g_autofree char *records = NULL, *err = NULL;
  const char *args[] = { "--chart", chart, "--review", review, "samples/consultation", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_READ (args), &records, &err), 1, "%s", err);
  /* Without --tally, the records are still printed: one per file. */
  g_auto (GStrv) lines = g_strsplit (g_strstrip (records), "\n", -1);
  cr_expect_eq (g_strv_length (lines), 16);

  /* X.1148 (60 %) is drawn red; X.1054 (70 %) blue. */
  cairo_surface_t *png = cairo_image_surface_create_from_png (chart);
  cr_assert_eq (cairo_surface_status (png), CAIRO_STATUS_SUCCESS);
  const unsigned char *data = cairo_image_surface_get_data (png);
  int stride = cairo_image_surface_get_stride (png);
  guint32 x1054 = *(const guint32 *) (data + 72 * stride + 4 * 300) & 0xFFFFFF;
  guint32 x1148 = *(const guint32 *) (data + 102 * stride + 4 * 300) & 0xFFFFFF;
  cr_expect ((x1054 & 0xFF) > 0x90 && (x1054 >> 16) < 0x60, "X.1054 bar %06x", x1054);
  cr_expect ((x1148 >> 16) > 0xA0 && (x1148 & 0xFF) < 0x60, "X.1148 bar %06x", x1148);
  cairo_surface_destroy (png);

  /* The report: a summary, then India's incomplete reply and the scan. */
  g_autofree char *info = NULL;
  const char *pdfinfo[] = { "pdfinfo", review, NULL };
  cr_assert_eq (tf_test_run (pdfinfo, &info, NULL), 0);
  cr_expect_not_null (strstr (info, "Pages:           3"), "%s", info);
  g_autofree char *text = NULL;
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", review, "-", NULL };
  cr_assert_eq (tf_test_run (totext, &text, NULL), 0);
  const char *expect[] = {
    "Review of the replies to TSB Circular 246",
    "16 files read: 14 complete, 1 incomplete, 1 invalid.",
    "samples/consultation/ind.pdf", "India (Republic of) (IND)", "authority-missing",
    "text.x1216.authority", "samples/consultation/scan.pdf", "PNG image",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (expect); i++)
    cr_expect_not_null (strstr (text, expect[i]), "the report lacks '%s':\n%s", expect[i], text);
  cr_expect_null (strstr (text, "samples/consultation/gbr.pdf"), "a complete reply got a page");

  /* India's page shows its reply's page, with the unanswered boxes
   * outlined in red (217, 0, 0; the problem's words above are darker). */
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  const char *toppm[] = { "pdftoppm", "-png", "-r", "72", "-f", "2", "-l", "2", review, prefix, NULL };
  cr_assert_eq (tf_test_run (toppm, NULL, NULL), 0);
  g_autofree char *page_png = g_strconcat (prefix, "-2.png", NULL);
  cairo_surface_t *page = cairo_image_surface_create_from_png (page_png);
  cr_assert_eq (cairo_surface_status (page), CAIRO_STATUS_SUCCESS);
  const unsigned char *pixels = cairo_image_surface_get_data (page);
  int page_stride = cairo_image_surface_get_stride (page);
  int height = cairo_image_surface_get_height (page), width = cairo_image_surface_get_width (page);
  guint red = 0, grey = 0;
  for (int y = height / 4; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 px = *(const guint32 *) (pixels + y * page_stride + 4 * x);
        guint r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
        red += r > 200 && g < 60 && b < 60;
        grey += r < 128 && g < 128 && b < 128;
      }
  cairo_surface_destroy (page);
  cr_expect (red > 20, "no red outline on the reply's page (%u red pixels)", red);
  cr_expect (grey > 2000, "no reply page drawn (%u dark pixels)", grey);
  tf_test_rmtree (dir);
}
