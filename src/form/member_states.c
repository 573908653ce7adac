/* member_states.c — loading forms/member-states.json (and the generated
 * names file) into TfMemberStates, and the date filter. */
#include "form/member_states.h"

#include "common/tf_data.h"
#include "form/json_source.h"
#include "form/member_state_match.h"

#include <json-glib/json-glib.h>
#include <string.h>

struct TfMemberStates {
  GPtrArray *states;           /* TfMemberState *, owned, in file order */
  GHashTable *by_code;         /* alpha-3 → TfMemberState *, both borrowed */
  TfMemberStateIndex *index;   /* names → states, for member_state_match.c */
};

static void
member_state_free (gpointer data)
{
  TfMemberState *state = data;

  g_free (state->code);
  g_free (state->name);
  g_free (state->joined);
  g_strfreev (state->aliases);
  g_strfreev (state->names);
  g_free (state->alpha2);
  g_free (state);
}

/* A new NULL-terminated copy of `node`, an array of non-empty strings; on
 * anything else NULL with `error` set at the line of `member` of `owner`. */
static char **
string_array (const TfJsonSource *source, JsonObject *owner, const char *member,
              JsonNode *node, const char *what, GError **error)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      tf_json_source_error (source, error, owner, member, "%s: expected an array of strings", what);
      return NULL;
    }
  JsonArray *array = json_node_get_array (node);
  guint n = json_array_get_length (array);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING
          || json_node_get_string (element)[0] == '\0')
        {
          tf_json_source_error (source, error, owner, member, "%s[%u]: expected a non-empty string", what, i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

/* Loads `path`, whose top must be a JSON object. */
static TfJsonSource *
load_object_file (const char *path, JsonObject **root, GError **error)
{
  g_autoptr (TfJsonSource) source = tf_json_source_load (path, error);
  if (source == NULL)
    return NULL;
  JsonNode *node = tf_json_source_root (source);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      tf_json_source_error (source, error, NULL, NULL, "expected a JSON object at the top");
      return NULL;
    }
  *root = json_node_get_object (node);
  return g_steal_pointer (&source);
}

static gboolean
is_alpha_code (const char *s, gsize length)
{
  if (strlen (s) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isupper (s[i]))
      return FALSE;
  return TRUE;
}

/* "YYYY-MM-DD" naming a day that exists. Such dates compare as strings. */
static gboolean
is_iso_date (const char *s)
{
  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  guint year = (guint) g_ascii_strtoull (s, NULL, 10);
  guint month = (guint) g_ascii_strtoull (s + 5, NULL, 10);
  guint day = (guint) g_ascii_strtoull (s + 8, NULL, 10);
  return year > 0 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* ------------------------------------------------------------------------
 * forms/member-states.json */

/* Reads one entry of "member_states"; `i` names it when it has no line. */
static TfMemberState *
parse_state (const TfJsonSource *source, JsonNode *node, guint i, GError **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      tf_json_source_error (source, error, NULL, NULL, "member_states[%u]: expected an object", i);
      return NULL;
    }
  JsonObject *object = json_node_get_object (node);

  /* Unknown members are refused: a misspelt "joined" would otherwise make
   * a state a member before it joined, without a word. */
  g_autoptr (GList) members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *key = m->data;
      if (strcmp (key, "code") != 0 && strcmp (key, "name") != 0
          && strcmp (key, "joined") != 0 && strcmp (key, "aliases") != 0)
        {
          tf_json_source_error (source, error, object, key,
                                "unknown member \"%s\" (expected code, name, joined, aliases)", key);
          return NULL;
        }
    }

  g_autofree char *code = NULL, *name = NULL, *joined = NULL;
  if (!tf_json_source_string (source, object, "code", FALSE, &code, error))
    return NULL;
  if (!is_alpha_code (code, 3))
    {
      tf_json_source_error (source, error, object, "code",
                            "code \"%s\" is not an ISO 3166-1 alpha-3 code (three uppercase letters)", code);
      return NULL;
    }
  if (!tf_json_source_string (source, object, "name", FALSE, &name, error)
      || !tf_json_source_string (source, object, "joined", TRUE, &joined, error))
    return NULL;
  if (joined != NULL && !is_iso_date (joined))
    {
      tf_json_source_error (source, error, object, "joined",
                            "%s: joined \"%s\" is not a date YYYY-MM-DD", code, joined);
      return NULL;
    }

  g_auto (GStrv) aliases = NULL;
  JsonNode *aliases_node = json_object_get_member (object, "aliases");
  if (aliases_node != NULL)
    {
      aliases = string_array (source, object, "aliases", aliases_node, "aliases", error);
      if (aliases == NULL)
        return NULL;
    }
  else
    aliases = g_new0 (char *, 1);

  TfMemberState *state = g_new0 (TfMemberState, 1);
  state->code = g_steal_pointer (&code);
  state->name = g_steal_pointer (&name);
  state->joined = g_steal_pointer (&joined);
  state->aliases = g_steal_pointer (&aliases);
  state->names = g_new0 (char *, 1);
  return state;
}

