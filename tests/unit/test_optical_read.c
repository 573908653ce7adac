/* Optical reading end to end: a form filled by tapform itself, flattened
 * (pdftocairo and pdftk drop its fields), read back from its rendered
 * pages; and the box rule and the raw optical facts on their own. */
#include "emit_support.h"
#include "test_util.h"

#include "optical/optical_read.h"
#include "read/read_pdf.h"
#include "read/reader.h"
#include "reply/reply_rendered.h"

#include <criterion/criterion.h>

static EmitTestForm *form;
static char *filled;

static void
setup (void)
{
  form = emit_test_form_new (NULL);
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (values, "text.x1054.authority", "assign");
  g_hash_table_insert (values, "text.x1054.comments", "attached");
  g_hash_table_insert (values, "text.x1148.authority", "withhold");
  g_hash_table_insert (values, "text.x1751.authority", "assign");
  g_hash_table_insert (values, "text.x1751.comments", "none");
  g_hash_table_insert (values, "sender.name", "Анна Шевченко");
  filled = emit_test_write (form, "filled.pdf", "France", values);
}

static void
teardown (void)
{
  emit_test_form_free (form);
  g_free (filled);
}

TestSuite (optical_read, .init = setup, .fini = teardown);

/* The record of `path` read as tapform-read reads it, optically where it
 * must be. New. */
static TfReply *
read_reply (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfReader) reader = tf_reader_open (NULL, &error);
  cr_assert_not_null (reader, "%s", error ? error->message : "");
  const TfLayout *layouts[TF_LANG_COUNT];
  for (int l = 0; l < TF_LANG_COUNT; l++)
    layouts[l] = tf_reader_layout_in (reader, (TfLanguage) l);
  g_autoptr (TfOpticalPlan) plan = tf_optical_plan_new (tf_reader_form (reader), layouts);
  g_autoptr (TfLoadedFile) file = tf_read_load (path);
  g_autoptr (TfRawReply) raw = tf_read_loaded_with (file, plan);
  return tf_reader_reply (reader, path, raw);
}

static const TfReplyText *
text_of (const TfReply *reply, const char *key)
{
  for (guint i = 0; i < reply->texts->len; i++)
    if (g_str_equal (((const TfReplyText *) reply->texts->pdata[i])->key, key))
      return reply->texts->pdata[i];
  return NULL;
}

static void
expect_answers_read (const char *tool, const char *path)
{
  g_autoptr (TfReply) reply = read_reply (path);
  cr_assert_eq (reply->source, TF_SOURCE_RENDERED, "%s: not read from its pages", tool);
  cr_assert_eq (reply->texts->len, 11, "%s", tool);
  const TfReplyText *t = text_of (reply, "x1054");
  cr_expect_eq (t->authority, TF_ANSWER_ASSIGN, "%s", tool);
  cr_expect_eq (t->comments, TF_ANSWER_COMMENTS_ATTACHED, "%s", tool);
  cr_expect_eq (text_of (reply, "x1148")->authority, TF_ANSWER_WITHHOLD, "%s", tool);
  cr_expect_eq (text_of (reply, "x1148")->comments, TF_ANSWER_NONE, "%s", tool);
  cr_expect_eq (text_of (reply, "x1751")->authority, TF_ANSWER_ASSIGN, "%s (page 3)", tool);
  cr_expect_eq (text_of (reply, "x1751")->comments, TF_ANSWER_NO_COMMENTS, "%s", tool);
  /* An unanswered text is unanswered, not doubtful. */
  cr_expect_eq (text_of (reply, "x1216")->authority, TF_ANSWER_NONE, "%s", tool);
  for (guint i = 0; i < reply->problems->len; i++)
    {
      const TfProblem *p = reply->problems->pdata[i];
      cr_expect_neq (p->code, TF_PROBLEM_BOX_DOUBTFUL, "%s: %s", tool, p->message);
      cr_expect_neq (p->code, TF_PROBLEM_PAGE_MISSING, "%s: %s", tool, p->message);
    }
  /* The sender block comes from the page's own text. */
  for (guint i = 0; i < reply->sender->len; i++)
    {
      const TfReplySender *s = reply->sender->pdata[i];
      if (g_str_equal (s->field, "name"))
        cr_expect_str_eq (s->value ? s->value : "(null)", "Анна Шевченко", "%s", tool);
      if (g_str_equal (s->field, "member_state"))
        cr_expect_str_eq (s->value ? s->value : "(null)", "France", "%s", tool);
    }
  cr_expect_str_eq (reply->member_state_code ? reply->member_state_code : "(null)", "FRA");
}

