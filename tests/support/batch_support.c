#include "batch_support.h"

#include "batch/worker.h"
#include "out/record_json.h"

#include <criterion/criterion.h>
#include <string.h>
#include <sys/wait.h>

int
batch_run_reader (const char *const *args, const char *faults, char **out, char **err,
                  double *seconds)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) (TAPFORM_BINARY_DIR "/tapform-read"));
  for (const char *const *a = args; *a != NULL; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  g_auto (GStrv) env = g_get_environ ();
  env = faults ? g_environ_setenv (env, TF_WORKER_FAULTS_ENV, faults, TRUE)
               : g_environ_unsetenv (env, TF_WORKER_FAULTS_ENV);
  g_autoptr (GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();
  gboolean ran = g_spawn_sync (TAPFORM_SOURCE_DIR, (char **) argv->pdata, env, G_SPAWN_DEFAULT,
                               NULL, NULL, out, err, &status, &error);
  cr_assert (ran, "running tapform-read: %s", error ? error->message : "");
  if (seconds != NULL)
    *seconds = (g_get_monotonic_time () - start) / 1e6;
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

GStrv
batch_lines (const char *jsonl)
{
  g_autofree char *copy = g_strdup (jsonl ? jsonl : "");
  gsize len = strlen (copy);
  if (len > 0 && copy[len - 1] == '\n')
    copy[len - 1] = '\0';
  if (*copy == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (copy, "\n", -1);
}

GPtrArray *
batch_parse_jsonl (const char *jsonl)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_auto (GStrv) lines = batch_lines (jsonl);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      cr_assert (json_parser_load_from_data (parser, lines[i], -1, NULL), "line %u: %s", i,
                 lines[i]);
      g_ptr_array_add (list, json_node_copy (json_parser_get_root (parser)));
    }
  return list;
}

char *
batch_expected_record (const ReadTestReader *r, const char *path)
{
  g_autoptr (TfReply) reply = read_test_reply (r, path);
  return tf_record_to_json (reply, NULL);
}

const char *
batch_first_code (JsonNode *record)
{
  JsonArray *problems = json_object_get_array_member (json_node_get_object (record), "problems");
  if (json_array_get_length (problems) == 0)
    return "";
  return json_object_get_string_member (json_array_get_object_element (problems, 0), "code");
}

const char *
batch_member (JsonNode *record, const char *member)
{
  JsonObject *o = json_node_get_object (record);
  if (!json_object_has_member (o, member) || json_object_get_null_member (o, member))
    return NULL;
  return json_object_get_string_member (o, member);
}

char *
batch_copy (const char *from, const char *dir, const char *name)
{
  g_autofree char *source = g_path_is_absolute (from)
                              ? g_strdup (from)
                              : g_build_filename (TAPFORM_SOURCE_DIR, from, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  cr_assert (g_file_get_contents (source, &data, &len, NULL), "reading %s", source);
  char *path = g_build_filename (dir, name, NULL);
  cr_assert (g_file_set_contents (path, data, (gssize) len, NULL), "writing %s", path);
  return path;
}

char *
batch_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  cr_assert (g_file_get_contents (path, &data, &len, NULL), "reading %s", path);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}
