/* test_read_pdf.c — the reading stage on real PDFs: where Poppler says the
 * widgets are, files re-saved and altered with pikepdf, encryption with
 * qpdf, hostile bytes, PDFs that are not the form, and reading in threads. */
#include "emit_support.h"
#include "read_support.h"
#include "test_util.h"

#include "read/read_pdf.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>



READ_TEST_SUITE (read);

static char *
path_in_tmp (const char *name)
{
  return g_build_filename (tmp, name, NULL);
}

static char *
filled (const char *name, const char *spec)
{
  g_autofree char *blank = read_test_emit (r, tmp, "blank.pdf", NULL);
  char *out = path_in_tmp (name);
  read_test_fill (blank, spec, out);
  return out;
}

static void
assert_codes (const TfReply *reply, const char *expected)
{
  g_autofree char *codes = read_test_problem_codes (reply);
  cr_assert_str_eq (codes, expected, "problems of %s", reply->file);
}

static const TfRawRadio *
raw_radio_with_tooltip (const TfRawReply *raw, const char *tooltip)
{
  for (guint i = 0; i < raw->radios->len; i++)
    {
      const TfRawRadio *radio = raw->radios->pdata[i];
      if (g_strcmp0 (radio->tooltip, tooltip) == 0)
        return radio;
    }
  return NULL;
}

/* Every radio widget reads back with the layout's /TU, page and rectangle. */
static void
assert_geometry (const TfRawReply *raw)
{
  guint n = 0;
  for (guint i = 0; i < r->layout->widgets->len; i++)
    {
      const TfWidget *w = r->layout->widgets->pdata[i];
      if (w->kind != TF_WIDGET_BOX && w->kind != TF_WIDGET_CIRCLE)
        continue;
      n++;
      const TfRawRadio *radio = raw_radio_with_tooltip (raw, w->tooltip);
      cr_assert_not_null (radio, "a widget with /TU \"%s\"", w->tooltip);
      cr_assert_str_eq (radio->field, w->field);
      cr_assert_eq (radio->page, w->page, "%s: page", w->tooltip);
      cr_assert (fabs (radio->rect.x - w->rect.x) < 0.01 && fabs (radio->rect.y - w->rect.y) < 0.01
                   && fabs (radio->rect.w - w->rect.w) < 0.01
                   && fabs (radio->rect.h - w->rect.h) < 0.01,
                 "%s: read at (%g, %g, %g, %g), laid out at (%g, %g, %g, %g)", w->tooltip,
                 radio->rect.x, radio->rect.y, radio->rect.w, radio->rect.h, w->rect.x,
                 w->rect.y, w->rect.w, w->rect.h);
    }
  cr_assert_eq (raw->radios->len, n, "one raw radio per layout radio widget");
}

Test (read, widgets_read_back_where_the_layout_put_them)
{
  g_autofree char *blank = read_test_emit (r, tmp, "blank.pdf", "France");
  g_autoptr (TfRawReply) raw = tf_read_file (blank);
  cr_assert_eq (raw->outcome, TF_READ_OK, "%s", raw->detail);
  cr_assert_eq (raw->n_pages, r->layout->n_pages);
  assert_geometry (raw);
  const TfRawField *id = tf_raw_reply_find_field (raw, "form.id");
  cr_assert_not_null (id);
  cr_assert_eq (id->kind, TF_RAW_TEXT);
  cr_assert_str_eq (id->value, "tsb-246-annex2@1");
  cr_assert_str_eq (tf_raw_reply_find_field (raw, "sender.member_state")->value, "France");
  cr_assert_null (tf_raw_reply_find_field (raw, "sender.name")->value);
  cr_assert_eq (tf_raw_reply_find_field (raw, "text.x1054.authority")->kind, TF_RAW_RADIO);
  const TfRawField *language = tf_raw_reply_find_field (raw, "form.language");
  cr_assert_not_null (language);
  cr_assert_str_eq (language->value, "en");
  /* 2 hidden + 6 text fields, 2 radio groups per text. */
  cr_assert_eq (raw->fields->len, 8 + 2 * r->form->texts->len);
  for (guint i = 0; i < raw->radios->len; i++)
    cr_assert_not (((TfRawRadio *) raw->radios->pdata[i])->on);

  g_autofree char *contents = NULL;
  gsize len = 0;
  cr_assert (g_file_get_contents (blank, &contents, &len, NULL));
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guint8 *) contents, len);
  cr_assert_str_eq (raw->sha256, sum);
  cr_assert_eq (raw->size, len);
  g_autofree char *created = g_date_time_format_iso8601 (raw->created);
  cr_assert_str_eq (created, "2020-04-22T00:00:00Z");
  cr_assert_null (raw->modified);
}

