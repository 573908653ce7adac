/* test_sha256.c — the record's checksum: nettle's SHA-256 against the
 * standard's test vectors and GLib's own, whole and piece by piece. */
#include "common/tf_sha256.h"

#include <criterion/criterion.h>
#include <string.h>

Test (sha256, the_standard_vectors)
{
  g_autofree char *empty = tf_sha256_hex ("", 0);
  cr_assert_str_eq (empty, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  g_autofree char *abc = tf_sha256_hex ("abc", 3);
  cr_assert_str_eq (abc, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

Test (sha256, piece_by_piece_equals_whole_and_glib)
{
  gsize len = 200003;
  g_autofree guint8 *data = g_malloc (len);
  for (gsize i = 0; i < len; i++)
    data[i] = (guint8) (i * 131 + (i >> 7));
  g_autofree char *whole = tf_sha256_hex (data, len);
  g_autoptr (TfSha256) sum = tf_sha256_new ();
  for (gsize at = 0; at < len; at += 4099)
    tf_sha256_update (sum, data + at, MIN (4099, len - at));
  g_autofree char *pieces = tf_sha256_finish (sum);
  g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
  cr_assert_str_eq (whole, glib);
  cr_assert_str_eq (pieces, glib);
}
