#include "read/sniff.h"

#include <string.h>

typedef struct {
  const char *magic;
  gsize len;
  const char *kind;
} Magic;

#define M(bytes, kind) { bytes, sizeof bytes - 1, kind }

/* Signatures at offset 0 of the files administrations send by mistake. */
static const Magic magics[] = {
  M ("\x89PNG\r\n\x1a\n", "a PNG image"),
  M ("\xff\xd8\xff", "a JPEG image"),
  M ("GIF87a", "a GIF image"),
  M ("GIF89a", "a GIF image"),
  M ("II*\0", "a TIFF image"),
  M ("MM\0*", "a TIFF image"),
  M ("BM", "a BMP image"),
  M ("PK\x03\x04", "a ZIP archive (or a Word, Excel or OpenDocument file)"),
  M ("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word, Excel or Outlook file"),
  M ("{\\rtf", "an RTF document"),
  M ("%!PS", "a PostScript file"),
  M ("Rar!", "a RAR archive"),
  M ("7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
  M ("\x1f\x8b", "a gzip-compressed file"),
  M ("AT&TFORM", "a DjVu document"),
};

static gboolean
starts_with_ci (const guint8 *data, gsize len, const char *prefix)
{
  gsize n = strlen (prefix);
  return len >= n && g_ascii_strncasecmp ((const char *) data, prefix, n) == 0;
}

char *
tf_sniff_describe (const guint8 *data, gsize len)
{
  if (len == 0)
    return g_strdup ("empty");
  for (gsize i = 0; i < G_N_ELEMENTS (magics); i++)
    if (len >= magics[i].len && memcmp (data, magics[i].magic, magics[i].len) == 0)
      return g_strdup (magics[i].kind);
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return g_strdup ("a WebP image");

  /* Text: skip a UTF-8 byte order mark and leading white space. */
  gsize n = MIN (len, 4096);
  const guint8 *p = data;
  if (n >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3, n -= 3;
  while (n > 0 && g_ascii_isspace (*p))
    p++, n--;
  if (starts_with_ci (p, n, "<!doctype html") || starts_with_ci (p, n, "<html"))
    return g_strdup ("an HTML page");
  if (starts_with_ci (p, n, "<?xml"))
    return g_strdup ("an XML file");
  /* A text file: valid UTF-8 (a truncated last character allowed) with no
   * control characters but white space. */
  const char *end = NULL;
  gboolean valid = g_utf8_validate ((const char *) p, (gssize) n, &end);
  gsize text_len = (gsize) ((const guint8 *) end - p);
  if (!valid && n - text_len > 3)
    return g_strdup ("of an unknown kind");
  for (gsize i = 0; i < text_len; i++)
    if (p[i] < 0x20 && !g_ascii_isspace (p[i]))
      return g_strdup ("of an unknown kind");
  if (n == 0)
    return g_strdup ("blank text");
  return g_strdup ("plain text");
}