Test (read, a_crop_box_offset_is_added_back)
{
  g_autofree char *out = filled ("cropped.pdf", "{\"cropbox\": [20, 30, 575, 811],"
                                 " \"values\": {\"text.x1054.authority\": \"withhold\"}}");
  g_autoptr (TfRawReply) raw = tf_read_file (out);
  assert_geometry (raw);
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  cr_assert_eq (((TfReplyText *) reply->texts->pdata[0])->authority, TF_ANSWER_WITHHOLD);
  cr_assert_null (tf_reply_find_problem (reply, TF_PROBLEM_WIDGET_UNVERIFIED));
}

static const char complete_spec[] =
  "\"values\": {\"sender.name\": \"Li Wei\", \"sender.title\": \"Director\","
  " \"sender.address\": \"1 Road\\r\\nBeijing\", \"sender.email\": \"li@example.cn\","
  " \"sender.member_state\": \"China (People's Republic of)\","
  " \"text.x1054.authority\": \"assign\", \"text.x1054.comments\": \"attached\","
  " \"text.x1148.authority\": \"withhold\", \"text.x1216.authority\": \"assign\","
  " \"text.x1216.comments\": \"none\", \"text.x1254.authority\": \"withhold\","
  " \"text.x1279.authority\": \"withhold\", \"text.x1366.authority\": \"withhold\","
  " \"text.x1367.authority\": \"withhold\", \"text.x1403.authority\": \"withhold\","
  " \"text.x1606.authority\": \"withhold\", \"text.x1750.authority\": \"withhold\","
  " \"text.x1751.authority\": \"assign\", \"text.x1751.comments\": \"none\"}";

static void
assert_complete_spec (const TfReply *reply)
{
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE, "%s", reply->file);
  assert_codes (reply, "");
  cr_assert_str_eq (reply->member_state_code, "CHN");
  cr_assert_str_eq (tf_reply_sender_value (reply, "address"), "1 Road\nBeijing");
  const TfReplyText *t = reply->texts->pdata[0];
  cr_assert_eq (t->authority, TF_ANSWER_ASSIGN);
  cr_assert_eq (t->comments, TF_ANSWER_COMMENTS_ATTACHED);
  t = reply->texts->pdata[1];
  cr_assert_eq (t->authority, TF_ANSWER_WITHHOLD);
  cr_assert_eq (t->comments, TF_ANSWER_NONE);
  t = reply->texts->pdata[10];
  cr_assert_eq (t->comments, TF_ANSWER_NO_COMMENTS);
  read_test_assert_schema (r, reply);
}

Test (read, reordered_kids_and_annots_linearized_object_streams)
{
  g_autofree char *spec = g_strdup_printf ("{%s, \"reverse\": true, \"save\": {\"linearize\": true,"
                                           " \"object_streams\": \"generate\"}}", complete_spec);
  g_autofree char *out = filled ("reordered.pdf", spec);
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  assert_complete_spec (reply);
}

Test (read, modification_date_from_the_info_dictionary)
{
  g_autofree char *out = filled ("dated.pdf", "{\"info\": {\"/ModDate\": \"D:20200801120000+02'00'\"}}");
  g_autoptr (TfRawReply) raw = tf_read_file (out);
  cr_assert_not_null (raw->modified);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (raw->modified);
  g_autofree char *iso = g_date_time_format_iso8601 (utc);
  cr_assert_str_eq (iso, "2020-08-01T10:00:00Z");
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  cr_assert (g_date_time_equal (reply->pdf_modified, raw->modified));
}

