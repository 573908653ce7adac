/* test_out_json.c — the JSON record: key order, nulls, escaping of
 * hostile strings, and the schema (its validator included). */
#include "read_schema.h"
#include "read_support.h"

#include "out/record_json.h"

#include <criterion/criterion.h>
#include <string.h>



READ_TEST_SUITE (json);

static TfReply *
reply_with (const char *name, const char *address)
{
  const char *values[] = {
    "sender.name", name, "sender.address", address, "sender.member_state", "Japan",
    "text.x1054.authority", "assign", "text.x1054.comments", "none", NULL,
  };
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, values);
  return tf_reader_reply (r->reader, "replies/jpn.pdf", raw);
}

static JsonObject *
parse (JsonParser *parser, const char *json)
{
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_data (parser, json, -1, &error), "%s: %s",
             error ? error->message : "", json);
  return json_node_get_object (json_parser_get_root (parser));
}

Test (json, keys_in_contract_order_with_nulls)
{
  g_autoptr (TfReply) reply = reply_with ("Taro Yamada", "");
  g_autofree char *json = tf_record_to_json (reply, NULL);
  cr_assert (strchr (json, '\n') == NULL, "one line");
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o = parse (parser, json);
  g_autoptr (GList) keys = json_object_get_members (o);
  const char *expected[] = { "file", "sha256", "form", "language", "status", "sender",
                             "member_state_code", "texts", "problems", "source" };
  guint i = 0;
  for (GList *l = keys; l != NULL; l = l->next, i++)
    cr_assert_str_eq (l->data, expected[i]);
  cr_assert_eq (i, G_N_ELEMENTS (expected));
  JsonObject *sender = json_object_get_object_member (o, "sender");
  cr_assert (json_object_get_null_member (sender, "address"));
  cr_assert_str_eq (json_object_get_string_member (sender, "name"), "Taro Yamada");
  cr_assert_str_eq (json_object_get_string_member (o, "member_state_code"), "JPN");
  cr_assert_str_eq (json_object_get_string_member (o, "source"), "fields");
  /* The raw reply has no form.language: a form sent before, in English. */
  cr_assert_str_eq (json_object_get_string_member (o, "language"), "en");
  JsonArray *texts = json_object_get_array_member (o, "texts");
  JsonObject *t0 = json_array_get_object_element (texts, 0);
  cr_assert_str_eq (json_object_get_string_member (t0, "authority"), "assign");
  cr_assert_str_eq (json_object_get_string_member (t0, "comments"), "none");
  JsonObject *t1 = json_array_get_object_element (texts, 1);
  cr_assert (json_object_get_null_member (t1, "authority"));
  JsonObject *p0 = json_array_get_object_element (json_object_get_array_member (o, "problems"), 0);
  cr_assert_str_eq (json_object_get_string_member (p0, "severity"), "warning");
  cr_assert_str_eq (json_object_get_string_member (p0, "code"), "title-missing");
  cr_assert_str_eq (json_object_get_string_member (p0, "field"), "sender.title");
  read_test_assert_schema (r, reply);
}

Test (json, hostile_strings_survive_exactly)
{
  const char *name = "\"quoted\" \\ back / slash \u2028 sep \x01 ctl 😀 Ω \u0645\u0631\u062d\u0628\u0627";
  const char *address = "line 1\nline 2\ttab";
  g_autoptr (TfReply) reply = reply_with (name, address);
  g_autofree char *json = tf_record_to_json (reply, NULL);
  cr_assert (strchr (json, '\n') == NULL, "a line end inside a value is escaped");
  cr_assert (strchr (json, '\x01') == NULL, "control characters are escaped");
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *o = parse (parser, json);
  JsonObject *sender = json_object_get_object_member (o, "sender");
  cr_assert_str_eq (json_object_get_string_member (sender, "name"), name);
  cr_assert_str_eq (json_object_get_string_member (sender, "address"), address);
  cr_assert (strstr (json, "😀") != NULL, "UTF-8 is written as UTF-8");
  read_test_assert_schema (r, reply);
}

/* ---- the schema and its validator --------------------------------------- */

static char *
check_modified (const TfReply *reply, const char *from, const char *to)
{
  g_autofree char *json = tf_record_to_json (reply, NULL);
  const char *at = strstr (json, from);
  cr_assert_not_null (at, "\"%s\" in %s", from, json);
  g_autofree char *head = g_strndup (json, (gsize) (at - json));
  g_autofree char *changed = g_strconcat (head, to, at + strlen (from), NULL);
  return read_schema_check_text (r->schema, changed);
}

Test (json, the_schema_refuses_records_that_break_the_contract)
{
  g_autoptr (TfReply) reply = reply_with ("Taro Yamada", "");
  static const char *cases[][2] = {
    { "\"status\":\"incomplete\"", "\"status\":\"partial\"" },
    { "\"status\":\"incomplete\"", "\"status\":\"complete\"" },   /* has errors */
    { "\"status\":\"incomplete\"", "\"status\":\"invalid\"" },    /* has texts */
    { "\"name\":\"Taro Yamada\"", "\"name\":\"\"" },
    { "\"name\":\"Taro Yamada\"", "\"name\":\" Taro\"" },
    { "\"name\":\"Taro Yamada\"", "\"name\":\"Taro\\r\\nYamada\"" },
    { "\"authority\":\"assign\"", "\"authority\":\"yes\"" },
    { "\"comments\":\"none\"", "\"comments\":\"\"" },
    { "\"code\":\"title-missing\"", "\"code\":\"title-absent\"" },
    { "\"severity\":\"warning\"", "\"severity\":\"error\"" },     /* title-missing */
    { "\"member_state_code\":\"JPN\"", "\"member_state_code\":\"jp\"" },
    { "\"source\":\"fields\"", "\"source\":\"ocr\"" },
    { "\"source\":\"fields\"", "\"source\":\"fields\",\"extra\":1" },
    { "\"form\":\"tsb-246-annex2@1\",", "" },
    { "\"sha256\":\"", "\"sha256\":\"X" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = check_modified (reply, cases[i][0], cases[i][1]);
      cr_assert_not_null (err, "the schema takes %s instead of %s", cases[i][1], cases[i][0]);
    }
  g_autofree char *same = check_modified (reply, "\"source\":\"fields\"", "\"source\":\"fields\"");
  cr_assert_null (same, "%s", same);
}

Test (json, the_schema_lists_every_problem_code)
{
  JsonObject *root = json_node_get_object (r->schema);
  JsonObject *problem = json_object_get_object_member (
    json_object_get_object_member (root, "$defs"), "problem");
  JsonArray *codes = json_object_get_array_member (
    json_object_get_object_member (json_object_get_object_member (problem, "properties"),
                                   "code"), "enum");
  cr_assert_eq (json_array_get_length (codes), TF_PROBLEM_COUNT);
  for (TfProblemCode c = 0; c < TF_PROBLEM_COUNT; c++)
    cr_assert_str_eq (json_array_get_string_element (codes, c), tf_problem_code_name (c));
}

Test (json, the_validator_refuses_keywords_it_does_not_check)
{
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, "{\"type\":\"string\",\"format\":\"email\"}",
                                         -1, NULL));
  g_autoptr (JsonParser) value = json_parser_new ();
  cr_assert (json_parser_load_from_data (value, "\"x\"", -1, NULL));
  err = read_schema_check (json_parser_get_root (parser), json_parser_get_root (value));
  cr_assert_not_null (err);
  cr_assert (strstr (err, "format") != NULL, "%s", err);
}
