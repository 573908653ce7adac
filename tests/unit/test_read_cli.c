/* test_read_cli.c — tapform-read as its users run it: folders with good and
 * hostile files, one record per file in a stable order, the formats, the
 * output file, messages and exit codes. */
#include "read_schema.h"
#include "emit_support.h"
#include "jsonl.h"
#include "read_support.h"
#include "test_util.h"

#include <cairo-pdf.h>
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <errno.h>



READ_TEST_SUITE (cli);

static char *
in_tmp (const char *relative)
{
  char *path = g_build_filename (tmp, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0755);
  return path;
}

static void
write_file (const char *relative, const void *data, gsize len)
{
  g_autofree char *path = in_tmp (relative);
  cr_assert (g_file_set_contents (path, data, (gssize) len, NULL), "writing %s", path);
}

static void
fill_to (const char *relative, const char *spec)
{
  g_autofree char *blank = read_test_emit (r, tmp, "blank.form", NULL);
  g_autofree char *out = in_tmp (relative);
  read_test_fill (blank, spec, out);
  g_unlink (blank);
}

static const char complete_values[] =
  "\"sender.name\": \"Ana López\", \"sender.title\": \"Directora\","
  " \"sender.member_state\": \"Spain\", \"sender.email\": \"ana@example.es\","
  " \"text.x1054.authority\": \"withhold\", \"text.x1148.authority\": \"withhold\","
  " \"text.x1216.authority\": \"withhold\", \"text.x1254.authority\": \"withhold\","
  " \"text.x1279.authority\": \"withhold\", \"text.x1366.authority\": \"withhold\","
  " \"text.x1367.authority\": \"withhold\", \"text.x1403.authority\": \"withhold\","
  " \"text.x1606.authority\": \"withhold\", \"text.x1750.authority\": \"withhold\","
  " \"text.x1751.authority\": \"assign\", \"text.x1751.comments\": \"none\"";

static void
make_complete (const char *relative)
{
  g_autofree char *spec = g_strdup_printf ("{\"values\": {%s}}", complete_values);
  fill_to (relative, spec);
}

/* Parses JSON Lines; every record must validate against the schema. */
static GPtrArray *
records (const char *jsonl)
{
  GPtrArray *list = jsonl_parse (jsonl);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *err = read_schema_check (r->schema, list->pdata[i]);
      cr_assert_null (err, "record %u against the schema: %s", i, err);
    }
  return list;
}

