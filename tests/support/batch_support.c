#include "batch_support.h"

#include "batch/worker.h"
#include "out/record_json.h"

#include <criterion/criterion.h>
#include <string.h>
#include <sys/wait.h>

char *
batch_expected_record (const ReadTestReader *r, const char *path)
{
  g_autoptr (TfReply) reply = read_test_reply (r, path);
  return tf_record_to_json (reply, NULL);
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
