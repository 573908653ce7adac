/* The form definition loader: the shipped definition, and definitions with
 * an error, each refused with the file, the line and what is wrong. */
#include <criterion/criterion.h>

#include "common/tf_error.h"
#include "form/fields.h"
#include "form/form.h"
#include "test_util.h"

#include <string.h>

Test (form_load, shipped_definition_has_the_circular)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) form = tf_form_load_default (&error);
  cr_assert_not_null (form, "%s", error ? error->message : "");
  cr_expect_str_eq (form->id_version, "tsb-246-annex2@1");
  cr_expect_eq (form->circular_number, 246);
  cr_expect_eq (form->study_group, 17);
  cr_expect_str_eq (form->date, "2020-04-22");
  cr_expect_float_eq (form->threshold, 0.7, 1e-9);
  cr_expect_eq (g_date_time_get_day_of_month (form->deadline), 13);
  cr_expect_eq (g_date_time_get_month (form->deadline), 8);
  cr_expect_eq (g_date_time_get_hour (form->deadline), 23);

  const char *keys[] = { "x1054", "x1148", "x1216", "x1254", "x1279", "x1366",
                         "x1367", "x1403", "x1606", "x1750", "x1751" };
  cr_assert_eq (form->texts->len, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const TfText *t = form->texts->pdata[i];
      cr_expect_str_eq (t->key, keys[i]);
      cr_expect (g_str_has_prefix (t->designation, "ITU-T X."));
      cr_expect_gt (strlen (t->title), 10);
    }
  const TfText *fdip = tf_form_find_text (form, "x1148");
  cr_assert_not_null (fdip);
  cr_expect_str_eq (fdip->short_name, "X.fdip");
  cr_expect_eq (fdip->status, TF_TEXT_NEW);
  g_autofree char *heading = tf_text_dup_heading (form, fdip);
  cr_expect_str_eq (heading, "Draft new Recommendation ITU-T X.1148 (X.fdip)");
  cr_expect_eq (((TfText *) form->texts->pdata[0])->status, TF_TEXT_REVISED);
  cr_expect_null (((TfText *) form->texts->pdata[0])->short_name);

  cr_expect (tf_form_find_sender (form, "address")->multiline);
  cr_expect_not (tf_form_find_sender (form, "name")->multiline);
}

Test (form_load, field_names_follow_the_contract)
{
  g_autoptr (TfForm) form = tf_form_load_default (NULL);
  cr_assert_not_null (form);
  const TfText *t = tf_form_find_text (form, "x1054");
  g_autofree char *authority = tf_field_group (t, TF_GROUP_AUTHORITY);
  g_autofree char *comments = tf_field_group (t, TF_GROUP_COMMENTS);
  g_autofree char *email = tf_field_sender (tf_form_find_sender (form, "email"));
  cr_expect_str_eq (authority, "text.x1054.authority");
  cr_expect_str_eq (comments, "text.x1054.comments");
  cr_expect_str_eq (email, "sender.email");
  cr_expect_str_eq (tf_answer_state (TF_ANSWER_ASSIGN), "assign");
  cr_expect_str_eq (tf_answer_state (TF_ANSWER_WITHHOLD), "withhold");
  cr_expect_str_eq (tf_answer_state (TF_ANSWER_NO_COMMENTS), "none");
  cr_expect_str_eq (tf_answer_state (TF_ANSWER_COMMENTS_ATTACHED), "attached");
  cr_expect_eq (tf_answer_from_state ("attached"), TF_ANSWER_COMMENTS_ATTACHED);
  cr_expect_eq (tf_answer_from_state ("Off"), TF_ANSWER_NONE);

  /* The four widget tooltips of a text are distinct: the reader tells the
   * widgets apart by them. */
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (TfAnswer a = TF_ANSWER_ASSIGN; a <= TF_ANSWER_COMMENTS_ATTACHED; a++)
    cr_expect (g_hash_table_add (seen, tf_field_widget_tooltip (t, a)));
}

/* One broken definition: the shipped one with `from` replaced by `to`. */
typedef struct {
  const char *name;
  const char *from;
  const char *to;
  const char *expect;     /* in the message, after "FILE: " */
  gboolean has_line;
} Broken;

