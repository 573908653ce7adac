/* Every language version is read, each against its own layout: the record
 * says which (its "language"), forms sent before there were languages read
 * as English, and all of them are the one form the tally counts. */
#include <criterion/criterion.h>

#include "read_support.h"
#include "test_util.h"

#include "tally/tally.h"

#include <string.h>

static ReadTestReader *r;
static char *tmp;

static void
setup (void)
{
  r = read_test_reader_new ();
  tmp = tf_test_tmpdir ();
}

static void
teardown (void)
{
  tf_test_rmtree (tmp);
  g_free (tmp);
  read_test_reader_free (r);
}

TestSuite (reply_languages, .init = setup, .fini = teardown, .timeout = 120);

static const char *const complete[] = {
  "sender.name", "Amina Haddad", "sender.title", "Director",
  "sender.member_state", "Tunisia",
  "text.x1054.authority", "assign", "text.x1054.comments", "none",
  "text.x1148.authority", "withhold",
  "text.x1216.authority", "assign", "text.x1216.comments", "attached",
  "text.x1254.authority", "withhold", "text.x1279.authority", "withhold",
  "text.x1366.authority", "withhold", "text.x1367.authority", "withhold",
  "text.x1403.authority", "withhold", "text.x1606.authority", "withhold",
  "text.x1750.authority", "withhold", "text.x1751.authority", "withhold",
  NULL,
};

static void
assert_answers (const TfReply *reply)
{
  const TfReplyText *x1054 = reply->texts->pdata[0], *x1148 = reply->texts->pdata[1];
  const TfReplyText *x1216 = reply->texts->pdata[2];
  cr_expect_eq (x1054->authority, TF_ANSWER_ASSIGN);
  cr_expect_eq (x1054->comments, TF_ANSWER_NO_COMMENTS);
  cr_expect_eq (x1148->authority, TF_ANSWER_WITHHOLD);
  cr_expect_eq (x1216->comments, TF_ANSWER_COMMENTS_ATTACHED);
}

Test (reply_languages, each_version_reads_against_its_layout)
{
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      g_autoptr (TfRawReply) raw = read_test_raw_new_in (r, l, complete);
      g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "reply.pdf", raw);
      g_autofree char *codes = read_test_problem_codes (reply);
      cr_expect_str_eq (codes, "", "%s: %s", tf_language_code (l), codes);
      cr_expect_eq (reply->status, TF_STATUS_COMPLETE, "%s", tf_language_code (l));
      cr_expect_str_eq (reply->language, tf_language_code (l));
      cr_expect_str_eq (reply->form, "tsb-246-annex2@1");
      assert_answers (reply);
      read_test_assert_schema (r, reply);
    }
}

Test (reply_languages, a_form_without_form_language_is_english)
{
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, complete);
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "old.pdf", raw);
  g_autofree char *codes = read_test_problem_codes (reply);
  cr_expect_str_eq (codes, "");
  cr_expect_str_eq (reply->language, "en");
  assert_answers (reply);
}

/* An Arabic form's boxes are mirrored: a reply that says it is Arabic but
 * has its ticks where the English form has them is not read silently. */
Test (reply_languages, the_language_decides_where_the_boxes_are)
{
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, complete);
  TfRawField *language = (TfRawField *) tf_raw_reply_find_field (raw, "form.language");
  cr_assert_not_null (language);
  g_free (language->value);
  language->value = g_strdup ("ar");
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "relabelled.pdf", raw);
  cr_expect_str_eq (reply->language, "ar");
  cr_expect (read_test_has_problem (reply, TF_PROBLEM_WIDGET_UNVERIFIED)
             || read_test_has_problem (reply, TF_PROBLEM_WIDGET_MISMATCH),
             "no widget problem: %s", read_test_problem_codes (reply));
  /* What is counted is only what its label says. */
  for (guint i = 0; i < reply->texts->len; i++)
    {
      const TfReplyText *t = reply->texts->pdata[i];
      cr_expect (t->authority == TF_ANSWER_NONE
                 || t->authority == (i == 0 || i == 2 ? TF_ANSWER_ASSIGN : TF_ANSWER_WITHHOLD),
                 "%s", t->key);
    }
}

Test (reply_languages, an_unknown_language_reads_as_english_with_a_warning)
{
  const char *values[] = { "form.language", "de", NULL };
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  for (const char *const *v = complete; *v; v++)
    g_ptr_array_add (all, (gpointer) *v);
  for (const char *const *v = values; *v; v++)
    g_ptr_array_add (all, (gpointer) *v);
  g_ptr_array_add (all, NULL);
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, (const char *const *) all->pdata);
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "de.pdf", raw);
  g_autofree char *codes = read_test_problem_codes (reply);
  cr_expect_str_eq (codes, "language-unknown");
  cr_expect_str_eq (reply->language, "en");
  cr_expect_eq (reply->status, TF_STATUS_COMPLETE);
  assert_answers (reply);
  read_test_assert_schema (r, reply);
}

