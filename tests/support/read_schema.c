#include "read_schema.h"

#include <string.h>

JsonNode *
read_schema_load (const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static const char *
type_of (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL: return "null";
    case JSON_NODE_OBJECT: return "object";
    case JSON_NODE_ARRAY: return "array";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return "string";
        case G_TYPE_BOOLEAN: return "boolean";
        case G_TYPE_INT64: return "integer";
        default: return "number";
        }
    }
  return "?";
}

static gboolean
has_type (JsonNode *node, const char *type)
{
  const char *t = type_of (node);
  return g_str_equal (t, type) || (g_str_equal (type, "number") && g_str_equal (t, "integer"));
}

static char *check (JsonObject *root, JsonNode *schema, JsonNode *inst, const char *ptr);

static char *
fail (const char *ptr, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
fail (const char *ptr, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  return g_strdup_printf ("%s: %s", *ptr ? ptr : "/", what);
}

static char *
check_type (JsonNode *types, JsonNode *inst, const char *ptr)
{
  if (JSON_NODE_HOLDS_ARRAY (types))
    {
      JsonArray *a = json_node_get_array (types);
      for (guint i = 0; i < json_array_get_length (a); i++)
        if (has_type (inst, json_array_get_string_element (a, i)))
          return NULL;
      return fail (ptr, "is %s, not one of the allowed types", type_of (inst));
    }
  const char *type = json_node_get_string (types);
  return has_type (inst, type) ? NULL : fail (ptr, "is %s, not %s", type_of (inst), type);
}

static char *
check_object (JsonObject *root, JsonObject *s, JsonObject *obj, const char *ptr)
{
  if (json_object_has_member (s, "required"))
    {
      JsonArray *req = json_object_get_array_member (s, "required");
      for (guint i = 0; i < json_array_get_length (req); i++)
        {
          const char *name = json_array_get_string_element (req, i);
          if (!json_object_has_member (obj, name))
            return fail (ptr, "lacks the required member \"%s\"", name);
        }
    }
  JsonObject *props = json_object_has_member (s, "properties")
                        ? json_object_get_object_member (s, "properties") : NULL;
  g_autoptr (GList) members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *sub = g_strdup_printf ("%s/%s", ptr, name);
      if (props != NULL && json_object_has_member (props, name))
        {
          char *err = check (root, json_object_get_member (props, name),
                             json_object_get_member (obj, name), sub);
          if (err != NULL)
            return err;
        }
      else if (json_object_has_member (s, "additionalProperties")
               && !json_object_get_boolean_member (s, "additionalProperties"))
        return fail (ptr, "has the member \"%s\", which the schema does not allow", name);
    }
  return NULL;
}

static char *
check_array (JsonObject *root, JsonObject *s, JsonArray *a, const char *ptr)
{
  guint n = json_array_get_length (a);
  if (json_object_has_member (s, "minItems")
      && n < (guint) json_object_get_int_member (s, "minItems"))
    return fail (ptr, "has %u items, fewer than %" G_GINT64_FORMAT, n,
                 json_object_get_int_member (s, "minItems"));
  if (json_object_has_member (s, "maxItems")
      && n > (guint) json_object_get_int_member (s, "maxItems"))
    return fail (ptr, "has %u items, more than %" G_GINT64_FORMAT, n,
                 json_object_get_int_member (s, "maxItems"));
  if (json_object_has_member (s, "items"))
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *sub = g_strdup_printf ("%s/%u", ptr, i);
        char *err = check (root, json_object_get_member (s, "items"),
                           json_array_get_element (a, i), sub);
        if (err != NULL)
          return err;
      }
  if (json_object_has_member (s, "contains"))
    {
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *err = check (root, json_object_get_member (s, "contains"),
                                        json_array_get_element (a, i), ptr);
          if (err == NULL)
            return NULL;
        }
      return fail (ptr, "has no item that matches \"contains\"");
    }
  return NULL;
}

