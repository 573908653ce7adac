#include "pdf/haru_font.h"

#include "common/tf_error.h"
#include "pdf/haru_objects.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>

static HPDF_FontDef
font_def (HPDF_Font font)
{
  return ((HPDF_FontAttr) font->attr)->fontdef;
}

guint16
tf_haru_font_glyph (HPDF_Font font, gunichar c)
{
  if (c >= 65536)
    return 0;
  return HPDF_TTFontDef_GetGlyphid (font_def (font), (HPDF_UINT16) c);
}

gint64
tf_haru_font_width (HPDF_Font font, const char *utf8)
{
  gint64 total = 0;
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      total += HPDF_TTFontDef_GetCharWidth (font_def (font), (HPDF_UINT16) (c < 65536 ? c : ' '));
    }
  return total;
}

/* Fillers type these in multiline values; no font has a glyph for them. */
static gboolean
is_typed_control (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r';
}

/* The code points kept, in order, with their glyphs and widths. */
typedef struct {
  GArray *codes;    /* guint16 */
  GArray *glyphs;   /* guint16 */
  GArray *widths;   /* gint16, 1/1000 em */
} Coverage;

static void
coverage_clear (Coverage *c)
{
  g_array_unref (c->codes);
  g_array_unref (c->glyphs);
  g_array_unref (c->widths);
}

/* Measuring a character is what makes libHaru embed its outline. */
static Coverage
coverage_build (HPDF_Font font, const guint8 *keep)
{
  HPDF_FontDef def = font_def (font);
  Coverage c = {
    g_array_new (FALSE, FALSE, sizeof (guint16)),
    g_array_new (FALSE, FALSE, sizeof (guint16)),
    g_array_new (FALSE, FALSE, sizeof (gint16)),
  };
  guint16 space_glyph = HPDF_TTFontDef_GetGlyphid (def, ' ');
  gint16 space_width = HPDF_TTFontDef_GetCharWidth (def, ' ');

  for (gunichar cp = 1; cp < 65536; cp++)
    {
      guint16 glyph;
      gint16 width;
      if (is_typed_control (cp))
        {
          glyph = space_glyph;
          width = space_width;
        }
      else
        {
          if (!tf_codepoint_set_has (keep, cp))
            continue;
          glyph = HPDF_TTFontDef_GetGlyphid (def, (HPDF_UINT16) cp);
          if (glyph == 0)
            continue;
          width = HPDF_TTFontDef_GetCharWidth (def, (HPDF_UINT16) cp);
        }
      guint16 code = (guint16) cp;
      g_array_append_val (c.codes, code);
      g_array_append_val (c.glyphs, glyph);
      g_array_append_val (c.widths, width);
    }
  return c;
}

/* The width most kept characters have: the font's /DW, so that /W need
 * not list them (all of Chinese is one width: /W goes from 11,800 numbers
 * to 1,300, and Poppler parses /W at every open of a reply). */
static gint16
common_width (const Coverage *c)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (NULL, NULL);
  gint16 best = 0;
  guint best_n = 0;
  for (guint i = 0; i < c->widths->len; i++)
    {
      gint16 w = g_array_index (c->widths, gint16, i);
      gpointer key = GINT_TO_POINTER ((int) w);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
      g_hash_table_insert (counts, key, GUINT_TO_POINTER (n));
      if (n > best_n)
        best = w, best_n = n;
    }
  return best;
}

/* /W as [first [w w w ...] first [...] ...], one entry per run of
 * consecutive code points whose width is not `dw`. */
static HPDF_Array
widths_array (HPDF_MMgr mmgr, const Coverage *c, gint16 dw)
{
  HPDF_Array w = HPDF_Array_New (mmgr);
  HPDF_Array run = NULL;
  guint16 last = 0;
  for (guint i = 0; i < c->codes->len; i++)
    {
      guint16 code = g_array_index (c->codes, guint16, i);
      gint16 width = g_array_index (c->widths, gint16, i);
      if (width == dw)
        continue;
      if (run == NULL || code != last + 1)
        {
          HPDF_Array_AddNumber (w, code);
          run = HPDF_Array_New (mmgr);
          HPDF_Array_Add (w, run);
        }
      HPDF_Array_AddNumber (run, width);
      last = code;
    }
  return w;
}

static void
write_glyph_map (HPDF_Dict map, const Coverage *c)
{
  guint16 last = g_array_index (c->codes, guint16, c->codes->len - 1);
  gsize size = ((gsize) last + 1) * 2;
  g_autofree guint8 *bytes = g_malloc0 (size);
  for (guint i = 0; i < c->codes->len; i++)
    {
      guint16 code = g_array_index (c->codes, guint16, i);
      guint16 glyph = g_array_index (c->glyphs, guint16, i);
      bytes[code * 2] = (guint8) (glyph >> 8);
      bytes[code * 2 + 1] = (guint8) glyph;
    }
  HPDF_MemStream_FreeData (map->stream);
  HPDF_Stream_Write (map->stream, bytes, (HPDF_UINT) size);
}

