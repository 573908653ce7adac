/* record_parse.h — a reply record in JSON back into a TfReply: the inverse
 * of record_json.h, for what reads records back (the register).
 *
 *   record JSON (one object, record_json.h's shape) + the form
 *     → tf_record_from_json() → TfReply
 *
 * Exactly what tf_record_to_json() writes is taken, and nothing else: the
 * nine members and no other, each of its type; the sender block with one
 * member per sender field of `form` (values trimmed, never "": as
 * tf_reply_normalize_text() leaves them); the texts of `form` in its order
 * (none when invalid); problems whose code and severity this version
 * knows; a form and a checksum unless invalid; and a status that is the
 * one the problems give
 * (tf_reply_update_status()). So a record parsed and written again is
 * byte for byte the record it was, and anything else — another form's
 * record, a record from a newer tapform with a problem code this one does
 * not know, a hand-edited one that broke the status rule — is refused.
 *
 * The PDF dates and the file time are not in the record (reply.h): the
 * parsed reply has them NULL; the register sets them from its columns.
 *
 * Errors: TF_ERROR_FORMAT, "not a reply record of FORM: WHAT" (WHAT names
 * the member: "texts[2].authority is \"maybe\""); the caller prefixes
 * where it came from (g_prefix_error).
 *
 * Ownership: the form is borrowed (only during the call); the reply is
 * new, the caller's (tf_reply_free()).
 */
#ifndef TF_RECORD_PARSE_H
#define TF_RECORD_PARSE_H

#include "form/form.h"
#include "reply/reply.h"

#include <json-glib/json-glib.h>

/* The record `node` holds (a JSON object), or NULL with the error. */
TfReply *tf_record_from_json_node (const TfForm *form, JsonNode *node, GError **error);

/* The record in `json` (`length` bytes, or -1 when NUL-terminated), or
 * NULL with the error (TF_ERROR_FORMAT also when it is not JSON). */
TfReply *tf_record_from_json (const TfForm *form, const char *json, gssize length,
                              GError **error);

#endif
