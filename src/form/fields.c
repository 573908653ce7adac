#include "form/fields.h"

#include <string.h>

char *
tf_field_sender (const TfSenderField *field)
{
  return g_strconcat ("sender.", field->field, NULL);
}

char *
tf_field_group (const TfText *text, TfGroup group)
{
  return g_strconcat ("text.", text->key,
                      group == TF_GROUP_AUTHORITY ? ".authority" : ".comments",
                      NULL);
}

const char *
tf_answer_state (TfAnswer answer)
{
  switch (answer)
    {
    case TF_ANSWER_ASSIGN: return "assign";
    case TF_ANSWER_WITHHOLD: return "withhold";
    case TF_ANSWER_NO_COMMENTS: return "none";
    case TF_ANSWER_COMMENTS_ATTACHED: return "attached";
    case TF_ANSWER_NONE: break;
    }
  return NULL;
}

TfAnswer
tf_answer_from_state (const char *state)
{
  for (TfAnswer a = TF_ANSWER_ASSIGN; a <= TF_ANSWER_COMMENTS_ATTACHED; a++)
    if (state != NULL && g_str_equal (state, tf_answer_state (a)))
      return a;
  return TF_ANSWER_NONE;
}

TfGroup
tf_answer_group (TfAnswer answer)
{
  return answer == TF_ANSWER_ASSIGN || answer == TF_ANSWER_WITHHOLD
           ? TF_GROUP_AUTHORITY
           : TF_GROUP_COMMENTS;
}

const char *
tf_answer_wording (const TfForm *form, TfAnswer answer)
{
  switch (answer)
    {
    case TF_ANSWER_ASSIGN: return form->choices.assign;
    case TF_ANSWER_WITHHOLD: return form->choices.withhold;
    case TF_ANSWER_NO_COMMENTS: return form->choices.none;
    case TF_ANSWER_COMMENTS_ATTACHED: return form->choices.attached;
    case TF_ANSWER_NONE: break;
    }
  return NULL;
}

/* Short, fixed phrases: a screen reader reads them after the text's
 * designation, and the reader matches them exactly. */
static const char *
answer_phrase (TfAnswer answer)
{
  switch (answer)
    {
    case TF_ANSWER_ASSIGN: return "assigns authority to consider this text for approval";
    case TF_ANSWER_WITHHOLD: return "does not assign authority to consider this text for approval";
    case TF_ANSWER_NO_COMMENTS: return "if authority is assigned: no comments or suggested changes";
    case TF_ANSWER_COMMENTS_ATTACHED: return "if authority is assigned: comments and suggested changes are attached";
    case TF_ANSWER_NONE: break;
    }
  return "";
}

char *
tf_field_widget_tooltip (const TfText *text, TfAnswer answer)
{
  return g_strconcat (text->designation, ": ", answer_phrase (answer), NULL);
}

char *
tf_field_group_tooltip (const TfText *text, TfGroup group)
{
  return g_strconcat (text->designation,
                      group == TF_GROUP_AUTHORITY
                        ? ": assign or do not assign authority to consider this text for approval"
                        : ": comments, when authority is assigned",
                      NULL);
}

char *
tf_field_sender_tooltip (const TfSenderField *field)
{
  /* Labels such as "E-mail:" carry the colon the page shows. */
  char *tooltip = g_strconcat ("Sender: ", field->label, NULL);
  gsize len = strlen (tooltip);
  if (len > 0 && tooltip[len - 1] == ':')
    tooltip[len - 1] = '\0';
  return tooltip;
}
