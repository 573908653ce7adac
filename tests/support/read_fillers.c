/* read_fillers.c — see read_fillers.h. */
#include "read_fillers.h"

#include "read_support.h"
#include "test_util.h"

#include "form/member_state_match.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

#define FILLERS TAPFORM_SOURCE_DIR "/tests/fillers"
#define PYTHON "/usr/bin/python3"

typedef struct {
  const char *tool;
  const char *blank;
  const char *language;   /* the blank's: "en"... */
  char *scenario;     /* path of the scenario */
  char *name;         /* its name, "mixed" */
  char *out;          /* the filled PDF */
  char *truth;        /* effective.py's JSON */
  char *error;        /* what went wrong filling, or NULL */
} Job;

static void
job_free (Job *job)
{
  g_free (job->scenario);
  g_free (job->name);
  g_free (job->out);
  g_free (job->truth);
  g_free (job->error);
  g_free (job);
}

static gboolean
run (const char *const *argv, char **out, char **err)
{
  int status = 0;
  g_autoptr (GError) error = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                     &error))
    {
      if (err != NULL)
        *err = g_strdup (error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}

static void
fill_job (gpointer data, gpointer user_data)
{
  Job *job = data;
  const char *fill[] = { FILLERS "/fill", job->tool, job->blank, job->scenario, job->out, NULL };
  g_autofree char *err = NULL;
  if (!run (fill, NULL, &err))
    {
      job->error = g_strdup_printf ("fill %s %s: %s", job->tool, job->name, err ? err : "");
      return;
    }
  const char *effective[] = { PYTHON, FILLERS "/effective.py", "--language", job->language,
                              job->scenario, job->tool, NULL };
  g_clear_pointer (&err, g_free);
  if (!run (effective, &job->truth, &err))
    job->error = g_strdup_printf ("effective.py %s %s: %s", job->name, job->tool, err ? err : "");
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The scenarios, sorted by name. */
static GPtrArray *
scenarios (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) dir = g_dir_open (FILLERS "/scenarios", 0, NULL);
  cr_assert_not_null (dir, "tests/fillers/scenarios");
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (list, g_build_filename (FILLERS "/scenarios", name, NULL));
  g_ptr_array_sort (list, compare_strings);
  return list;
}

static const char *
truth_text (JsonObject *fields, const char *name)
{
  cr_assert (json_object_has_member (fields, name), "the truth names %s", name);
  return json_object_get_string_member (fields, name);
}

static TfAnswer
truth_answer (JsonObject *fields, const char *name)
{
  cr_assert (json_object_has_member (fields, name), "the truth names %s", name);
  if (json_object_get_null_member (fields, name))
    return TF_ANSWER_NONE;
  return tf_answer_from_state (json_object_get_string_member (fields, name));
}

static void
add_code (GPtrArray *codes, TfProblemCode code)
{
  g_ptr_array_add (codes, (gpointer) tf_problem_code_name (code));
}

/* The record must say exactly what the truth says; its problems and
 * status are derived from the truth here, independently of the checker. */
static void
compare (const ReadTestReader *r, const TfReply *reply, JsonObject *fields,
         const char *what)
{
  cr_assert_neq (reply->status, TF_STATUS_INVALID, "%s: invalid: %s", what,
                 ((TfProblem *) reply->problems->pdata[0])->message);
  cr_assert_str_eq (reply->form, truth_text (fields, "form.id"), "%s: form", what);
  cr_assert_str_eq (reply->language, truth_text (fields, "form.language"), "%s: language", what);
  cr_assert_eq (reply->source, TF_SOURCE_FIELDS);

  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  gboolean complete = TRUE;
  for (guint i = 0; i < r->form->sender->len; i++)
    {
      const TfSenderField *f = r->form->sender->pdata[i];
      g_autofree char *name = tf_field_sender (f);
      g_autofree char *expected = tf_reply_normalize_text (truth_text (fields, name));
      const char *got = tf_reply_sender_value (reply, f->field);
      cr_assert_str_eq (got ? got : "(null)", expected ? expected : "(null)", "%s: %s", what,
                        name);
      if (g_str_equal (f->field, "name") && expected == NULL)
        add_code (codes, TF_PROBLEM_NAME_MISSING), complete = FALSE;
      if (g_str_equal (f->field, "title") && expected == NULL)
        add_code (codes, TF_PROBLEM_TITLE_MISSING);
      if (g_str_equal (f->field, "email") && expected != NULL
          && !tf_reply_email_is_valid (expected))
        add_code (codes, TF_PROBLEM_EMAIL_INVALID);
      if (g_str_equal (f->field, "member_state"))
        {
          const TfMemberState *state = expected ? tf_member_state_match (r->states, expected, NULL)
                                                : NULL;
          if (expected == NULL)
            add_code (codes, TF_PROBLEM_MEMBER_STATE_MISSING), complete = FALSE;
          else if (state == NULL)
            add_code (codes, TF_PROBLEM_MEMBER_STATE_UNKNOWN);
          else if (!tf_member_state_is_member_on (state, r->form->date))
            add_code (codes, TF_PROBLEM_MEMBER_STATE_NOT_MEMBER);
          const char *code = reply->member_state_code;
          cr_assert_str_eq (code ? code : "(null)", state ? state->code : "(null)",
                            "%s: member_state_code", what);
        }
    }

  cr_assert_eq (reply->texts->len, r->form->texts->len);
  for (guint i = 0; i < r->form->texts->len; i++)
    {
      const TfText *text = r->form->texts->pdata[i];
      const TfReplyText *t = reply->texts->pdata[i];
      g_autofree char *a = tf_field_group (text, TF_GROUP_AUTHORITY);
      g_autofree char *c = tf_field_group (text, TF_GROUP_COMMENTS);
      TfAnswer authority = truth_answer (fields, a), comments = truth_answer (fields, c);
      cr_assert_str_eq (t->key, text->key);
      cr_assert_eq (t->authority, authority, "%s: %s is %s, the truth %s", what, a,
                    tf_answer_state (t->authority), tf_answer_state (authority));
      cr_assert_eq (t->comments, comments, "%s: %s is %s, the truth %s", what, c,
                    tf_answer_state (t->comments), tf_answer_state (comments));
      if (authority == TF_ANSWER_NONE)
        add_code (codes, TF_PROBLEM_AUTHORITY_MISSING), complete = FALSE;
      else if (authority == TF_ANSWER_ASSIGN && comments == TF_ANSWER_NONE)
        add_code (codes, TF_PROBLEM_COMMENTS_MISSING), complete = FALSE;
      else if (authority == TF_ANSWER_WITHHOLD && comments != TF_ANSWER_NONE)
        add_code (codes, TF_PROBLEM_COMMENTS_WITHOUT_AUTHORITY);
    }

  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);
  g_autofree char *expected_codes = g_strjoinv (" ", (char **) codes->pdata);
  g_autofree char *got_codes = read_test_problem_codes (reply);
  cr_assert_str_eq (got_codes, expected_codes, "%s: problems \"%s\", expected \"%s\"", what,
                    got_codes, expected_codes);
  cr_assert_eq (reply->status, complete ? TF_STATUS_COMPLETE : TF_STATUS_INCOMPLETE,
                "%s: status %s", what, tf_status_name (reply->status));
}

