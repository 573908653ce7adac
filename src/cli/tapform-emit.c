/* tapform-emit — writes the reply form as a fillable PDF: blank, for one
 * Member State, or one per Member State. */
#include "cli.h"

#include "form/form.h"
#include "form/member_state_match.h"
#include "form/member_states.h"
#include "form/state_languages.h"
#include "pdf/emit.h"

#include <errno.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char summary[] =
  "Writes the reply form of an ITU-T Member State consultation (Annex 2 of a\n"
  "TSB circular) as a fillable PDF. With no option it writes the Circular 246\n"
  "form, blank, to annex2-circular-246.pdf in the current folder.";

static const char description[] =
  "Examples:\n"
  "  tapform-emit                                 the blank Circular 246 form\n"
  "  tapform-emit -m \"France\" -o fra.pdf          pre-filled for one Member State\n"
  "  tapform-emit --all-member-states out/        out/AFG.pdf ... out/ZWE.pdf, each in\n"
  "                                               its Member State's language\n"
  "  tapform-emit --language fr -o fr.pdf         the form in French\n"
  "\n"
  "Field names (for scripted fillers): docs/fields.md.\n"
  "\n"
  "Exit status:\n"
  "  0  every form was written\n"
  "  2  usage error, or the form definition or Member State data was refused\n"
  "  3  some form could not be written (each one is named on stderr)\n";

typedef struct {
  char *form_path;
  char *output;
  char *member_state;
  char *language_code;        /* --language, or NULL */
  TfLanguage language;        /* the same, parsed; else the form's default */
  char *all_dir;
  int jobs;
  gboolean quiet;
  gboolean version;
} Options;

/* One form of a --all-member-states run, and how it went. */
typedef struct {
  const TfMemberState *state;
  TfLanguage language;
  char *path;
  GError *error;
} Job;

/* The forms one thread writes: jobs[first] to jobs[end - 1]. */
typedef struct {
  TfEmitter **emitters;       /* per language; NULL where no job needs one */
  Job *jobs;
  guint first, end;
} Share;

/* By language, then by code: a thread's share of the jobs holds few
 * languages, and builds a document for each of them only. */
static int
job_order (const void *a, const void *b)
{
  const Job *x = a, *y = b;
  if (x->language != y->language)
    return x->language < y->language ? -1 : 1;
  return strcmp (x->state->code, y->state->code);
}

/* One document per language is built per thread and saved once per Member
 * State: only the Member State field differs between the forms. */
static void
write_share (gpointer data, gpointer user_data)
{
  Share *share = data;
  TfEmitDocument *documents[TF_LANG_COUNT] = { NULL };
  GError *errors[TF_LANG_COUNT] = { NULL };
  for (guint i = share->first; i < share->end; i++)
    {
      Job *job = &share->jobs[i];
      const TfEmitter *emitter = share->emitters[job->language];
      TfEmitDocument **document = &documents[job->language];
      if (*document == NULL && errors[job->language] == NULL)
        {
          TfEmitOptions options = TF_EMIT_OPTIONS_INIT;
          *document = tf_emit_document_new (emitter, &options, &errors[job->language]);
        }
      if (*document == NULL)
        job->error = g_error_copy (errors[job->language]);
      else if (tf_emit_document_set_member_state (*document, job->state->name))
        tf_emit_document_write (*document, job->path, &job->error);
      else
        {
          /* A name with characters the document's font lacks: a form of its own. */
          TfEmitOptions own = TF_EMIT_OPTIONS_INIT;
          own.member_state = job->state->name;
          tf_emitter_write (emitter, &own, job->path, &job->error);
        }
    }
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      tf_emit_document_free (documents[l]);
      g_clear_error (&errors[l]);
    }
}

/* The layout and emitter of each language some job needs; FALSE (the
 * message printed) when one cannot be laid out. */
static gboolean
make_emitters (const TfForm *form, const Job *jobs, guint n, TfLayout **layouts,
               TfEmitter **emitters)
{
  for (guint i = 0; i < n; i++)
    {
      TfLanguage l = jobs[i].language;
      if (emitters[l] != NULL)
        continue;
      g_autoptr (GError) error = NULL;
      layouts[l] = tf_layout_new_default_in (form, l, &error);
      if (layouts[l] == NULL)
        {
          tf_cli_error ("%s", error->message);
          return FALSE;
        }
      emitters[l] = tf_emitter_new (form, layouts[l]);
    }
  return TRUE;
}