static void
qpdf_encrypt (const char *in, const char *user, const char *owner, const char *out)
{
  const char *argv[] = { "qpdf", "--encrypt", user, owner, "256", "--", in, out, NULL };
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                           NULL, &status, NULL));
  cr_assert (g_spawn_check_wait_status (status, NULL), "qpdf --encrypt");
}

Test (read, an_owner_password_alone_does_not_stop_reading)
{
  g_autofree char *spec = g_strdup_printf ("{%s}", complete_spec);
  g_autofree char *out = filled ("filled.pdf", spec);
  g_autofree char *locked = path_in_tmp ("owner-locked.pdf");
  qpdf_encrypt (out, "", "owner-secret", locked);
  g_autoptr (TfReply) reply = read_test_reply (r, locked);
  assert_complete_spec (reply);
}

Test (read, a_user_password_makes_it_invalid)
{
  g_autofree char *spec = g_strdup_printf ("{%s}", complete_spec);
  g_autofree char *out = filled ("filled.pdf", spec);
  g_autofree char *locked = path_in_tmp ("user-locked.pdf");
  qpdf_encrypt (out, "user-secret", "owner-secret", locked);
  g_autoptr (TfRawReply) raw = tf_read_file (locked);
  cr_assert_eq (raw->outcome, TF_READ_ENCRYPTED);
  cr_assert_not_null (raw->sha256);
  g_autoptr (TfReply) reply = read_test_reply (r, locked);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "encrypted");
  cr_assert (strstr (((TfProblem *) reply->problems->pdata[0])->message, "password") != NULL);
  read_test_assert_schema (r, reply);
}

static TfRawReply *
read_data (const void *data, gsize len)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);
  return tf_read_bytes (bytes);
}

static void
assert_outcome (const void *data, gsize len, TfReadOutcome outcome, const char *detail)
{
  g_autoptr (TfRawReply) raw = read_data (data, len);
  cr_assert_eq (raw->outcome, outcome, "%s: got %s (%s)", detail,
                tf_read_outcome_name (raw->outcome), raw->detail);
  cr_assert (strstr (raw->detail, detail) != NULL, "\"%s\" in \"%s\"", detail, raw->detail);
  cr_assert_not_null (raw->sha256);
  cr_assert_eq (raw->fields->len, 0);
}

Test (read, bytes_that_are_not_a_pdf_say_what_they_are)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F' };
  static const guint8 zip[] = { 'P', 'K', 3, 4, 20, 0, 6, 0 };
  static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0 };
  static const char html[] = "\n  <!DOCTYPE html><html><body>Reply</body></html>";
  static const char text[] = "We support all texts.\nRegards";
  assert_outcome ("", 0, TF_READ_NOT_PDF, "empty, not a PDF");
  assert_outcome (png, sizeof png, TF_READ_NOT_PDF, "a PNG image");
  assert_outcome (jpeg, sizeof jpeg, TF_READ_NOT_PDF, "a JPEG image");
  assert_outcome (zip, sizeof zip, TF_READ_NOT_PDF, "a ZIP archive");
  assert_outcome (ole, sizeof ole, TF_READ_NOT_PDF, "an old Word, Excel or Outlook file");
  assert_outcome (html, strlen (html), TF_READ_NOT_PDF, "an HTML page");
  assert_outcome (text, strlen (text), TF_READ_NOT_PDF, "plain text");

  guint8 noise[4096];
  GRand *rand = g_rand_new_with_seed (246);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  noise[0] = 0x00;   /* no accidental text or signature */
  assert_outcome (noise, sizeof noise, TF_READ_NOT_PDF, "of an unknown kind");
}