static const Broken broken[] = {
  { "language-missing", "      \"fr\": \"Objet:\",\n", "", "\"subject_label\" has no wording in \"fr\" (French)", TRUE },
  { "language-unknown", "\"en\": \"ANNEX 2\",", "\"en\": \"ANNEX 2\", \"de\": \"ANLAGE 2\",", "\"annex_heading\" has a wording in \"de\"", TRUE },
  { "languages-without-default", "\"languages\": [\"ar\", \"en\",", "\"languages\": [\"ar\",", "must include the form's \"language\"", TRUE },
  { "languages-twice", "\"languages\": [\"ar\",", "\"languages\": [\"ar\", \"ar\",", "names \"ar\" twice", TRUE },
  { "language-not-itu", "\"language\": \"en\"", "\"language\": \"de\"", "\"language\" must be one of ar, en, es, fr, ru, zh", TRUE },
  { "bad-json", "\"texts\": [", "\"texts\": [,", "line ", TRUE },
  { "missing-key", "{\"key\": \"x1148\", ", "{", "missing member \"key\"", TRUE },
  { "duplicate-key", "\"key\": \"x1216\"", "\"key\": \"x1148\"", "text key \"x1148\" appears twice", TRUE },
  { "key-punctuation", "\"key\": \"x1254\"", "\"key\": \"X.1254\"", "text key \"X.1254\" must be lower-case", TRUE },
  { "bad-status", "\"status\": \"revised\"", "\"status\": \"amended\"", "\"status\" must be \"new\" or \"revised\"", TRUE },
  { "threshold", "\"approval_threshold\": 0.7", "\"approval_threshold\": 70", "approval_threshold", TRUE },
  { "deadline", "\"reply_deadline\": \"2020-08-13T23:59:00Z\"", "\"reply_deadline\": \"13 August 2020\"", "ISO 8601", TRUE },
  { "version-type", "\"version\": 1", "\"version\": \"1\"", "\"version\" must be a whole number", TRUE },
  { "no-texts", "\"texts\": [", "\"texts\": [], \"old_texts\": [", "\"texts\" is empty", TRUE },
  { "missing-email", "{\"field\": \"email\"", "{\"field\": \"e_mail\"", "sender field \"email\" is missing", TRUE },
};

static void
check_broken (const Broken *b)
{
  g_autofree char *shipped = tf_test_source_path ("forms/tsb-246-annex2.json");
  g_autofree char *text = NULL;
  cr_assert (g_file_get_contents (shipped, &text, NULL, NULL));
  cr_assert_not_null (strstr (text, b->from), "%s: the shipped file lacks '%s'", b->name, b->from);
  g_autoptr (GString) changed = g_string_new (text);
  g_string_replace (changed, b->from, b->to, 1);

  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *file = g_strconcat (b->name, ".json", NULL);
  g_autofree char *path = tf_test_write (dir, file, changed->str);
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) form = tf_form_load (path, &error);
  cr_expect_null (form, "%s: a broken definition was accepted", b->name);
  cr_assert_not_null (error);
  cr_expect_eq (error->code, TF_ERROR_DEFINITION, "%s", b->name);
  cr_expect (g_str_has_prefix (error->message, path), "%s: %s", b->name, error->message);
  cr_expect_not_null (strstr (error->message, b->expect), "%s: %s", b->name, error->message);
  if (b->has_line)
    cr_expect_not_null (strstr (error->message, ": line "), "%s: %s", b->name, error->message);
  tf_test_rmtree (dir);
}

Test (form_load, broken_definitions_are_refused_with_file_and_line)
{
  for (gsize i = 0; i < G_N_ELEMENTS (broken); i++)
    check_broken (&broken[i]);
}

Test (form_load, duplicate_key_points_at_the_second_occurrence)
{
  g_autofree char *shipped = tf_test_source_path ("forms/tsb-246-annex2.json");
  g_autofree char *text = NULL;
  g_file_get_contents (shipped, &text, NULL, NULL);
  /* the line of x1216 in the shipped file */
  guint line = 1;
  for (const char *p = text; p < strstr (text, "\"key\": \"x1216\""); p++)
    line += *p == '\n';
  g_autoptr (GString) changed = g_string_new (text);
  g_string_replace (changed, "\"key\": \"x1216\"", "\"key\": \"x1148\"", 1);
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *path = tf_test_write (dir, "dup.json", changed->str);
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) form = tf_form_load (path, &error);
  cr_assert_null (form);
  g_autofree char *want = g_strdup_printf ("%s: line %u: ", path, line);
  cr_expect (g_str_has_prefix (error->message, want), "want '%s', got '%s'", want, error->message);
  tf_test_rmtree (dir);
}

