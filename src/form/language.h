/* language.h — the six languages of the ITU, in which a form is written.
 *
 * The form definition carries its wording in each (form.h, TfWording);
 * the layout, the fonts and the reader choose by a TfLanguage. Codes are
 * ISO 639-1, as the field form.language holds them.
 */
#ifndef TF_LANGUAGE_H
#define TF_LANGUAGE_H

#include <glib.h>

/* In the order of their codes. */
typedef enum {
  TF_LANG_AR,
  TF_LANG_EN,
  TF_LANG_ES,
  TF_LANG_FR,
  TF_LANG_RU,
  TF_LANG_ZH,
  TF_LANG_COUNT,
} TfLanguage;

/* The language of a form whose definition or reply names none. */
#define TF_LANG_DEFAULT TF_LANG_EN

/* "ar", "en", "es", "fr", "ru", "zh": static. */
const char *tf_language_code (TfLanguage language);
/* "Arabic", "English"...: static, for messages. */
const char *tf_language_name (TfLanguage language);
/* The language with that code; FALSE (and `out` untouched) for any other
 * string, NULL included. */
gboolean tf_language_from_code (const char *code, TfLanguage *out);
/* Whether the language is written right to left (Arabic). */
gboolean tf_language_is_rtl (TfLanguage language);
/* "ar, en, es, fr, ru, zh": static, for messages and --help. */
const char *tf_language_codes (void);

#endif
