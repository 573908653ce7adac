#include "common/tf_sha256.h"

#include <nettle/sha2.h>

struct TfSha256 {
  struct sha256_ctx ctx;
};

TfSha256 *
tf_sha256_new (void)
{
  TfSha256 *sum = g_new (TfSha256, 1);
  sha256_init (&sum->ctx);
  return sum;
}

void
tf_sha256_update (TfSha256 *sum, const void *data, gsize len)
{
  sha256_update (&sum->ctx, len, data);
}

char *
tf_sha256_finish (TfSha256 *sum)
{
  guint8 digest[SHA256_DIGEST_SIZE];
  sha256_digest (&sum->ctx, sizeof digest, digest);
  char *hex = g_malloc (2 * sizeof digest + 1);
  for (gsize i = 0; i < sizeof digest; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
  return hex;
}

void
tf_sha256_free (TfSha256 *sum)
{
  g_free (sum);
}

char *
tf_sha256_hex (const void *data, gsize len)
{
  g_autoptr (TfSha256) sum = tf_sha256_new ();
  tf_sha256_update (sum, data, len);
  return tf_sha256_finish (sum);
}
