/* The chase list on records built in code: which state is listed and why,
 * which of its replies is shown, late replies with and without
 * --count-late, two inputs of one name; and its three formats. */
#include <criterion/criterion.h>

#include "form/form.h"
#include "form/member_states.h"
#include "tally/chase.h"
#include "tally/chase_format.h"
#include "tally/tally.h"
#include "tally_fixture.h"

#include <json-glib/json-glib.h>
#include <string.h>

static TfForm *form;
static TfMemberStates *states;

static void
setup (void)
{
  form = tf_form_load_default (NULL);
  cr_assert_not_null (form);
  states = tf_member_states_load_default (NULL);
  cr_assert_not_null (states);
}

static void
teardown (void)
{
  tf_member_states_free (states);
  tf_form_free (form);
}

TestSuite (chase, .init = setup, .fini = teardown);

#define ALL "AAAAAAAAAAA"
#define ON_TIME "2020-08-01T10:00:00Z"
#define LATE "2020-08-20T10:00:00Z"

static TfChase *
chase_of (Batch *b, gboolean count_late)
{
  TfTallyOptions options = TF_TALLY_OPTIONS_INIT;
  options.count_late = count_late;
  g_autoptr (TfTally) tally = tf_tally_count (form, states, (TfTallyInput *) b->inputs->data,
                                              b->inputs->len, &options);
  cr_assert_eq (tally->fates->len, b->inputs->len);
  return tf_chase_list (form, states, (TfTallyInput *) b->inputs->data, b->inputs->len, tally);
}

static const TfChaseEntry *
entry (const TfChase *chase, const char *code)
{
  for (guint i = 0; i < chase->entries->len; i++)
    if (g_str_equal (((TfChaseEntry *) chase->entries->pdata[i])->code, code))
      return chase->entries->pdata[i];
  return NULL;
}

/* Gives the reply of `file` in `b` an error problem with `message`. */
static void
add_error (Batch *b, const char *file, const char *message)
{
  for (guint i = 0; i < b->replies->len; i++)
    {
      TfReply *reply = b->replies->pdata[i];
      if (g_str_equal (reply->file, file))
        tf_reply_add_problem (reply, TF_PROBLEM_AUTHORITY_MISSING, TF_SEVERITY_ERROR,
                              "text.x1054.authority", "%s", message);
    }
}

Test (chase, no_reply_at_all_lists_every_member_state)
{
  Batch b = batch_new (form, NULL, 0);
  g_autoptr (TfChase) chase = chase_of (&b, FALSE);
  cr_expect_eq (chase->member_states, 193);
  cr_expect_eq (chase->entries->len, 193);
  cr_expect_eq (chase->complete, 0);
  cr_expect_null (entry (chase, "PLW"), "Palau joined in 2024");
  cr_expect_eq (tf_chase_count (chase, TF_CHASE_NO_REPLY), 193);
  batch_free (&b);
}

