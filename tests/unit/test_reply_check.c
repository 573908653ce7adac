/* test_reply_check.c — the pure reply stage: raw replies built in code (no
 * PDF) → records, problems and status, as the contract says. */
#include "jsonl.h"
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

/* ---- telling which widget is on ----------------------------------------- */

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

/* ---- the sender block ---------------------------------------------------- */

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

/* ---- the cases of tests/fixtures/reply-check-cases.json ----------------- */

/* The widget of `raw` for `state` of `group`. */
static TfRawRadio *
case_radio (TfRawReply *raw, JsonObject *edit)
{
  return read_test_raw_radio (r, raw, json_object_get_string_member (edit, "group"),
                              json_object_get_string_member (edit, "state"));
}

/* Applies a case's edits of the widgets, fields and form.id to `raw`. */
static void
edit_raw (TfRawReply *raw, JsonObject *c)
{
  if (json_object_has_member (c, "form_id"))
    {
      const char *id = jsonl_string (c, "form_id");
      for (guint i = 0; i < raw->fields->len; i++)
        {
          TfRawField *f = raw->fields->pdata[i];
          if (!g_str_equal (f->name, TF_FIELD_FORM_ID))
            continue;
          if (id == NULL)
            g_ptr_array_remove_index (raw->fields, i);
          else
            {
              g_free (f->value);
              f->value = g_strdup (id);
            }
          break;
        }
    }
  JsonArray *drop = json_object_has_member (c, "drop") ? json_object_get_array_member (c, "drop")
                                                        : NULL;
  for (guint k = 0; drop != NULL && k < json_array_get_length (drop); k++)
    for (guint i = 0; i < raw->fields->len; i++)
      if (g_str_equal (((TfRawField *) raw->fields->pdata[i])->name,
                       json_array_get_string_element (drop, k)))
        g_ptr_array_remove_index (raw->fields, i--);
  JsonObject *rename = json_object_has_member (c, "rename")
                         ? json_object_get_object_member (c, "rename") : NULL;
  for (guint i = 0; rename != NULL && i < raw->fields->len; i++)
    {
      TfRawField *f = raw->fields->pdata[i];
      if (json_object_has_member (rename, f->name))
        {
          char *to = g_strdup (json_object_get_string_member (rename, f->name));
          g_free (f->name);
          f->name = to;
        }
    }
  JsonArray *radios = json_object_has_member (c, "radios")
                        ? json_object_get_array_member (c, "radios") : NULL;
  for (guint k = 0; radios != NULL && k < json_array_get_length (radios); k++)
    {
      JsonObject *edit = json_array_get_object_element (radios, k);
      TfRawRadio *w = case_radio (raw, edit);
      if (json_object_has_member (edit, "on"))
        w->on = json_object_get_boolean_member (edit, "on");
      if (json_object_has_member (edit, "tooltip"))
        {
          g_free (w->tooltip);
          w->tooltip = g_strdup (jsonl_string (edit, "tooltip"));
        }
      if (json_object_has_member (edit, "dx"))
        w->rect.x += json_object_get_double_member (edit, "dx");
      if (json_object_has_member (edit, "dy"))
        w->rect.y += json_object_get_double_member (edit, "dy");
      if (json_object_has_member (edit, "page"))
        w->page = (guint) json_object_get_int_member (edit, "page");
      if (json_object_has_member (edit, "swap"))
        {
          TfRawRadio *other = read_test_raw_radio (r, raw,
                                                   json_object_get_string_member (edit, "group"),
                                                   json_object_get_string_member (edit, "swap"));
          TfRect rect = w->rect;
          w->rect = other->rect;
          other->rect = rect;
        }
    }
}

/* The record's answer for `text` in `group`, as the contract names it. */
static const char *
answer_name (const TfReplyText *t, const char *group)
{
  TfAnswer a = g_str_equal (group, "authority") ? t->authority : t->comments;
  return a == TF_ANSWER_NONE ? NULL : tf_answer_state (a);
}

static void
expect_string (const char *got, JsonObject *o, const char *member, const char *where)
{
  const char *want = jsonl_string (o, member);
  cr_expect (g_strcmp0 (got, want) == 0, "%s: %s is \"%s\", expected \"%s\"", where, member,
             got ? got : "(null)", want ? want : "(null)");
}

