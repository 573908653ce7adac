/* jsonl.h — the tests' one reader of JSON Lines (what tapform-read
 * prints): split, parse, and read a record's members.
 *
 * Functions fail the current Criterion test on a line that is not JSON.
 * jsonl_lines() and jsonl_parse() return new values (g_strfreev,
 * g_ptr_array_unref); the rest return pointers borrowed from their input.
 */
#ifndef JSONL_H
#define JSONL_H

#include <json-glib/json-glib.h>

/* The lines of `text` (NULL is empty), without their line ends; an empty
 * line inside fails the test (only the last line end may end the text). */
GStrv jsonl_lines (const char *text);

/* The lines of `text`, each parsed: JsonNode* (json_node_unref). */
GPtrArray *jsonl_parse (const char *text);

/* Record `i` of a parsed list, as an object. */
JsonObject *jsonl_record (GPtrArray *records, guint i);

/* A string member of `o`; NULL when it is null or missing. */
const char *jsonl_string (JsonObject *o, const char *member);

/* The code of a record's first problem; "" when it has none. */
const char *jsonl_first_code (JsonObject *record);

#endif
