/* tf_sha256.h — the SHA-256 of a reply's bytes, as the record gives it
 * (64 lowercase hex digits).
 *
 * Nettle's, not GLib's GChecksum: nettle uses the processor's SHA
 * instructions where it has them. Every reply is hashed, and on the
 * development machine GLib's took 0.48 ms for a 143 KB reply, a tenth of
 * all the time spent reading it; nettle's takes 0.1 ms.
 */
#ifndef TF_SHA256_H
#define TF_SHA256_H

#include <glib.h>

/* The checksum of `len` bytes at `data`. Newly allocated. */
char *tf_sha256_hex (const void *data, gsize len);

/* A checksum computed piece by piece. */
typedef struct TfSha256 TfSha256;

/* New; free with tf_sha256_free(). */
TfSha256 *tf_sha256_new (void);
void tf_sha256_update (TfSha256 *sum, const void *data, gsize len);
/* The checksum of everything given. Newly allocated. */
char *tf_sha256_finish (TfSha256 *sum);
void tf_sha256_free (TfSha256 *sum);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfSha256, tf_sha256_free)

#endif