Test (form_load, unreadable_file_is_an_io_error)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) form = tf_form_load ("/nonexistent/form.json", &error);
  cr_assert_null (form);
  cr_expect_eq (error->code, TF_ERROR_IO);
  cr_expect (g_str_has_prefix (error->message, "/nonexistent/form.json: "), "%s", error->message);
}

Test (form_load, the_shipped_definition_speaks_the_six_languages)
{
  g_autoptr (TfForm) form = tf_form_load_default (NULL);
  cr_assert_not_null (form);
  cr_expect_eq (form->default_language, TF_LANG_EN);
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      const TfWording *w = tf_form_wording (form, l);
      cr_assert_not_null (w, "no %s wording", tf_language_code (l));
      cr_expect_eq (w->language, (TfLanguage) l);
      cr_expect_not_null (w->title);
      cr_expect_not_null (w->page.subject);
      cr_expect_not_null (w->choices.attached);
      cr_expect_eq (w->page.to_contact->len, 2);
      for (guint i = 0; i < form->texts->len; i++)
        cr_expect_not_null (((TfText *) form->texts->pdata[i])->titles[l]);
      for (guint i = 0; i < form->sender->len; i++)
        cr_expect_not_null (((TfSenderField *) form->sender->pdata[i])->labels[l]);
    }
  /* The default language's wording is also where it always was. */
  cr_expect_str_eq (form->page.subject, tf_form_wording (form, TF_LANG_EN)->page.subject);
  cr_expect_str_eq (form->title, "Member State response to TSB Circular 246");

  const TfText *fdip = tf_form_find_text (form, "x1148");
  const TfText *x1054 = tf_form_find_text (form, "x1054");
  struct { TfLanguage l; const TfText *t; const char *heading; } cases[] = {
    { TF_LANG_FR, fdip, "Projet de nouvelle Recommandation UIT-T X.1148 (X.fdip)" },
    { TF_LANG_FR, x1054, "Projet de Recommandation UIT-T X.1054 révisée" },
    { TF_LANG_ES, x1054, "Proyecto de Recomendación UIT-T X.1054 revisada" },
    { TF_LANG_RU, fdip, "Проект новой Рекомендации МСЭ-Т X.1148 (X.fdip)" },
    { TF_LANG_ZH, x1054, "经修订的ITU-T X.1054建议书草案" },
    { TF_LANG_AR, fdip, "مشروع توصية جديدة ITU-T X.1148 (X.fdip)" },
    { TF_LANG_EN, fdip, "Draft new Recommendation ITU-T X.1148 (X.fdip)" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *h = tf_text_dup_heading_in (form, tf_form_wording (form, cases[i].l),
                                                   cases[i].t);
      cr_expect_str_eq (h, cases[i].heading);
    }
  /* The record's designation stays the definition's. */
  cr_expect_str_eq (fdip->designation, "ITU-T X.1148");
}

/* A definition written before the languages (plain strings, no
 * "languages", status labels without {designation}) still loads: an
 * English-only form, worded as before. */
Test (form_load, a_definition_without_languages_is_english_only)
{
  g_autofree char *path = tf_test_source_path ("tests/fixtures/definition-before-languages.json");
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) old = tf_form_load (path, &error);
  cr_assert_not_null (old, "%s", error ? error->message : "");
  g_autoptr (TfForm) now = tf_form_load_default (NULL);
  cr_assert_not_null (now);
  cr_expect_eq (old->default_language, TF_LANG_EN);
  for (int l = 0; l < TF_LANG_COUNT; l++)
    cr_expect ((tf_form_wording (old, l) != NULL) == (l == TF_LANG_EN));
  for (guint i = 0; i < now->texts->len; i++)
    {
      const TfText *a = old->texts->pdata[i], *b = now->texts->pdata[i];
      g_autofree char *ha = tf_text_dup_heading (old, a);
      g_autofree char *hb = tf_text_dup_heading (now, b);
      cr_expect_str_eq (ha, hb);
      cr_expect_str_eq (a->title, b->title);
    }
  cr_expect_str_eq (old->page.introduction, now->page.introduction);
  cr_expect_str_eq (old->choices.assign, now->choices.assign);
}
