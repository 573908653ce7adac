/* test_reply_check.c — the pure reply stage: raw replies built in code (no
 * PDF) → records, problems and status, as the contract says. */
#include "read_support.h"

#include "out/record_json.h"
#include "reply/reply.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>



READ_TEST_SUITE (reply);

/* Every answer given, "assign" + "none" everywhere. */
static GPtrArray *
complete_values (void)
{
  GPtrArray *v = g_ptr_array_new_with_free_func (g_free);
  const char *sender[] = {
    "sender.name", "Jeanne Martin",
    "sender.title", "Directrice des affaires internationales",
    "sender.address", "20 avenue de Ségur\r\n75007 Paris",
    "sender.fax", "+33 1 00 00 00 00",
    "sender.email", "jeanne.martin@example.fr",
    "sender.member_state", "France",
  };
  for (guint i = 0; i < G_N_ELEMENTS (sender); i++)
    g_ptr_array_add (v, g_strdup (sender[i]));
  for (guint i = 0; i < r->form->texts->len; i++)
    {
      const TfText *t = r->form->texts->pdata[i];
      g_ptr_array_add (v, tf_field_group (t, TF_GROUP_AUTHORITY));
      g_ptr_array_add (v, g_strdup ("assign"));
      g_ptr_array_add (v, tf_field_group (t, TF_GROUP_COMMENTS));
      g_ptr_array_add (v, g_strdup ("none"));
    }
  return v;
}

/* Sets `name` to `value` (NULL: removes it) in a values array. */
static void
set_value (GPtrArray *v, const char *name, const char *value)
{
  for (guint i = 0; i + 1 < v->len; i += 2)
    if (g_str_equal (v->pdata[i], name))
      {
        if (value == NULL)
          {
            g_ptr_array_remove_range (v, i, 2);
            return;
          }
        g_free (v->pdata[i + 1]);
        v->pdata[i + 1] = g_strdup (value);
        return;
      }
  if (value != NULL)
    {
      g_ptr_array_add (v, g_strdup (name));
      g_ptr_array_add (v, g_strdup (value));
    }
}

static TfRawReply *
raw_of (GPtrArray *v)
{
  g_ptr_array_add (v, NULL);
  TfRawReply *raw = read_test_raw_new (r, (const char *const *) v->pdata);
  g_ptr_array_remove_index (v, v->len - 1);
  return raw;
}

/* The contract's status rule computed from the values alone: the record's
 * status must agree with it whatever the problems say. */
static TfStatus
status_by_rule (const TfReply *reply)
{
  for (guint i = 0; i < reply->problems->len; i++)
    if (tf_problem_code_is_invalid (((TfProblem *) reply->problems->pdata[i])->code))
      return TF_STATUS_INVALID;
  if (tf_reply_sender_value (reply, "name") == NULL
      || tf_reply_sender_value (reply, "member_state") == NULL)
    return TF_STATUS_INCOMPLETE;
  for (guint i = 0; i < reply->texts->len; i++)
    {
      const TfReplyText *t = reply->texts->pdata[i];
      if (t->authority == TF_ANSWER_NONE
          || (t->authority == TF_ANSWER_ASSIGN && t->comments == TF_ANSWER_NONE))
        return TF_STATUS_INCOMPLETE;
    }
  return TF_STATUS_COMPLETE;
}

static TfReply *
check (const TfRawReply *raw)
{
  TfReply *reply = tf_reader_reply (r->reader, "replies/test.pdf", raw);
  cr_assert_eq (reply->status, status_by_rule (reply), "status %s, the rule says %s",
                tf_status_name (reply->status), tf_status_name (status_by_rule (reply)));
  read_test_assert_schema (r, reply);
  return reply;
}

static const TfReplyText *
text (const TfReply *reply, const char *key)
{
  for (guint i = 0; i < reply->texts->len; i++)
    if (g_str_equal (((TfReplyText *) reply->texts->pdata[i])->key, key))
      return reply->texts->pdata[i];
  cr_assert_fail ("no text %s", key);
  return NULL;
}

