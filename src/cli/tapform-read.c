/* tapform-read — reads returned reply forms (PDF) into reply records.
 *
 *   options → Settings (every one checked before any file is read)
 *   → tf_reader_open() → the register, with --register → tf_inputs_list()
 *   → tf_read_run() (records registered and written as they come)
 *   → tf_count_run(): the tally, chase list, chart, review, workbook, of
 *     the replies read or of the register
 */
#include "cli.h"

#include "common/tf_error.h"
#include "common/tf_output.h"
#include "common/tf_size.h"
#include "report/chart.h"
#include "run/count_run.h"
#include "run/read_run.h"
#include "run/register_run.h"

#include <stdio.h>
#include <unistd.h>

static const char summary[] =
  "Reads returned reply forms (PDF) of an ITU-T Member State consultation and\n"
  "prints one reply record per input file: the sender, the answer for each\n"
  "text, the problems found, and a status (complete, incomplete, invalid).\n"
  "A FOLDER is searched recursively for *.pdf files (any case), read in the\n"
  "byte order of their paths.";

static const char description[] =
  "Output formats (--format):\n"
  "  jsonl  one JSON record per line (the default)\n"
  "  json   one JSON array of records\n"
  "  csv    one row per reply, fixed columns; values starting with = + - @,\n"
  "         tab or CR get a leading ' so that a spreadsheet never runs them\n"
  "The record, the CSV columns and the problem codes: docs/reply-record.md.\n"
  "\n"
  "Counting (--tally, --chart, --review): per text, the replies counted, assign,\n"
  "withhold, unanswered, and the support against the form's threshold (70 %\n"
  "for Circular 246). Only Member States count, one reply each (the latest:\n"
  "PDF modification date, then file time, then order given); invalid replies\n"
  "and unrecognized Member States are listed as not counted; replies dated\n"
  "after the deadline are listed as late and not counted without --count-late.\n"
  "With --tally the tally is printed instead of the records.\n"
  "\n"
  "The chase list (--chase): every Member State on the consultation's date whose\n"
  "reply is not counted as complete (no reply, incomplete, late), with the sender\n"
  "of its reply and the date received; then the replies that count for no state.\n"
  "--xlsx writes a workbook: sheets Tally, Replies, Problems and Chase.\n"
  "\n"
  "The register (--register FILE.sqlite, made when missing): every reply read is\n"
  "kept in it, once (by its SHA-256: a file already there adds nothing, and its\n"
  "record says when it was registered); --tally, --chase, --chart, --review and\n"
  "--xlsx then count everything registered, and need no input. docs/register.md.\n"
  "\n"
  "Examples:\n"
  "  tapform-read replies/                  JSON Lines on standard output\n"
  "  tapform-read --format csv --csv-bom -o replies.csv replies/\n"
  "  tapform-read --tally --chart support.png --review review.pdf replies/\n"
  "  tapform-read --register c246.sqlite inbox/\n"
  "  tapform-read --register c246.sqlite --tally --chase --xlsx c246.xlsx\n"
  "\n"
  "Isolation and speed: each file is read by a worker process (-j of them at\n"
  "once, by default one per core); this process checks and writes the records,\n"
  "in the order of the files whatever -j is. A file that crashes the PDF reader,\n"
  "takes longer than --timeout or needs more than --max-memory gets an invalid\n"
  "record (problem crashed, timed-out or out-of-memory), its worker is replaced\n"
  "and the run goes on.\n"
  "\n"
  "Progress: when standard error is a terminal (and without --quiet), a progress\n"
  "bar (files done/total, rate, time left) shows once the run has taken half a\n"
  "second, and a summary line (files read, complete, incomplete, invalid) ends\n"
  "the run. Neither is ever written when standard error is not a terminal.\n"
  "\n"
  "Messages on standard error have one shape:\n"
  "  tapform-read: FILE: what went wrong\n"
  "\n"
  "Exit status:\n"
  "  0  every reply is complete\n"
  "  1  some reply is incomplete or invalid (its record says why)\n"
  "  2  usage error, or the form definition, the Member State data or the register\n"
  "     was refused (not a register, another form's, a newer tapform's)\n"
  "  3  an input file or folder could not be read (it still gets a record), or\n"
  "     the records, the register, the tally, the chase list, the chart, the\n"
  "     review or the workbook could not be written\n";

