/* record_json.h — a reply record as JSON, the shape docs/reply-record.md
 * describes (and docs/reply-record.schema.json checks), with json-glib.
 *
 * Keys, in this order: file, sha256, form, status, sender (one key per
 * sender field of the form, in its order), member_state_code, texts (key,
 * recommendation, authority, comments), problems (severity, code, field,
 * message), source. An absent value is null, never "" and never missing.
 * Strings are UTF-8 as they are (not \u-escaped beyond what JSON needs).
 */
#ifndef TF_RECORD_JSON_H
#define TF_RECORD_JSON_H

#include "reply/reply.h"

#include <json-glib/json-glib.h>

/* The record as a new JSON object node (json_node_unref()). */
JsonNode *tf_record_to_json_node (const TfReply *reply);

/* The record as one line of compact JSON, without the line end: what
 * JSON Lines output prints. Newly allocated; *length (may be NULL) gets
 * its length. */
char *tf_record_to_json (const TfReply *reply, gsize *length);

#endif
