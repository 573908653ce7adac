/* tapform-read — reads returned reply forms (PDF) into reply records. */
#include "common/cli.h"

#include "batch/batch.h"
#include "batch/progress.h"
#include "common/tf_data.h"
#include "common/tf_error.h"
#include "common/tf_output.h"
#include "form/form.h"
#include "form/member_states.h"
#include "out/record_writer.h"
#include "read/read_pdf.h"
#include "read/reader.h"
#include "reply/reply.h"
#include "report/chart.h"
#include "report/review.h"
#include "tally/tally.h"
#include "tally/tally_format.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
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
  "The record, the CSV columns and the problem codes are described in the README.\n"
  "\n"
  "Counting (--tally, --chart, --review): per text, the replies counted, assign,\n"
  "withhold, unanswered, and the support against the form's threshold (70 %\n"
  "for Circular 246). Only Member States count, one reply each (the latest:\n"
  "PDF modification date, then file time, then order given); invalid replies\n"
  "and unrecognized Member States are listed as not counted; replies dated\n"
  "after the deadline are listed as late and not counted without --count-late.\n"
  "With --tally the tally is printed instead of the records.\n"
  "\n"
  "Examples:\n"
  "  tapform-read replies/                  JSON Lines on standard output\n"
  "  tapform-read --format csv --csv-bom -o replies.csv replies/\n"
  "  tapform-read --tally --chart support.png --review review.pdf replies/\n"
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
  "  2  usage error; the form definition or Member State data was refused;\n"
  "     an input file or folder could not be read (it still gets a record);\n"
  "     or the records could not be written\n";

typedef struct {
  char *form_path;
  char *output;
  char *format;
  gboolean csv_bom;
  gboolean version;
  gboolean tally;
  char *tally_format;
  char *chart;
  char *review;
  gboolean count_late;
  int jobs;
  double timeout;
  char *max_memory;
  gboolean quiet;
} Options;

/* Whether the run counts the replies (and so keeps them all). */
static gboolean
counting (const Options *o)
{
  return o->tally || o->chart || o->review;
}

/* One file to read: its path, the name its record shows, and, when the
 * file was already known to be unreadable while listing, why. */
typedef struct {
  char *path;
  char *display;
  char *error;
} Input;

static void
input_free (Input *in)
{
  g_free (in->path);
  g_free (in->display);
  g_free (in->error);
  g_free (in);
}

static void
add_input (GPtrArray *inputs, const char *path, const char *error)
{
  Input *in = g_new0 (Input, 1);
  in->path = g_strdup (path);
  in->display = g_filename_display_name (path);
  in->error = g_strdup (error);
  g_ptr_array_add (inputs, in);
}