Test (chase, the_reply_that_counts_decides)
{
  const Row rows[] = {
    /* France: an incomplete first reply, superseded by a complete one. */
    { "fra-1.pdf", "FRA", TF_STATUS_INCOMPLETE, "-AAAAAAAAAA", "2020-06-01T10:00:00Z", NULL },
    { "fra-2.pdf", "FRA", TF_STATUS_COMPLETE, ALL, ON_TIME, NULL },
    /* Germany: complete first, then an incomplete correction: counted. */
    { "deu-1.pdf", "DEU", TF_STATUS_COMPLETE, ALL, "2020-06-01T10:00:00Z", NULL },
    { "deu-2.pdf", "DEU", TF_STATUS_INCOMPLETE, "-AAAAAAAAAA", ON_TIME, NULL },
    /* Italy: complete on time, and a late one: not listed. */
    { "ita-1.pdf", "ITA", TF_STATUS_COMPLETE, ALL, ON_TIME, NULL },
    { "ita-2.pdf", "ITA", TF_STATUS_INCOMPLETE, "-AAAAAAAAAA", LATE, NULL },
    /* Spain: two late replies; the latest is shown. */
    { "esp-2.pdf", "ESP", TF_STATUS_COMPLETE, ALL, "2020-08-21T10:00:00Z", NULL },
    { "esp-1.pdf", "ESP", TF_STATUS_COMPLETE, ALL, LATE, NULL },
    /* Neither counts for anyone. */
    { "scan.pdf", NULL, TF_STATUS_INVALID, NULL, NULL, NULL },
    { "plw.pdf", "PLW", TF_STATUS_COMPLETE, ALL, ON_TIME, NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  add_error (&b, "deu-2.pdf", "X.1054 has no answer");
  g_autoptr (TfChase) chase = chase_of (&b, FALSE);
  cr_expect_eq (chase->complete, 2, "France and Italy");
  cr_expect_null (entry (chase, "FRA"));
  cr_expect_null (entry (chase, "ITA"));
  const TfChaseEntry *deu = entry (chase, "DEU");
  cr_assert_not_null (deu);
  cr_expect_eq (deu->reason, TF_CHASE_INCOMPLETE);
  cr_expect_str_eq (deu->file, "deu-2.pdf");
  cr_expect_not (deu->late);
  cr_assert_eq (deu->problems->len, 1);
  cr_expect_str_eq (((TfProblem *) deu->problems->pdata[0])->message, "X.1054 has no answer");
  const TfChaseEntry *esp = entry (chase, "ESP");
  cr_assert_not_null (esp);
  cr_expect_eq (esp->reason, TF_CHASE_LATE);
  cr_expect_str_eq (esp->file, "esp-2.pdf");
  cr_expect (esp->late);
  cr_expect_eq (chase->entries->len, 193 - 2);
  cr_assert_eq (chase->uncounted->len, 2);
  cr_expect_str_eq (((TfTallyUncounted *) chase->uncounted->pdata[0])->file, "scan.pdf");

  /* With --count-late Spain's latest counts, and is complete; Italy's late
   * correction counts, and is not. */
  g_autoptr (TfChase) counted = chase_of (&b, TRUE);
  cr_expect_null (entry (counted, "ESP"));
  const TfChaseEntry *ita = entry (counted, "ITA");
  cr_assert_not_null (ita);
  cr_expect_eq (ita->reason, TF_CHASE_INCOMPLETE);
  cr_expect (ita->late);
  cr_expect_eq (counted->complete, 2, "France and Spain");
  batch_free (&b);
}

Test (chase, a_late_incomplete_reply_that_counts_says_both)
{
  const Row rows[] = {
    { "jpn.pdf", "JPN", TF_STATUS_INCOMPLETE, "-AAAAAAAAAA", LATE, NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  g_autoptr (TfChase) chase = chase_of (&b, TRUE);
  const TfChaseEntry *jpn = entry (chase, "JPN");
  cr_assert_not_null (jpn);
  cr_expect_eq (jpn->reason, TF_CHASE_INCOMPLETE);
  cr_expect (jpn->late);
  batch_free (&b);
}

Test (chase, two_inputs_of_one_name_are_told_apart)
{
  /* A corrected reply saved over the first under the same name: the
   * register keeps both. The later one counts, and is incomplete. */
  const Row rows[] = {
    { "replies/ken.pdf", "KEN", TF_STATUS_COMPLETE, ALL, "2020-06-01T10:00:00Z", NULL },
    { "replies/ken.pdf", "KEN", TF_STATUS_INCOMPLETE, "-AAAAAAAAAA", ON_TIME, NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  g_autoptr (TfChase) chase = chase_of (&b, FALSE);
  const TfChaseEntry *ken = entry (chase, "KEN");
  cr_assert_not_null (ken);
  cr_expect_eq (ken->reason, TF_CHASE_INCOMPLETE);
  g_autofree char *received = tf_chase_date_text (ken->received);
  cr_expect_str_eq (received, ON_TIME);
  batch_free (&b);
}

Test (chase, formats_say_the_same)
{
  const Row rows[] = {
    { "=cmd|' /C calc'!A0.pdf", "GBR", TF_STATUS_INCOMPLETE, "-AAAAAAAAAA", ON_TIME, NULL },
    { "rus.pdf", "RUS", TF_STATUS_COMPLETE, ALL, LATE, NULL },
    { "+scan.pdf", NULL, TF_STATUS_INVALID, NULL, NULL, NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  TfReply *gbr = b.replies->pdata[0];
  TfReplySender *name = gbr->sender->pdata[0];
  cr_assert_str_eq (name->field, "name");
  name->value = g_strdup ("@Jane, \"the\" Smith");
  add_error (&b, gbr->file, "X.1054 has no answer");
  g_autoptr (TfChase) chase = chase_of (&b, FALSE);

  g_autofree char *text = tf_chase_format (chase, TF_CHASE_TEXT);
  cr_expect (strstr (text, "193 of 193 Member States have no complete reply counted: "
                           "191 no reply, 1 incomplete, 1 late.") != NULL, "%s", text);
  cr_expect (strstr (text, "     from @Jane, \"the\" Smith\n     - X.1054 has no answer\n")
             != NULL, "%s", text);
  cr_expect (strstr (text, "1 reply counts for no Member State") != NULL);

  g_autofree char *csv = tf_chase_format (chase, TF_CHASE_CSV);
  g_auto (GStrv) rows_csv = g_strsplit (csv, "\r\n", -1);
  cr_expect_eq (g_strv_length (rows_csv), 1 + 193 + 1 + 1);
  cr_expect_str_eq (rows_csv[0], "member_state_code,member_state,reason,late,file,sender_name,"
                                 "sender_email,received,problems,messages");
  gboolean seen = FALSE;
  for (guint i = 0; rows_csv[i]; i++)
    if (g_str_has_prefix (rows_csv[i], "GBR,"))
      {
        seen = TRUE;
        cr_expect_str_eq (rows_csv[i], "GBR,United Kingdom of Great Britain and Northern Ireland,"
                          "incomplete,false,'=cmd|' /C calc'!A0.pdf,\"'@Jane, \"\"the\"\" Smith\","
                          ",2020-08-01T10:00:00Z,authority-missing text.x1054.authority,"
                          "X.1054 has no answer");
      }
  cr_expect (seen);
  cr_expect_str_eq (rows_csv[194], ",,uncounted,false,'+scan.pdf,,,,,"
                                   "not a readable reply to this form: this is a PNG image");

  g_autofree char *json = tf_chase_format (chase, TF_CHASE_JSON);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonObject *o = json_node_get_object (json_parser_get_root (parser));
  cr_expect_str_eq (json_object_get_string_member (o, "form"), "tsb-246-annex2@1");
  cr_expect_eq (json_object_get_int_member (o, "member_states"), 193);
  cr_expect_eq (json_object_get_int_member (o, "complete"), 0);
  JsonArray *list = json_object_get_array_member (o, "chase");
  cr_assert_eq (json_array_get_length (list), 193);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *e = json_array_get_object_element (list, i);
      if (!g_str_equal (json_object_get_string_member (e, "member_state_code"), "GBR"))
        continue;
      cr_expect_str_eq (json_object_get_string_member (e, "file"), "=cmd|' /C calc'!A0.pdf",
                        "JSON is never altered");
      cr_expect_str_eq (json_object_get_string_member (e, "sender_name"), "@Jane, \"the\" Smith");
      cr_expect_str_eq (json_object_get_string_member (e, "received"), ON_TIME);
      JsonArray *problems = json_object_get_array_member (e, "problems");
      cr_assert_eq (json_array_get_length (problems), 1);
      JsonObject *p = json_array_get_object_element (problems, 0);
      cr_expect_str_eq (json_object_get_string_member (p, "code"), "authority-missing");
    }
  JsonArray *uncounted = json_object_get_array_member (o, "uncounted");
  cr_expect_eq (json_array_get_length (uncounted), 1);
  batch_free (&b);
}
