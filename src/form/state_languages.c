#include "form/state_languages.h"

#include "common/tf_data.h"
#include "common/tf_error.h"
#include "form/json_source.h"

struct TfStateLanguages
{
  GHashTable *by_code;        /* alpha-3 → GINT_TO_POINTER (TfLanguage) */
};

void
tf_state_languages_free (TfStateLanguages *languages)
{
  if (languages == NULL)
    return;
  g_hash_table_unref (languages->by_code);
  g_free (languages);
}

TfStateLanguages *
tf_state_languages_load (const char *path, GError **error)
{
  g_autoptr (TfJsonSource) src = tf_json_source_load (path, error);
  if (src == NULL)
    return NULL;
  JsonNode *root = tf_json_source_root (src);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION, "%s: must be a JSON object", path);
      return NULL;
    }
  JsonObject *o = tf_json_source_object (src, json_node_get_object (root), "languages", error);
  if (o == NULL)
    return NULL;
  g_autoptr (TfStateLanguages) languages = g_new0 (TfStateLanguages, 1);
  languages->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GList) codes = json_object_get_members (o);
  for (GList *c = codes; c != NULL; c = c->next)
    {
      g_autofree char *value = NULL;
      if (!tf_json_source_string (src, o, c->data, FALSE, &value, error))
        return NULL;
      TfLanguage language;
      if (!tf_language_from_code (value, &language))
        {
          tf_json_source_error (src, error, o, c->data,
                                "%s: \"%s\" is not one of %s", (const char *) c->data, value,
                                tf_language_codes ());
          return NULL;
        }
      g_hash_table_insert (languages->by_code, g_strdup (c->data), GINT_TO_POINTER (language));
    }
  return g_steal_pointer (&languages);
}

TfStateLanguages *
tf_state_languages_load_default (GError **error)
{
  g_autofree char *path = tf_data_find (TF_STATE_LANGUAGES_DEFAULT, error);
  return path ? tf_state_languages_load (path, error) : NULL;
}

TfLanguage
tf_state_languages_get (const TfStateLanguages *languages, const char *code)
{
  gpointer value = NULL;
  if (g_hash_table_lookup_extended (languages->by_code, code, NULL, &value))
    return (TfLanguage) GPOINTER_TO_INT (value);
  return TF_LANG_DEFAULT;
}
