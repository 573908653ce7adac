/* reply.h — the reply record (docs/reply-record.md), and
 * the pure stage that makes one from what a PDF held.
 *
 *   TfRawReply (read/raw_reply.h) + form + layout + Member States
 *     → tf_reply_check() → TfReply (values, problems, status)
 *
 * Pure: no I/O, no Poppler; the same raw reply always gives the same
 * record. A TfReplyChecker is built once per run and is immutable after
 * tf_reply_checker_new(): any number of threads may call tf_reply_check()
 * on it at once.
 *
 * How a radio answer is told (the form gives two independent ways, see
 * pdf/acroform.h): every widget that reads "on" is identified by its /TU
 * (the exact tooltip tf_field_widget_tooltip() gives it) and by its
 * rectangle (the layout widget of the form whose centre is nearest on the
 * same page, within `tolerance` points). Both agree → the answer. One way
 * only → the answer, with a widget-unverified warning. They disagree, or
 * neither identifies it, or a group has more than one widget on → the
 * answer is null and a problem says which (never a silent guess). The
 * codes and their severities are in reply/problem.h.
 *
 * Status (the contract's rule, exactly): "invalid" when a problem of an
 * invalid code is present; else "incomplete" when any problem is an error
 * (a text without an authority answer, "assign" without a comments choice,
 * Member State or name missing — including answers left unknown by a
 * conflict); else "complete". Warnings never change the status.
 *
 * Ownership: a TfReply owns all its strings, arrays and dates; free it
 * with tf_reply_free() (or g_autoptr). Getters return borrowed pointers.
 */
#ifndef TF_REPLY_H
#define TF_REPLY_H

#include "form/fields.h"
#include "form/form.h"
#include "form/member_states.h"
#include "layout/layout.h"
#include "read/raw_reply.h"
#include "reply/problem.h"

#include <glib.h>

typedef enum {
  TF_STATUS_INVALID,
  TF_STATUS_INCOMPLETE,
  TF_STATUS_COMPLETE,
} TfStatus;

typedef enum {
  TF_SOURCE_FIELDS,     /* values came from form fields */
  TF_SOURCE_RENDERED,   /* read optically from a rendered page (later) */
} TfSource;

/* One sender field: `field` is the short name ("name", "email"). */
typedef struct {
  char *field;
  char *value;          /* normalized (see tf_reply_normalize_text), or NULL */
} TfReplySender;

/* The answers for one text. */
typedef struct {
  char *key;            /* "x1054" */
  char *recommendation; /* "ITU-T X.1054" */
  TfAnswer authority;   /* TF_ANSWER_NONE, _ASSIGN or _WITHHOLD */
  TfAnswer comments;    /* TF_ANSWER_NONE, _NO_COMMENTS or _COMMENTS_ATTACHED */
} TfReplyText;

/* One reply record. Invariants: `file` is never NULL; `sender` always has
 * one entry per sender field of the form, in the form's order (all values
 * NULL when invalid); `texts` has one entry per text of the form, in the
 * form's order, except when invalid: then it is empty; `problems` is never
 * NULL; `sha256` is NULL only when the file could not be read. */
typedef struct {
  char *file;               /* as given by the caller, valid UTF-8 */
  char *sha256;             /* lower-case hex, or NULL */
  char *form;               /* "tsb-246-annex2@1": the form it was read as
                               (for wrong-form: the form.id the file has);
                               NULL when not known */
  TfStatus status;
  char *language;           /* the language version read: "ar"... "zh"
                               (a form without form.language is in the
                               definition's default language, "en"); NULL
                               when the file was not read as this form */
  GPtrArray *sender;        /* of TfReplySender* */
  char *member_state_code;  /* ISO 3166-1 alpha-3 from the matcher, or NULL */
  GPtrArray *texts;         /* of TfReplyText* */
  GPtrArray *problems;      /* of TfProblem*, in field order */
  TfSource source;
  /* Not in the JSON record (the contract has no place for them yet): the
   * PDF's /Info dates, NULL when absent, for a register that must tell the
   * latest reply of a Member State; and the file's own modification time,
   * which the tally falls back on (tally/tally.h). */
  GDateTime *pdf_created;
  GDateTime *pdf_modified;
  GDateTime *file_modified;
} TfReply;

