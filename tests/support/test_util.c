#include "test_util.h"

#include <criterion/criterion.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

char *
tf_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("tapform-test-XXXXXX", &error);
  cr_assert_not_null (dir, "temporary folder: %s", error ? error->message : "");
  return dir;
}

void
tf_test_rmtree (const char *path)
{
  if (path == NULL)
    return;
  /* A test may have locked a folder (chmod 0) to make it unreadable. */
  g_chmod (path, 0700);
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
      const char *name;
      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *sub = g_build_filename (path, name, NULL);
          tf_test_rmtree (sub);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
tf_test_source_path (const char *relative)
{
  return g_build_filename (TAPFORM_SOURCE_DIR, relative, NULL);
}

guint
tf_test_count_pdfs (const char *relative)
{
  g_autofree char *path = tf_test_source_path (relative);
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  guint n = 0;
  const char *name;
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_suffix (name, ".pdf");
  return n;
}

char *
tf_test_write (const char *dir, const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, NULL);
  return path;
}

/* The program to start: this build's tools, else `program` itself (found
 * on PATH by GSubprocess). */
static const char *
resolve (const char *program, char **owned)
{
  if (g_str_equal (program, "tapform-read") || g_str_equal (program, "tapform-emit"))
    return *owned = g_build_filename (TAPFORM_BINARY_DIR, program, NULL);
  return program;
}

/* What a pipe gave, as a string: "" when it gave nothing. */
static char *
bytes_text (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

int
tf_test_run_program (const TfTestRun *run, char **out, char **err)
{
  g_autofree char *owned = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) resolve (run->program, &owned));
  for (const char *const *a = run->args; a != NULL && *a != NULL; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);

  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (
    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
    | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, run->cwd ? run->cwd : TAPFORM_SOURCE_DIR);
  for (const char *const *e = run->env; e != NULL && *e != NULL; e++)
    {
      const char *eq = strchr (*e, '=');
      g_autofree char *name = eq ? g_strndup (*e, (gsize) (eq - *e)) : g_strdup (*e);
      if (eq != NULL)
        g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, name);
    }
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GSubprocess) child = g_subprocess_launcher_spawnv (
    launcher, (const char *const *) argv->pdata, &error);
  if (child == NULL)
    return -1;
  g_autoptr (GBytes) input = g_bytes_new (run->input, run->input ? strlen (run->input) : 0);
  g_autoptr (GBytes) o = NULL;
  g_autoptr (GBytes) e = NULL;
  cr_assert (g_subprocess_communicate (child, input, NULL, &o, &e, &error), "running %s: %s",
             run->program, error ? error->message : "");
  if (run->seconds != NULL)
    *run->seconds = (g_get_monotonic_time () - start) / 1e6;
  if (out != NULL)
    *out = bytes_text (o);
  if (err != NULL)
    *err = bytes_text (e);
  return g_subprocess_get_if_exited (child) ? g_subprocess_get_exit_status (child) : -1;
}

int
tf_test_run (const char *const *argv, char **out, char **err)
{
  TfTestRun run = { argv[0], argv + 1, NULL, NULL, NULL, NULL };
  return tf_test_run_program (&run, out, err);
}

gboolean
tf_test_have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);
  return path != NULL;
}