static gboolean
is_pdf_name (const char *name)
{
  gsize n = strlen (name);
  return n >= 4 && g_ascii_strcasecmp (name + n - 4, ".pdf") == 0;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Lists the PDFs under `dir` into `found` (paths) and the folders that
 * cannot be read into `unreadable` (path, reason, path, reason...).
 * `visited` holds the folders seen ("dev:ino"), so that a symbolic link
 * loop ends. */
static void
walk (const char *dir, GPtrArray *found, GPtrArray *unreadable, GHashTable *visited)
{
  struct stat st;
  if (stat (dir, &st) == 0)
    {
      char *id = g_strdup_printf ("%ju:%ju", (uintmax_t) st.st_dev, (uintmax_t) st.st_ino);
      if (!g_hash_table_add (visited, id))
        return;
    }
  DIR *d = opendir (dir);
  if (d == NULL)
    {
      int saved = errno;
      g_ptr_array_add (unreadable, g_strdup (dir));
      g_ptr_array_add (unreadable, g_strdup (g_strerror (saved)));
      return;
    }
  struct dirent *entry;
  while ((entry = readdir (d)) != NULL)
    {
      const char *name = entry->d_name;
      if (g_str_equal (name, ".") || g_str_equal (name, ".."))
        continue;
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (stat (path, &st) == 0 && S_ISDIR (st.st_mode))
        walk (path, found, unreadable, visited);
      else if (is_pdf_name (name))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  closedir (d);
}

/* Turns the command line's files and folders into the list of inputs, in
 * order: each argument in turn, a folder's PDFs sorted by path. A folder
 * that cannot be read is listed too, with its reason (it gets a record);
 * one that holds no PDF is worth a warning. */
static void
list_inputs (char **args, GPtrArray *inputs)
{
  for (guint i = 0; args[i] != NULL; i++)
    {
      struct stat st;
      if (stat (args[i], &st) != 0 || !S_ISDIR (st.st_mode))
        {
          add_input (inputs, args[i], NULL);
          continue;
        }
      g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) unreadable = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
      walk (args[i], found, unreadable, visited);
      /* Unreadable folders take their place in the order like files. */
      g_autoptr (GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint j = 0; j + 1 < unreadable->len; j += 2)
        {
          g_ptr_array_add (found, g_strdup (unreadable->pdata[j]));
          g_hash_table_insert (reasons, unreadable->pdata[j], unreadable->pdata[j + 1]);
        }
      g_ptr_array_sort (found, compare_paths);
      for (guint j = 0; j < found->len; j++)
        add_input (inputs, found->pdata[j], g_hash_table_lookup (reasons, found->pdata[j]));
      if (found->len == 0)
        {
          g_autofree char *shown = g_filename_display_name (args[i]);
          tf_cli_warning ("%s: no PDF file in this folder", shown);
        }
    }
}

/* Where the records go: standard output, or --output written as
 * tf_output.h says (through, or beside and renamed over it once
 * everything is written). */
typedef struct {
  FILE *fp;
  char *tmp;                /* NULL: fp is written in place */
} Sink;

static gboolean
sink_open (Sink *sink, const char *output)
{
  if (output == NULL || g_str_equal (output, "-"))
    {
      sink->fp = stdout;
      return TRUE;
    }
  if (tf_output_writes_through (output))
    {
      sink->fp = fopen (output, "wb");
      if (sink->fp != NULL)
        return TRUE;
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (output);
      tf_cli_error ("%s: cannot write: %s", shown, g_strerror (saved));
      return FALSE;
    }
  sink->tmp = g_strconcat (output, ".XXXXXX", NULL);
  int fd = g_mkstemp (sink->tmp);
  if (fd < 0 || (sink->fp = fdopen (fd, "wb")) == NULL)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (output);
      tf_cli_error ("%s: cannot write: %s", shown, g_strerror (saved));
      if (fd >= 0)
        {
          close (fd);
          g_unlink (sink->tmp);
        }
      g_clear_pointer (&sink->tmp, g_free);
      return FALSE;
    }
  /* mkstemp makes it 0600: give the output the mode a new file gets. */
  mode_t mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  return TRUE;
}