/* A new record for `file` (copied, made valid UTF-8) with one NULL sender
 * value per sender field of `form` (may be NULL: none), no texts, no
 * problems, status complete, source fields: for code that builds a record
 * itself (tests, a register reading records back). Free with
 * tf_reply_free(). */
TfReply *tf_reply_new_empty (const TfForm *form, const char *file);
void tf_reply_free (TfReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfReply, tf_reply_free)

/* Adds a problem with a printf-style message; keeps the status as it is
 * (call tf_reply_update_status() after). */
void tf_reply_add_problem (TfReply *reply, TfProblemCode code,
                           TfSeverity severity, const char *field,
                           const char *format, ...) G_GNUC_PRINTF (5, 6);
/* Sets `status` from the problems, as the rule above says. */
void tf_reply_update_status (TfReply *reply);

/* The value of the sender field with short name `field`, borrowed, or
 * NULL (empty, or no such field). */
const char *tf_reply_sender_value (const TfReply *reply, const char *field);
/* The first problem with `code`, borrowed, or NULL. */
const TfProblem *tf_reply_find_problem (const TfReply *reply,
                                        TfProblemCode code);

/* "invalid", "incomplete", "complete" / "fields", "rendered": static. */
const char *tf_status_name (TfStatus status);
const char *tf_source_name (TfSource source);

/* ---- the checker ---------------------------------------------------- */

typedef struct {
  /* How far (points) a radio widget's centre may be from the layout's to
   * be that widget. The form's nearest two widgets of a group are 12 pt
   * apart, centre to centre; re-saving rounds coordinates to 0.01 pt. */
  double tolerance;
} TfReplyCheckerOptions;

#define TF_REPLY_TOLERANCE 4.0
#define TF_REPLY_CHECKER_OPTIONS_INIT { TF_REPLY_TOLERANCE }

typedef struct TfReplyChecker TfReplyChecker;

/* A checker for replies to `form`, whose widgets sit where `layout` says
 * (tf_layout_new_default()); `states` (may be NULL: names are
 * then not checked, only their presence) recognizes the Member State.
 * Borrows all three: they must outlive the checker. `options` may be
 * NULL for the defaults. Fails with TF_ERROR_DEFINITION when the layout
 * lacks a radio widget the form needs. Reads replies in the layout's
 * language only. */
TfReplyChecker *tf_reply_checker_new (const TfForm *form,
                                      const TfLayout *layout,
                                      const TfMemberStates *states,
                                      const TfReplyCheckerOptions *options,
                                      GError **error);
/* The same for the language versions of `form`: `layouts` holds one
 * layout per language read (`n` of them, each its layout->language); a
 * reply's form.language says which its widgets are checked against (a
 * reply without one: the definition's default language, which must be
 * among them). */
TfReplyChecker *tf_reply_checker_new_in (const TfForm *form,
                                         const TfLayout *const *layouts, guint n,
                                         const TfMemberStates *states,
                                         const TfReplyCheckerOptions *options,
                                         GError **error);
void tf_reply_checker_free (TfReplyChecker *checker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfReplyChecker, tf_reply_checker_free)

/* The form the checker reads replies to, borrowed. */
const TfForm *tf_reply_checker_form (const TfReplyChecker *checker);

/* The record for `raw`, read from `file` (a name to show, copied; made
 * valid UTF-8). Returns a new record, never NULL. */
TfReply *tf_reply_check (const TfReplyChecker *checker, const char *file,
                         const TfRawReply *raw);

/* ---- value rules, exposed for tests and other readers --------------- */

/* A text value as the record holds it: "\r\n" and "\r" become "\n",
 * invalid UTF-8 is replaced (U+FFFD), white space (Unicode) is trimmed at
 * both ends; empty gives NULL. Returns a new string or NULL. */
char *tf_reply_normalize_text (const char *value);

/* Whether `value` is one e-mail address, or several separated by commas,
 * semicolons or white space: each local@domain, with a dot in a domain
 * that has no empty label, and no spaces or angle brackets. */
gboolean tf_reply_email_is_valid (const char *value);

#endif
