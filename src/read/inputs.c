#include "read/inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

static void
input_free (TfInput *in)
{
  g_free (in->path);
  g_free (in->display);
  g_free (in->unlisted);
  g_free (in);
}

void
tf_inputs_free (TfInputs *inputs)
{
  if (inputs == NULL)
    return;
  g_ptr_array_unref (inputs->items);
  g_ptr_array_unref (inputs->empty_folders);
  g_free (inputs);
}

static void
add_input (TfInputs *inputs, const char *path, const char *unlisted)
{
  TfInput *in = g_new0 (TfInput, 1);
  in->path = g_strdup (path);
  in->display = g_filename_display_name (path);
  in->unlisted = g_strdup (unlisted);
  g_ptr_array_add (inputs->items, in);
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
 * cannot be listed into `unlisted` (path → reason). `visited` holds the
 * folders seen ("dev:ino"), so that a symbolic link loop ends. */
static void
walk (const char *dir, GPtrArray *found, GHashTable *unlisted, GHashTable *visited)
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
      g_ptr_array_add (found, g_strdup (dir));
      g_hash_table_insert (unlisted, g_strdup (dir), g_strdup (g_strerror (saved)));
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
        walk (path, found, unlisted, visited);
      else if (is_pdf_name (name))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  closedir (d);
}

/* Adds the PDFs of the folder `dir`, sorted by path; unlistable folders
 * take their place in that order like files. */
static void
add_folder (TfInputs *inputs, const char *dir)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) unlisted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           g_free);
  g_autoptr (GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
  walk (dir, found, unlisted, visited);
  g_ptr_array_sort (found, compare_paths);
  for (guint j = 0; j < found->len; j++)
    add_input (inputs, found->pdata[j], g_hash_table_lookup (unlisted, found->pdata[j]));
  if (found->len == 0)
    g_ptr_array_add (inputs->empty_folders, g_filename_display_name (dir));
}

TfInputs *
tf_inputs_list (const char *const *args)
{
  TfInputs *inputs = g_new0 (TfInputs, 1);
  inputs->items = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  inputs->empty_folders = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; args[i] != NULL; i++)
    {
      struct stat st;
      if (stat (args[i], &st) == 0 && S_ISDIR (st.st_mode))
        add_folder (inputs, args[i]);
      else
        add_input (inputs, args[i], NULL);
    }
  return inputs;
}