static void
assert_codes (const TfReply *reply, const char *expected)
{
  g_autofree char *codes = read_test_problem_codes (reply);
  cr_assert_str_eq (codes, expected, "problems of the record");
}

static const TfProblem *
problem (const TfReply *reply, TfProblemCode code)
{
  const TfProblem *p = tf_reply_find_problem (reply, code);
  cr_assert_not_null (p, "a %s problem", tf_problem_code_name (code));
  return p;
}

/* ---- complete and incomplete -------------------------------------------- */

Test (reply, complete_reply_has_every_value_and_no_problem)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "text.x1148.authority", "withhold");
  set_value (v, "text.x1148.comments", NULL);
  set_value (v, "text.x1751.comments", "attached");
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);

  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "");
  cr_assert_str_eq (reply->file, "replies/test.pdf");
  cr_assert_str_eq (reply->form, "tsb-246-annex2@1");
  cr_assert_str_eq (reply->member_state_code, "FRA");
  cr_assert_str_eq (tf_reply_sender_value (reply, "address"), "20 avenue de Ségur\n75007 Paris");
  cr_assert_eq (reply->texts->len, r->form->texts->len);
  cr_assert_eq (text (reply, "x1054")->authority, TF_ANSWER_ASSIGN);
  cr_assert_eq (text (reply, "x1054")->comments, TF_ANSWER_NO_COMMENTS);
  cr_assert_eq (text (reply, "x1148")->authority, TF_ANSWER_WITHHOLD);
  cr_assert_eq (text (reply, "x1148")->comments, TF_ANSWER_NONE);
  cr_assert_eq (text (reply, "x1751")->comments, TF_ANSWER_COMMENTS_ATTACHED);
  cr_assert_str_eq (text (reply, "x1054")->recommendation, "ITU-T X.1054");
}

Test (reply, blank_form_is_incomplete_with_a_problem_per_missing_answer)
{
  const char *none[] = { NULL };
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, none);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  guint authority_missing = 0;
  for (guint i = 0; i < reply->problems->len; i++)
    if (((TfProblem *) reply->problems->pdata[i])->code == TF_PROBLEM_AUTHORITY_MISSING)
      authority_missing++;
  cr_assert_eq (authority_missing, r->form->texts->len);
  cr_assert (read_test_has_problem (reply, TF_PROBLEM_NAME_MISSING));
  cr_assert (read_test_has_problem (reply, TF_PROBLEM_MEMBER_STATE_MISSING));
  cr_assert (read_test_has_problem (reply, TF_PROBLEM_TITLE_MISSING));
  cr_assert_not (read_test_has_problem (reply, TF_PROBLEM_COMMENTS_MISSING));
  const TfProblem *p = problem (reply, TF_PROBLEM_AUTHORITY_MISSING);
  cr_assert_str_eq (p->field, "text.x1054.authority");
  cr_assert_eq (p->severity, TF_SEVERITY_ERROR);
  cr_assert (strstr (p->message, "ITU-T X.1054") != NULL, "%s", p->message);
  /* Problems come in field order: the sender block, then the texts. */
  cr_assert_str_eq (((TfProblem *) reply->problems->pdata[0])->field, "sender.name");
}

Test (reply, assign_without_comments_is_incomplete)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "text.x1216.comments", NULL);
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "comments-missing");
  const TfProblem *p = problem (reply, TF_PROBLEM_COMMENTS_MISSING);
  cr_assert_str_eq (p->field, "text.x1216.comments");
  cr_assert (strstr (p->message, r->form->choices.none) != NULL, "%s", p->message);
}

Test (reply, comments_with_withhold_is_a_warning_only)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "text.x1254.authority", "withhold");
  set_value (v, "text.x1254.comments", "attached");
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "comments-without-authority");
  cr_assert_eq (problem (reply, TF_PROBLEM_COMMENTS_WITHOUT_AUTHORITY)->severity,
                TF_SEVERITY_WARNING);
  cr_assert_eq (text (reply, "x1254")->comments, TF_ANSWER_COMMENTS_ATTACHED,
                "the value is kept as read");
}

