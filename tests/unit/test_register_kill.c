/* test_register_kill.c — a run killed (SIGKILL) at random moments while it
 * registers, then resumed: after each kill the register holds exactly the
 * replies registered before the one being added, each whole, and SQLite
 * finds it sound; the run that finishes the job adds each reply once, and
 * the tally is the tally of the replies. */
#include "register_support.h"
#include "test_util.h"

#include "out/record_json.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 1500
#define KILLS 20

READ_TEST_FIXTURE
static GPtrArray *replies;      /* the N replies, in the order they are added */
static char *path;

static void
setup (void)
{
  read_fixture_setup ();
  replies = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_reply_free);
  for (guint i = 0; i < N; i++)
    g_ptr_array_add (replies, register_test_synthetic (r, i));
  path = g_build_filename (tmp, "register.sqlite", NULL);
}

static void
teardown (void)
{
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&replies, g_ptr_array_unref);
  read_fixture_teardown ();
}

TestSuite (register_kill, .init = setup, .fini = teardown, .timeout = 240);

/* In a child: registers every reply (those already there add nothing);
 * exits 0, or 1 on an error (said on stderr). Never returns. */
static void G_GNUC_NORETURN
ingest (void)
{
  g_autoptr (GError) error = NULL;
  TfRegister *reg = tf_register_open (path, r->form, NULL, &error);
  for (guint i = 0; reg != NULL && i < replies->len; i++)
    {
      TfRegisterAdded added;
      if (!tf_register_add (reg, replies->pdata[i], &added, &error))
        break;
      tf_register_added_clear (&added);
    }
  if (error != NULL)
    g_printerr ("ingest: %s\n", error->message);
  tf_register_close (reg);
  _exit (error != NULL);
}

static pid_t
start (void)
{
  pid_t pid = fork ();
  cr_assert_geq (pid, 0);
  if (pid == 0)
    ingest ();
  return pid;
}

static int
finish (pid_t pid)
{
  int status = 0;
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  return status;
}

/* The register holds the first replies, each whole, and nothing else:
 * returns how many. */
static guint
check_prefix (void)
{
  /* Killed before SQLite made the file: nothing was registered. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return 0;
  g_autofree char *integrity = register_test_query (path, "PRAGMA integrity_check");
  cr_assert_str_eq (integrity, "ok");
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  g_autoptr (GPtrArray) back = register_test_load (reg);
  cr_assert_leq (back->len, N);
  for (guint i = 0; i < back->len; i++)
    {
      g_autofree char *want = tf_record_to_json (replies->pdata[i], NULL);
      g_autofree char *got = tf_record_to_json (back->pdata[i], NULL);
      cr_assert_str_eq (got, want, "reply %u", i);
      const TfReply *w = replies->pdata[i], *g = back->pdata[i];
      cr_assert (g->pdf_modified && g_date_time_equal (g->pdf_modified, w->pdf_modified));
    }
  return back->len;
}

Test (register_kill, killed_at_random_moments_then_resumed)
{
  /* How long a whole run takes here (sanitizers make it slower). */
  g_autofree char *timed = g_build_filename (tmp, "timed.sqlite", NULL);
  char *saved = path;
  path = timed;
  gint64 t0 = g_get_monotonic_time ();
  cr_assert_eq (finish (start ()), 0);
  gint64 whole = g_get_monotonic_time () - t0;
  path = saved;

  /* TAPFORM_TEST_SEED=N replays a run. */
  const char *replay = g_getenv ("TAPFORM_TEST_SEED");
  guint32 seed = replay ? (guint32) g_ascii_strtoull (replay, NULL, 10)
                        : (guint32) g_get_real_time ();
  cr_log_info ("seed %u, a whole run %.0f ms", seed, whole / 1000.0);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint before = 0, killed_midway = 0, attempts = 0;
  while (killed_midway < KILLS && attempts++ < 10 * KILLS)
    {
      pid_t pid = start ();
      /* Each run gets on average a KILLSth of the whole work done: the
       * kills fall on opening, on adding, on committing, anywhere. */
      gint64 at = g_rand_int_range (rand, 0, (gint32) MAX (2 * whole / KILLS, 2));
      g_usleep (at);
      kill (pid, SIGKILL);
      int status = finish (pid);
      guint now = check_prefix ();
      cr_assert_geq (now, before, "a kill undid what was registered");
      before = now;
      if (WIFSIGNALED (status) && now < N)
        killed_midway++;
      else if (now == N)
        {
          /* Finished before the kill (a slow moment of the machine): start
           * again from an empty register. */
          const char *suffixes[] = { "", "-wal", "-shm" };
          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
              g_unlink (file);
            }
          before = 0;
        }
    }
  cr_log_info ("%u kills landed before the end, in %u runs", killed_midway, attempts);
  cr_assert_eq (killed_midway, KILLS, "the kills did not land while it worked");

  cr_assert_eq (finish (start ()), 0, "the resumed run failed");
  cr_assert_eq (check_prefix (), N);
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  g_autoptr (GPtrArray) back = register_test_load (reg);
  g_autofree char *want = register_test_tally_json (r, replies);
  g_autofree char *got = register_test_tally_json (r, back);
  cr_expect_str_eq (got, want);
}