Test (cli, a_folder_of_good_and_hostile_files_gives_one_record_each_in_order)
{
  make_complete ("in/a-complete.pdf");
  g_autofree char *incomplete = g_strdup ("{\"values\": {\"sender.name\": \"X\"}}");
  fill_to ("in/b-incomplete.pdf", incomplete);
  write_file ("in/c-empty.pdf", "", 0);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I' };
  write_file ("in/d-scan.PDF", png, sizeof png);
  guint8 noise[2048];
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) (i * 7919u >> 3);
  write_file ("in/e-random.pdf", noise, sizeof noise);
  {
    g_autofree char *blank = read_test_emit (r, tmp, "blank.form", NULL);
    g_autofree char *data = NULL;
    gsize len = 0;
    cr_assert (g_file_get_contents (blank, &data, &len, NULL));
    write_file ("in/sub/f-truncated.pdf", data, len / 2);
    g_autofree char *locked = in_tmp ("in/sub/g-locked.pdf");
    const char *argv[] = { "qpdf", "--encrypt", "u", "o", "256", "--", blank, locked, NULL };
    int status = 0;
    cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                             NULL, &status, NULL) && g_spawn_check_wait_status (status, NULL));
    g_unlink (blank);
  }
  fill_to ("in/sub/h-other-form.pdf", "{\"values\": {\"form.id\": \"tsb-250-annex2@1\"}}");
  fill_to ("in/sub/i-no-id.pdf", "{\"remove\": [\"form.id\", \"sender.name\"]}");
  {
    g_autofree char *printed = in_tmp ("in/sub/j-printed.pdf");
    cairo_surface_t *surface = cairo_pdf_surface_create (printed, 595, 842);
    cairo_t *cr = cairo_create (surface);
    cairo_rectangle (cr, 72, 72, 200, 20);
    cairo_stroke (cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  write_file ("in/notes.txt", "not a pdf name: not read", 24);
  make_complete ("in/z-last.pdf");

  g_autofree char *dir = g_build_filename (tmp, "in", NULL);
  const char *args[] = { dir, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int status = tf_test_run_program (TF_TEST_READ (args), &out, &err);
  cr_assert_eq (status, 1, "some reply is not complete; stderr: %s", err);
  cr_assert_str_eq (err, "", "nothing on stderr: the records say it all");

  g_autoptr (GPtrArray) list = records (out);
  static const struct { const char *file; const char *status; const char *code; } expected[] = {
    { "in/a-complete.pdf", "complete", "" },
    { "in/b-incomplete.pdf", "incomplete", "title-missing" },
    { "in/c-empty.pdf", "invalid", "not-pdf" },
    { "in/d-scan.PDF", "invalid", "not-pdf" },
    { "in/e-random.pdf", "invalid", "not-pdf" },
    { "in/sub/f-truncated.pdf", "invalid", "damaged" },
    { "in/sub/g-locked.pdf", "invalid", "encrypted" },
    { "in/sub/h-other-form.pdf", "invalid", "wrong-form" },
    { "in/sub/i-no-id.pdf", "invalid", "wrong-form" },
    { "in/sub/j-printed.pdf", "invalid", "no-form" },
    { "in/z-last.pdf", "complete", "" },
  };
  cr_assert_eq (list->len, G_N_ELEMENTS (expected), "%u records:\n%s", list->len, out);
  for (guint i = 0; i < list->len; i++)
    {
      JsonObject *o = jsonl_record (list, i);
      g_autofree char *file = g_build_filename (tmp, expected[i].file, NULL);
      cr_assert_str_eq (jsonl_string (o, "file"), file);
      cr_assert_str_eq (jsonl_string (o, "status"), expected[i].status, "%s", file);
      cr_assert_str_eq (jsonl_first_code (o), expected[i].code, "%s", file);
    }
  JsonObject *a = jsonl_record (list, 0);
  cr_assert_str_eq (jsonl_string (json_object_get_object_member (a, "sender"), "name"), "Ana López");
  cr_assert_str_eq (jsonl_string (a, "member_state_code"), "ESP");
  JsonObject *png_record = jsonl_record (list, 3);
  const char *message = json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (png_record, "problems"), 0),
    "message");
  cr_assert (strstr (message, "PNG image") != NULL, "%s", message);
}

Test (cli, exit_status_zero_when_every_reply_is_complete)
{
  make_complete ("a.pdf");
  make_complete ("b.pdf");
  g_autofree char *a = g_build_filename (tmp, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (tmp, "b.pdf", NULL);
  const char *args[] = { b, a, NULL };
  g_autofree char *out = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (args), &out, NULL), 0);
  g_autoptr (GPtrArray) list = records (out);
  cr_assert_eq (list->len, 2);
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 0), "file"), b, "files are read in the order given");
}

Test (cli, a_file_that_cannot_be_read_gets_a_record_and_a_message)
{
  make_complete ("a.pdf");
  g_autofree char *a = g_build_filename (tmp, "a.pdf", NULL);
  g_autofree char *gone = g_build_filename (tmp, "vanished.pdf", NULL);
  const char *args[] = { gone, a, NULL };
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (args), &out, &err), 3);
  g_autofree char *line = g_strdup_printf ("tapform-read: %s: cannot be read: %s\n", gone,
                                           g_strerror (ENOENT));
  cr_assert_str_eq (err, line);
  g_autoptr (GPtrArray) list = records (out);
  cr_assert_eq (list->len, 2);
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 0), "status"), "invalid");
  cr_assert_str_eq (jsonl_first_code (jsonl_record (list, 0)), "unreadable");
  cr_assert_null (jsonl_string (jsonl_record (list, 0), "sha256"));
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 1), "status"), "complete", "the other file is read");
}