Test (read, damaged_pdfs)
{
  g_autofree char *blank = read_test_emit (r, tmp, "blank.pdf", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  cr_assert (g_file_get_contents (blank, &data, &len, NULL));
  /* Cut anywhere, even just before "%%EOF". */
  gsize cuts[] = { 9, len / 3, len / 2, len - 200, len - 7 };
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    assert_outcome (data, cuts[i], TF_READ_DAMAGED, "cut short");
  /* A header and an end, garbage between. */
  static const char fake[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n%%EOF\n";
  assert_outcome (fake, strlen (fake), TF_READ_DAMAGED, "damaged");
  /* Junk before the header (as some mail gateways add) is tolerated. */
  g_autofree char *prefixed = g_malloc (len + 100);
  memset (prefixed, ' ', 100);
  memcpy (prefixed + 100, data, len);
  g_autoptr (TfRawReply) raw = read_data (prefixed, len + 100);
  cr_assert_eq (raw->outcome, TF_READ_OK, "%s", raw->detail);
}

Test (read, files_that_cannot_be_read)
{
  g_autoptr (TfRawReply) missing = tf_read_file ("/nonexistent/reply.pdf");
  cr_assert_eq (missing->outcome, TF_READ_UNREADABLE);
  cr_assert_str_eq (missing->detail, g_strerror (ENOENT));
  cr_assert_null (missing->sha256);
  g_autoptr (TfRawReply) folder = tf_read_file (tmp);
  cr_assert_eq (folder->outcome, TF_READ_UNREADABLE);
  cr_assert (strstr (folder->detail, "folder") != NULL);
  g_autoptr (TfReply) reply = tf_reader_reply (r->reader, "/nonexistent/reply.pdf", missing);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "unreadable");
  read_test_assert_schema (r, reply);
}

Test (read, a_pdf_without_a_form)
{
  g_autofree char *path = path_in_tmp ("printed.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  /* A drawing, no text: fontconfig's caches would look like leaks. */
  cairo_rectangle (cr, 72, 72, 200, 20);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_autoptr (TfReply) reply = read_test_reply (r, path);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "no-form");
  cr_assert_null (reply->form);
  read_test_assert_schema (r, reply);
}

Test (read, a_form_emitted_from_another_definition)
{
  g_autofree char *def_path = emit_test_other_definition (tmp, "tsb-999-annex2");
  EmitTestForm *emit = emit_test_form_new (def_path);
  g_autofree char *pdf = path_in_tmp ("other.pdf");
  emit_test_write_path (emit, pdf, NULL, NULL);
  emit_test_form_free (emit);

  g_autoptr (TfReply) reply = read_test_reply (r, pdf);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "wrong-form");
  cr_assert_str_eq (reply->form, "tsb-999-annex2@1");
  read_test_assert_schema (r, reply);
}

Test (read, form_id_lost_but_every_field_there)
{
  g_autofree char *spec = g_strdup_printf ("{%s, \"remove\": [\"form.id\"]}", complete_spec);
  g_autofree char *out = filled ("no-id.pdf", spec);
  g_autoptr (TfRawReply) raw = tf_read_file (out);
  cr_assert_null (tf_raw_reply_find_field (raw, "form.id"), "pikepdf removed it");
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "form-id-missing");
  cr_assert_str_eq (reply->form, "tsb-246-annex2@1");
}

Test (read, form_id_of_another_form)
{
  g_autofree char *out = filled ("relabelled.pdf", "{\"values\": {\"form.id\": \"tsb-250-annex2@1\"}}");
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  cr_assert_eq (reply->status, TF_STATUS_INVALID);
  assert_codes (reply, "wrong-form");
}

Test (read, swapped_tooltips_are_a_mismatch)
{
  /* The box that is ticked carries the other option's /TU. */
  g_autofree char *spec = g_strdup_printf (
    "{%s, \"tu\": {\"text.x1148.authority\": ["
    "\"ITU-T X.1148: does not assign authority to consider this text for approval\","
    "\"ITU-T X.1148: assigns authority to consider this text for approval\"]}}", complete_spec);
  g_autofree char *out = filled ("swapped.pdf", spec);
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "widget-mismatch");
  const TfProblem *p = tf_reply_find_problem (reply, TF_PROBLEM_WIDGET_MISMATCH);
  cr_assert_str_eq (p->field, "text.x1148.authority");
  cr_assert_eq (((TfReplyText *) reply->texts->pdata[1])->authority, TF_ANSWER_NONE);
  read_test_assert_schema (r, reply);
}

