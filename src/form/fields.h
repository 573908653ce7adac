/* fields.h — the field-name contract (docs/fields.md), in one place.
 *
 * The emitter names its fields with these functions and the reader looks
 * them up with the same ones, so the two cannot drift apart. Every
 * function returns a newly allocated string (g_free) unless it says
 * otherwise.
 */
#ifndef TF_FIELDS_H
#define TF_FIELDS_H

#include "form/form.h"

#define TF_FIELD_FORM_ID "form.id"
/* The language of the form ("ar"... "zh"); forms without it are in the
 * definition's default language (English). */
#define TF_FIELD_FORM_LANGUAGE "form.language"

/* The two radio groups of a text and their on-states. */
typedef enum {
  TF_GROUP_AUTHORITY,
  TF_GROUP_COMMENTS,
} TfGroup;

typedef enum {
  TF_ANSWER_NONE = 0,   /* no box ticked */
  TF_ANSWER_ASSIGN,
  TF_ANSWER_WITHHOLD,
  TF_ANSWER_NO_COMMENTS,
  TF_ANSWER_COMMENTS_ATTACHED,
} TfAnswer;

/* "sender.email" */
char *tf_field_sender (const TfSenderField *field);
/* "text.x1054.authority" or "text.x1054.comments" */
char *tf_field_group (const TfText *text, TfGroup group);

/* The on-state name of an answer ("assign", "withhold", "none",
 * "attached"); static, NULL for TF_ANSWER_NONE. */
const char *tf_answer_state (TfAnswer answer);
/* The answer an on-state names, TF_ANSWER_NONE if it names none. */
TfAnswer tf_answer_from_state (const char *state);
/* The group an answer belongs to. */
TfGroup tf_answer_group (TfAnswer answer);
/* The Annex wording of an answer, borrowed from the form. */
const char *tf_answer_wording (const TfForm *form, TfAnswer answer);

/* The tooltip (/TU) of one radio widget: what a screen reader says, and
 * also how the reader tells the widgets of a group apart (Poppler gives a
 * widget's /TU but not its on-state name). */
char *tf_field_widget_tooltip (const TfText *text, TfAnswer answer);
/* The tooltip of a radio group as a whole. */
char *tf_field_group_tooltip (const TfText *text, TfGroup group);
/* The tooltip of a sender field: "Sender: Official role/title". */
char *tf_field_sender_tooltip (const TfSenderField *field);

#endif
