#include "tf_data.h"

#include "tf_error.h"

#include <gio/gio.h>

/* The folder two levels above the running executable, or NULL: an installed
 * tool lives in <prefix>/bin and its data in <prefix>/share/tapform. */
static char *
exe_share_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe == NULL)
    return NULL;
  g_autofree char *bin = g_path_get_dirname (exe);
  g_autofree char *prefix = g_path_get_dirname (bin);
  return g_build_filename (prefix, "share", "tapform", NULL);
}

char *
tf_data_find (const char *relative, GError **error)
{
  g_autofree char *from_exe = exe_share_dir ();
  const char *dirs[] = {
    g_getenv ("TAPFORM_DATADIR"),
    from_exe,
    TAPFORM_SOURCE_DATADIR,
    TAPFORM_INSTALL_DATADIR,
  };
  g_autoptr (GString) tried = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;
      char *path = g_build_filename (dirs[i], relative, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return path;
      g_string_append_printf (tried, "%s%s", tried->len ? ", " : "", path);
      g_free (path);
    }
  g_set_error (error, TF_ERROR, TF_ERROR_NOT_FOUND,
               "%s: data file not found (looked in %s)", relative, tried->str);
  return NULL;
}