Test (read, two_widgets_sharing_an_on_state_are_a_conflict)
{
  g_autofree char *spec = g_strdup_printf (
    "{%s, \"on_state\": {\"text.x1254.authority\": [\"withhold\", \"withhold\"]}}", complete_spec);
  g_autofree char *out = filled ("both.pdf", spec);
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  cr_assert_eq (reply->status, TF_STATUS_INCOMPLETE);
  assert_codes (reply, "state-conflict");
  cr_assert_eq (((TfReplyText *) reply->texts->pdata[3])->authority, TF_ANSWER_NONE);
}

Test (read, a_moved_widget_is_recognized_by_its_tooltip_with_a_warning)
{
  g_autofree char *spec = g_strdup_printf (
    "{%s, \"move\": {\"text.x1751.comments\": [[0, 0], [0, 0]],"
    " \"text.x1751.authority\": [[150, 0], [150, 0]]}}", complete_spec);
  g_autofree char *out = filled ("moved.pdf", spec);
  g_autoptr (TfReply) reply = read_test_reply (r, out);
  cr_assert_eq (reply->status, TF_STATUS_COMPLETE);
  assert_codes (reply, "widget-unverified");
  cr_assert_eq (((TfReplyText *) reply->texts->pdata[10])->authority, TF_ANSWER_ASSIGN);
}

/* Reading shares no state: many threads reading at once get what one
 * thread gets (a batch runs the same function in worker processes). */
typedef struct {
  const char *path;
  char *sha256;
  guint on;
} ThreadRead;

static gpointer
read_in_thread (gpointer data)
{
  ThreadRead *t = data;
  for (int i = 0; i < 5; i++)
    {
      g_autoptr (TfRawReply) raw = tf_read_file (t->path);
      guint on = 0;
      for (guint j = 0; j < raw->radios->len; j++)
        on += ((TfRawRadio *) raw->radios->pdata[j])->on;
      if (i == 0)
        {
          t->sha256 = g_strdup (raw->sha256);
          t->on = on;
        }
      else if (on != t->on || g_strcmp0 (raw->sha256, t->sha256) != 0)
        t->on = G_MAXUINT;
    }
  return NULL;
}

Test (read, reading_in_threads_gives_the_same_results)
{
  g_autofree char *spec = g_strdup_printf ("{%s}", complete_spec);
  g_autofree char *out = filled ("filled.pdf", spec);
  ThreadRead reads[6];
  GThread *threads[6];
  for (guint i = 0; i < 6; i++)
    {
      reads[i] = (ThreadRead) { i % 2 ? out : tmp, NULL, 0 };
      threads[i] = g_thread_new ("read", read_in_thread, &reads[i]);
    }
  for (guint i = 0; i < 6; i++)
    g_thread_join (threads[i]);
  for (guint i = 0; i < 6; i++)
    {
      cr_assert_neq (reads[i].on, G_MAXUINT, "thread %u saw different results", i);
      if (i % 2)
        cr_assert_eq (reads[i].on, 14, "thread %u: %u widgets on", i, reads[i].on);
      g_free (reads[i].sha256);
    }
}

Test (read, a_session_changes_nothing_that_is_read)
{
  static const char *const samples[] = {
    "samples/replies/gbr-complete.pdf", "samples/replies/sau-arabic.pdf",
    "samples/replies/hostile-truncated.pdf", "samples/replies/hostile-not-a-pdf.pdf",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = tf_test_source_path (samples[i]);
      cr_assert (g_file_test (path, G_FILE_TEST_IS_REGULAR), "%s", path);
      g_autoptr (TfRawReply) alone = tf_read_file (path);
      g_autoptr (GVariant) a = tf_raw_reply_serialize (alone);
      TfReadSession *session = tf_read_session_new ();
      /* Twice in the session: the second read finds Poppler set up. */
      for (int k = 0; k < 2; k++)
        {
          g_autoptr (TfRawReply) in_session = tf_read_file (path);
          g_autoptr (GVariant) b = tf_raw_reply_serialize (in_session);
          cr_expect (g_variant_equal (a, b), "%s, read %d in a session", samples[i], k + 1);
        }
      tf_read_session_free (session);
    }
}
