/* test_out_csv.c — CSV cells (RFC 4180 quoting, formula neutralization),
 * the fixed columns, and the writer's formats. */
#include "read_support.h"

#include "common/tf_error.h"
#include "out/record_csv.h"
#include "out/record_writer.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>

static char *
cell (const char *value)
{
  GString *out = g_string_new (NULL);
  tf_csv_append_cell (out, value);
  return g_string_free (out, FALSE);
}

static void
assert_cell (const char *value, const char *expected)
{
  g_autofree char *got = cell (value);
  cr_assert_str_eq (got, expected, "cell of \"%s\"", value ? value : "(null)");
}

Test (csv, plain_values_are_written_as_they_are)
{
  assert_cell (NULL, "");
  assert_cell ("", "");
  assert_cell ("France", "France");
  assert_cell ("Côte d'Ivoire", "Côte d'Ivoire");
  assert_cell ("中国", "中国");
}

Test (csv, rfc4180_quoting)
{
  assert_cell ("Paris, France", "\"Paris, France\"");
  assert_cell ("the \"Ministry\"", "\"the \"\"Ministry\"\"\"");
  assert_cell ("line 1\nline 2", "\"line 1\nline 2\"");
  assert_cell ("a\rb", "\"a\rb\"");
  assert_cell ("\"", "\"\"\"\"");
}

Test (csv, formulas_are_neutralized)
{
  assert_cell ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"");
  assert_cell ("=1+2", "'=1+2");
  assert_cell ("+41 22 730 5111", "'+41 22 730 5111");
  assert_cell ("-2", "'-2");
  assert_cell ("@SUM(A1)", "'@SUM(A1)");
  assert_cell ("\tx", "'\tx");
  assert_cell ("\rx", "\"'\rx\"");
  assert_cell ("=a,b", "\"'=a,b\"");
  /* Only the first character counts. */
  assert_cell ("a=b", "a=b");
  assert_cell ("Jean-Luc", "Jean-Luc");
}