static int
emit_all (const TfForm *form, const Options *o)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfMemberStates) states = tf_member_states_load_default (&error);
  /* Each state's own language, unless --language chose one for all. */
  g_autoptr (TfStateLanguages) languages = states && !o->language_code
    ? tf_state_languages_load_default (&error) : NULL;
  if (states == NULL || (languages == NULL && !o->language_code))
    {
      tf_cli_error ("%s", error->message);
      return TF_EXIT_USAGE;
    }
  if (g_mkdir_with_parents (o->all_dir, 0777) != 0)
    {
      tf_cli_error ("%s: cannot create folder: %s", o->all_dir, g_strerror (errno));
      return TF_EXIT_IO;
    }

  g_autoptr (GPtrArray) members = tf_member_states_on (states, form->date);
  g_autofree Job *jobs = g_new0 (Job, members->len);
  for (guint i = 0; i < members->len; i++)
    {
      const TfMemberState *state = members->pdata[i];
      g_autofree char *file = g_strconcat (state->code, ".pdf", NULL);
      TfLanguage language = languages ? tf_state_languages_get (languages, state->code)
                                      : o->language;
      /* A definition without that language: its default one. */
      if (!tf_form_has_language (form, language))
        language = form->default_language;
      jobs[i] = (Job) { state, language, g_build_filename (o->all_dir, file, NULL), NULL };
    }
  qsort (jobs, members->len, sizeof *jobs, job_order);
  TfLayout *layouts[TF_LANG_COUNT] = { NULL };
  TfEmitter *emitters[TF_LANG_COUNT] = { NULL };
  gboolean ready = make_emitters (form, jobs, members->len, layouts, emitters);
  guint threads = MIN ((guint) o->jobs, MAX (members->len, 1));
  g_autofree Share *shares = g_new0 (Share, threads);
  GThreadPool *pool = ready ? g_thread_pool_new (write_share, NULL, (int) threads, TRUE, NULL)
                            : NULL;
  for (guint t = 0; ready && t < threads; t++)
    {
      shares[t] = (Share) { emitters, jobs, members->len * t / threads,
                            members->len * (t + 1) / threads };
      g_thread_pool_push (pool, &shares[t], NULL);
    }
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      tf_emitter_free (emitters[l]);
      tf_layout_free (layouts[l]);
    }
  if (!ready)
    {
      for (guint i = 0; i < members->len; i++)
        g_free (jobs[i].path);
      return TF_EXIT_USAGE;
    }

  guint failed = 0;
  for (guint i = 0; i < members->len; i++)
    {
      if (jobs[i].error != NULL)
        {
          tf_cli_error ("%s", jobs[i].error->message);
          g_error_free (jobs[i].error);
          failed++;
        }
      g_free (jobs[i].path);
    }
  if (!o->quiet)
    fprintf (stderr, "%s: wrote %u of %u forms (Member States on %s) to %s\n",
             g_get_prgname (), members->len - failed, members->len, form->date,
             o->all_dir);
  return failed ? TF_EXIT_IO : TF_EXIT_OK;
}

/* A name the user gave is pre-filled as given; one that is not a Member
 * State on the consultation's date is worth a warning, not a refusal. */
static void
check_member_state (const TfForm *form, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfMemberStates) states = tf_member_states_load_default (&error);
  if (states == NULL)
    {
      tf_cli_warning ("cannot check the Member State name: %s", error->message);
      return;
    }
  const TfMemberState *suggestion = NULL;
  const TfMemberState *state = tf_member_state_match (states, name, &suggestion);
  if (state == NULL && suggestion != NULL)
    tf_cli_warning ("\"%s\" is not a Member State name tapform knows; did you mean \"%s\"?",
                    name, suggestion->name);
  else if (state == NULL)
    tf_cli_warning ("\"%s\" is not a Member State name tapform knows", name);
  else if (!tf_member_state_is_member_on (state, form->date))
    tf_cli_warning ("%s was not an ITU Member State on %s (the consultation's date)",
                    state->name, form->date);
}