/* The command line as GOption parses it: strings, checked into Settings. */
typedef struct {
  char *form_path, *output, *format, *tally_format, *chart, *review, *max_memory;
  char *register_path, *chase_format, *xlsx;
  gboolean csv_bom, version, tally, chase, count_late, quiet;
  int jobs;
  double timeout;
} Options;

/* What the run does, every value checked. */
typedef struct {
  TfReaderOptions reader;
  TfRecordWriterOptions records;
  TfBatchOptions batch;
  const char *output;       /* NULL: standard output */
  const char *register_path;/* or NULL */
  TfCountRunOptions count;  /* the tally or chase list instead of the records */
  gboolean quiet;
} Settings;

static gboolean
settle (const Options *o, Settings *s)
{
  *s = (Settings) { TF_READER_OPTIONS_INIT, TF_RECORD_WRITER_OPTIONS_INIT,
                    TF_BATCH_OPTIONS_INIT, o->output, o->register_path,
                    TF_COUNT_RUN_OPTIONS_INIT, o->quiet };
  s->reader.form_path = o->form_path;
  s->records.csv_bom = o->csv_bom;
  TfCountRunOptions *c = &s->count;
  c->counting.count_late = o->count_late;
  c->tally = o->tally;
  c->chase = o->chase;
  c->chart = o->chart;
  c->review = o->review;
  c->xlsx = o->xlsx;
  g_autoptr (GError) error = NULL;
  if (o->format != NULL && !tf_record_format_from_name (o->format, &s->records.format))
    tf_cli_error ("unknown format \"%s\": use jsonl, json or csv (try --help)", o->format);
  else if (o->tally_format != NULL && !tf_tally_format_from_name (o->tally_format,
                                                                  &c->tally_format))
    tf_cli_error ("unknown tally format \"%s\": use text, csv or json (try --help)",
                  o->tally_format);
  else if (o->chase_format != NULL && !tf_chase_format_from_name (o->chase_format,
                                                                  &c->chase_format))
    tf_cli_error ("unknown chase format \"%s\": use text, csv or json (try --help)",
                  o->chase_format);
  else if (o->jobs < 0)
    tf_cli_error ("-j must be a number of processes, 1 or more (0: one per core)");
  else if (!(o->timeout >= 0) || o->timeout > 1e6)
    tf_cli_error ("--timeout must be a number of seconds, 0 for no limit (try --help)");
  else if (o->max_memory != NULL && !tf_size_parse (o->max_memory, &s->batch.max_memory))
    tf_cli_error ("--max-memory \"%s\" is not a size: use e.g. 512M or 2G, 0 for no "
                  "limit (try --help)", o->max_memory);
  else if (o->chart != NULL && !tf_chart_format_from_path (o->chart, &(TfChartFormat) { 0 },
                                                           &error))
    tf_cli_error ("%s (try --help)", error->message);
  else
    {
      s->batch.jobs = (guint) o->jobs;
      s->batch.timeout = o->timeout;
      if (o->tally_format != NULL && !o->tally)
        tf_cli_warning ("--tally-format applies to --tally only: ignored");
      if (o->chase_format != NULL && !o->chase)
        tf_cli_warning ("--chase-format applies to --chase only: ignored");
      if (o->csv_bom && s->records.format != TF_FORMAT_CSV)
        tf_cli_warning ("--csv-bom applies to --format csv only: ignored");
      return TRUE;
    }
  return FALSE;
}

static void
tell (const char *message, gpointer user_data)
{
  tf_cli_error ("%s", message);
}

/* Told of a reply not registered: a warning, the progress line erased. */
static void
warn (const char *message, gpointer user_data)
{
  tf_progress_display_erase (user_data);
  tf_cli_warning ("%s", message);
}

