/* deflate_cache.h — zlib compression of the streams that are the same in
 * every form of a run, done once.
 *
 * libHaru compresses every stream at every save: for the embedded fonts
 * (100 KB to 1.7 MB each) that was most of the time of writing a form.
 * The streams that never change after a document is built (the fonts and
 * their maps, the page contents) are compressed once instead, and the
 * compressed bytes handed to libHaru as they are (haru_objects.h,
 * tf_haru_stream_freeze()). Documents built alike (one per language per
 * thread in --all-member-states) have the same streams: a cache keyed by
 * the bytes' SHA-256 compresses each only once in a run.
 *
 * Thread-safe. Ownership: tf_deflate_cache_new() returns a new cache,
 * freed with tf_deflate_cache_free(); tf_deflate_cache_get() returns a new
 * reference (g_bytes_unref).
 */
#ifndef TF_DEFLATE_CACHE_H
#define TF_DEFLATE_CACHE_H

#include <glib.h>

typedef struct TfDeflateCache TfDeflateCache;

TfDeflateCache *tf_deflate_cache_new (void);
void tf_deflate_cache_free (TfDeflateCache *cache);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfDeflateCache, tf_deflate_cache_free)

/* `data` compressed as a zlib (FlateDecode) stream at the best level; the
 * same bytes given again come from the cache. NULL only when zlib fails
 * (out of memory). */
GBytes *tf_deflate_cache_get (TfDeflateCache *cache, const guint8 *data, gsize len);

/* How many times zlib ran, for tests: each distinct content once. */
guint tf_deflate_cache_misses (TfDeflateCache *cache);

#endif
