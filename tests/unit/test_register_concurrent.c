/* test_register_concurrent.c — two runs on one register at once: both
 * finish without an error (each waits for the other), every reply is
 * registered once, and the two added them between them; a run that holds
 * the register longer than the busy timeout is reported as such. */
#include "register_support.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 800

READ_TEST_FIXTURE
static GPtrArray *replies;

static void
setup (void)
{
  read_fixture_setup ();
  replies = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free);
  for (guint i = 0; i < N; i++)
    g_ptr_array_add (replies, register_test_synthetic (r, i));
}

static void
teardown (void)
{
  g_clear_pointer (&replies, g_ptr_array_unref);
  read_fixture_teardown ();
}

TestSuite (register_concurrent, .init = setup, .fini = teardown, .timeout = 240);

/* In a child: registers every reply, forwards or backwards, then writes
 * how many it added to `fd`; exits 0, or 1 on an error. */
static void G_GNUC_NORETURN
ingest (const char *path, gboolean backwards, int fd)
{
  g_autoptr (GError) error = NULL;
  TfRegister *reg = tf_register_open (path, r->form, NULL, &error);
  guint added_here = 0;
  for (guint k = 0; reg != NULL && k < replies->len; k++)
    {
      guint i = backwards ? replies->len - 1 - k : k;
      TfRegisterAdded added;
      if (!tf_register_add (reg, replies->pdata[i], &added, &error))
        break;
      added_here += added.outcome == TF_REGISTER_ADDED;
      tf_register_added_clear (&added);
    }
  if (error != NULL)
    g_printerr ("ingest: %s\n", error->message);
  tf_register_close (reg);
  if (write (fd, &added_here, sizeof added_here) != sizeof added_here)
    _exit (1);
  _exit (error != NULL);
}

static pid_t
start (const char *path, gboolean backwards, int fd)
{
  pid_t pid = fork ();
  cr_assert_geq (pid, 0);
  if (pid == 0)
    ingest (path, backwards, fd);
  return pid;
}

Test (register_concurrent, two_runs_at_once_register_each_reply_once)
{
  for (guint round = 0; round < 3; round++)
    {
      /* A new register each time: the two also race to make it. */
      g_autofree char *name = g_strdup_printf ("register-%u.sqlite", round);
      g_autofree char *path = g_build_filename (tmp, name, NULL);
      int fds[2];
      cr_assert_eq (pipe (fds), 0);
      pid_t a = start (path, FALSE, fds[1]);
      pid_t b = start (path, round % 2 == 0, fds[1]);
      close (fds[1]);
      guint added[2] = { 0, 0 };
      for (guint k = 0; k < 2; k++)
        cr_assert_eq (read (fds[0], &added[k], sizeof added[k]), sizeof added[k]);
      close (fds[0]);
      int sa = 0, sb = 0;
      cr_assert_eq (waitpid (a, &sa, 0), a);
      cr_assert_eq (waitpid (b, &sb, 0), b);
      cr_expect (WIFEXITED (sa) && WEXITSTATUS (sa) == 0, "run A failed (%d)", sa);
      cr_expect (WIFEXITED (sb) && WEXITSTATUS (sb) == 0, "run B failed (%d)", sb);
      cr_expect_eq (added[0] + added[1], N, "%u + %u", added[0], added[1]);

      g_autofree char *integrity = register_test_query (path, "PRAGMA integrity_check");
      cr_expect_str_eq (integrity, "ok");
      g_autoptr (TfRegister) reg = register_test_open (r, path);
      g_autoptr (GPtrArray) back = register_test_load (reg);
      cr_assert_eq (back->len, N);
      g_autofree char *want = register_test_tally_json (r, replies);
      g_autofree char *got = register_test_tally_json (r, back);
      cr_expect_str_eq (got, want);
    }
}

/* In a child: holds the register's write lock for `ms`, having said so on
 * `fd`. */
