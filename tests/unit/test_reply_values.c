/* test_reply_values.c — the value rules: text normalization, e-mail
 * addresses; and the raw reply's serialization for worker processes. */
#include "read/raw_reply.h"
#include "reply/reply.h"

#include <criterion/criterion.h>

static void
assert_normalized (const char *in, const char *expected)
{
  g_autofree char *out = tf_reply_normalize_text (in);
  if (expected == NULL)
    cr_assert_null (out, "\"%s\" gives \"%s\", not null", in, out);
  else
    cr_assert_str_eq (out ? out : "(null)", expected, "normalizing \"%s\"", in);
}

Test (values, line_ends_become_lf)
{
  assert_normalized ("a\r\nb", "a\nb");
  assert_normalized ("a\rb", "a\nb");
  assert_normalized ("a\r\rb", "a\n\nb");
  assert_normalized ("a\n\r\nb", "a\n\nb");
  assert_normalized ("a\r\n\r\nb\r", "a\n\nb");
}

Test (values, white_space_is_trimmed_empty_is_null)
{
  assert_normalized (NULL, NULL);
  assert_normalized ("", NULL);
  assert_normalized (" \t\r\n ", NULL);
  assert_normalized ("\u00a0\u3000\u2003", NULL);
  assert_normalized ("  Ana  María  ", "Ana  María");
  assert_normalized ("\u3000東京\u3000", "東京");
  assert_normalized ("x", "x");
}

Test (values, invalid_utf8_is_replaced)
{
  g_autofree char *out = tf_reply_normalize_text ("caf\xe9");
  cr_assert (g_utf8_validate (out, -1, NULL));
  cr_assert_str_eq (out, "caf\uFFFD");
}

Test (values, email_addresses)
{
  const char *good[] = {
    "a@example.org", "jeanne.martin@diplomatie.gouv.fr", "x_y+z@sub.example.co.uk",
    "a@example.org; b@example.org", "a@example.org, b@example.org",
    "mailto:a@example.org", "Ω@παράδειγμα.ελ",
  };
  const char *bad[] = {
    "", "   ", "john at example dot org", "john@", "@example.org", "john@example",
    "john@@example.org", "www.example.org", "John <john@example.org>",
    "john@example..org", "john@.example.org", "john@example.org.", "a@example.org; nope",
  };
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    cr_assert (tf_reply_email_is_valid (good[i]), "\"%s\" is an address", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    cr_assert_not (tf_reply_email_is_valid (bad[i]), "\"%s\" is not an address", bad[i]);
  cr_assert_not (tf_reply_email_is_valid (NULL));
}

Test (raw, serialization_round_trip)
{
  g_autoptr (TfRawReply) raw = tf_raw_reply_new (TF_READ_OK, NULL);
  raw->sha256 = g_strdup ("ab");
  raw->size = 123456;
  raw->n_pages = 3;
  raw->producer = g_strdup ("pikepdf 6.0");
  raw->modified = g_date_time_new_from_iso8601 ("2020-08-01T12:00:00+02:00", NULL);
  tf_raw_reply_add_field (raw, "sender.name", TF_RAW_TEXT, "Ана");
  tf_raw_reply_add_field (raw, "sender.fax", TF_RAW_TEXT, NULL);
  tf_raw_reply_add_field (raw, "text.x1054.authority", TF_RAW_RADIO, NULL);
  TfRect rect = { 214.69, 413.95, 10.5, 10.5 };
  tf_raw_reply_add_radio (raw, "text.x1054.authority", "ITU-T X.1054: tip", 0, &rect, TRUE);
  tf_raw_reply_add_radio (raw, "text.x1054.authority", NULL, 1, &rect, FALSE);

  g_autoptr (GVariant) v = tf_raw_reply_serialize (raw);
  /* Through bytes, as between processes. */
  g_autoptr (GBytes) bytes = g_variant_get_data_as_bytes (v);
  g_autoptr (GVariant) back_v = g_variant_new_from_bytes (g_variant_get_type (v), bytes, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (TfRawReply) back = tf_raw_reply_deserialize (back_v, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");
  cr_assert_eq (back->outcome, TF_READ_OK);
  cr_assert_null (back->detail);
  cr_assert_str_eq (back->sha256, "ab");
  cr_assert_eq (back->size, 123456);
  cr_assert_eq (back->n_pages, 3);
  cr_assert_str_eq (back->producer, "pikepdf 6.0");
  cr_assert_null (back->created);
  cr_assert (g_date_time_equal (back->modified, raw->modified));
  cr_assert_eq (back->fields->len, 3);
  cr_assert_str_eq (tf_raw_reply_find_field (back, "sender.name")->value, "Ана");
  cr_assert_null (tf_raw_reply_find_field (back, "sender.fax")->value);
  cr_assert_eq (tf_raw_reply_find_field (back, "text.x1054.authority")->kind, TF_RAW_RADIO);
  cr_assert_eq (back->radios->len, 2);
  TfRawRadio *r0 = back->radios->pdata[0], *r1 = back->radios->pdata[1];
  cr_assert_str_eq (r0->tooltip, "ITU-T X.1054: tip");
  cr_assert (r0->on);
  cr_assert_float_eq (r0->rect.y, 413.95, 1e-9);
  cr_assert_null (r1->tooltip);
  cr_assert_eq (r1->page, 1);
  cr_assert_not (r1->on);

  g_autoptr (TfRawReply) failed = tf_raw_reply_new (TF_READ_DAMAGED, "cut %s", "short");
  g_autoptr (GVariant) fv = tf_raw_reply_serialize (failed);
  g_autoptr (TfRawReply) fback = tf_raw_reply_deserialize (fv, &error);
  cr_assert_eq (fback->outcome, TF_READ_DAMAGED);
  cr_assert_str_eq (fback->detail, "cut short");
  cr_assert_null (fback->sha256);
}

Test (raw, deserializing_refuses_what_is_not_a_raw_reply)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) v = g_variant_ref_sink (g_variant_new_string ("hello"));
  cr_assert_null (tf_raw_reply_deserialize (v, &error));
  cr_assert_not_null (error);
  g_clear_error (&error);
  /* Bytes of the right type but garbage inside: GVariant makes them a
   * valid (default) value, never a crash. */
  static const guint8 junk[] = { 0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02 };
  g_autoptr (GBytes) bytes = g_bytes_new_static (junk, sizeof junk);
  g_autoptr (TfRawReply) model = tf_raw_reply_new (TF_READ_OK, NULL);
  g_autoptr (GVariant) ok = tf_raw_reply_serialize (model);
  g_autoptr (GVariant) bad = g_variant_ref_sink (
    g_variant_new_from_bytes (g_variant_get_type (ok), bytes, FALSE));
  g_autoptr (TfRawReply) back = tf_raw_reply_deserialize (bad, &error);
  /* Either refused, or a reply that keeps the invariants. */
  if (back != NULL)
    cr_assert ((back->outcome == TF_READ_OK) == (back->detail == NULL));
}