Test (reply, withhold_everywhere_without_comments_is_complete)
{
  g_autoptr (GPtrArray) v = complete_values ();
  for (guint i = 0; i < r->form->texts->len; i++)
    {
      const TfText *t = r->form->texts->pdata[i];
      g_autofree char *a = tf_field_group (t, TF_GROUP_AUTHORITY);
      g_autofree char *c = tf_field_group (t, TF_GROUP_COMMENTS);
      set_value (v, a, "withhold");
      set_value (v, c, NULL);
    }
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "");
}

Test (reply, comments_without_any_authority_answer_reports_authority_only)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "text.x1366.authority", NULL);
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  assert_codes (reply, "authority-missing");
  cr_assert_eq (text (reply, "x1366")->comments, TF_ANSWER_NO_COMMENTS);
}

/* ---- telling which widget is on ----------------------------------------- */

Test (reply, two_boxes_on_is_a_state_conflict_not_a_guess)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  read_test_raw_radio (r, raw, "text.x1367.authority", "withhold")->on = TRUE;
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "state-conflict");
  const TfProblem *p = problem (reply, TF_PROBLEM_STATE_CONFLICT);
  cr_assert_eq (p->severity, TF_SEVERITY_ERROR);
  cr_assert_str_eq (p->field, "text.x1367.authority");
  cr_assert (strstr (p->message, "\"assigns authority\" and \"does not assign authority\"")
               != NULL, "%s", p->message);
  cr_assert_eq (text (reply, "x1367")->authority, TF_ANSWER_NONE);
}

Test (reply, comments_conflict_under_withhold_is_a_warning)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "text.x1403.authority", "withhold");
  g_autoptr (TfRawReply) raw = raw_of (v);
  read_test_raw_radio (r, raw, "text.x1403.comments", "attached")->on = TRUE;
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "state-conflict");
  cr_assert_eq (problem (reply, TF_PROBLEM_STATE_CONFLICT)->severity, TF_SEVERITY_WARNING);
  cr_assert_eq (text (reply, "x1403")->comments, TF_ANSWER_NONE);
}

Test (reply, comments_conflict_under_assign_is_an_error)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  read_test_raw_radio (r, raw, "text.x1403.comments", "attached")->on = TRUE;
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "state-conflict");
  cr_assert_eq (problem (reply, TF_PROBLEM_STATE_CONFLICT)->severity, TF_SEVERITY_ERROR);
}

Test (reply, tooltip_and_position_disagreeing_is_a_mismatch)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  /* The ticked box says "assign" by its /TU but sits where "withhold" is. */
  TfRawRadio *on = read_test_raw_radio (r, raw, "text.x1606.authority", "assign");
  TfRawRadio *off = read_test_raw_radio (r, raw, "text.x1606.authority", "withhold");
  TfRect swap = on->rect;
  on->rect = off->rect;
  off->rect = swap;
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "widget-mismatch");
  const TfProblem *p = problem (reply, TF_PROBLEM_WIDGET_MISMATCH);
  cr_assert_str_eq (p->field, "text.x1606.authority");
  cr_assert (strstr (p->message, "labelled as \"assigns authority\"") != NULL, "%s", p->message);
  cr_assert (strstr (p->message, "where \"does not assign authority\"") != NULL, "%s",
             p->message);
  cr_assert_eq (text (reply, "x1606")->authority, TF_ANSWER_NONE);
}

Test (reply, a_tooltip_of_another_group_is_a_mismatch)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  TfRawRadio *on = read_test_raw_radio (r, raw, "text.x1750.authority", "assign");
  g_free (on->tooltip);
  on->tooltip = g_strdup ("ITU-T X.1054: assigns authority to consider this text for approval");
  g_autoptr (TfReply) reply = check (raw);
  assert_codes (reply, "widget-mismatch");
  cr_assert (strstr (problem (reply, TF_PROBLEM_WIDGET_MISMATCH)->message, "ITU-T X.1054")
             != NULL);
}

