#include "pdf/pdf_fonts.h"

#include "common/tf_data.h"
#include "common/tf_error.h"
#include "layout/font_metrics.h"

#include <string.h>

typedef struct {
  gunichar first, last;
} Range;

/* What the field font of every version keeps beyond what the page draws,
 * so that a filler typing a Latin-, Greek-, Cyrillic- or Arabic-script
 * language finds every glyph in it and adds no fallback font of its own. */
static const Range filler_repertoire[] = {
  { 0x0020, 0x007E },   /* ASCII */
  { 0x00A0, 0x017F },   /* Latin-1 Supplement, Latin Extended-A */
  { 0x018F, 0x018F },   /* Ə (Azerbaijani) */
  { 0x01A0, 0x01A1 },   /* Ơ ơ (Vietnamese) */
  { 0x01AF, 0x01B0 },   /* Ư ư (Vietnamese) */
  { 0x01CD, 0x01DC },   /* pinyin tone letters */
  { 0x01E6, 0x01E7 },   /* Ǧ ǧ */
  { 0x0218, 0x021B },   /* Ș ș Ț ț (Romanian) */
  { 0x0259, 0x0259 },   /* ə (Azerbaijani) */
  { 0x02B9, 0x02DD },   /* modifier letters: apostrophes, accents */
  { 0x0300, 0x0323 },   /* combining accents, typed decomposed */
  { 0x0370, 0x03FF },   /* Greek */
  { 0x0400, 0x045F },   /* Cyrillic: Russian, Ukrainian, Belarusian, Serbian... */
  { 0x0490, 0x04FF },   /* Cyrillic extended letters: Kazakh, Kyrgyz, Tajik... */
  { 0x0600, 0x06FF },   /* Arabic, its digits and punctuation; Persian, Urdu */
  { 0x200C, 0x200F },   /* ZWNJ, ZWJ, LRM, RLM: typed in Arabic and Persian */
  { 0x1E80, 0x1E85 },   /* Ẁ ẁ Ẃ ẃ Ẅ ẅ (Welsh) */
  { 0x1E9E, 0x1E9E },   /* ẞ (German capital sharp s) */
  { 0x1EA0, 0x1EF9 },   /* Vietnamese */
  { 0x2010, 0x2027 },   /* dashes, quotes, bullet, ellipsis */
  { 0x2030, 0x203A },   /* per mille, primes, guillemets */
  { 0x20AC, 0x20AC },   /* euro */
  { 0x2116, 0x2116 },   /* numero sign */
  { 0x2122, 0x2122 },   /* trade mark */
};

/* What the Chinese version's field font keeps besides: the characters of
 * GB 2312 (the Chinese font holds them and no other ideographs), its
 * punctuation and the full-width forms. */
static const Range chinese_repertoire[] = {
  { 0x2460, 0x24FF },   /* circled and parenthesized numbers */
  { 0x2500, 0x257F },   /* box drawing */
  { 0x3000, 0x30FF },   /* CJK punctuation, kana */
  { 0x3200, 0x32FF },   /* enclosed CJK */
  { 0x4E00, 0x9FFF },   /* CJK unified ideographs */
  { 0xFF00, 0xFFEF },   /* full-width forms */
};

static gboolean
in_ranges (const Range *ranges, gsize n, gunichar c)
{
  for (gsize i = 0; i < n; i++)
    if (c >= ranges[i].first && c <= ranges[i].last)
      return TRUE;
  return FALSE;
}

gboolean
tf_pdf_fonts_filler_has (TfLanguage language, gunichar c)
{
  return in_ranges (filler_repertoire, G_N_ELEMENTS (filler_repertoire), c)
         || (language == TF_LANG_ZH
             && in_ranges (chinese_repertoire, G_N_ELEMENTS (chinese_repertoire), c));
}

TfPdfFonts *
tf_pdf_fonts_load (HPDF_Doc doc, TfLanguage language, GError **error)
{
  g_autofree TfPdfFonts *fonts = g_new0 (TfPdfFonts, 1);
  fonts->doc = doc;
  fonts->language = language;
  fonts->synthetic_bold = tf_font_is_synthetic_bold (language);
  for (int style = 0; style < TF_FONT_COUNT; style++)
    {
      if (style == TF_FONT_BOLD && fonts->synthetic_bold)
        {
          fonts->font[style] = fonts->font[TF_FONT_REGULAR];
          continue;
        }
      g_autofree char *path = tf_data_find (tf_font_file_in (language, style), error);
      if (path == NULL)
        return NULL;
      const char *name = HPDF_LoadTTFontFromFile (doc, path, HPDF_TRUE);
      HPDF_Font font = name ? HPDF_GetFont (doc, name, "UTF-8") : NULL;
      if (font == NULL)
        {
          g_set_error (error, TF_ERROR, TF_ERROR_PDF,
                       "%s: libHaru could not load this font (error 0x%04lX)",
                       path, (unsigned long) HPDF_GetError (doc));
          return NULL;
        }
      fonts->font[style] = font;
    }
  return g_steal_pointer (&fonts);
}

void
tf_pdf_fonts_note (TfPdfFonts *fonts, TfFontStyle style, const char *utf8)
{
  if (fonts->synthetic_bold)
    style = TF_FONT_REGULAR;
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    tf_codepoint_set_add (fonts->used[style], g_utf8_get_char (p));
}

static void
keep_ranges (guint8 *set, const Range *ranges, gsize n)
{
  for (gsize i = 0; i < n; i++)
    for (gunichar c = ranges[i].first; c <= ranges[i].last; c++)
      tf_codepoint_set_add (set, c);
}

gboolean
tf_pdf_fonts_finish (TfPdfFonts *fonts, GError **error)
{
  guint8 *field = fonts->used[TF_FONT_REGULAR];
  keep_ranges (field, filler_repertoire, G_N_ELEMENTS (filler_repertoire));
  if (fonts->language == TF_LANG_ZH)
    keep_ranges (field, chinese_repertoire, G_N_ELEMENTS (chinese_repertoire));
  if (fonts->synthetic_bold)
    {
      /* One font drawn both ways: it keeps what either drew. */
      for (gsize i = 0; i < TF_CODEPOINT_SET_BYTES; i++)
        field[i] |= fonts->used[TF_FONT_BOLD][i];
      return tf_haru_font_compact (fonts->doc, fonts->font[TF_FONT_REGULAR], field, error);
    }
  for (int style = 0; style < TF_FONT_COUNT; style++)
    if (!tf_haru_font_compact (fonts->doc, fonts->font[style], fonts->used[style], error))
      return FALSE;
  return TRUE;
}

gboolean
tf_pdf_fonts_freeze (TfPdfFonts *fonts, TfDeflateCache *cache, GError **error)
{
  for (int style = 0; style < TF_FONT_COUNT; style++)
    if (!(style == TF_FONT_BOLD && fonts->synthetic_bold)
        && !tf_haru_font_freeze (fonts->doc, fonts->font[style], cache, error))
      return FALSE;
  return TRUE;
}

gboolean
tf_pdf_fonts_covers (const TfPdfFonts *fonts, const char *utf8)
{
  for (const char *p = utf8; *p; p = g_utf8_next_char (p))
    if (!tf_codepoint_set_has (fonts->used[TF_FONT_REGULAR], g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
