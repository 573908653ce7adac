/* read_schema.h — a validator for the subset of JSON Schema (2020-12) that
 * docs/reply-record.schema.json uses, so that the tests check every record
 * they produce without a dependency outside the build.
 *
 * Supported: type (a name or a list), enum, const, properties, required,
 * additionalProperties (a boolean), items (one schema), minItems,
 * maxItems, contains, minLength (in characters), pattern (GRegex, which
 * is PCRE: the patterns used are also valid ECMA-262), allOf,
 * if/then/else, $ref to "#/$defs/NAME"; the annotations $schema, $id,
 * $defs, $comment, title, description. Any other keyword makes validation
 * fail, so the schema cannot silently rely on what is not checked.
 */
#ifndef READ_SCHEMA_H
#define READ_SCHEMA_H

#include <json-glib/json-glib.h>

/* The schema at `path`, parsed; a new node, or NULL with `error` set. */
JsonNode *read_schema_load (const char *path, GError **error);

/* NULL when `instance` is valid against `schema` (the root of a loaded
 * schema); otherwise a new string "JSON-POINTER: what is wrong". */
char *read_schema_check (JsonNode *schema, JsonNode *instance);

/* The same for JSON text (one value): NULL if valid, else a new message
 * (a parse error included). */
char *read_schema_check_text (JsonNode *schema, const char *json);

#endif