Test (reply, one_way_only_counts_the_answer_with_a_warning)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  /* No /TU on one, a position far from every box on another. */
  TfRawRadio *a = read_test_raw_radio (r, raw, "text.x1054.authority", "assign");
  g_clear_pointer (&a->tooltip, g_free);
  TfRawRadio *b = read_test_raw_radio (r, raw, "text.x1148.comments", "none");
  b->rect.x += 100;
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "widget-unverified widget-unverified");
  cr_assert_eq (text (reply, "x1054")->authority, TF_ANSWER_ASSIGN);
  cr_assert_eq (text (reply, "x1148")->comments, TF_ANSWER_NO_COMMENTS);
  const TfProblem *p = reply->problems->pdata[0];
  cr_assert_str_eq (p->field, "text.x1054.authority");
  cr_assert (strstr (p->message, "by its place on the page only") != NULL, "%s", p->message);
  p = reply->problems->pdata[1];
  cr_assert (strstr (p->message, "by its label only") != NULL, "%s", p->message);
}

Test (reply, neither_way_is_an_unknown_widget)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  TfRawRadio *a = read_test_raw_radio (r, raw, "text.x1279.authority", "assign");
  g_free (a->tooltip);
  a->tooltip = g_strdup ("Choice 1");
  a->rect.y -= 40;
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "widget-unknown");
  cr_assert_eq (text (reply, "x1279")->authority, TF_ANSWER_NONE);
}

Test (reply, a_widget_on_another_page_is_not_placed)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  TfRawRadio *a = read_test_raw_radio (r, raw, "text.x1054.authority", "assign");
  a->page = 2;
  g_autoptr (TfReply) reply = check (raw);
  assert_codes (reply, "widget-unverified");
}

Test (reply, rounding_within_tolerance_is_the_same_widget)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  for (guint i = 0; i < raw->radios->len; i++)
    {
      TfRawRadio *radio = raw->radios->pdata[i];
      radio->rect.x = (double) (gint64) radio->rect.x + 2.0;
      radio->rect.y = (double) (gint64) radio->rect.y - 2.0;
      radio->rect.w += 1;
    }
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "");
}

Test (reply, a_custom_tolerance_applies)
{
  TfReplyCheckerOptions options = TF_REPLY_CHECKER_OPTIONS_INIT;
  options.tolerance = 0.5;
  g_autoptr (GError) error = NULL;
  g_autoptr (TfReplyChecker) strict = tf_reply_checker_new (r->form, r->layout, r->states,
                                                            &options, &error);
  cr_assert_not_null (strict);
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  read_test_raw_radio (r, raw, "text.x1054.authority", "assign")->rect.x += 1.0;
  g_autoptr (TfReply) reply = tf_reply_check (strict, "f.pdf", raw);
  assert_codes (reply, "widget-unverified");
}

Test (reply, a_missing_group_is_reported_on_its_field)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  /* Rename the group as if the file lacked it. */
  for (guint i = 0; i < raw->fields->len; i++)
    {
      TfRawField *f = raw->fields->pdata[i];
      if (g_str_equal (f->name, "text.x1148.authority"))
        {
          g_free (f->name);
          f->name = g_strdup ("text.x1148.other");
        }
    }
  g_autoptr (TfReply) reply = check (raw);
  assert_codes (reply, "authority-missing");
  const TfProblem *p = problem (reply, TF_PROBLEM_AUTHORITY_MISSING);
  cr_assert (strstr (p->message, "is missing") != NULL, "%s", p->message);
}

/* ---- the sender block ---------------------------------------------------- */

Test (reply, text_values_are_normalized)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "sender.name", "  \t Ana\u00a0López \u3000 ");
  set_value (v, "sender.address", "\r\nCalle 1\rPiso 2\r\n\r\nMadrid\n ");
  set_value (v, "sender.fax", "   ");
  set_value (v, "sender.title", "");
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_str_eq (tf_reply_sender_value (reply, "name"), "Ana\u00a0López");
  cr_assert_str_eq (tf_reply_sender_value (reply, "address"), "Calle 1\nPiso 2\n\nMadrid");
  cr_assert_null (tf_reply_sender_value (reply, "fax"));
  cr_assert_null (tf_reply_sender_value (reply, "title"));
  assert_codes (reply, "title-missing");
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
}