/* Splits one CSV document into rows of cells, RFC 4180 style: the check
 * that what is written reads back as the same cells. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *c = g_string_new (NULL);
  const char *p = text;
  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; *p != '\0'; p++)
            {
              if (*p == '"' && p[1] == '"')
                g_string_append_c (c, *p++);
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (c, *p);
            }
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (c->str));
          g_string_truncate (c, 0);
          p++;
        }
      else if (p[0] == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (c->str));
          g_string_truncate (c, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          cr_assert (*p != '\r' && *p != '\n' && *p != '"', "a bare CR, LF or quote at %ld",
                     (long) (p - text));
          g_string_append_c (c, *p++);
        }
    }
  cr_assert_eq (row->len, 0, "the last row ends with CRLF");
  g_ptr_array_unref (row);
  g_string_free (c, TRUE);
  return rows;
}

READ_TEST_FIXTURE

static const char *
at (GPtrArray *row, guint i)
{
  return row->pdata[i];
}

static int
column (GPtrArray *header, const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_str_equal (at (header, i), name))
      return (int) i;
  cr_assert_fail ("no column %s", name);
  return -1;
}

Test (csv, fixed_columns_and_rows_read_back, .init = read_fixture_setup, .fini = read_fixture_teardown)
{
  const char *values[] = {
    "sender.name", "=cmd|' /C calc'!A0",
    "sender.title", "Head, \"International\" Affairs",
    "sender.address", "Line 1\r\nLine 2",
    "sender.fax", "+41 22 000 0000",
    "sender.email", "a@example.org",
    "sender.member_state", "Switzerland",
    "text.x1054.authority", "assign",
    "text.x1054.comments", "attached",
    "text.x1148.authority", "withhold",
    NULL,
  };
  g_autoptr (TfRawReply) raw = read_test_raw_new (r, values);
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "-replies/che.pdf", raw);
  g_autoptr (TfRawReply) bad = tf_raw_reply_new (TF_READ_NOT_PDF, "empty, not a PDF");
  bad->sha256 = g_strdup ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_autoptr (TfReply) invalid = tf_reader_reply (r->reader, "empty.pdf", bad);

  g_autoptr (GString) out = g_string_new (NULL);
  tf_csv_append_header (out, r->form);
  tf_csv_append_row (out, r->form, reply);
  tf_csv_append_row (out, r->form, invalid);
  g_autoptr (GPtrArray) rows = parse_csv (out->str);
  cr_assert_eq (rows->len, 3);
  GPtrArray *header = rows->pdata[0], *row = rows->pdata[1], *row2 = rows->pdata[2];
  guint n = 4 + 5 + 2 * r->form->texts->len + 5;
  cr_assert_eq (header->len, n, "%u columns", header->len);
  cr_assert_eq (row->len, n);
  cr_assert_eq (row2->len, n);

  const char *first[] = { "file", "status", "member_state", "member_state_code",
                          "sender_name", "sender_title", "sender_address", "sender_fax",
                          "sender_email", "x1054_authority", "x1054_comments",
                          "x1148_authority" };
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    cr_assert_str_eq (at (header, i), first[i]);
  cr_assert_str_eq (at (header, n - 5), "problems");
  cr_assert_str_eq (at (header, n - 4), "messages");
  cr_assert_str_eq (at (header, n - 3), "form");
  cr_assert_str_eq (at (header, n - 2), "sha256");
  cr_assert_str_eq (at (header, n - 1), "language");

  cr_assert_str_eq (at (row, column (header, "file")), "'-replies/che.pdf");
  cr_assert_str_eq (at (row, column (header, "status")), "incomplete");
  cr_assert_str_eq (at (row, column (header, "member_state")), "Switzerland");
  cr_assert_str_eq (at (row, column (header, "member_state_code")), "CHE");
  cr_assert_str_eq (at (row, column (header, "sender_name")), "'=cmd|' /C calc'!A0");
  cr_assert_str_eq (at (row, column (header, "sender_title")), "Head, \"International\" Affairs");
  cr_assert_str_eq (at (row, column (header, "sender_address")), "Line 1\nLine 2");
  cr_assert_str_eq (at (row, column (header, "sender_fax")), "'+41 22 000 0000");
  cr_assert_str_eq (at (row, column (header, "x1054_authority")), "assign");
  cr_assert_str_eq (at (row, column (header, "x1054_comments")), "attached");
  cr_assert_str_eq (at (row, column (header, "x1148_authority")), "withhold");
  cr_assert_str_eq (at (row, column (header, "x1148_comments")), "");
  cr_assert_str_eq (at (row, column (header, "x1216_authority")), "");
  const char *problems = at (row, column (header, "problems"));
  cr_assert (g_str_has_prefix (problems, "authority-missing text.x1216.authority; "), "%s",
             problems);
  cr_assert_str_eq (at (row, column (header, "form")), "tsb-246-annex2@1");
  cr_assert_str_eq (at (row, column (header, "language")), "en");

  cr_assert_str_eq (at (row2, column (header, "status")), "invalid");
  cr_assert_str_eq (at (row2, column (header, "problems")), "not-pdf");
  cr_assert_str_eq (at (row2, column (header, "x1054_authority")), "");
  cr_assert (g_str_has_prefix (at (row2, column (header, "messages")), "The file is empty"));
  cr_assert_str_eq (at (row2, column (header, "form")), "");
  cr_assert_str_eq (at (row2, column (header, "language")), "");
}

static char *
write_all (TfRecordFormat format, gboolean bom, TfReply **replies, guint n)
{
  char *buf = NULL;
  size_t size = 0;
  FILE *fp = open_memstream (&buf, &size);
  TfRecordWriterOptions options = { format, bom };
  g_autoptr (TfRecordWriter) w = tf_record_writer_new (fp, r->form, &options);
  g_autoptr (GError) error = NULL;
  for (guint i = 0; i < n; i++)
    cr_assert (tf_record_writer_add (w, replies[i], &error));
  cr_assert (tf_record_writer_finish (w, &error));
  fclose (fp);
  return buf;
}

Test (writer, formats, .init = read_fixture_setup, .fini = read_fixture_teardown)
{
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_NOT_PDF, "empty, not a PDF");
  g_autoptr (TfReply) a = tf_reader_reply (r->reader, "a.pdf", raw);
  g_autoptr (TfReply) b = tf_reader_reply (r->reader, "b.pdf", raw);
  TfReply *both[] = { a, b };

  g_autofree char *jsonl = write_all (TF_FORMAT_JSONL, FALSE, both, 2);
  g_auto (GStrv) lines = g_strsplit (jsonl, "\n", -1);
  cr_assert_eq (g_strv_length (lines), 3);
  cr_assert (g_str_has_prefix (lines[0], "{\"file\":\"a.pdf\","));
  cr_assert (g_str_has_prefix (lines[1], "{\"file\":\"b.pdf\","));
  cr_assert_str_eq (lines[2], "");

  g_autofree char *json = write_all (TF_FORMAT_JSON, FALSE, both, 2);
  g_autoptr (JsonParser) parser = json_parser_new ();
  cr_assert (json_parser_load_from_data (parser, json, -1, NULL), "%s", json);
  JsonArray *array = json_node_get_array (json_parser_get_root (parser));
  cr_assert_eq (json_array_get_length (array), 2);
  cr_assert_str_eq (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                   "file"), "b.pdf");

  g_autofree char *empty = write_all (TF_FORMAT_JSON, FALSE, NULL, 0);
  cr_assert_str_eq (empty, "[]\n");
  g_autofree char *empty_lines = write_all (TF_FORMAT_JSONL, FALSE, NULL, 0);
  cr_assert_str_eq (empty_lines, "");

  g_autofree char *csv = write_all (TF_FORMAT_CSV, TRUE, both, 2);
  cr_assert (g_str_has_prefix (csv, TF_CSV_BOM "file,status,"));
  g_autoptr (GPtrArray) rows = parse_csv (csv + strlen (TF_CSV_BOM));
  cr_assert_eq (rows->len, 3);
  g_autofree char *header_only = write_all (TF_FORMAT_CSV, FALSE, NULL, 0);
  cr_assert (g_str_has_prefix (header_only, "file,status,"));
  cr_assert (g_str_has_suffix (header_only, ",sha256,language\r\n"));

  TfRecordFormat f;
  cr_assert (tf_record_format_from_name ("CSV", &f) && f == TF_FORMAT_CSV);
  cr_assert_not (tf_record_format_from_name ("xml", &f));
}

Test (writer, a_write_error_is_reported, .init = read_fixture_setup, .fini = read_fixture_teardown)
{
  FILE *fp = fopen ("/dev/full", "w");
  cr_assert_not_null (fp);
  setvbuf (fp, NULL, _IONBF, 0);
  g_autoptr (TfRecordWriter) w = tf_record_writer_new (fp, r->form, NULL);
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_NOT_PDF, "empty, not a PDF");
  g_autoptr (TfReply) a = tf_reader_reply (r->reader, "a.pdf", raw);
  g_autoptr (GError) error = NULL;
  gboolean ok = tf_record_writer_add (w, a, &error) && tf_record_writer_finish (w, &error);
  cr_assert_not (ok);
  cr_assert (g_error_matches (error, TF_ERROR, TF_ERROR_IO));
  cr_assert (strstr (error->message, "No space left") != NULL, "%s", error->message);
  fclose (fp);
}
