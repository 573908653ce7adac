/* test_batch_progress.c — the progress bar and the summary line: their
 * words (progress.h), and tapform-read showing them on a terminal (a
 * pseudo-terminal here), and never with --quiet or off a terminal. */
#include "batch/progress.h"
#include "batch/worker.h"

#include "batch_support.h"
#include "jsonl.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

Test (batch_progress, durations_for_people)
{
  static const struct { double s; const char *text; } cases[] = {
    { 0, "<1 s" }, { 0.4, "<1 s" }, { 1, "1 s" }, { 59.4, "59 s" }, { 60, "1 min 00 s" },
    { 125, "2 min 05 s" }, { 3600, "1 h 00 min" }, { 7440, "2 h 04 min" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tf_progress_duration (cases[i].s);
      cr_expect_str_eq (text, cases[i].text, "%g s", cases[i].s);
    }
}

Test (batch_progress, the_line_has_the_bar_the_count_the_rate_and_the_time_left)
{
  g_autofree char *half = tf_progress_line (500, 1000, 2.0, 80);
  cr_expect_str_eq (half, "[###############...............]  500/1000 files  250 files/s  2 s left");
  g_autofree char *start = tf_progress_line (0, 10, 0.0, 80);
  cr_expect_str_eq (start, "[..............................]  0/10 files  -- files/s  -- left");
  g_autofree char *slow = tf_progress_line (3, 10, 2.0, 80);
  cr_expect_not_null (strstr (slow, "3/10 files  1.5 files/s  5 s left"), "%s", slow);
  /* Narrow: the bar shrinks, then goes; the line never passes the width. */
  g_autofree char *narrow = tf_progress_line (500, 1000, 2.0, 60);
  cr_expect_leq (strlen (narrow), 60);
  cr_expect (g_str_has_prefix (narrow, "[#"), "%s", narrow);
  g_autofree char *tiny = tf_progress_line (500, 1000, 2.0, 30);
  cr_expect_str_eq (tiny, "500/1000 files  250 files/s  2 s left");
  g_autofree char *done = tf_progress_line (7, 7, 1.0, 80);
  cr_expect_not_null (strstr (done, "[##############################]  7/7 files"), "%s", done);
}

Test (batch_progress, the_summary_counts_each_status)
{
  g_autofree char *many = tf_progress_summary (1000, 4.26, 392, 600, 8);
  cr_expect_str_eq (many, "1000 files read in 4.3 s: 392 complete, 600 incomplete, 8 invalid");
  g_autofree char *one = tf_progress_summary (1, 0.05, 1, 0, 0);
  cr_expect_str_eq (one, "1 file read in 0.1 s: 1 complete, 0 incomplete, 0 invalid");
  g_autofree char *long_run = tf_progress_summary (10, 125, 0, 0, 10);
  cr_expect_str_eq (long_run, "10 files read in 2 min 05 s: 0 complete, 0 incomplete, 10 invalid");
}

/* Runs tapform-read with `args` and its stderr on a pseudo-terminal;
 * returns what the terminal got, and the records in *out. */
static char *
run_on_terminal (const char *const *args, const char *faults, char **out)
{
  int master = posix_openpt (O_RDWR | O_NOCTTY);
  /* A container without /dev/pts has no terminal to offer: then there is
   * nothing to show the bar on, and the test says so instead of failing. */
  if (master < 0 && (errno == ENODEV || errno == ENOENT))
    cr_skip_test ("no pseudo-terminal here (%s): is /dev/pts mounted?", g_strerror (errno));
  cr_assert_geq (master, 0, "no pseudo-terminal: %s", g_strerror (errno));
  cr_assert_eq (grantpt (master), 0);
  cr_assert_eq (unlockpt (master), 0);
  int slave = open (ptsname (master), O_RDWR | O_NOCTTY);
  if (slave < 0 && (errno == ENODEV || errno == ENOENT))
    {
      close (master);
      cr_skip_test ("no pseudo-terminal here (%s): is /dev/pts mounted?", g_strerror (errno));
    }
  cr_assert_geq (slave, 0);
  g_autofree char *records = g_build_filename (g_get_tmp_dir (), "tapform-progress-XXXXXX", NULL);
  int out_fd = g_mkstemp (records);
  cr_assert_geq (out_fd, 0);

  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) (TAPFORM_BINARY_DIR "/tapform-read"));
  for (const char *const *a = args; *a; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), TF_WORKER_FAULTS_ENV, faults, TRUE);
  GPid pid;
  g_autoptr (GError) error = NULL;
  cr_assert (g_spawn_async_with_fds (TAPFORM_SOURCE_DIR, (char **) argv->pdata, env,
                                     G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, -1, out_fd,
                                     slave, &error),
             "%s", error ? error->message : "");
  close (slave);
  close (out_fd);

  GString *seen = g_string_new (NULL);
  for (;;)
    {
      char buf[4096];
      ssize_t n = read (master, buf, sizeof buf);
      if (n > 0)
        {
          g_string_append_len (seen, buf, n);
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      break;   /* EIO: the last holder of the terminal closed it */
    }
  close (master);
  int status;
  waitpid (pid, &status, 0);
  cr_assert (g_file_get_contents (records, out, NULL, NULL));
  g_unlink (records);
  return g_string_free (seen, FALSE);
}