static char *
check_string (JsonObject *s, const char *value, const char *ptr)
{
  if (json_object_has_member (s, "minLength")
      && g_utf8_strlen (value, -1) < json_object_get_int_member (s, "minLength"))
    return fail (ptr, "\"%s\" is shorter than %" G_GINT64_FORMAT " characters", value,
                 json_object_get_int_member (s, "minLength"));
  if (json_object_has_member (s, "pattern"))
    {
      const char *pattern = json_object_get_string_member (s, "pattern");
      if (!g_regex_match_simple (pattern, value, 0, 0))
        return fail (ptr, "\"%s\" does not match %s", value, pattern);
    }
  return NULL;
}

static const char *const known[] = {
  "$schema", "$id", "$defs", "$comment", "title", "description", "$ref", "type",
  "enum", "const", "properties", "required", "additionalProperties", "items",
  "minItems", "maxItems", "contains", "minLength", "pattern", "allOf", "if",
  "then", "else", NULL,
};

static char *
check (JsonObject *root, JsonNode *schema, JsonNode *inst, const char *ptr)
{
  if (JSON_NODE_HOLDS_VALUE (schema) && json_node_get_value_type (schema) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (schema) ? NULL : fail (ptr, "is not allowed (false schema)");
  if (!JSON_NODE_HOLDS_OBJECT (schema))
    return fail (ptr, "the schema here is not an object");
  JsonObject *s = json_node_get_object (schema);

  g_autoptr (GList) keywords = json_object_get_members (s);
  for (GList *l = keywords; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return fail (ptr, "the schema uses \"%s\", which this validator does not check",
                   (const char *) l->data);

  if (json_object_has_member (s, "$ref"))
    {
      const char *ref = json_object_get_string_member (s, "$ref");
      if (!g_str_has_prefix (ref, "#/$defs/"))
        return fail (ptr, "unsupported $ref %s", ref);
      JsonObject *defs = json_object_get_object_member (root, "$defs");
      const char *name = ref + strlen ("#/$defs/");
      if (defs == NULL || !json_object_has_member (defs, name))
        return fail (ptr, "unknown $ref %s", ref);
      char *err = check (root, json_object_get_member (defs, name), inst, ptr);
      if (err != NULL)
        return err;
    }
  if (json_object_has_member (s, "type"))
    {
      char *err = check_type (json_object_get_member (s, "type"), inst, ptr);
      if (err != NULL)
        return err;
    }
  if (json_object_has_member (s, "const")
      && !json_node_equal (json_object_get_member (s, "const"), inst))
    return fail (ptr, "is not the value the schema requires");
  if (json_object_has_member (s, "enum"))
    {
      JsonArray *values = json_object_get_array_member (s, "enum");
      gboolean found = FALSE;
      for (guint i = 0; i < json_array_get_length (values) && !found; i++)
        found = json_node_equal (json_array_get_element (values, i), inst);
      if (!found)
        {
          g_autofree char *shown = json_to_string (inst, FALSE);
          return fail (ptr, "%s is not one of the allowed values", shown);
        }
    }
  char *err = NULL;
  if (JSON_NODE_HOLDS_OBJECT (inst))
    err = check_object (root, s, json_node_get_object (inst), ptr);
  else if (JSON_NODE_HOLDS_ARRAY (inst))
    err = check_array (root, s, json_node_get_array (inst), ptr);
  else if (has_type (inst, "string"))
    err = check_string (s, json_node_get_string (inst), ptr);
  if (err != NULL)
    return err;

  if (json_object_has_member (s, "allOf"))
    {
      JsonArray *all = json_object_get_array_member (s, "allOf");
      for (guint i = 0; i < json_array_get_length (all); i++)
        if ((err = check (root, json_array_get_element (all, i), inst, ptr)) != NULL)
          return err;
    }
  if (json_object_has_member (s, "if"))
    {
      g_autofree char *cond = check (root, json_object_get_member (s, "if"), inst, ptr);
      const char *branch = cond == NULL ? "then" : "else";
      if (json_object_has_member (s, branch))
        return check (root, json_object_get_member (s, branch), inst, ptr);
    }
  return NULL;
}

char *
read_schema_check (JsonNode *schema, JsonNode *instance)
{
  return check (json_node_get_object (schema), schema, instance, "");
}

char *
read_schema_check_text (JsonNode *schema, const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  if (!json_parser_load_from_data (parser, json, -1, &error))
    return g_strdup_printf ("not JSON: %s", error->message);
  return read_schema_check (schema, json_parser_get_root (parser));
}
