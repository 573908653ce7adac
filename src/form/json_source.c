#include "form/json_source.h"

#include "common/tf_error.h"

#include <stdio.h>
#include <string.h>

struct TfJsonSource
{
  char *path;
  JsonParser *parser;
  /* JsonObject* → GHashTable (member name → line) */
  GHashTable *lines;
};

static void
on_object_member (JsonParser *parser, JsonObject *object,
                  const char *member, gpointer user_data)
{
  TfJsonSource *source = user_data;
  GHashTable *members = g_hash_table_lookup (source->lines, object);
  if (members == NULL)
    {
      members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (source->lines, object, members);
      /* The first member's line stands for the object's. */
      g_hash_table_insert (members, g_strdup (""),
                           GUINT_TO_POINTER (json_parser_get_current_line (parser)));
    }
  g_hash_table_insert (members, g_strdup (member),
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

TfJsonSource *
tf_json_source_load (const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: %s", path, local->message);
      return NULL;
    }

  TfJsonSource *source = g_new0 (TfJsonSource, 1);
  source->path = g_strdup (path);
  source->parser = json_parser_new_immutable ();
  source->lines = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) g_hash_table_unref);
  g_signal_connect (source->parser, "object-member",
                    G_CALLBACK (on_object_member), source);

  if (!json_parser_load_from_data (source->parser, contents, (gssize) length, &local))
    {
      /* json-glib's message already reads "<data>:LINE:COL: Parse error: ..." */
      const char *message = local->message;
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      guint line = 0, column = 0;
      char reason[256] = "";
      if (sscanf (message, "%u:%u: %255[^\n]", &line, &column, reason) == 3)
        g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION,
                     "%s: line %u: %s", path, line, reason);
      else
        g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION, "%s: %s", path,
                     local->message);
      tf_json_source_free (source);
      return NULL;
    }
  g_signal_handlers_disconnect_by_data (source->parser, source);
  return source;
}

void
tf_json_source_free (TfJsonSource *source)
{
  if (source == NULL)
    return;
  g_hash_table_unref (source->lines);
  g_object_unref (source->parser);
  g_free (source->path);
  g_free (source);
}

JsonNode *
tf_json_source_root (const TfJsonSource *source)
{
  return json_parser_get_root (source->parser);
}

const char *
tf_json_source_path (const TfJsonSource *source)
{
  return source->path;
}

guint
tf_json_source_line (const TfJsonSource *source, JsonObject *object,
                     const char *member)
{
  GHashTable *members = g_hash_table_lookup (source->lines, object);
  if (members == NULL)
    return 0;
  gpointer line = NULL;
  if (member != NULL && g_hash_table_lookup_extended (members, member, NULL, &line))
    return GPOINTER_TO_UINT (line);
  return GPOINTER_TO_UINT (g_hash_table_lookup (members, ""));
}

void
tf_json_source_error (const TfJsonSource *source, GError **error,
                      JsonObject *object, const char *member,
                      const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);

  guint line = object ? tf_json_source_line (source, object, member) : 0;
  if (line > 0)
    g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION, "%s: line %u: %s",
                 source->path, line, what);
  else
    g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION, "%s: %s",
                 source->path, what);
}

/* The member's node, or NULL with `error` set ("missing ..."). */
static JsonNode *
member_node (const TfJsonSource *source, JsonObject *object,
             const char *member, GError **error)
{
  JsonNode *node = json_object_get_member (object, member);
  if (node == NULL)
    tf_json_source_error (source, error, object, NULL,
                          "missing member \"%s\"", member);
  return node;
}

gboolean
tf_json_source_string (const TfJsonSource *source, JsonObject *object,
                       const char *member, gboolean optional, char **out,
                       GError **error)
{
  *out = NULL;
  JsonNode *node = json_object_get_member (object, member);
  if (optional && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (node == NULL)
    node = member_node (source, object, member, error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      tf_json_source_error (source, error, object, member,
                            "\"%s\" must be a string", member);
      return FALSE;
    }
  const char *value = json_node_get_string (node);
  if (!optional && value[0] == '\0')
    {
      tf_json_source_error (source, error, object, member,
                            "\"%s\" must not be empty", member);
      return FALSE;
    }
  *out = g_strdup (value);
  return TRUE;
}

gboolean
tf_json_source_int (const TfJsonSource *source, JsonObject *object,
                    const char *member, gint64 *out, GError **error)
{
  JsonNode *node = member_node (source, object, member, error);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      tf_json_source_error (source, error, object, member,
                            "\"%s\" must be a whole number", member);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
tf_json_source_double (const TfJsonSource *source, JsonObject *object,
                       const char *member, double *out, GError **error)
{
  JsonNode *node = member_node (source, object, member, error);
  if (node == NULL)
    return FALSE;
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                            : G_TYPE_INVALID;
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    {
      tf_json_source_error (source, error, object, member,
                            "\"%s\" must be a number", member);
      return FALSE;
    }
  *out = json_node_get_double (node);
  return TRUE;
}

gboolean
tf_json_source_bool (const TfJsonSource *source, JsonObject *object,
                     const char *member, gboolean fallback, gboolean *out,
                     GError **error)
{
  JsonNode *node = json_object_get_member (object, member);
  if (node == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      tf_json_source_error (source, error, object, member,
                            "\"%s\" must be true or false", member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

JsonObject *
tf_json_source_object (const TfJsonSource *source, JsonObject *object,
                       const char *member, GError **error)
{
  JsonNode *node = member_node (source, object, member, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      tf_json_source_error (source, error, object, member,
                            "\"%s\" must be an object", member);
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
tf_json_source_array (const TfJsonSource *source, JsonObject *object,
                      const char *member, GError **error)
{
  JsonNode *node = member_node (source, object, member, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      tf_json_source_error (source, error, object, member,
                            "\"%s\" must be an array", member);
      return NULL;
    }
  return json_node_get_array (node);
}
