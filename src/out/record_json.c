#include "out/record_json.h"

static void
add_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

JsonNode *
tf_record_to_json_node (const TfReply *reply)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();
  json_builder_begin_object (b);
  add_string (b, "file", reply->file);
  add_string (b, "sha256", reply->sha256);
  add_string (b, "form", reply->form);
  add_string (b, "language", reply->language);
  add_string (b, "status", tf_status_name (reply->status));

  json_builder_set_member_name (b, "sender");
  json_builder_begin_object (b);
  for (guint i = 0; i < reply->sender->len; i++)
    {
      const TfReplySender *s = reply->sender->pdata[i];
      add_string (b, s->field, s->value);
    }
  json_builder_end_object (b);
  add_string (b, "member_state_code", reply->member_state_code);

  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  for (guint i = 0; i < reply->texts->len; i++)
    {
      const TfReplyText *t = reply->texts->pdata[i];
      json_builder_begin_object (b);
      add_string (b, "key", t->key);
      add_string (b, "recommendation", t->recommendation);
      add_string (b, "authority", tf_answer_state (t->authority));
      add_string (b, "comments", tf_answer_state (t->comments));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < reply->problems->len; i++)
    {
      const TfProblem *p = reply->problems->pdata[i];
      json_builder_begin_object (b);
      add_string (b, "severity", tf_severity_name (p->severity));
      add_string (b, "code", tf_problem_code_name (p->code));
      add_string (b, "field", p->field);
      add_string (b, "message", p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_string (b, "source", tf_source_name (reply->source));
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
tf_record_to_json (const TfReply *reply, gsize *length)
{
  g_autoptr (JsonNode) root = tf_record_to_json_node (reply);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, length);
}
