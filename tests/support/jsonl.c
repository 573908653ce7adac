#include "jsonl.h"

#include <criterion/criterion.h>
#include <string.h>

GStrv
jsonl_lines (const char *text)
{
  g_autofree char *copy = g_strdup (text ? text : "");
  gsize len = strlen (copy);
  if (len > 0 && copy[len - 1] == '\n')
    copy[len - 1] = '\0';
  if (*copy == '\0')
    return g_new0 (char *, 1);
  GStrv lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    cr_assert (*lines[i] != '\0', "an empty line %u inside JSON Lines", i);
  return lines;
}

GPtrArray *
jsonl_parse (const char *text)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_auto (GStrv) lines = jsonl_lines (text);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      cr_assert (json_parser_load_from_data (parser, lines[i], -1, NULL), "line %u: %s", i,
                 lines[i]);
      g_ptr_array_add (list, json_node_copy (json_parser_get_root (parser)));
    }
  return list;
}

JsonObject *
jsonl_record (GPtrArray *records, guint i)
{
  cr_assert_lt (i, records->len, "no record %u (%u records)", i, records->len);
  return json_node_get_object (records->pdata[i]);
}

const char *
jsonl_string (JsonObject *o, const char *member)
{
  if (!json_object_has_member (o, member) || json_object_get_null_member (o, member))
    return NULL;
  return json_object_get_string_member (o, member);
}

const char *
jsonl_first_code (JsonObject *record)
{
  JsonArray *problems = json_object_get_array_member (record, "problems");
  if (json_array_get_length (problems) == 0)
    return "";
  return json_object_get_string_member (json_array_get_object_element (problems, 0), "code");
}
