/* record_parse.c — a reply record read back; see record_parse.h. */
#include "out/record_parse.h"

#include "common/tf_error.h"

#include <string.h>

typedef struct {
  const TfForm *form;
  GError **error;
} Parse;

static gboolean fail (Parse *p, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Sets the error; always FALSE, so that a check reads "return fail (...)". */
static gboolean
fail (Parse *p, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (p->error, TF_ERROR, TF_ERROR_FORMAT, "not a reply record of %s: %s",
               p->form->id_version, what);
  return FALSE;
}

static const char *
kind_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  GType type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return "a string";
  if (type == G_TYPE_BOOLEAN)
    return "a boolean";
  return "a number";
}

/* Checks that `object` has exactly the members `names` (NULL-terminated). */
static gboolean
exact_members (Parse *p, JsonObject *object, const char *where, const char *const *names)
{
  guint n = 0;
  for (; names[n] != NULL; n++)
    if (!json_object_has_member (object, names[n]))
      return fail (p, "%s%s\"%s\" is missing", where, *where ? ": " : "", names[n]);
  if (json_object_get_size (object) == n)
    return TRUE;
  g_autoptr (GList) members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    if (!g_strv_contains (names, m->data))
      return fail (p, "%s%sunknown member \"%s\"", where, *where ? ": " : "",
                   (const char *) m->data);
  return fail (p, "%s: a member appears twice", where);
}

/* "WHERE.NAME", "NAME" or "WHERE", for a message. New. */
static char *
describe (const char *where, const char *name)
{
  if (name == NULL)
    return g_strdup (where);
  return *where ? g_strconcat (where, ".", name, NULL) : g_strdup (name);
}

/* The string at `node` (the member `name` of `where`, or `where` itself
 * when `name` is NULL; both only said when it fails), or NULL when null
 * (allowed only if `nullable`). Sets *ok to FALSE (and the error) when it
 * is neither. */
static const char *
string_at (Parse *p, JsonNode *node, const char *where, const char *name, gboolean nullable,
           gboolean *ok)
{
  if (JSON_NODE_HOLDS_NULL (node) && nullable)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      if (*s != '\0')
        return s;
      g_autofree char *at = describe (where, name);
      *ok = fail (p, "%s is \"\" (an absent value is null)", at);
      return NULL;
    }
  g_autofree char *at = describe (where, name);
  *ok = fail (p, "%s is %s, not a string%s", at, kind_name (node),
              nullable ? " or null" : "");
  return NULL;
}

static const char *
member_string (Parse *p, JsonObject *object, const char *name, const char *where,
               gboolean nullable, gboolean *ok)
{
  return string_at (p, json_object_get_member (object, name), where, name, nullable, ok);
}

static JsonArray *
member_array (Parse *p, JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  fail (p, "%s is %s, not an array", name, kind_name (node));
  return NULL;
}

static JsonObject *
object_at (Parse *p, JsonNode *node, const char *where)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  fail (p, "%s is %s, not an object", where, kind_name (node));
  return NULL;
}

static gboolean
is_sha256 (const char *s)
{
  if (strlen (s) != 64)
    return FALSE;
  for (const char *c = s; *c; c++)
    if (!g_ascii_isdigit (*c) && !(*c >= 'a' && *c <= 'f'))
      return FALSE;
  return TRUE;
}

static gboolean
is_alpha3 (const char *s)
{
  return strlen (s) == 3 && g_ascii_isupper (s[0]) && g_ascii_isupper (s[1])
         && g_ascii_isupper (s[2]);
}