Test (cli, a_folder_that_cannot_be_read_gets_a_record_and_a_message)
{
  make_complete ("in/a.pdf");
  g_autofree char *locked = in_tmp ("in/locked/x.pdf");
  write_file ("in/locked/x.pdf", "x", 1);
  g_autofree char *locked_dir = g_path_get_dirname (locked);
  g_chmod (locked_dir, 0);
  g_chmod (tmp, 0755);
  g_autofree char *dir = g_build_filename (tmp, "in", NULL);
  /* Root reads any folder: run as nobody, where setpriv allows it. */
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  if (getuid () == 0)
    {
      if (!g_file_test ("/usr/bin/setpriv", G_FILE_TEST_IS_EXECUTABLE))
        cr_skip_test ("running as root without setpriv: every folder is readable");
      const char *as_nobody[] = { "/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                                  "--clear-groups", TAPFORM_BINARY_DIR "/tapform-read", dir,
                                  NULL };
      for (guint i = 0; as_nobody[i]; i++)
        g_ptr_array_add (argv, (gpointer) as_nobody[i]);
    }
  else
    {
      g_ptr_array_add (argv, (gpointer) TAPFORM_BINARY_DIR "/tapform-read");
      g_ptr_array_add (argv, dir);
    }
  g_ptr_array_add (argv, NULL);
  /* nobody may not reach the source tree (a checkout under /root): give
   * the tool a copy of its data where it can read it. */
  g_autofree char *data = g_build_filename (tmp, "data", NULL);
  const char *copy[] = { "cp", "-r", TAPFORM_SOURCE_DIR "/forms", TAPFORM_SOURCE_DIR "/fonts",
                         data, NULL };
  g_mkdir_with_parents (data, 0755);
  cr_assert (g_spawn_sync (NULL, (char **) copy, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                           NULL, NULL, NULL));
  const char *readable[] = { "chmod", "-R", "a+rX", data, NULL };
  cr_assert (g_spawn_sync (NULL, (char **) readable, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                           NULL, NULL, NULL));
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "TAPFORM_DATADIR", data, TRUE);
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                           &err, &status, NULL));
  g_chmod (locked_dir, 0755);
  cr_assert (WIFEXITED (status));
  cr_assert_eq (WEXITSTATUS (status), 3, "%s", err);
  g_autofree char *line = g_strdup_printf ("tapform-read: %s: cannot read the folder: %s\n",
                                           locked_dir, g_strerror (EACCES));
  cr_assert_str_eq (err, line);
  g_autoptr (GPtrArray) list = records (out);
  cr_assert_eq (list->len, 2);
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 0), "status"), "complete");
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 1), "file"), locked_dir);
  cr_assert_str_eq (jsonl_first_code (jsonl_record (list, 1)), "unreadable");
}

Test (cli, formats_and_output_file)
{
  make_complete ("a.pdf");
  write_file ("b.pdf", "", 0);
  g_autofree char *a = g_build_filename (tmp, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (tmp, "b.pdf", NULL);

  const char *json_args[] = { "--format", "json", a, b, NULL };
  g_autofree char *json = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (json_args), &json, NULL), 1);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonArray *array = json_node_get_array (json_parser_get_root (parser));
  cr_assert_eq (json_array_get_length (array), 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *e = read_schema_check (r->schema, json_array_get_element (array, i));
      cr_assert_null (e, "%s", e);
    }

  g_autofree char *csv_path = g_build_filename (tmp, "out.csv", NULL);
  const char *csv_args[] = { "--format", "csv", "--csv-bom", "-o", csv_path, a, b, NULL };
  g_autofree char *stdout_text = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (csv_args), &stdout_text, NULL), 1);
  cr_assert_str_eq (stdout_text, "", "records go to the file");
  g_autofree char *csv = NULL;
  cr_assert (g_file_get_contents (csv_path, &csv, NULL, NULL));
  cr_assert (g_str_has_prefix (csv, "\xEF\xBB\xBF" "file,status,member_state,"));
  g_auto (GStrv) rows = g_strsplit (csv, "\r\n", -1);
  cr_assert_eq (g_strv_length (rows), 4, "header, 2 rows, and the last CRLF");
  g_autofree char *row_a = g_strdup_printf ("%s,complete,Spain,ESP,Ana López,Directora,,,", a);
  cr_assert (g_str_has_prefix (rows[1], row_a), "%s", rows[1]);
  g_autofree char *row_b = g_strdup_printf ("%s,invalid,,,", b);
  cr_assert (g_str_has_prefix (rows[2], row_b), "%s", rows[2]);
  /* No temporary file is left beside the output. */
  g_autoptr (GDir) d = g_dir_open (tmp, 0, NULL);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    cr_assert_not (g_str_has_prefix (name, "out.csv."), "left behind: %s", name);
}

Test (cli, output_through_a_symlink_keeps_the_link)
{
  make_complete ("a.pdf");
  g_autofree char *a = g_build_filename (tmp, "a.pdf", NULL);
  g_autofree char *target = g_build_filename (tmp, "records.jsonl", NULL);
  g_autofree char *link = g_build_filename (tmp, "latest.jsonl", NULL);
  cr_assert (g_file_set_contents (target, "old\n", -1, NULL));
  cr_assert_eq (symlink ("records.jsonl", link), 0);
  const char *args[] = { "-o", link, a, NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (args), NULL, NULL), 0);
  cr_assert (g_file_test (link, G_FILE_TEST_IS_SYMLINK), "the link was replaced");
  g_autofree char *text = NULL;
  cr_assert (g_file_get_contents (target, &text, NULL, NULL));
  g_autoptr (GPtrArray) list = records (text);
  cr_assert_eq (list->len, 1, "%s", text);
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 0), "status"), "complete");
}

