/* form.h — a reply form definition (forms/<id>.json) in memory.
 *
 * The definition is the single source of truth: the emitter draws the form
 * from it, the reader validates replies against it. A TfForm is immutable
 * once loaded: its members are read freely and owned by the form.
 */
#ifndef TF_FORM_H
#define TF_FORM_H

#include <glib.h>

typedef enum {
  TF_TEXT_NEW,
  TF_TEXT_REVISED,
} TfTextStatus;

/* One draft Recommendation on the form. */
typedef struct {
  char *key;          /* "x1054": the field names use it */
  char *designation;  /* "ITU-T X.1054" */
  TfTextStatus status;
  char *short_name;   /* "X.fdip", or NULL */
  char *title;        /* from Annex 1 */
} TfText;

/* One field of the sender block: the AcroForm field is "sender.<field>". */
typedef struct {
  char *field;        /* "name", "title", "address", "fax", "email", "member_state" */
  char *label;
  gboolean multiline;
} TfSenderField;

typedef struct {
  char *label;
  char *value;
} TfLabelled;

/* The four answers of a text, in the wording of the Annex. */
typedef struct {
  char *assign;
  char *withhold;
  char *none;
  char *attached;
} TfChoices;

/* Everything the page shows that is not a field. */
typedef struct {
  char *annex_heading;
  char *subject_label;
  char *subject;
  char *to_label;
  char *to;
  GPtrArray *to_contact;      /* of TfLabelled* */
  char *from_label;
  char *salutation;
  char *introduction;
  char *table_heading;
  char *status_new;           /* "Draft new Recommendation" */
  char *status_revised;
  char *closing;
  char *administration_prefix;
  char *footer;
  char *page_label;           /* "page {page} of {pages}" */
} TfPageWording;

typedef struct {
  char *path;                 /* the file it was loaded from */
  char *id;                   /* "tsb-246-annex2" */
  gint64 version;
  char *id_version;           /* "tsb-246-annex2@1", the value of form.id */
  char *title;
  char *language;

  gint64 circular_number;
  char *reference;            /* "TSB Circular 246" */
  char *date;                 /* "2020-04-22": the consultation's date */
  char *place;
  gint64 study_group;
  char *study_group_title;
  char *reply_deadline;       /* as written, ISO 8601 */
  GDateTime *deadline;        /* the same, parsed (UTC) */
  double threshold;           /* 0.7 */
  char *bureau;

  TfPageWording page;
  GPtrArray *sender;          /* of TfSenderField*, in page order */
  TfChoices choices;
  GPtrArray *texts;           /* of TfText*, in the circular's order */
} TfForm;

/* Loads and checks a definition. Returns a new form, free with
 * tf_form_free(); NULL with TF_ERROR_IO or TF_ERROR_DEFINITION
 * ("PATH: line N: what is wrong") on failure. */
TfForm *tf_form_load (const char *path, GError **error);
void tf_form_free (TfForm *form);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfForm, tf_form_free)

/* Loads the definition shipped with tapform for Circular 246, found with
 * tf_data_find(). Same ownership as tf_form_load(). */
TfForm *tf_form_load_default (GError **error);

/* The text with that key, borrowed, or NULL. */
const TfText *tf_form_find_text (const TfForm *form, const char *key);
/* The sender field with that short name ("email"), borrowed, or NULL. */
const TfSenderField *tf_form_find_sender (const TfForm *form,
                                          const char *field);

/* "Draft new Recommendation ITU-T X.1148 (X.fdip)": newly allocated. */
char *tf_text_dup_heading (const TfForm *form, const TfText *text);

#define TF_FORM_DEFAULT_DEFINITION "forms/tsb-246-annex2.json"

#endif