static int
run (const Options *o)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) form = o->form_path ? tf_form_load (o->form_path, &error)
                                         : tf_form_load_default (&error);
  if (form == NULL)
    {
      tf_cli_error ("%s", error->message);
      return TF_EXIT_USAGE;
    }
  TfLanguage language = o->language_code ? o->language : form->default_language;
  if (!tf_form_has_language (form, language))
    {
      tf_cli_error ("%s: the form has no %s wording", form->path, tf_language_name (language));
      return TF_EXIT_USAGE;
    }
  if (o->all_dir != NULL)
    return emit_all (form, o);
  g_autoptr (TfLayout) layout = tf_layout_new_default_in (form, language, &error);
  if (layout == NULL)
    {
      tf_cli_error ("%s", error->message);
      return TF_EXIT_USAGE;
    }
  g_autoptr (TfEmitter) emitter = tf_emitter_new (form, layout);

  TfEmitOptions options = TF_EMIT_OPTIONS_INIT;
  options.member_state = o->member_state;
  if (o->member_state != NULL)
    check_member_state (form, o->member_state);
  g_autofree char *output = o->output
    ? g_strdup (o->output)
    : g_strdup_printf ("annex2-circular-%" G_GINT64_FORMAT ".pdf", form->circular_number);
  if (!tf_emitter_write (emitter, &options, output, &error))
    {
      tf_cli_error ("%s", error->message);
      return TF_EXIT_IO;
    }
  if (!o->quiet && !g_str_equal (output, "-"))
    fprintf (stderr, "%s: wrote %s\n", g_get_prgname (), output);
  return TF_EXIT_OK;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_set_prgname ("tapform-emit");
  Options o = { .jobs = (int) g_get_num_processors () };
  GOptionEntry entries[] = {
    { "form", 'f', 0, G_OPTION_ARG_FILENAME, &o.form_path,
      "Form definition to emit (default: the shipped Circular 246 one)", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Where to write the form (default: annex2-circular-<number>.pdf; - for standard output)", "FILE" },
    /* FILENAME: taken as given, not converted from the locale's charset. */
    { "member-state", 'm', 0, G_OPTION_ARG_FILENAME, &o.member_state,
      "Pre-fill the Member State field with NAME", "NAME" },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &o.language_code,
      "The language of the form: ar, en, es, fr, ru or zh (default: en; with "
      "--all-member-states, default: each Member State's own)", "LANG" },
    { "all-member-states", 'a', 0, G_OPTION_ARG_FILENAME, &o.all_dir,
      "Write one pre-filled form per Member State (at the consultation's date) "
      "to DIR/<ISO 3166 alpha-3>.pdf, in the first ITU language among the state's "
      "official languages (else English)", "DIR" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs,
      "Forms written at once with --all-member-states (default: the number of cores)", "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "Print only errors", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, "Print the version and exit", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, NULL);

  g_auto (GStrv) args = tf_cli_split_jobs (argc, argv);
  g_autoptr (GError) error = NULL;
  int status;
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      tf_cli_error ("%s (try --help)", error->message);
      status = TF_EXIT_USAGE;
    }
  else if (g_strv_length (args) > 1)
    {
      tf_cli_error ("unexpected argument \"%s\" (try --help)", args[1]);
      status = TF_EXIT_USAGE;
    }
  else if (o.version)
    {
      printf ("tapform-emit %s\n", TAPFORM_VERSION);
      status = TF_EXIT_OK;
    }
  else if (o.all_dir && (o.member_state || o.output))
    {
      tf_cli_error ("--all-member-states writes one file per Member State: "
                    "it does not go with --member-state or --output");
      status = TF_EXIT_USAGE;
    }
  else if (o.member_state && !g_utf8_validate (o.member_state, -1, NULL))
    {
      /* A Member State name like "Côte d'Ivoire" is read as UTF-8 whatever
       * the locale says, so that it works in the C locale too. */
      tf_cli_error ("--member-state must be UTF-8 text");
      status = TF_EXIT_USAGE;
    }
  else if (o.jobs < 1)
    {
      tf_cli_error ("--jobs must be 1 or more");
      status = TF_EXIT_USAGE;
    }
  else if (o.language_code && !tf_language_from_code (o.language_code, &o.language))
    {
      tf_cli_error ("--language must be one of %s, not \"%s\"", tf_language_codes (),
                    o.language_code);
      status = TF_EXIT_USAGE;
    }
  else
    status = run (&o);

  g_free (o.form_path);
  g_free (o.output);
  g_free (o.member_state);
  g_free (o.language_code);
  g_free (o.all_dir);
  return status;
}