static gboolean
load_states (TfMemberStates *states, const char *path, GError **error)
{
  JsonObject *root = NULL;
  g_autoptr (TfJsonSource) source = load_object_file (path, &root, error);
  if (source == NULL)
    return FALSE;

  JsonArray *array = tf_json_source_array (source, root, "member_states", error);
  if (array == NULL)
    return FALSE;

  guint n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      TfMemberState *state = parse_state (source, node, i, error);
      if (state == NULL)
        return FALSE;

      const TfMemberState *first = g_hash_table_lookup (states->by_code, state->code);
      if (first != NULL)
        {
          tf_json_source_error (source, error, json_node_get_object (node), "code",
                                "duplicate code \"%s\" (already used by \"%s\")", state->code, first->name);
          member_state_free (state);
          return FALSE;
        }
      g_ptr_array_add (states->states, state);
      g_hash_table_insert (states->by_code, state->code, state);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------
 * forms/member-state-names.json (generated by
 * scripts/gen-member-state-names.py) */

static gboolean
load_names (TfMemberStates *states, const char *path, GError **error)
{
  JsonObject *root = NULL;
  g_autoptr (TfJsonSource) source = load_object_file (path, &root, error);
  if (source == NULL)
    return FALSE;

  JsonObject *names = tf_json_source_object (source, root, "names", error);
  if (names == NULL)
    return FALSE;
  /* "alpha_2" is optional: without it, codes are matched in alpha-3 only. */
  JsonObject *alpha2 = NULL;
  if (json_object_has_member (root, "alpha_2"))
    {
      alpha2 = tf_json_source_object (source, root, "alpha_2", error);
      if (alpha2 == NULL)
        return FALSE;
    }

  for (guint i = 0; i < states->states->len; i++)
    {
      TfMemberState *state = g_ptr_array_index (states->states, i);

      JsonNode *list = json_object_get_member (names, state->code);
      if (list != NULL)
        {
          g_autofree char *what = g_strdup_printf ("names.%s", state->code);
          char **strv = string_array (source, names, state->code, list, what, error);
          if (strv == NULL)
            return FALSE;
          g_strfreev (state->names);
          state->names = strv;
        }

      if (alpha2 != NULL && json_object_has_member (alpha2, state->code))
        {
          g_autofree char *code2 = NULL;
          if (!tf_json_source_string (source, alpha2, state->code, FALSE, &code2, error))
            return FALSE;
          if (!is_alpha_code (code2, 2))
            {
              tf_json_source_error (source, error, alpha2, state->code,
                                    "alpha_2.%s: \"%s\" is not an ISO 3166-1 alpha-2 code (two uppercase letters)",
                                    state->code, code2);
              return FALSE;
            }
          g_free (state->alpha2);
          state->alpha2 = g_steal_pointer (&code2);
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------
 * Public API */

TfMemberStates *
tf_member_states_load (const char *states_path, const char *names_path, GError **error)
{
  g_return_val_if_fail (states_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (TfMemberStates) states = g_new0 (TfMemberStates, 1);
  states->states = g_ptr_array_new_with_free_func (member_state_free);
  states->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  if (!load_states (states, states_path, error))
    return NULL;
  if (names_path != NULL && !load_names (states, names_path, error))
    return NULL;

  /* Built once here, so that matching thousands of replies only hashes. */
  states->index = tf_member_state_index_new (states->states);
  return g_steal_pointer (&states);
}

void
tf_member_states_free (TfMemberStates *states)
{
  if (states == NULL)
    return;
  /* The index borrows the states: free it first. */
  g_clear_pointer (&states->index, tf_member_state_index_free);
  g_clear_pointer (&states->by_code, g_hash_table_unref);
  g_clear_pointer (&states->states, g_ptr_array_unref);
  g_free (states);
}

guint
tf_member_states_count (const TfMemberStates *states)
{
  g_return_val_if_fail (states != NULL, 0);
  return states->states->len;
}

const TfMemberState *
tf_member_states_get (const TfMemberStates *states, guint index)
{
  g_return_val_if_fail (states != NULL, NULL);
  g_return_val_if_fail (index < states->states->len, NULL);
  return g_ptr_array_index (states->states, index);
}

gboolean
tf_member_state_is_member_on (const TfMemberState *state, const char *iso_date)
{
  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);
  return state->joined == NULL || strcmp (state->joined, iso_date) <= 0;
}

GPtrArray *
tf_member_states_on (const TfMemberStates *states, const char *iso_date)
{
  g_return_val_if_fail (states != NULL, NULL);
  g_return_val_if_fail (iso_date != NULL, NULL);

  GPtrArray *members = g_ptr_array_new ();
  for (guint i = 0; i < states->states->len; i++)
    {
      const TfMemberState *state = g_ptr_array_index (states->states, i);
      if (tf_member_state_is_member_on (state, iso_date))
        g_ptr_array_add (members, (gpointer) state);
    }
  return members;
}

const TfMemberState *
tf_member_states_find_code (const TfMemberStates *states, const char *alpha3)
{
  g_return_val_if_fail (states != NULL, NULL);
  if (alpha3 == NULL || strlen (alpha3) != 3)
    return NULL;
  g_autofree char *upper = g_ascii_strup (alpha3, -1);
  return g_hash_table_lookup (states->by_code, upper);
}

const TfMemberStateIndex *
tf_member_states_get_index (const TfMemberStates *states)
{
  g_return_val_if_fail (states != NULL, NULL);
  return states->index;
}

TfMemberStates *
tf_member_states_load_default (GError **error)
{
  g_autofree char *states = tf_data_find ("forms/member-states.json", error);
  if (states == NULL)
    return NULL;
  g_autofree char *names = tf_data_find ("forms/member-state-names.json", error);
  return names ? tf_member_states_load (states, names, error) : NULL;
}
