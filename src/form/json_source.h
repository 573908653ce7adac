/* json_source.h — a parsed JSON file that remembers where things were.
 *
 * json-glib gives a line number only for syntax errors; a data file with a
 * missing or wrong member must be refused with its line too, so the parser's
 * signals are used to note the line of every object member as it is read.
 */
#ifndef TF_JSON_SOURCE_H
#define TF_JSON_SOURCE_H

#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct TfJsonSource TfJsonSource;

/* Parses `path`. Returns a new source, free with tf_json_source_free(); NULL
 * with TF_ERROR_IO (unreadable) or TF_ERROR_DEFINITION ("PATH: line N: ...")
 * on failure. */
TfJsonSource *tf_json_source_load (const char *path, GError **error);
void tf_json_source_free (TfJsonSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfJsonSource, tf_json_source_free)

/* The root node, borrowed from the source. */
JsonNode *tf_json_source_root (const TfJsonSource *source);
/* The file's path as given, borrowed. */
const char *tf_json_source_path (const TfJsonSource *source);

/* The line where `member` of `object` was read, or, when `member` is NULL or
 * absent, the line of the object's first member; 0 when unknown. */
guint tf_json_source_line (const TfJsonSource *source, JsonObject *object,
                           const char *member);

/* Sets `error` (TF_ERROR_DEFINITION) to "PATH: line N: <message>", the line
 * being that of `member` in `object` as for tf_json_source_line(). */
void tf_json_source_error (const TfJsonSource *source, GError **error,
                           JsonObject *object, const char *member,
                           const char *format, ...) G_GNUC_PRINTF (5, 6);

/* Typed reads of one member, each refusing with tf_json_source_error() when
 * the member is absent (unless optional) or of the wrong type. Strings are
 * returned newly allocated (g_free); an optional absent or null string gives
 * NULL with no error. Each returns FALSE when it set `error`. */
gboolean tf_json_source_string (const TfJsonSource *source, JsonObject *object,
                                const char *member, gboolean optional,
                                char **out, GError **error);
gboolean tf_json_source_int (const TfJsonSource *source, JsonObject *object,
                             const char *member, gint64 *out, GError **error);
gboolean tf_json_source_double (const TfJsonSource *source, JsonObject *object,
                                const char *member, double *out,
                                GError **error);
gboolean tf_json_source_bool (const TfJsonSource *source, JsonObject *object,
                              const char *member, gboolean fallback,
                              gboolean *out, GError **error);
/* The member as an object or array, borrowed; NULL with `error` set when
 * absent or of another type. */
JsonObject *tf_json_source_object (const TfJsonSource *source,
                                   JsonObject *object, const char *member,
                                   GError **error);
JsonArray *tf_json_source_array (const TfJsonSource *source,
                                 JsonObject *object, const char *member,
                                 GError **error);

#endif