static int
run (const Settings *s, const char *const *args)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfReader) reader = tf_reader_open (&s->reader, &error);
  if (reader == NULL)
    {
      tf_cli_error ("%s", error->message);
      return TF_EXIT_USAGE;
    }
  /* Made when missing, unless there is nothing to put in it. */
  TfRegisterOptions register_options = TF_REGISTER_OPTIONS_INIT;
  register_options.create = args[0] != NULL;
  g_autoptr (TfRegister) reg = s->register_path
    ? tf_register_open (s->register_path, tf_reader_form (reader), &register_options, &error)
    : NULL;
  if (s->register_path != NULL && reg == NULL)
    {
      tf_cli_error ("%s", error->message);
      return error->code == TF_ERROR_IO ? TF_EXIT_IO : TF_EXIT_USAGE;
    }
  g_autoptr (TfInputs) inputs = tf_inputs_list (args);
  for (guint i = 0; i < inputs->empty_folders->len; i++)
    tf_cli_warning ("%s: no PDF file in this folder", (char *) inputs->empty_folders->pdata[i]);
  TfOutput *output = tf_output_open (s->output, &error);
  if (output == NULL)
    {
      tf_cli_error ("%s", error->message);
      return TF_EXIT_IO;
    }
  FILE *out = tf_output_stream (output);
  /* With --tally or --chase they take the records' place. */
  g_autoptr (TfRecordWriter) writer = s->count.tally || s->count.chase ? NULL
    : tf_record_writer_new (out, tf_reader_form (reader), &s->records);
  gboolean on_terminal = !s->quiet && isatty (STDERR_FILENO);
  g_autoptr (TfProgressDisplay) progress = tf_progress_display_new (on_terminal,
                                                                    inputs->items->len);
  TfReadRunOptions o = TF_READ_RUN_OPTIONS_INIT;
  o.batch = s->batch;
  o.writer = writer;
  o.writer_on_terminal = tf_output_is_stdout (output) && isatty (STDOUT_FILENO);
  /* A register counts what it holds: the run keeps nothing. */
  o.keep = tf_count_run_wanted (&s->count) && reg == NULL;
  o.progress = progress;
  o.notice = tell;
  TfRegisterRun registering = TF_REGISTER_RUN_INIT (reg);
  registering.notice = warn;
  registering.notice_data = progress;
  o.take = reg ? tf_register_run_take : NULL;
  o.take_data = &registering;
  TfReadRunResult result;
  gboolean ok = tf_read_run (reader, inputs, &o, &result, &error)
                && (writer == NULL || tf_record_writer_finish (writer, &error));
  if (!ok && registering.failed)
    tf_cli_error ("%s", error->message);
  else if (!ok)
    tf_cli_error ("%s: %s", tf_output_name (output), error->message);
  g_clear_error (&error);
  TfRegisterContents registered = { NULL, NULL };
  if (ok && tf_count_run_wanted (&s->count) && reg != NULL
      && !tf_register_load (reg, &registered, &error))
    {
      tf_cli_error ("%s", error->message);
      ok = FALSE;
    }
  if (ok && tf_count_run_wanted (&s->count))
    ok = tf_count_run (reader, reg ? registered.replies : result.kept, registered.registered,
                       &s->count, output, tell, NULL);
  tf_register_contents_clear (&registered);
  if (ok && !tf_output_commit (output, &error))
    {
      tf_cli_error ("%s", error->message);
      ok = FALSE;
    }
  else if (!ok)
    tf_output_abort (output);
  tf_progress_display_finish (progress, result.complete, result.incomplete, result.invalid);
  if (reg != NULL && on_terminal)
    fprintf (stderr, "%s: %u registered, %u already there, %u not registered\n",
             s->register_path, registering.added, registering.known, registering.skipped);
  gboolean problems = result.incomplete + result.invalid > 0;
  tf_read_run_result_clear (&result);
  if (!ok || result.input_failed)
    return TF_EXIT_IO;
  return problems ? TF_EXIT_PROBLEMS : TF_EXIT_OK;
}

