#include "pdf/haru_objects.h"

#include <hpdf_pages.h>
#include <string.h>

HPDF_Dict
tf_haru_dict (HPDF_Doc doc)
{
  return HPDF_Dict_New (doc->mmgr);
}

HPDF_Dict
tf_haru_object (HPDF_Doc doc)
{
  HPDF_Dict dict = HPDF_Dict_New (doc->mmgr);
  if (dict != NULL)
    HPDF_Xref_Add (doc->xref, dict);
  return dict;
}

HPDF_Array
tf_haru_array (HPDF_Doc doc)
{
  return HPDF_Array_New (doc->mmgr);
}

static HPDF_Array
number_array (HPDF_Doc doc, const double *values, guint n)
{
  HPDF_Array a = HPDF_Array_New (doc->mmgr);
  for (guint i = 0; i < n; i++)
    HPDF_Array_AddReal (a, (HPDF_REAL) values[i]);
  return a;
}

HPDF_Dict
tf_haru_form_xobject (HPDF_Doc doc, double w, double h, HPDF_Dict resources,
                      const char *content, gsize length)
{
  HPDF_Dict xobject = HPDF_DictStream_New (doc->mmgr, doc->xref);
  if (xobject == NULL)
    return NULL;
  HPDF_Dict_AddName (xobject, "Type", "XObject");
  HPDF_Dict_AddName (xobject, "Subtype", "Form");
  double bbox[] = { 0, 0, w, h };
  HPDF_Dict_Add (xobject, "BBox", number_array (doc, bbox, 4));
  if (resources != NULL)
    HPDF_Dict_Add (xobject, "Resources", resources);
  tf_haru_stream_replace (xobject, content, length);
  return xobject;
}

void
tf_haru_stream_replace (HPDF_Dict stream, const char *content, gsize length)
{
  HPDF_MemStream_FreeData (stream->stream);
  stream->filter = length > 0 ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
  if (length > 0)
    HPDF_Stream_Write (stream->stream, (const HPDF_BYTE *) content, (HPDF_UINT) length);
}

/* The filter of a frozen stream: libHaru writes a /Filter only for the
 * filters it applies itself. */
static HPDF_STATUS
write_flate_filter (HPDF_Dict dict, HPDF_Stream stream)
{
  return HPDF_Stream_WriteStr (stream, "/Filter /FlateDecode\012");
}

/* The bytes of a libHaru memory stream. Newly allocated. */
static GByteArray *
stream_bytes (HPDF_Stream stream)
{
  GByteArray *bytes = g_byte_array_sized_new (HPDF_Stream_Size (stream));
  if (HPDF_Stream_Seek (stream, 0, HPDF_SEEK_SET) != HPDF_OK)
    return bytes;
  for (;;)
    {
      HPDF_BYTE buf[8192];
      HPDF_UINT size = sizeof buf;
      HPDF_STATUS status = HPDF_Stream_Read (stream, buf, &size);
      g_byte_array_append (bytes, buf, size);
      if (status != HPDF_OK)
        break;          /* HPDF_STREAM_EOF, or an error: what was read */
    }
  return bytes;
}

gboolean
tf_haru_stream_freeze (HPDF_Dict stream, TfDeflateCache *cache)
{
  if (stream == NULL || stream->stream == NULL || HPDF_Stream_Size (stream->stream) == 0)
    return TRUE;        /* empty: written unfiltered anyway */
  g_autoptr (GByteArray) raw = stream_bytes (stream->stream);
  g_autoptr (GBytes) packed = tf_deflate_cache_get (cache, raw->data, raw->len);
  if (packed == NULL)
    return FALSE;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (packed, &size);
  HPDF_MemStream_FreeData (stream->stream);
  HPDF_Stream_Write (stream->stream, data, (HPDF_UINT) size);
  stream->filter = HPDF_STREAM_FILTER_NONE;
  stream->write_fn = write_flate_filter;
  return TRUE;
}

gboolean
tf_haru_page_freeze (HPDF_Page page, TfDeflateCache *cache)
{
  HPDF_PageAttr attr = (HPDF_PageAttr) page->attr;
  return tf_haru_stream_freeze (attr->contents, cache);
}

static gboolean
is_ascii_printable (const char *s)
{
  for (const guchar *p = (const guchar *) s; *p; p++)
    if (*p < 0x20 || *p > 0x7E)
      return FALSE;
  return TRUE;
}

void
tf_haru_set_text (HPDF_Doc doc, HPDF_Dict dict, const char *key,
                  const char *utf8)
{
  if (is_ascii_printable (utf8))
    {
      /* libHaru escapes parentheses and backslashes when it writes. */
      HPDF_Dict_Add (dict, key, HPDF_String_New (doc->mmgr, utf8, NULL));
      return;
    }
  glong n = 0;
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  if (utf16 == NULL)
    return;
  g_autofree guint8 *bytes = g_malloc (2 + 2 * (gsize) n);
  bytes[0] = 0xFE;
  bytes[1] = 0xFF;
  for (glong i = 0; i < n; i++)
    {
      bytes[2 + 2 * i] = (guint8) (utf16[i] >> 8);
      bytes[3 + 2 * i] = (guint8) utf16[i];
    }
  HPDF_Dict_Add (dict, key, HPDF_Binary_New (doc->mmgr, bytes, (HPDF_UINT) (2 + 2 * n)));
}

void
tf_haru_set_rect (HPDF_Doc doc, HPDF_Dict dict, const char *key,
                  const TfRect *rect)
{
  double r[] = { rect->x, rect->y, rect->x + rect->w, rect->y + rect->h };
  HPDF_Dict_Add (dict, key, number_array (doc, r, 4));
}

HPDF_Dict
tf_haru_catalog (HPDF_Doc doc)
{
  return doc->catalog;
}

void
tf_haru_set_info (HPDF_Doc doc, const char *key, const char *utf8)
{
  tf_haru_set_text (doc, doc->info, key, utf8);
}

HPDF_Array
tf_haru_page_annots (HPDF_Doc doc, HPDF_Page page)
{
  HPDF_Array annots = HPDF_Dict_GetItem (page, "Annots", HPDF_OCLASS_ARRAY);
  if (annots == NULL)
    {
      annots = HPDF_Array_New (doc->mmgr);
      HPDF_Dict_Add (page, "Annots", annots);
    }
  return annots;
}