Test (reply_languages, an_invalid_record_has_no_language)
{
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_NOT_PDF, "empty, not a PDF");
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "empty.pdf", raw);
  cr_expect_null (reply->language);
  read_test_assert_schema (r, reply);
}

/* Emitted in each language, filled (pikepdf) with senders in four
 * scripts, read back exactly through the library path. */
Test (reply_languages, every_emitted_version_reads_back)
{
  static const char *const names[] = {
    "عبد الله بن محمد", "张伟", "Ольга Иванова-Петренко", "Zoë Ñúñez-Ødegård",
  };
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      g_autoptr (GError) error = NULL;
      EmitTestForm *f = emit_test_form_new_in (NULL, (TfLanguage) l);
      g_autofree char *blank = emit_test_write (f, "blank.pdf", NULL, NULL);
      const char *name = names[l % G_N_ELEMENTS (names)];
      g_autofree char *spec = g_strdup_printf (
        "{\"values\": {\"sender.name\": \"%s\", \"sender.member_state\": \"Tunisia\","
        " \"sender.address\": \"%s\\n%s\", \"text.x1054.authority\": \"assign\","
        " \"text.x1054.comments\": \"none\", \"text.x1148.authority\": \"withhold\"}}",
        name, names[(l + 1) % 4], names[(l + 2) % 4]);
      g_autofree char *file = g_strdup_printf ("filled-%s.pdf", tf_language_code (l));
      g_autofree char *out = g_build_filename (tmp, file, NULL);
      read_test_fill (blank, spec, out);
      g_autoptr (TfReply) reply = read_test_reply (r, out);
      cr_expect_str_eq (reply->language, tf_language_code (l));
      cr_expect_str_eq (tf_reply_sender_value (reply, "name"), name);
      g_autofree char *address = g_strdup_printf ("%s\n%s", names[(l + 1) % 4], names[(l + 2) % 4]);
      cr_expect_str_eq (tf_reply_sender_value (reply, "address"), address);
      cr_expect_str_eq (reply->member_state_code, "TUN");
      g_autofree char *codes = read_test_problem_codes (reply);
      /* Unanswered texts and a missing title, nothing about widgets. */
      cr_expect_null (strstr (codes, "widget"), "%s: %s", tf_language_code (l), codes);
      const TfReplyText *x1054 = reply->texts->pdata[0], *x1148 = reply->texts->pdata[1];
      cr_expect_eq (x1054->authority, TF_ANSWER_ASSIGN, "%s", tf_language_code (l));
      cr_expect_eq (x1054->comments, TF_ANSWER_NO_COMMENTS, "%s", tf_language_code (l));
      cr_expect_eq (x1148->authority, TF_ANSWER_WITHHOLD, "%s", tf_language_code (l));
      emit_test_form_free (f);
    }
}

/* All language versions are one form: the tally counts them together. */
Test (reply_languages, the_tally_counts_every_language_together)
{
  static const char *const states[] = { "Tunisia", "France", "Spain", "China", "Kazakhstan",
                                        "United Kingdom" };
  static const TfLanguage languages[] = { TF_LANG_AR, TF_LANG_FR, TF_LANG_ES, TF_LANG_ZH,
                                          TF_LANG_RU, TF_LANG_EN };
  g_autoptr (GPtrArray) replies = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free);
  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    {
      const char *values[] = { "sender.name", "A. Person", "sender.member_state", states[i],
                               "text.x1054.authority", "assign", "text.x1054.comments", "none",
                               NULL };
      g_autoptr (TfRawReply) raw = read_test_raw_new_in (r, languages[i], values);
      g_autofree char *file = g_strdup_printf ("%s.pdf", tf_language_code (languages[i]));
      g_ptr_array_add (replies, tf_reader_reply (r->reader, file, raw));
    }
  g_autofree TfTallyInput *inputs = g_new0 (TfTallyInput, replies->len);
  for (guint i = 0; i < replies->len; i++)
    inputs[i].reply = replies->pdata[i];
  TfTallyOptions options = TF_TALLY_OPTIONS_INIT;
  g_autoptr (TfTally) tally = tf_tally_count (r->form, r->states, inputs, replies->len, &options);
  const TfTallyText *x1054 = tally->texts->pdata[0];
  cr_expect_eq (tally->counted->len, 6);
  cr_expect_eq (x1054->assign, 6);
  cr_expect_eq (x1054->replies, 6);
}
