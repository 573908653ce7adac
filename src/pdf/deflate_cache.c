#include "pdf/deflate_cache.h"

#include "common/tf_sha256.h"

#include <zlib.h>

struct TfDeflateCache
{
  GMutex lock;
  GHashTable *by_sum;         /* SHA-256 hex of the raw bytes → GBytes */
  guint misses;
};

TfDeflateCache *
tf_deflate_cache_new (void)
{
  TfDeflateCache *cache = g_new0 (TfDeflateCache, 1);
  g_mutex_init (&cache->lock);
  cache->by_sum = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_bytes_unref);
  return cache;
}

void
tf_deflate_cache_free (TfDeflateCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->by_sum);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static GBytes *
deflate_bytes (const guint8 *data, gsize len)
{
  uLongf size = compressBound ((uLong) len);
  guint8 *out = g_malloc (size);
  if (compress2 (out, &size, data, (uLong) len, Z_BEST_COMPRESSION) != Z_OK)
    {
      g_free (out);
      return NULL;
    }
  return g_bytes_new_take (g_realloc (out, size), size);
}

GBytes *
tf_deflate_cache_get (TfDeflateCache *cache, const guint8 *data, gsize len)
{
  g_autofree char *sum = tf_sha256_hex (data, len);
  g_mutex_lock (&cache->lock);
  GBytes *found = g_hash_table_lookup (cache->by_sum, sum);
  if (found != NULL)
    g_bytes_ref (found);
  g_mutex_unlock (&cache->lock);
  if (found != NULL)
    return found;

  /* Compressed outside the lock: two threads may both compress the same
   * bytes the first time; the second keeps the first's. */
  GBytes *made = deflate_bytes (data, len);
  if (made == NULL)
    return NULL;
  g_mutex_lock (&cache->lock);
  cache->misses++;
  found = g_hash_table_lookup (cache->by_sum, sum);
  if (found == NULL)
    g_hash_table_insert (cache->by_sum, g_steal_pointer (&sum), g_bytes_ref (made));
  else
    {
      g_bytes_unref (made);
      made = g_bytes_ref (found);
    }
  g_mutex_unlock (&cache->lock);
  return made;
}

guint
tf_deflate_cache_misses (TfDeflateCache *cache)
{
  g_mutex_lock (&cache->lock);
  guint misses = cache->misses;
  g_mutex_unlock (&cache->lock);
  return misses;
}