Test (cli, usage_errors_exit_2)
{
  g_autofree char *err = NULL;
  const char *none[] = { NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (none), NULL, &err), 2);
  cr_assert (g_str_has_prefix (err, "tapform-read: "), "%s", err);
  g_clear_pointer (&err, g_free);
  const char *bad_format[] = { "--format", "xml", tmp, NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (bad_format), NULL, &err), 2);
  cr_assert (strstr (err, "\"xml\"") != NULL, "%s", err);
  g_clear_pointer (&err, g_free);
  const char *bad_option[] = { "--no-such-option", tmp, NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (bad_option), NULL, &err), 2);
  g_clear_pointer (&err, g_free);
  const char *bad_form[] = { "-f", "/nonexistent/form.json", tmp, NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (bad_form), NULL, &err), 2);
  cr_assert (strstr (err, "/nonexistent/form.json") != NULL, "%s", err);
}

Test (cli, help_documents_exit_codes_and_messages)
{
  const char *help[] = { "--help", NULL };
  g_autofree char *out = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (help), &out, NULL), 0);
  cr_assert (strstr (out, "Exit status:") != NULL);
  cr_assert (strstr (out, "  0  every reply is complete") != NULL);
  cr_assert (strstr (out, "  1  some reply is incomplete or invalid") != NULL);
  cr_assert (strstr (out, "  2  usage error") != NULL);
  cr_assert (strstr (out, "tapform-read: FILE: what went wrong") != NULL);
  cr_assert (strstr (out, "--csv-bom") != NULL);
}

Test (cli, an_empty_folder_warns_and_a_symlink_loop_ends)
{
  g_autofree char *empty = in_tmp ("empty/x");
  g_autofree char *empty_dir = g_path_get_dirname (empty);
  g_autofree char *loop = g_build_filename (empty_dir, "loop", NULL);
  cr_assert_eq (symlink (empty_dir, loop), 0);
  const char *args[] = { empty_dir, NULL };
  g_autofree char *out = NULL, *err = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (args), &out, &err), 0);
  cr_assert_str_eq (out, "");
  g_autofree char *line = g_strdup_printf ("tapform-read: warning: %s: no PDF file in this folder\n",
                                           empty_dir);
  cr_assert_str_eq (err, line);
}

Test (cli, a_file_name_that_is_not_utf8)
{
  write_file ("r\xe9ponse.pdf", "", 0);
  g_autofree char *path = g_build_filename (tmp, "r\xe9ponse.pdf", NULL);
  const char *args[] = { path, NULL };
  g_autofree char *out = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (args), &out, NULL), 1);
  g_autoptr (GPtrArray) list = records (out);
  cr_assert_eq (list->len, 1);
  cr_assert (g_str_has_suffix (jsonl_string (jsonl_record (list, 0), "file"), "r\uFFFDponse.pdf"),
             "%s", jsonl_string (jsonl_record (list, 0), "file"));
}

Test (cli, another_form_definition_with_f)
{
  g_autofree char *def_path = emit_test_other_definition (tmp, "tsb-999-annex2");
  EmitTestForm *emit = emit_test_form_new (def_path);
  g_autofree char *blank = in_tmp ("other-blank.pdf");
  emit_test_write_path (emit, blank, NULL, NULL);
  emit_test_form_free (emit);
  g_autofree char *spec = g_strdup_printf ("{\"values\": {%s}}", complete_values);
  g_autofree char *other_reply = in_tmp ("other-reply.pdf");
  read_test_fill (blank, spec, other_reply);
  make_complete ("reply-246.pdf");
  g_autofree char *reply_246 = g_build_filename (tmp, "reply-246.pdf", NULL);

  const char *args[] = { "-f", def_path, other_reply, reply_246, NULL };
  g_autofree char *out = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_READ (args), &out, NULL), 1);
  g_autoptr (GPtrArray) list = records (out);
  cr_assert_eq (list->len, 2);
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 0), "status"), "complete", "%s", out);
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 0), "form"), "tsb-999-annex2@1");
  cr_assert_str_eq (jsonl_string (jsonl_record (list, 1), "status"), "invalid");
  cr_assert_str_eq (jsonl_first_code (jsonl_record (list, 1)), "wrong-form");
}