int
main (int argc, char **argv)
{
  g_set_prgname ("tapform-read");
  Options o = { .timeout = TF_BATCH_TIMEOUT };
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &o.format,
      "Output format: jsonl (default), json or csv", "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      "Write the records to FILE (replaced once all are written) instead of "
      "standard output", "FILE" },
    { "form", 'f', 0, G_OPTION_ARG_FILENAME, &o.form_path,
      "Form definition the replies answer (default: the shipped Circular 246 one)",
      "FILE" },
    { "csv-bom", 0, 0, G_OPTION_ARG_NONE, &o.csv_bom,
      "Start CSV output with a UTF-8 byte order mark (for Excel)", NULL },
    { "tally", 0, 0, G_OPTION_ARG_NONE, &o.tally,
      "Print the tally per text (support against the threshold) instead of the records", NULL },
    { "tally-format", 0, 0, G_OPTION_ARG_STRING, &o.tally_format,
      "Tally format: text (default), csv or json", "FORMAT" },
    { "register", 0, 0, G_OPTION_ARG_FILENAME, &o.register_path,
      "Keep every reply read in the register FILE (SQLite, made when missing); count "
      "what it holds", "FILE" },
    { "chase", 0, 0, G_OPTION_ARG_NONE, &o.chase,
      "Print the Member States whose reply is not counted as complete (after the "
      "tally, if asked) instead of the records", NULL },
    { "chase-format", 0, 0, G_OPTION_ARG_STRING, &o.chase_format,
      "Chase list format: text (default), csv or json", "FORMAT" },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &o.xlsx,
      "Write a workbook (Tally, Replies, Problems, Chase) to FILE", "FILE" },
    { "count-late", 0, 0, G_OPTION_ARG_NONE, &o.count_late,
      "Count replies dated after the reply deadline (they are listed as late either way)", NULL },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &o.chart,
      "Draw the support per text as a bar chart to FILE (.svg, .png or .pdf)", "FILE" },
    { "review", 0, 0, G_OPTION_ARG_FILENAME, &o.review,
      "Write a review report (PDF): the tally, then every incomplete or invalid "
      "reply with its problems and its pages, problem fields outlined", "FILE" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs,
      "Read N files at once, each in its own worker process (default: one per core)", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_DOUBLE, &o.timeout,
      "Stop reading a file after SECONDS (default 30; 0: no limit); its record says "
      "timed-out", "SECONDS" },
    { "max-memory", 0, 0, G_OPTION_ARG_STRING, &o.max_memory,
      "Stop reading a file when its worker needs more than SIZE of memory (default 1G; "
      "K, M, G suffixes; 0: no limit); its record says out-of-memory", "SIZE" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet,
      "No progress bar and no summary line on a terminal", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, "Print the version and exit", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("FILE|FOLDER...");
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, NULL);

  g_autoptr (GError) error = NULL;
  int status = TF_EXIT_USAGE;
  Settings settings;
  g_auto (GStrv) args = tf_cli_split_jobs (argc, argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    tf_cli_error ("%s (try --help)", error->message);
  else if (o.version)
    {
      printf ("tapform-read %s\n", TAPFORM_VERSION);
      status = TF_EXIT_OK;
    }
  else if (g_strv_length (args) < 2 && o.register_path == NULL)
    tf_cli_error ("no file or folder to read (try --help)");
  else if (g_strv_length (args) < 2 && !(o.tally || o.chase || o.chart || o.review || o.xlsx))
    tf_cli_error ("no file or folder to read, and nothing asked of the register: "
                  "--tally, --chase, --chart, --review or --xlsx (try --help)");
  else if (settle (&o, &settings))
    status = run (&settings, (const char *const *) args + 1);

  g_free (o.form_path);
  g_free (o.output);
  g_free (o.format);
  g_free (o.tally_format);
  g_free (o.chart);
  g_free (o.review);
  g_free (o.max_memory);
  g_free (o.register_path);
  g_free (o.chase_format);
  g_free (o.xlsx);
  return status;
}
