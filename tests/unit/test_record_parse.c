/* test_record_parse.c — a record read back from its JSON: every record
 * the samples give, parsed and written again, is byte for byte what it
 * was; what is not a record of the form is refused, saying what. */
#include "read_support.h"
#include "test_util.h"

#include "common/tf_error.h"
#include "out/record_json.h"
#include "out/record_parse.h"

#include <criterion/criterion.h>
#include <string.h>

READ_TEST_SUITE (record_parse);

#define assert_format_error(error)                                                    \
  cr_assert ((error) != NULL && (error)->domain == TF_ERROR                           \
             && (error)->code == TF_ERROR_FORMAT, "%s", (error) ? (error)->message : "no error")

/* Every line tapform-read writes for the samples. */
static char **
sample_records (void)
{
  const char *args[] = { "-q", "samples/replies", "samples/consultation", NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = tf_test_run_program (TF_TEST_READ (args), &out, &err);
  cr_assert (status == 1 || status == 3, "tapform-read: %d: %s", status, err);
  char **lines = g_strsplit (out, "\n", -1);
  cr_assert_gt (g_strv_length (lines), 40, "%s", out);
  return lines;
}

Test (record_parse, every_sample_record_round_trips_byte_for_byte)
{
  g_auto (GStrv) lines = sample_records ();
  guint n = 0, invalid = 0, incomplete = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_autoptr (GError) error = NULL;
      g_autoptr (TfReply) reply = tf_record_from_json (r->form, lines[i], -1, &error);
      cr_assert_not_null (reply, "%s\n%s", error ? error->message : "", lines[i]);
      g_autofree char *again = tf_record_to_json (reply, NULL);
      cr_assert_str_eq (again, lines[i]);
      read_test_assert_schema (r, reply);
      n++;
      invalid += reply->status == TF_STATUS_INVALID;
      incomplete += reply->status == TF_STATUS_INCOMPLETE;
    }
  cr_expect_eq (n, tf_test_count_pdfs ("samples/replies") + tf_test_count_pdfs ("samples/consultation"));
  cr_expect_gt (invalid, 5, "the samples hold invalid records");
  cr_expect_gt (incomplete, 3, "the samples hold incomplete records");
}

Test (record_parse, a_record_with_every_kind_of_value_round_trips)
{
  const char *values[] = {
    "sender.name", "  Jean \"Q\" =HYPERLINK(\"x\")\r\nsecond line ", "sender.email", "a@b",
    "sender.member_state", "Francia", "text.x1054.authority", "assign",
    "text.x1054.comments", "attached", "text.x1148.authority", "withhold",
    "text.x1148.comments", "none", "text.x1216.authority", "assign", NULL,
  };
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, values);
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "dir/\xC3\xA9t\xC3\xA9.pdf", raw);
  tf_reply_add_problem (reply, TF_PROBLEM_ALREADY_REGISTERED, TF_SEVERITY_WARNING, NULL,
                        "already registered");
  reply->source = TF_SOURCE_RENDERED;
  g_autofree char *json = tf_record_to_json (reply, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TfReply) back = tf_record_from_json (r->form, json, -1, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  g_autofree char *again = tf_record_to_json (back, NULL);
  cr_assert_str_eq (again, json);
  cr_expect_eq (back->status, TF_STATUS_INCOMPLETE);
  cr_expect_null (back->pdf_modified);
}

/* The JSON of a complete record, then `from` replaced by `to` in it. */
static char *
modified (const char *from, const char *to)
{
  const char *values[] = {
    "sender.name", "Taro Yamada", "sender.title", "Director", "sender.email", "t@y.jp",
    "sender.member_state", "Japan", NULL,
  };
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (values[i]));
  for (guint i = 0; i < r->form->texts->len; i++)
    {
      const TfText *t = r->form->texts->pdata[i];
      g_ptr_array_add (all, g_strdup_printf ("text.%s.authority", t->key));
      g_ptr_array_add (all, g_strdup ("assign"));
      g_ptr_array_add (all, g_strdup_printf ("text.%s.comments", t->key));
      g_ptr_array_add (all, g_strdup ("none"));
    }
  g_ptr_array_add (all, NULL);
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, (const char *const *) all->pdata);
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "jpn.pdf", raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  g_autofree char *json = tf_record_to_json (reply, NULL);
  const char *at = strstr (json, from);
  cr_assert_not_null (at, "%s is not in %s", from, json);
  return g_strdup_printf ("%.*s%s%s", (int) (at - json), json, to, at + strlen (from));
}

