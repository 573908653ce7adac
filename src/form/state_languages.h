/* state_languages.h — the language each Member State's form is written in,
 * loaded from forms/member-state-languages.json.
 *
 * That file is generated from Unicode CLDR by
 * scripts/gen-member-state-languages.py (the rule is written there and in
 * the README: the first ITU language among the state's official
 * languages, else English); tapform-emit --all-member-states reads it, not
 * CLDR, at run time.
 *
 * Ownership: tf_state_languages_load() returns a new TfStateLanguages,
 * freed with tf_state_languages_free() (or g_autoptr). Immutable: any
 * number of threads may read it at once.
 */
#ifndef TF_STATE_LANGUAGES_H
#define TF_STATE_LANGUAGES_H

#include "form/language.h"

#include <glib.h>

typedef struct TfStateLanguages TfStateLanguages;

/* Loads `path`. Returns a new set, or NULL with TF_ERROR_IO (unreadable)
 * or TF_ERROR_DEFINITION ("FILE: line L: what is wrong": not an object of
 * alpha-3 codes to ITU language codes). */
TfStateLanguages *tf_state_languages_load (const char *path, GError **error);
/* Loads the shipped forms/member-state-languages.json (tf_data_find()). */
TfStateLanguages *tf_state_languages_load_default (GError **error);
void tf_state_languages_free (TfStateLanguages *languages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfStateLanguages, tf_state_languages_free)

/* The language of the state with ISO 3166-1 alpha-3 `code`; the default
 * language (English) for a code the file lacks. */
TfLanguage tf_state_languages_get (const TfStateLanguages *languages, const char *code);

#define TF_STATE_LANGUAGES_DEFAULT "forms/member-state-languages.json"

#endif