Test (reply, name_missing_is_incomplete)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "sender.name", " ");
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "name-missing");
  cr_assert_str_eq (problem (reply, TF_PROBLEM_NAME_MISSING)->field, "sender.name");
}

Test (reply, an_email_that_is_not_an_address_is_a_warning)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "sender.email", "jeanne at example dot fr");
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "email-invalid");
  cr_assert (strstr (problem (reply, TF_PROBLEM_EMAIL_INVALID)->message,
                     "\"jeanne at example dot fr\"") != NULL);
}

Test (reply, member_state_missing_is_incomplete)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "sender.member_state", NULL);
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "member-state-missing");
  cr_assert_null (reply->member_state_code);
}

static TfReply *
reply_from_state (const char *written)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "sender.member_state", written);
  g_autoptr (TfRawReply) raw = raw_of (v);
  return check (raw);
}

Test (reply, member_states_in_the_spellings_administrations_write)
{
  static const char *cases[][2] = {
    { "Germany (Federal Republic of)", "DEU" },
    { "République française", "FRA" },
    { "Allemagne", "DEU" },
    { "中国", "CHN" },
    { "Российская Федерация", "RUS" },
    { "المملكة العربية السعودية", "SAU" },
    { "españa", "ESP" },
    { "  Korea (Republic of) ", "KOR" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (TfReply) reply = reply_from_state (cases[i][0]);
      cr_assert_str_eq (reply->member_state_code ? reply->member_state_code : "(null)",
                        cases[i][1], "\"%s\"", cases[i][0]);
      cr_assert_eq (reply->problems->len, 0, "\"%s\"", cases[i][0]);
    }
}

Test (reply, an_unknown_member_state_suggests_the_closest)
{
  g_autoptr (TfReply) reply = reply_from_state ("Frnace");
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE, "a warning only");
  assert_codes (reply, "member-state-unknown");
  cr_assert_null (reply->member_state_code);
  const TfProblem *p = problem (reply, TF_PROBLEM_MEMBER_STATE_UNKNOWN);
  cr_assert (strstr (p->message, "did you mean \"France\"") != NULL, "%s", p->message);

  g_autoptr (TfReply) far = reply_from_state ("Atlantis");
  assert_codes (far, "member-state-unknown");
  cr_assert (strstr (problem (far, TF_PROBLEM_MEMBER_STATE_UNKNOWN)->message, "did you mean")
             == NULL);
}

Test (reply, a_state_not_member_on_the_date_is_a_warning)
{
  g_autoptr (TfReply) reply = reply_from_state ("Palau");
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "member-state-not-member");
  cr_assert_str_eq (reply->member_state_code, "PLW");
  cr_assert (strstr (problem (reply, TF_PROBLEM_MEMBER_STATE_NOT_MEMBER)->message, "2020-04-22")
             != NULL);
}

Test (reply, without_member_state_data_names_are_not_checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfReplyChecker) c = tf_reply_checker_new (r->form, r->layout, NULL, NULL, &error);
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "sender.member_state", "Atlantis");
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) reply = tf_reply_check (c, "f.pdf", raw);
  cr_assert_eq (reply->problems->len, 0);
  cr_assert_null (reply->member_state_code);
}

/* ---- which form ------------------------------------------------------------ */

static void
set_field (TfRawReply *raw, const char *name, const char *value)
{
  for (guint i = 0; i < raw->fields->len; i++)
    {
      TfRawField *f = raw->fields->pdata[i];
      if (g_str_equal (f->name, name))
        {
          g_free (f->value);
          f->value = g_strdup (value);
          return;
        }
    }
  cr_assert_fail ("no field %s", name);
}