/* Compares the record with the case's "expect". */
static void
expect_record (const TfReply *reply, JsonObject *want, const char *name)
{
  expect_string (tf_status_name (reply->status), want, "status", name);
  g_autofree char *codes = read_test_problem_codes (reply);
  expect_string (codes, want, "codes", name);
  if (json_object_has_member (want, "form"))
    expect_string (reply->form, want, "form", name);
  if (json_object_has_member (want, "member_state_code"))
    expect_string (reply->member_state_code, want, "member_state_code", name);
  JsonObject *sender = json_object_has_member (want, "sender")
                         ? json_object_get_object_member (want, "sender") : NULL;
  g_autoptr (GList) fields = sender ? json_object_get_members (sender) : NULL;
  for (GList *f = fields; f != NULL; f = f->next)
    expect_string (tf_reply_sender_value (reply, f->data), sender, f->data, name);
  if (json_object_has_member (want, "texts"))
    {
      JsonObject *texts = json_object_get_object_member (want, "texts");
      if (json_object_get_size (texts) == 0)
        cr_expect_eq (reply->texts->len, 0, "%s: texts were read", name);
      for (guint i = 0; i < reply->texts->len; i++)
        {
          const TfReplyText *t = reply->texts->pdata[i];
          if (!json_object_has_member (texts, t->key))
            continue;
          JsonObject *answers = json_object_get_object_member (texts, t->key);
          g_autofree char *where = g_strdup_printf ("%s: %s", name, t->key);
          for (guint g = 0; g < 2; g++)
            {
              const char *group = g == 0 ? "authority" : "comments";
              if (json_object_has_member (answers, group))
                expect_string (answer_name (t, group), answers, group, where);
            }
        }
    }
  JsonArray *problems = json_object_has_member (want, "problems")
                          ? json_object_get_array_member (want, "problems") : NULL;
  for (guint k = 0; problems != NULL && k < json_array_get_length (problems); k++)
    {
      JsonObject *p = json_array_get_object_element (problems, k);
      const char *code = json_object_get_string_member (p, "code");
      const char *field = jsonl_string (p, "field");
      const TfProblem *found = NULL;
      for (guint i = 0; i < reply->problems->len && found == NULL; i++)
        {
          const TfProblem *q = reply->problems->pdata[i];
          if (g_str_equal (tf_problem_code_name (q->code), code)
              && (field == NULL || g_strcmp0 (q->field, field) == 0))
            found = q;
        }
      cr_expect_not_null (found, "%s: no %s problem on %s", name, code, field ? field : "any field");
      if (found == NULL)
        continue;
      if (json_object_has_member (p, "severity"))
        expect_string (tf_severity_name (found->severity), p, "severity", name);
      const char *says = jsonl_string (p, "says"), *says_not = jsonl_string (p, "says_not");
      cr_expect (says == NULL || strstr (found->message, says) != NULL, "%s: \"%s\" lacks \"%s\"",
                 name, found->message, says);
      cr_expect (says_not == NULL || strstr (found->message, says_not) == NULL,
                 "%s: \"%s\" says \"%s\"", name, found->message, says_not);
    }
}

Test (reply, the_cases_of_the_data_file)
{
  g_autofree char *path = tf_test_source_path ("tests/fixtures/reply-check-cases.json");
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_file (parser, path, &error), "%s", error->message);
  JsonArray *cases = json_object_get_array_member (json_node_get_object (
                                                     json_parser_get_root (parser)), "cases");
  cr_assert_gt (json_array_get_length (cases), 20);
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *name = json_object_get_string_member (c, "name");
      g_autoptr (GPtrArray) v = complete_values ();
      JsonObject *set = json_object_has_member (c, "set") ? json_object_get_object_member (c, "set")
                                                           : NULL;
      g_autoptr (GList) names = set ? json_object_get_members (set) : NULL;
      for (GList *n = names; n != NULL; n = n->next)
        set_value (v, n->data, jsonl_string (set, n->data));
      g_autoptr (TfRawReply) raw = raw_of (v);
      edit_raw (raw, c);
      g_autoptr (TfReply) reply = check (raw);
      expect_record (reply, json_object_get_object_member (c, "expect"), name);
    }
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