static gboolean
parse_status (const char *name, TfStatus *status)
{
  for (TfStatus s = TF_STATUS_INVALID; s <= TF_STATUS_COMPLETE; s++)
    if (g_str_equal (name, tf_status_name (s)))
      {
        *status = s;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_sender (Parse *p, JsonObject *record, TfReply *reply)
{
  JsonObject *sender = object_at (p, json_object_get_member (record, "sender"), "sender");
  if (sender == NULL)
    return FALSE;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < p->form->sender->len; i++)
    g_ptr_array_add (names, ((TfSenderField *) p->form->sender->pdata[i])->field);
  g_ptr_array_add (names, NULL);
  if (!exact_members (p, sender, "sender", (const char *const *) names->pdata))
    return FALSE;
  gboolean ok = TRUE;
  for (guint i = 0; i < reply->sender->len && ok; i++)
    {
      TfReplySender *s = reply->sender->pdata[i];
      const char *value = member_string (p, sender, s->field, "sender", TRUE, &ok);
      if (value == NULL)
        continue;
      g_autofree char *normal = tf_reply_normalize_text (value);
      if (g_strcmp0 (normal, value) != 0)
        return fail (p, "sender.%s is not trimmed text (surrounding space, CR or "
                     "invalid UTF-8)", s->field);
      s->value = g_strdup (value);
    }
  return ok;
}

/* The answer named at `node` (member `name` of `where`): null, or an
 * on-state of `group`. */
static gboolean
parse_answer (Parse *p, JsonObject *object, const char *where, const char *name,
              TfGroup group, TfAnswer *answer)
{
  gboolean ok = TRUE;
  const char *state = member_string (p, object, name, where, TRUE, &ok);
  if (!ok)
    return FALSE;
  *answer = tf_answer_from_state (state);
  if (state != NULL && (*answer == TF_ANSWER_NONE || tf_answer_group (*answer) != group))
    return fail (p, "%s.%s is \"%s\", not %s", where, name, state,
                 group == TF_GROUP_AUTHORITY ? "\"assign\", \"withhold\" or null"
                                             : "\"none\", \"attached\" or null");
  return TRUE;
}

static gboolean
parse_texts (Parse *p, JsonObject *record, TfReply *reply)
{
  JsonArray *texts = member_array (p, record, "texts");
  if (texts == NULL)
    return FALSE;
  guint n = json_array_get_length (texts);
  if (reply->status == TF_STATUS_INVALID && n != 0)
    return fail (p, "an invalid record has texts");
  if (reply->status != TF_STATUS_INVALID && n != p->form->texts->len)
    return fail (p, "%u texts, the form has %u", n, p->form->texts->len);
  static const char *const members[] = { "key", "recommendation", "authority", "comments",
                                         NULL };
  for (guint i = 0; i < n; i++)
    {
      const TfText *text = p->form->texts->pdata[i];
      char where[32];
      g_snprintf (where, sizeof where, "texts[%u]", i);
      JsonObject *t = object_at (p, json_array_get_element (texts, i), where);
      if (t == NULL || !exact_members (p, t, where, members))
        return FALSE;
      gboolean ok = TRUE;
      const char *key = member_string (p, t, "key", where, FALSE, &ok);
      const char *recommendation = member_string (p, t, "recommendation", where, FALSE, &ok);
      if (!ok)
        return FALSE;
      if (!g_str_equal (key, text->key) || !g_str_equal (recommendation, text->designation))
        return fail (p, "%s is %s (%s), the form's text %u is %s (%s)", where, key,
                     recommendation, i + 1, text->key, text->designation);
      TfReplyText *rt = g_new0 (TfReplyText, 1);
      rt->key = g_strdup (key);
      rt->recommendation = g_strdup (recommendation);
      g_ptr_array_add (reply->texts, rt);
      if (!parse_answer (p, t, where, "authority", TF_GROUP_AUTHORITY, &rt->authority)
          || !parse_answer (p, t, where, "comments", TF_GROUP_COMMENTS, &rt->comments))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_problems (Parse *p, JsonObject *record, TfReply *reply)
{
  JsonArray *problems = member_array (p, record, "problems");
  if (problems == NULL)
    return FALSE;
  static const char *const members[] = { "severity", "code", "field", "message", NULL };
  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      char where[32];
      g_snprintf (where, sizeof where, "problems[%u]", i);
      JsonObject *o = object_at (p, json_array_get_element (problems, i), where);
      if (o == NULL || !exact_members (p, o, where, members))
        return FALSE;
      gboolean ok = TRUE;
      const char *severity = member_string (p, o, "severity", where, FALSE, &ok);
      const char *code = member_string (p, o, "code", where, FALSE, &ok);
      const char *field = member_string (p, o, "field", where, TRUE, &ok);
      const char *message = member_string (p, o, "message", where, FALSE, &ok);
      if (!ok)
        return FALSE;
      TfProblemCode c = tf_problem_code_from_name (code);
      if (c == TF_PROBLEM_COUNT)
        return fail (p, "%s.code \"%s\" is not a problem code this tapform knows", where,
                     code);
      TfSeverity s;
      if (g_str_equal (severity, tf_severity_name (TF_SEVERITY_ERROR)))
        s = TF_SEVERITY_ERROR;
      else if (g_str_equal (severity, tf_severity_name (TF_SEVERITY_WARNING)))
        s = TF_SEVERITY_WARNING;
      else
        return fail (p, "%s.severity is \"%s\", not \"error\" or \"warning\"", where,
                     severity);
      g_ptr_array_add (reply->problems, tf_problem_new (c, s, field, message));
    }
  return TRUE;
}

static gboolean
parse_record (Parse *p, JsonObject *record, TfReply *reply)
{
  static const char *const members[] = { "file", "sha256", "form", "language", "status",
                                         "sender", "member_state_code", "texts",
                                         "problems", "source", NULL };
  /* A record written before there were languages has no "language": its
   * form was the English one. */
  static const char *const before_languages[] = { "file", "sha256", "form", "status",
                                                  "sender", "member_state_code", "texts",
                                                  "problems", "source", NULL };
  gboolean has_language = json_object_has_member (record, "language");
  if (!exact_members (p, record, "", has_language ? members : before_languages))
    return FALSE;
  gboolean ok = TRUE;
  const char *language = has_language ? member_string (p, record, "language", "", TRUE, &ok)
                                       : NULL;
  TfLanguage l;
  if (language != NULL && !tf_language_from_code (language, &l))
    return fail (p, "language \"%s\" is not one of %s", language, tf_language_codes ());
  const char *sha256 = member_string (p, record, "sha256", "", TRUE, &ok);
  const char *form = member_string (p, record, "form", "", TRUE, &ok);
  const char *status = member_string (p, record, "status", "", FALSE, &ok);
  const char *code = member_string (p, record, "member_state_code", "", TRUE, &ok);
  const char *source = member_string (p, record, "source", "", FALSE, &ok);
  if (!ok)
    return FALSE;
  if (sha256 != NULL && !is_sha256 (sha256))
    return fail (p, "sha256 is not 64 lower-case hex digits");
  if (code != NULL && !is_alpha3 (code))
    return fail (p, "member_state_code \"%s\" is not an ISO 3166-1 alpha-3 code", code);
  if (!parse_status (status, &reply->status))
    return fail (p, "status is \"%s\", not complete, incomplete or invalid", status);
  if (reply->status != TF_STATUS_INVALID && (form == NULL || sha256 == NULL))
    return fail (p, "a %s record without its %s", status, form == NULL ? "form" : "sha256");
  if (g_str_equal (source, tf_source_name (TF_SOURCE_FIELDS)))
    reply->source = TF_SOURCE_FIELDS;
  else if (g_str_equal (source, tf_source_name (TF_SOURCE_RENDERED)))
    reply->source = TF_SOURCE_RENDERED;
  else
    return fail (p, "source is \"%s\", not fields or rendered", source);
  reply->sha256 = g_strdup (sha256);
  reply->form = g_strdup (form);
  reply->member_state_code = g_strdup (code);
  if (language != NULL)
    reply->language = g_strdup (language);
  else if (!has_language && reply->status != TF_STATUS_INVALID)
    reply->language = g_strdup (tf_language_code (TF_LANG_DEFAULT));
  if (!parse_sender (p, record, reply) || !parse_texts (p, record, reply)
      || !parse_problems (p, record, reply))
    return FALSE;
  TfStatus written = reply->status;
  tf_reply_update_status (reply);
  if (reply->status != written)
    return fail (p, "status is %s, but its problems make it %s", tf_status_name (written),
                 tf_status_name (reply->status));
  return TRUE;
}

TfReply *
tf_record_from_json_node (const TfForm *form, JsonNode *node, GError **error)
{
  Parse p = { form, error };
  JsonObject *record = object_at (&p, node, "the record");
  if (record == NULL)
    return NULL;
  if (!json_object_has_member (record, "file"))
    {
      fail (&p, "\"file\" is missing");
      return NULL;
    }
  gboolean ok = TRUE;
  const char *file = member_string (&p, record, "file", "", FALSE, &ok);
  if (!ok)
    return NULL;
  g_autoptr (TfReply) reply = tf_reply_new_empty (form, file);
  if (!parse_record (&p, record, reply))
    return NULL;
  return g_steal_pointer (&reply);
}

TfReply *
tf_record_from_json (const TfForm *form, const char *json, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) parse_error = NULL;
  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT, "not a reply record of %s: not JSON "
                   "(%s)", form->id_version, parse_error->message);
      return NULL;
    }
  JsonNode *root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_FORMAT, "not a reply record of %s: empty",
                   form->id_version);
      return NULL;
    }
  return tf_record_from_json_node (form, root, error);
}