static void
drop_field (TfRawReply *raw, const char *name)
{
  for (guint i = 0; i < raw->fields->len; i++)
    if (g_str_equal (((TfRawField *) raw->fields->pdata[i])->name, name))
      {
        g_ptr_array_remove_index (raw->fields, i);
        return;
      }
  cr_assert_fail ("no field %s", name);
}

Test (reply, another_form_is_invalid)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  set_field (raw, "form.id", "tsb-247-annex2@1");
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "wrong-form");
  cr_assert_str_eq (reply->form, "tsb-247-annex2@1");
  cr_assert_eq (reply->texts->len, 0);
  cr_assert_null (tf_reply_sender_value (reply, "name"), "nothing is read from another form");
  cr_assert_eq (reply->sender->len, 6);
}

Test (reply, another_version_is_invalid_and_says_so)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  set_field (raw, "form.id", "tsb-246-annex2@2");
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  const TfProblem *p = problem (reply, TF_PROBLEM_WRONG_FORM);
  cr_assert (strstr (p->message, "version 2") != NULL, "%s", p->message);
}

Test (reply, a_lost_form_id_with_every_field_is_read_with_a_warning)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  drop_field (raw, "form.id");
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "form-id-missing");
  cr_assert_str_eq (reply->form, "tsb-246-annex2@1");
  cr_assert_eq (problem (reply, TF_PROBLEM_FORM_ID_MISSING)->severity, TF_SEVERITY_WARNING);

  g_autoptr (TfRawReply) emptied = raw_of (v);
  set_field (emptied, "form.id", "  ");
  g_autoptr (TfReply) reply2 = check (emptied);
  assert_codes (reply2, "form-id-missing");
}

Test (reply, a_lost_form_id_with_fields_missing_is_another_form)
{
  g_autoptr (GPtrArray) v = complete_values ();
  g_autoptr (TfRawReply) raw = raw_of (v);
  drop_field (raw, "form.id");
  drop_field (raw, "sender.fax");
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "wrong-form");
  cr_assert (strstr (problem (reply, TF_PROBLEM_WRONG_FORM)->message, "sender.fax") != NULL);
  cr_assert_null (reply->form);
}

Test (reply, unrelated_fields_are_another_form)
{
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_OK, NULL);
  raw->sha256 = g_strdup ("1111111111111111111111111111111111111111111111111111111111111111");
  tf_raw_reply_add_field (raw, "topmostSubform[0].Page1[0].f1_01[0]", TF_RAW_TEXT, "x");
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "wrong-form");
}

Test (reply, a_pdf_without_fields_has_no_form)
{
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_OK, NULL);
  raw->sha256 = g_strdup ("2222222222222222222222222222222222222222222222222222222222222222");
  g_autoptr (TfReply) reply = check (raw);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "no-form");
  cr_assert_null (reply->form);
}

