#include "test_util.h"

#include <criterion/criterion.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
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

char *
tf_test_write (const char *dir, const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, NULL);
  return path;
}

int
tf_test_run (const char *const *argv, char **out, char **err)
{
  int status = 0;
  g_autoptr (GError) error = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out, err, &status, &error))
    return -1;
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  return -1;
}

gboolean
tf_test_have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);
  return path != NULL;
}