/* Fills `blank` (in `language`) with `tool` for each scenario of `list`,
 * reads each result and compares it with the truth. */
static void
check_scenarios (const ReadTestReader *r, const char *tool, const char *blank,
                 const char *language, GPtrArray *list, const char *tmp)
{
  g_autoptr (GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  GThreadPool *pool = g_thread_pool_new (fill_job, NULL, 2, TRUE, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      Job *job = g_new0 (Job, 1);
      job->tool = tool;
      job->blank = blank;
      job->language = language;
      job->scenario = g_strdup (list->pdata[i]);
      g_autofree char *base = g_path_get_basename (job->scenario);
      job->name = g_strndup (base, strlen (base) - strlen (".json"));
      g_autofree char *file = g_strdup_printf ("%s-%s-%s.pdf", tool, language, job->name);
      job->out = g_build_filename (tmp, file, NULL);
      g_ptr_array_add (jobs, job);
      g_thread_pool_push (pool, job, NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = jobs->pdata[i];
      cr_assert_null (job->error, "%s", job->error);
      g_autoptr (JsonParser) parser = json_parser_new ();
      cr_assert (json_parser_load_from_data (parser, job->truth, -1, NULL), "%s", job->truth);
      JsonObject *fields = json_object_get_object_member (
        json_node_get_object (json_parser_get_root (parser)), "fields");
      g_autoptr (TfReply) reply = read_test_reply (r, job->out);
      read_test_assert_schema (r, reply);
      g_autofree char *what = g_strdup_printf ("%s, %s form, %s", tool, language, job->name);
      compare (r, reply, fields, what);
    }
}

static void
need_tool (const char *tool)
{
  const char *available[] = { FILLERS "/fill", "--available", tool, NULL };
  g_autofree char *why = NULL;
  if (!run (available, NULL, &why))
    cr_skip_test ("%s is not available here: %s", tool, why ? why : "");
}

void
read_fillers_check_tool (const char *tool)
{
  need_tool (tool);
  /* Left behind when an assertion fails, to look at. */
  ReadTestReader *r = read_test_reader_new ();
  g_autofree char *tmp = tf_test_tmpdir ();

  g_autofree char *blank = read_test_emit (r, tmp, "blank.pdf", NULL);
  g_autoptr (GPtrArray) list = scenarios ();
  cr_assert_geq (list->len, 12, "at least 12 scenarios");
  check_scenarios (r, tool, blank, "en", list, tmp);
  tf_test_rmtree (tmp);
  read_test_reader_free (r);
}

void
read_fillers_check_tool_languages (const char *tool)
{
  need_tool (tool);
  ReadTestReader *r = read_test_reader_new ();
  g_autofree char *tmp = tf_test_tmpdir ();
  static const char *const names[] = { "sender-arabic", "sender-chinese", "sender-cyrillic",
                                       "sender-french", "mixed" };
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (list, g_strdup_printf (FILLERS "/scenarios/%s.json", names[i]));
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      if (l == TF_LANG_EN)
        continue;   /* read_fillers_check_tool() reads it with every scenario */
      EmitTestForm *f = emit_test_form_new_in (NULL, (TfLanguage) l);
      g_autofree char *name = g_strdup_printf ("blank-%s.pdf", tf_language_code (l));
      g_autofree char *blank = g_build_filename (tmp, name, NULL);
      emit_test_write_path (f, blank, NULL, NULL);
      emit_test_form_free (f);
      check_scenarios (r, tool, blank, tf_language_code (l), list, tmp);
    }
  tf_test_rmtree (tmp);
  read_test_reader_free (r);
}