Test (reply, each_read_failure_is_invalid_with_its_code)
{
  static const struct { TfReadOutcome outcome; const char *detail; const char *code; } cases[] = {
    { TF_READ_UNREADABLE, "No such file or directory", "unreadable" },
    { TF_READ_NOT_PDF, "a PNG image, not a PDF", "not-pdf" },
    { TF_READ_DAMAGED, "the PDF is cut short", "damaged" },
    { TF_READ_ENCRYPTED, "a password", "encrypted" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (TfRawReply) raw = tf_raw_reply_new (cases[i].outcome, "%s", cases[i].detail);
      if (cases[i].outcome != TF_READ_UNREADABLE)
        raw->sha256 = g_strdup ("3333333333333333333333333333333333333333333333333333333333333333");
      g_autoptr (TfReply) reply = check (raw);
      cr_assert_eq (reply->status, TF_STATUS_INVALID);
      assert_codes (reply, cases[i].code);
      const TfProblem *p = reply->problems->pdata[0];
      cr_assert_null (p->field);
      if (cases[i].outcome != TF_READ_ENCRYPTED)
        cr_assert (strstr (p->message, cases[i].detail) != NULL, "%s", p->message);
      cr_assert_eq (reply->texts->len, 0);
    }
}

/* A read the batch stopped comes as facts; the record words them. */
Test (reply, reads_the_batch_stopped_are_worded_from_their_facts)
{
  struct {
    TfReadOutcome outcome;
    const char *detail;
    TfReadFailure failure;
    const char *code;
    const char *said;
  } cases[] = {
    { TF_READ_CRASHED, NULL, { .wait_status = SIGSEGV }, "crashed", "(signal 11, " },
    { TF_READ_CRASHED, NULL, { .wait_status = 3 << 8 }, "crashed", "(it stopped with exit status 3)" },
    { TF_READ_TIMED_OUT, NULL, { .time_limit = 2.5 }, "timed-out", "the time limit (2.5 s)" },
    { TF_READ_OUT_OF_MEMORY, NULL, { .memory_limit = 512u << 20 }, "out-of-memory", "the limit (512 MiB)" },
    { TF_READ_BAD_ANSWER, "malformed raw reply: field", { 0 }, "crashed", "a malformed answer for this file (malformed raw reply: field)" },
    { TF_READ_NO_WORKER, "cannot start a reader process: Resource temporarily unavailable", { 0 }, "crashed", "could not read the file: cannot start a reader process" },
    { TF_READ_FOLDER_UNREADABLE, "Permission denied", { 0 }, "unreadable", "The folder cannot be read (Permission denied)" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (TfRawReply) raw = tf_raw_reply_new (cases[i].outcome, cases[i].detail ? "%s" : NULL,
                                                     cases[i].detail);
      raw->failure = cases[i].failure;
      raw->sha256 = g_strdup ("5555555555555555555555555555555555555555555555555555555555555555");
      g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "bomb.pdf", raw);
      cr_assert_eq (reply->status, TF_STATUS_INVALID);
      assert_codes (reply, cases[i].code);
      const TfProblem *p = reply->problems->pdata[0];
      cr_expect (strstr (p->message, cases[i].said) != NULL, "case %zu: %s", i, p->message);
      cr_expect_str_eq (reply->sha256, raw->sha256);
      read_test_assert_schema (r, reply);
    }
}

Test (reply, file_names_that_are_not_utf8_are_made_valid)
{
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_NOT_PDF, "empty, not a PDF");
  raw->sha256 = g_strdup ("4444444444444444444444444444444444444444444444444444444444444444");
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "r\xe9ponse.pdf", raw);
  cr_assert (g_utf8_validate (reply->file, -1, NULL));
  cr_assert_str_eq (reply->file, "r\uFFFDponse.pdf");
}

Test (reply, the_same_raw_reply_gives_the_same_record)
{
  g_autoptr (GPtrArray) v = complete_values ();
  set_value (v, "text.x1148.comments", NULL);
  g_autoptr (TfRawReply) raw = raw_of (v);
  g_autoptr (TfReply) a = check (raw);
  g_autoptr (TfReply) b = check (raw);
  g_autofree char *ja = tf_record_to_json (a, NULL);
  g_autofree char *jb = tf_record_to_json (b, NULL);
  cr_assert_str_eq (ja, jb);
}

/* ---- the codes table ---------------------------------------------------- */

Test (reply, every_code_has_a_stable_name)
{
  for (TfProblemCode c = 0; c < TF_PROBLEM_COUNT; c++)
    {
      const char *name = tf_problem_code_name (c);
      cr_assert_not_null (name, "code %d", c);
      cr_assert_eq (tf_problem_code_from_name (name), c);
    }
  cr_assert_eq (tf_problem_code_from_name ("no-such-code"), TF_PROBLEM_COUNT);
  cr_assert_str_eq (tf_problem_code_name (TF_PROBLEM_AUTHORITY_MISSING), "authority-missing");
  cr_assert_str_eq (tf_problem_code_name (TF_PROBLEM_FORM_ID_MISSING), "form-id-missing");
  cr_assert (tf_problem_code_is_invalid (TF_PROBLEM_NO_FORM));
  cr_assert_not (tf_problem_code_is_invalid (TF_PROBLEM_NAME_MISSING));
}