/* A ToUnicode CMap mapping every BMP code but the surrogates to itself
 * (the codes are code points), as bfrange entries that never cross a
 * last-byte boundary (as the CMap format requires), 100 to a block. All of
 * them, not only the kept ones: pdf.js, filling a field with text the font
 * has no glyph for (Arabic, Chinese), can still encode it, and keeps the
 * form's appearances instead of dropping them and setting
 * /NeedAppearances for every viewer to redo. */
static void
write_to_unicode (HPDF_Dict cmap)
{
  g_autoptr (GString) s = g_string_new (
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint high = 0; high < 0x100; high++)
    if (high < 0xD8 || high > 0xDF)
      g_array_append_val (blocks, high);
  for (guint i = 0; i < blocks->len; i += 100)
    {
      guint n = MIN (100, blocks->len - i);
      g_string_append_printf (s, "%u beginbfrange\n", n);
      for (guint j = i; j < i + n; j++)
        {
          guint high = g_array_index (blocks, guint, j);
          g_string_append_printf (s, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
        }
      g_string_append (s, "endbfrange\n");
    }
  g_array_unref (blocks);
  g_string_append (s, "endcmap\n"
                      "CMapName currentdict /CMap defineresource pop\n"
                      "end\nend\n");

  HPDF_MemStream_FreeData (cmap->stream);
  HPDF_Stream_Write (cmap->stream, (const HPDF_BYTE *) s->str, (HPDF_UINT) s->len);
  /* libHaru wrote CMap-resource keys a ToUnicode stream does not take. */
  HPDF_Dict_RemoveElement (cmap, "Type");
  HPDF_Dict_RemoveElement (cmap, "CMapName");
  HPDF_Dict_RemoveElement (cmap, "CIDSystemInfo");
  HPDF_Dict_RemoveElement (cmap, "WMode");
}

gboolean
tf_haru_font_compact (HPDF_Doc doc, HPDF_Font font, const guint8 *keep,
                      GError **error)
{
  HPDF_FontAttr attr = (HPDF_FontAttr) font->attr;
  if (attr->type != HPDF_FONT_TYPE0_TT || attr->map_stream == NULL
      || attr->cmap_stream == NULL || attr->descendant_font == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF,
                   "font %s is not an embedded UTF-8 TrueType font",
                   HPDF_Font_GetFontName (font));
      return FALSE;
    }

  Coverage c = coverage_build (font, keep);
  gint16 dw = common_width (&c);
  HPDF_Dict_AddNumber (attr->descendant_font, "DW", dw);
  HPDF_Dict_Add (attr->descendant_font, "W", widths_array (doc->mmgr, &c, dw));
  write_glyph_map (attr->map_stream, &c);
  write_to_unicode (attr->cmap_stream);
  coverage_clear (&c);

  if (HPDF_GetError (doc) != HPDF_OK)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF,
                   "libHaru failed (error 0x%04lX) rewriting font %s",
                   (unsigned long) HPDF_GetError (doc), HPDF_Font_GetFontName (font));
      return FALSE;
    }
  return TRUE;
}

gboolean
tf_haru_font_freeze (HPDF_Doc doc, HPDF_Font font, TfDeflateCache *cache, GError **error)
{
  HPDF_FontAttr attr = (HPDF_FontAttr) font->attr;
  /* libHaru's own step before the font's first write: it makes the font
   * descriptor and saves the font file, with the outlines of every glyph
   * measured so far; it does it only once. */
  if (font->before_write_fn != NULL && font->before_write_fn (font) != HPDF_OK)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF,
                   "libHaru failed (error 0x%04lX) embedding font %s",
                   (unsigned long) HPDF_GetError (doc), HPDF_Font_GetFontName (font));
      return FALSE;
    }
  /* At every write that step copies the font's filter to the two maps:
   * none, since they are compressed once here. */
  font->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Dict file = attr->fontdef->descriptor
    ? HPDF_Dict_GetItem (attr->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT) : NULL;
  if (!tf_haru_stream_freeze (file, cache)
      || !tf_haru_stream_freeze (attr->map_stream, cache)
      || !tf_haru_stream_freeze (attr->cmap_stream, cache))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "zlib failed compressing font %s",
                   HPDF_Font_GetFontName (font));
      return FALSE;
    }
  return TRUE;
}