Test (optical_read, a_form_flattened_by_pdftocairo_is_read_from_its_pages)
{
  g_autofree char *out = g_build_filename (form->dir, "cairo.pdf", NULL);
  const char *argv[] = { "pdftocairo", "-pdf", filled, out, NULL };
  cr_assert_eq (tf_test_run (argv, NULL, NULL), 0);
  expect_answers_read ("pdftocairo", out);
}

Test (optical_read, a_form_flattened_by_pdftk_is_read_from_its_pages)
{
  g_autofree char *out = g_build_filename (form->dir, "pdftk.pdf", NULL);
  const char *argv[] = { "pdftk", filled, "output", out, "flatten", NULL };
  cr_assert_eq (tf_test_run (argv, NULL, NULL), 0);
  expect_answers_read ("pdftk", out);
}

Test (optical_read, a_form_with_its_fields_is_still_read_from_them)
{
  g_autoptr (TfReply) reply = read_reply (filled);
  cr_expect_eq (reply->source, TF_SOURCE_FIELDS);
  cr_expect_eq (text_of (reply, "x1054")->authority, TF_ANSWER_ASSIGN);
}

Test (optical_read, the_box_rule)
{
  TfRawBox b = { .field = "f", .state = "assign" };
  cr_expect_eq (tf_box_verdict (&b), TF_BOX_EMPTY);
  b.inside = 0.2, b.light = 0.25, b.near = 0.1;
  cr_expect_eq (tf_box_verdict (&b), TF_BOX_TICKED, "a tick overshooting its box");
  b.far = 0.05;
  cr_expect_eq (tf_box_verdict (&b), TF_BOX_OVER, "a stroke through it");
  b = (TfRawBox) { .inside = 0.9, .light = 0.95, .near = 0.05 };
  cr_expect_eq (tf_box_verdict (&b), TF_BOX_TICKED, "a filled box");
  b.near = 0.5;
  cr_expect_eq (tf_box_verdict (&b), TF_BOX_BLACKED, "blacked out past its outline");
  b = (TfRawBox) { .inside = 0.03, .light = 0.1 };
  cr_expect_eq (tf_box_verdict (&b), TF_BOX_FAINT);
  b = (TfRawBox) { .inside = 0.0, .light = 0.08 };
  cr_expect_eq (tf_box_verdict (&b), TF_BOX_FAINT, "a light grey touch");
}

Test (optical_read, raw_optical_facts_survive_the_worker_channel_and_bad_ones_are_refused)
{
  g_autoptr (TfRawOptical) o = tf_raw_optical_new (TF_LANG_FR, 3);
  TfRawPage p = { .page = 1, .fate = TF_PAGE_FORM, .form_page = 2, .quarter_turns = 2,
                  .scale = 0.97, .residual = 0.4, .match = 0.9 };
  tf_raw_optical_add_page (o, &p);
  TfRawBox b = { .field = "text.x1054.authority", .state = "assign", .form_page = 2,
                 .inside = 0.3, .light = 0.35, .near = 0.1, .far = 0 };
  tf_raw_optical_add_box (o, &b);
  g_hash_table_insert (o->texts, g_strdup ("sender.name"), g_strdup ("Jean Dupont"));
  o->has_text_layer = TRUE;
  g_autoptr (GVariant) v = tf_raw_optical_serialize (o);
  g_autoptr (GError) error = NULL;
  g_autoptr (TfRawOptical) back = tf_raw_optical_deserialize (v, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  cr_expect_eq (back->language, TF_LANG_FR);
  cr_expect_eq (((TfRawPage *) back->pages->pdata[0])->quarter_turns, 2);
  cr_expect_float_eq (((TfRawBox *) back->boxes->pdata[0])->inside, 0.3, 1e-12);
  cr_expect_str_eq (g_hash_table_lookup (back->texts, "sender.name"), "Jean Dupont");

  /* A share above 1: not something a worker measures. */
  ((TfRawBox *) o->boxes->pdata[0])->inside = 1.5;
  g_autoptr (GVariant) bad = tf_raw_optical_serialize (o);
  g_autoptr (GError) bad_error = NULL;
  cr_expect_null (tf_raw_optical_deserialize (bad, &bad_error));
  cr_expect_not_null (bad_error);
}