Test (record_parse, what_is_not_a_record_of_the_form_is_refused)
{
  static const char *const cases[][3] = {
    /* from, to, what the message says */
    { "\"status\":\"complete\"", "\"status\":\"done\"", "status is \"done\"" },
    { "\"status\":\"complete\"", "\"status\":\"incomplete\"", "its problems make it complete" },
    { "\"status\":\"complete\"", "\"status\":7", "status is a number" },
    { "\"source\":\"fields\"", "\"source\":\"ocr\"", "source is \"ocr\"" },
    { "\"source\":\"fields\"", "\"source\":\"fields\",\"extra\":1", "unknown member \"extra\"" },
    { "\"form\":\"tsb-246-annex2@1\",", "", "\"form\" is missing" },
    { "\"sha256\":\"", "\"sha256\":\"X", "sha256 is not" },
    { "\"form\":\"tsb-246-annex2@1\"", "\"form\":null", "a complete record without its form" },
    { "\"member_state_code\":\"JPN\"", "\"member_state_code\":\"jp\"", "alpha-3" },
    { "\"title\":\"Director\"", "\"title\":\"\"", "sender.title is \"\"" },
    { "\"title\":\"Director\"", "\"title\":\" Director\"", "sender.title is not trimmed" },
    { "\"title\":\"Director\",", "", "sender: \"title\" is missing" },
    { "\"fax\":null", "\"fax\":null,\"phone\":null", "unknown member \"phone\"" },
    { "\"authority\":\"assign\"", "\"authority\":\"none\"", "texts[0].authority is \"none\"" },
    { "\"comments\":\"none\"", "\"comments\":\"assign\"", "texts[0].comments is \"assign\"" },
    { "\"key\":\"x1054\"", "\"key\":\"x9999\"", "the form's text 1 is x1054" },
    { "\"texts\":[", "\"texts\":[{},", "12 texts, the form has 11" },
    { "{\"key\":\"x1054\"", "{\"kex\":\"x1054\"", "texts[0]: \"key\" is missing" },
    { "\"problems\":[]", "\"problems\":{}", "problems is an object" },
    { "\"problems\":[]",
      "\"problems\":[{\"severity\":\"warning\",\"code\":\"from-the-future\",\"field\":null,"
      "\"message\":\"m\"}]", "\"from-the-future\" is not a problem code" },
    { "\"problems\":[]",
      "\"problems\":[{\"severity\":\"fatal\",\"code\":\"title-missing\",\"field\":null,"
      "\"message\":\"m\"}]", "severity is \"fatal\"" },
    { "\"problems\":[]",
      "\"problems\":[{\"severity\":\"error\",\"code\":\"not-pdf\",\"field\":null,"
      "\"message\":\"m\"}]", "its problems make it invalid" },
    { "\"status\":\"complete\"", "\"status\":\"invalid\"", "an invalid record has texts" },
    { "{\"file\":\"jpn.pdf\",", "{", "\"file\" is missing" },
    { "{\"file\":\"jpn.pdf\",", "{\"file\":null,", "file is null, not a string" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = modified (cases[i][0], cases[i][1]);
      g_autoptr (GError) error = NULL;
      g_autoptr (TfReply) reply = tf_record_from_json (r->form, json, -1, &error);
      cr_assert_null (reply, "taken: %s", json);
      assert_format_error (error);
      cr_expect (g_str_has_prefix (error->message, "not a reply record of tsb-246-annex2@1: "),
                 "%s", error->message);
      cr_expect (strstr (error->message, cases[i][2]) != NULL, "case %u: %s", i,
                 error->message);
    }
  g_autofree char *same = modified ("\"source\":\"fields\"", "\"source\":\"fields\"");
  g_autoptr (TfReply) reply = tf_record_from_json (r->form, same, -1, NULL);
  cr_assert_not_null (reply);
}

Test (record_parse, not_json_is_refused)
{
  const char *inputs[] = { "", "   ", "{", "[]", "null", "\"x\"", "{\"file\":\"a\"} junk" };
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TfReply) reply = tf_record_from_json (r->form, inputs[i], -1, &error);
      cr_assert_null (reply, "%s", inputs[i]);
      assert_format_error (error);
    }
}

/* A record written before there were languages has no "language": it was
 * read from an English form. A language tapform does not know is refused. */
Test (record_parse, a_record_without_language_is_english)
{
  g_autofree char *json = modified ("\"language\":\"en\",", "");
  cr_assert_null (strstr (json, "\"language\""), "%s", json);
  g_autoptr (GError) error = NULL;
  g_autoptr (TfReply) reply = tf_record_from_json (r->form, json, -1, &error);
  cr_assert_not_null (reply, "%s", error ? error->message : "");
  cr_expect_str_eq (reply->language, "en");

  g_autofree char *german = modified ("\"language\":\"en\"", "\"language\":\"de\"");
  g_autoptr (GError) refused = NULL;
  g_autoptr (TfReply) none = tf_record_from_json (r->form, german, -1, &refused);
  cr_expect_null (none);
  assert_format_error (refused);
  cr_expect_not_null (strstr (refused->message, "language \"de\""), "%s", refused->message);
}