static gboolean
sink_close (Sink *sink, const char *output, gboolean keep)
{
  if (sink->fp == stdout)
    return keep;
  if (sink->tmp == NULL)
    {
      if (fclose (sink->fp) == 0)
        return keep;
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (output);
      tf_cli_error ("%s: cannot write: %s", shown, g_strerror (saved));
      return FALSE;
    }
  gboolean ok = fclose (sink->fp) == 0 && keep;
  if (ok && g_rename (sink->tmp, output) != 0)
    {
      g_autofree char *shown = g_filename_display_name (output);
      tf_cli_error ("%s: cannot write: %s", shown, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (sink->tmp);
  g_free (sink->tmp);
  return ok;
}

/* ---- progress on a terminal ------------------------------------------ */

/* Shown only when stderr is a terminal and not --quiet; the bar only once
 * the run has taken PROGRESS_DELAY, redrawn at most every PROGRESS_PERIOD. */
#define PROGRESS_DELAY (500 * G_TIME_SPAN_MILLISECOND)
#define PROGRESS_PERIOD (100 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  gboolean enabled;
  gboolean stdout_shared;   /* records go to the same terminal */
  gboolean drawn;           /* a bar is on the screen */
  gint64 start;
  gint64 drawn_at;
  guint done;
  guint total;
} Progress;

static Progress progress;

static guint
terminal_width (void)
{
  struct winsize ws;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 80;
}

static void
progress_erase (void)
{
  if (!progress.drawn)
    return;
  fputs ("\r\033[K", stderr);
  fflush (stderr);
  progress.drawn = FALSE;
}

static void
progress_draw (void)
{
  if (!progress.enabled)
    return;
  gint64 now = g_get_monotonic_time ();
  if (now - progress.start < PROGRESS_DELAY
      || (progress.drawn && now - progress.drawn_at < PROGRESS_PERIOD))
    return;
  g_autofree char *line = tf_progress_line (progress.done, progress.total,
                                            (now - progress.start) / 1e6,
                                            terminal_width () - 1);
  fprintf (stderr, "\r\033[K%s", line);
  fflush (stderr);
  progress.drawn = TRUE;
  progress.drawn_at = now;
}

static void
on_progress (guint done, guint total, gpointer user_data)
{
  progress.done = done;
  progress.total = total;
  progress_draw ();
}

/* The record of one input from what its worker read (or why it failed);
 * reports on stderr what the user must hear about (an input that cannot be
 * read) and sets *io_error then. */
static TfReply *
reply_for (const TfReader *reader, const Input *in, const TfBatchResult *result,
           gboolean *io_error)
{
  const TfForm *form = tf_reader_form (reader);
  if (in->error != NULL)
    {
      progress_erase ();
      tf_cli_error ("%s: cannot read the folder: %s", in->display, in->error);
      *io_error = TRUE;
      g_autofree char *message = g_strdup_printf (
        "The folder cannot be read (%s): check that it is readable, and read it "
        "again.", in->error);
      return tf_reply_new_invalid (form, in->display, NULL, TF_PROBLEM_UNREADABLE, message);
    }
  if (result->raw == NULL)
    return tf_reply_new_invalid (form, in->display, result->sha256, result->failure,
                                 result->message);
  if (result->raw->outcome == TF_READ_UNREADABLE)
    {
      progress_erase ();
      tf_cli_error ("%s: cannot be read: %s", in->display, result->raw->detail);
      *io_error = TRUE;
    }
  return tf_reader_reply (reader, in->display, result->raw);
}

static void
unref_time (gpointer time)
{
  if (time != NULL)
    g_date_time_unref (time);
}

/* The file's modification time, or NULL. */
static GDateTime *
file_time (const char *path)
{
  GStatBuf st;
  if (path == NULL || g_stat (path, &st) != 0)
    return NULL;
  return g_date_time_new_from_unix_utc (st.st_mtime);
}

/* Counts `replies` and writes the tally, chart and review asked for.
 * Returns FALSE when one of them could not be written (said on stderr). */
static gboolean
count_and_report (const Options *o, const TfForm *form, const TfLayout *layout,
                  const TfMemberStates *states, GPtrArray *replies, GPtrArray *times,
                  FILE *out)
{
  g_autofree TfTallyInput *inputs = g_new0 (TfTallyInput, MAX (replies->len, 1));
  for (guint i = 0; i < replies->len; i++)
    inputs[i] = (TfTallyInput) { replies->pdata[i], times->pdata[i] };
  TfTallyOptions options = TF_TALLY_OPTIONS_INIT;
  options.count_late = o->count_late;
  g_autoptr (TfTally) tally = tf_tally_count (form, states, inputs, replies->len, &options);

  gboolean ok = TRUE;
  g_autoptr (GError) error = NULL;
  if (o->tally)
    {
      TfTallyFormat format = TF_TALLY_TEXT;
      if (o->tally_format)
        tf_tally_format_from_name (o->tally_format, &format);
      g_autofree char *text = tf_tally_format (tally, format);
      ok = fputs (text, out) >= 0;
    }
  if (o->chart && !tf_chart_write (tally, o->chart, &error))
    {
      tf_cli_error ("%s", error->message);
      g_clear_error (&error);
      ok = FALSE;
    }
  if (o->review && !tf_review_write (o->review, form, layout, tally, replies, &error))
    {
      tf_cli_error ("%s", error->message);
      ok = FALSE;
    }
  return ok;
}

/* What a run keeps while the results come in. */
typedef struct {
  const Options *o;
  const TfReader *reader;
  GPtrArray *inputs;        /* of Input*, borrowed */
  TfRecordWriter *writer;   /* NULL with --tally */
  GPtrArray *kept;          /* of TfReply*, when counting */
  GPtrArray *times;         /* of GDateTime* (or NULL), when counting */
  gboolean write_ok;
  GError *error;            /* the write error */
  gboolean io_error;        /* some input could not be read */
  guint complete, incomplete, invalid;
} Run;

/* One input's result, in order: its record is made, written, counted. */
static gboolean
on_result (const TfBatchResult *result, gpointer user_data)
{
  Run *run = user_data;
  const Input *in = run->inputs->pdata[result->index];
  g_autoptr (TfReply) reply = reply_for (run->reader, in, result, &run->io_error);
  switch (reply->status)
    {
    case TF_STATUS_COMPLETE: run->complete++; break;
    case TF_STATUS_INCOMPLETE: run->incomplete++; break;
    case TF_STATUS_INVALID: run->invalid++; break;
    }
  if (run->writer != NULL)
    {
      if (progress.stdout_shared)
        progress_erase ();
      if (!tf_record_writer_add (run->writer, reply, &run->error))
        {
          /* The records cannot be written: reading more is pointless. */
          run->write_ok = FALSE;
          return FALSE;
        }
    }
  if (counting (run->o))
    {
      g_ptr_array_add (run->kept, g_steal_pointer (&reply));
      g_ptr_array_add (run->times, file_time (in->path));
    }
  return TRUE;
}

static int
run (const Options *o, char **args)
{
  TfRecordWriterOptions writer_options = TF_RECORD_WRITER_OPTIONS_INIT;
  if (o->format != NULL && !tf_record_format_from_name (o->format, &writer_options.format))
    {
      tf_cli_error ("unknown format \"%s\": use jsonl, json or csv (try --help)", o->format);
      return TF_EXIT_USAGE;
    }
  writer_options.csv_bom = o->csv_bom;
  TfTallyFormat tally_format;
  if (o->tally_format != NULL && !tf_tally_format_from_name (o->tally_format, &tally_format))
    {
      tf_cli_error ("unknown tally format \"%s\": use text, csv or json (try --help)",
                    o->tally_format);
      return TF_EXIT_USAGE;
    }
  if (o->tally_format != NULL && !o->tally)
    tf_cli_warning ("--tally-format applies to --tally only: ignored");
  if (o->csv_bom && writer_options.format != TF_FORMAT_CSV)
    tf_cli_warning ("--csv-bom applies to --format csv only: ignored");
  if (o->jobs < 0)
    {
      tf_cli_error ("-j must be a number of processes, 1 or more (0: one per core)");
      return TF_EXIT_USAGE;
    }
  if (!(o->timeout >= 0) || o->timeout > 1e6)
    {
      tf_cli_error ("--timeout must be a number of seconds, 0 for no limit (try --help)");
      return TF_EXIT_USAGE;
    }
  guint64 max_memory = TF_BATCH_MAX_MEMORY;
  if (o->max_memory != NULL && !tf_batch_parse_size (o->max_memory, &max_memory))
    {
      tf_cli_error ("--max-memory \"%s\" is not a size: use e.g. 512M or 2G, 0 for no "
                    "limit (try --help)", o->max_memory);
      return TF_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  TfReaderOptions reader_options = TF_READER_OPTIONS_INIT;
  reader_options.form_path = o->form_path;
  g_autoptr (TfReader) reader = tf_reader_open (&reader_options, &error);
  if (reader == NULL)
    {
      tf_cli_error ("%s", error->message);
      return TF_EXIT_USAGE;
    }

  const TfForm *form = tf_reader_form (reader);
  g_autoptr (GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  list_inputs (args, inputs);

  Sink sink = { NULL, NULL };
  if (!sink_open (&sink, o->output))
    return TF_EXIT_USAGE;
  /* With --tally the tally takes the records' place. */
  g_autoptr (TfRecordWriter) writer = o->tally ? NULL
    : tf_record_writer_new (sink.fp, form, &writer_options);
  Run state = {
    .o = o,
    .reader = reader,
    .inputs = inputs,
    .writer = writer,
    .kept = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free),
    .times = g_ptr_array_new_with_free_func (unref_time),
    .write_ok = TRUE,
  };

  progress.enabled = !o->quiet && isatty (STDERR_FILENO);
  progress.stdout_shared = progress.enabled && sink.fp == stdout && isatty (STDOUT_FILENO);
  progress.start = g_get_monotonic_time ();
  progress.total = inputs->len;

  g_autofree const char **paths = g_new0 (const char *, inputs->len + 1);
  for (guint i = 0; i < inputs->len; i++)
    paths[i] = ((const Input *) inputs->pdata[i])->path;
  TfBatchOptions batch = TF_BATCH_OPTIONS_INIT;
  batch.jobs = (guint) o->jobs;
  batch.timeout = o->timeout;
  batch.max_memory = max_memory;
  batch.progress = on_progress;
  g_autoptr (GError) batch_error = NULL;
  gboolean batch_ok = tf_batch_read (paths, inputs->len, &batch, on_result, &state,
                                     &batch_error);
  progress_erase ();
  if (!batch_ok && batch_error != NULL)
    {
      tf_cli_error ("%s", batch_error->message);
      state.io_error = TRUE;
    }
  gboolean write_ok = state.write_ok;
  g_autoptr (GPtrArray) kept = state.kept;
  g_autoptr (GPtrArray) times = state.times;
  if (!write_ok && state.error != NULL)
    g_propagate_error (&error, g_steal_pointer (&state.error));

  if (writer && write_ok && !tf_record_writer_finish (writer, &error))
    write_ok = FALSE;
  if (write_ok && counting (o)
      && !count_and_report (o, form, tf_reader_layout (reader), tf_reader_member_states (reader), kept, times, sink.fp))
    write_ok = FALSE;
  if (!write_ok && error != NULL)
    {
      g_autofree char *shown = g_filename_display_name (o->output ? o->output : "-");
      tf_cli_error ("%s: %s", o->output ? shown : "standard output", error->message);
    }
  if (!sink_close (&sink, o->output, write_ok))
    write_ok = FALSE;

  if (progress.enabled)
    {
      g_autofree char *line = tf_progress_summary (
        inputs->len, (g_get_monotonic_time () - progress.start) / 1e6, state.complete,
        state.incomplete, state.invalid);
      fprintf (stderr, "%s\n", line);
    }
  if (!write_ok || state.io_error)
    return TF_EXIT_USAGE;
  return state.incomplete + state.invalid == 0 ? TF_EXIT_OK : TF_EXIT_PROBLEMS;
}

/* A copy of argv where "-j4" (as make takes it) is "-j" "4": GOption would
 * read "-j4" as the options -j and -4. Stops at "--". */
static char **
split_jobs (int argc, char **argv)
{
  GPtrArray *args = g_ptr_array_new ();
  gboolean options = TRUE;
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      if (options && g_str_equal (a, "--"))
        options = FALSE;
      if (options && i > 0 && g_str_has_prefix (a, "-j") && g_ascii_isdigit (a[2]))
        {
          g_ptr_array_add (args, g_strdup ("-j"));
          g_ptr_array_add (args, g_strdup (a + 2));
        }
      else
        g_ptr_array_add (args, g_strdup (a));
    }
  g_ptr_array_add (args, NULL);
  return (char **) g_ptr_array_free (args, FALSE);
}

int
main (int argc, char **argv)
{
  g_set_prgname ("tapform-read");
  Options o = { 0 };
  o.timeout = TF_BATCH_TIMEOUT;
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
  int status;
  g_auto (GStrv) args = split_jobs (argc, argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      tf_cli_error ("%s (try --help)", error->message);
      status = TF_EXIT_USAGE;
    }
  else if (o.version)
    {
      printf ("tapform-read %s\n", TAPFORM_VERSION);
      status = TF_EXIT_OK;
    }
  else if (g_strv_length (args) < 2)
    {
      tf_cli_error ("no file or folder to read (try --help)");
      status = TF_EXIT_USAGE;
    }
  else
    status = run (&o, args + 1);

  g_free (o.form_path);
  g_free (o.output);
  g_free (o.format);
  g_free (o.tally_format);
  g_free (o.chart);
  g_free (o.review);
  g_free (o.max_memory);
  return status;
}
