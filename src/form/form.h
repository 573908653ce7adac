/* form.h — a reply form definition (forms/<id>.json) in memory.
 *
 * The definition is the single source of truth: the emitter draws the form
 * from it, the reader validates replies against it. A TfForm is immutable
 * once loaded: its members are read freely and owned by the form.
 *
 * One form, several languages: the identity, the texts and the fields are
 * the same in every language version; what the page says (TfWording, each
 * text's title, each sender field's label) is carried once per language
 * of the definition. The members that predate the languages (`title`,
 * `page`, `choices`, TfText.title, TfSenderField.label) are the wording of
 * the definition's default language, borrowed from it.
 */
#ifndef TF_FORM_H
#define TF_FORM_H

#include "form/language.h"

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
  char *title;        /* from Annex 1: titles[default language], borrowed */
  char *titles[TF_LANG_COUNT]; /* per language; NULL where the form lacks it */
} TfText;

/* One field of the sender block: the AcroForm field is "sender.<field>". */
typedef struct {
  char *field;        /* "name", "title", "address", "fax", "email", "member_state" */
  char *label;        /* labels[default language], borrowed */
  char *labels[TF_LANG_COUNT]; /* per language; NULL where the form lacks it */
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
  /* How a text is headed: "Draft new Recommendation {designation}", where
   * {designation} stands for "ITU-T X.1148 (X.fdip)"; without it, the
   * designation follows the words after a space. */
  char *status_new;           /* "Draft new Recommendation" */
  char *status_revised;
  char *closing;
  char *administration_prefix;
  char *footer;
  char *page_label;           /* "page {page} of {pages}" */
  /* How the Sector is written in this language ("ITU-T", "UIT-T",
   * "МСЭ-Т"): a designation that starts with the default language's is
   * shown with this one. NULL: designations are shown as defined. */
  char *sector;
} TfPageWording;

/* Everything the page says in one language, but the texts' titles and the
 * sender fields' labels (in TfText and TfSenderField). */
typedef struct {
  TfLanguage language;
  char *title;                /* the PDF's /Title */
  TfPageWording page;
  TfChoices choices;
} TfWording;

typedef struct {
  char *path;                 /* the file it was loaded from */
  char *id;                   /* "tsb-246-annex2" */
  gint64 version;
  char *id_version;           /* "tsb-246-annex2@1", the value of form.id */
  char *title;                /* borrowed from the default wording */
  char *language;             /* the default language's code: "en" */
  TfLanguage default_language;
  /* The wording in each language of the definition; NULL for the others.
   * The default language's is always there. */
  TfWording *wording[TF_LANG_COUNT];

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

  TfPageWording page;         /* the default wording's, borrowed */
  GPtrArray *sender;          /* of TfSenderField*, in page order */
  TfChoices choices;          /* the default wording's, borrowed */
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

/* The wording of `language`, borrowed; NULL when the definition has none
 * in that language. */
const TfWording *tf_form_wording (const TfForm *form, TfLanguage language);
/* Whether the definition has a wording in `language`. */
gboolean tf_form_has_language (const TfForm *form, TfLanguage language);

/* "Draft new Recommendation ITU-T X.1148 (X.fdip)", in the default
 * language: newly allocated. */
char *tf_text_dup_heading (const TfForm *form, const TfText *text);
/* The same in `wording`'s language ("Projet de nouvelle Recommandation
 * UIT-T X.1148 (X.fdip)"): newly allocated. */
char *tf_text_dup_heading_in (const TfForm *form, const TfWording *wording,
                              const TfText *text);
/* The designation as `wording`'s page writes it ("UIT-T X.1148"): newly
 * allocated. */
char *tf_text_dup_designation_in (const TfForm *form, const TfWording *wording,
                                  const TfText *text);

#define TF_FORM_DEFAULT_DEFINITION "forms/tsb-246-annex2.json"

#endif