Test (batch_progress, a_terminal_shows_the_bar_and_the_summary, .timeout = 60)
{
  /* One file holds its worker 1.5 s: the bar has time to show. */
  const char *args[] = { "-j", "2", "--timeout", "1.5", "samples/replies", NULL };
  g_autofree char *out = NULL;
  g_autofree char *tty = run_on_terminal (args, "hang:empty.pdf", &out);
  guint n = tf_test_count_pdfs ("samples/replies");
  g_autofree char *bar = g_strdup_printf ("/%u files", n);
  g_autofree char *summary = g_strdup_printf ("%u files read in ", n);
  cr_expect_not_null (strstr (tty, bar), "no bar on the terminal:\n%s", tty);
  cr_expect_not_null (strstr (tty, " files/s"), "%s", tty);
  cr_expect_not_null (strstr (tty, " left"), "%s", tty);
  cr_expect_not_null (strstr (tty, "\033[K"), "the bar is not erased:\n%s", tty);
  cr_expect_not_null (strstr (tty, summary), "no summary:\n%s", tty);
  cr_expect_not_null (strstr (tty, "complete, "), "%s", tty);
  cr_expect_not_null (strstr (tty, " incomplete, "), "%s", tty);
  cr_expect_not_null (strstr (tty, " invalid"), "%s", tty);
  /* The records are whole, one per file, whatever the terminal showed. */
  g_autoptr (GPtrArray) records = jsonl_parse (out);
  cr_expect_eq (records->len, n);
}

Test (batch_progress, quiet_shows_nothing, .timeout = 60)
{
  const char *args[] = { "--quiet", "--timeout", "0.7", "samples/replies", NULL };
  g_autofree char *out = NULL;
  g_autofree char *tty = run_on_terminal (args, "hang:empty.pdf", &out);
  cr_expect_str_empty (tty, "--quiet, yet:\n%s", tty);
}

Test (batch_progress, nothing_when_stderr_is_not_a_terminal, .timeout = 60)
{
  const char *args[] = { "--timeout", "0.7", "samples/replies", NULL };
  g_autofree char *out = NULL, *err = NULL;
  const char *env[] = { TF_WORKER_FAULTS_ENV "=hang:empty.pdf", NULL };
  TfTestRun run = { .program = "tapform-read", .args = args, .env = env };
  tf_test_run_program (&run, &out, &err);
  cr_expect_str_empty (err, "stderr is a pipe, yet:\n%s", err);
}