static pid_t
hold (const char *path, guint ms, int fd)
{
  pid_t pid = fork ();
  cr_assert_geq (pid, 0);
  if (pid != 0)
    return pid;
  sqlite3 *db = NULL;
  gboolean ok = sqlite3_open (path, &db) == SQLITE_OK
                && sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
  char c = ok ? 'y' : 'n';
  if (write (fd, &c, 1) != 1)
    _exit (1);
  g_usleep (ms * 1000);
  ok = ok && sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
  sqlite3_close (db);
  _exit (ok ? 0 : 1);
}

static void
wait_held (int fd)
{
  char c = 0;
  cr_assert_eq (read (fd, &c, 1), 1);
  cr_assert_eq (c, 'y', "the child could not take the register");
}

Test (register_concurrent, a_run_waits_for_another_then_gives_up_saying_why)
{
  g_autofree char *path = g_build_filename (tmp, "register.sqlite", NULL);
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  int fds[2];
  cr_assert_eq (pipe (fds), 0);

  pid_t pid = hold (path, 600, fds[1]);
  wait_held (fds[0]);
  gint64 t0 = g_get_monotonic_time ();
  cr_expect_eq (register_test_add (reg, replies->pdata[0]), TF_REGISTER_ADDED);
  cr_expect_geq (g_get_monotonic_time () - t0, 300 * G_TIME_SPAN_MILLISECOND, "it waited");
  int status = 0;
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  cr_expect (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_clear_pointer (&reg, tf_register_close);

  TfRegisterOptions impatient = TF_REGISTER_OPTIONS_INIT;
  impatient.busy_timeout = 100;
  g_autoptr (GError) error = NULL;
  reg = tf_register_open (path, r->form, &impatient, &error);
  cr_assert_not_null (reg, "%s", error ? error->message : "");
  pid = hold (path, 1500, fds[1]);
  wait_held (fds[0]);
  TfRegisterAdded added;
  cr_expect_not (tf_register_add (reg, replies->pdata[1], &added, &error));
  cr_assert_not_null (error);
  cr_expect (strstr (error->message, "another run held the register for more than 0.1 s")
             != NULL, "%s", error->message);
  cr_expect (g_str_has_prefix (error->message, path), "%s", error->message);
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  close (fds[0]);
  close (fds[1]);
  cr_expect_eq (tf_register_count (reg, NULL), 1, "the register is as it was");
}

Test (register_concurrent, runs_racing_to_make_a_register_all_open_it)
{
  for (guint round = 0; round < 20; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%u.sqlite", round);
      g_autofree char *path = g_build_filename (tmp, name, NULL);
      int go[2];
      cr_assert_eq (pipe (go), 0);
      pid_t pids[4];
      for (guint k = 0; k < G_N_ELEMENTS (pids); k++)
        {
          pids[k] = fork ();
          cr_assert_geq (pids[k], 0);
          if (pids[k] != 0)
            continue;
          char c;
          close (go[1]);
          if (read (go[0], &c, 1) != 1)
            _exit (3);
          g_autoptr (GError) error = NULL;
          TfRegister *reg = tf_register_open (path, r->form, NULL, &error);
          if (reg == NULL)
            g_printerr ("open: %s\n", error->message);
          tf_register_close (reg);
          _exit (reg == NULL);
        }
      close (go[0]);
      /* All at once. */
      cr_assert_eq (write (go[1], "gogo", 4), 4);
      close (go[1]);
      for (guint k = 0; k < G_N_ELEMENTS (pids); k++)
        {
          int status = 0;
          cr_assert_eq (waitpid (pids[k], &status, 0), pids[k]);
          cr_expect (WIFEXITED (status) && WEXITSTATUS (status) == 0,
                     "round %u: a run could not open the register", round);
        }
      g_autofree char *form = register_test_query (path, "SELECT count(*) FROM register");
      cr_expect_str_eq (form, "1");
    }
}
