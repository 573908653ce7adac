/* problem.h — the stable problem codes of a reply record.
 *
 * A code never changes meaning once released; new ones are added at the
 * end. Codes are what scripts match on; messages are for people and may
 * be reworded. Each problem names the field it is about ("sender.name",
 * "text.x1148.authority", "form.id") or none when it is about the file.
 *
 * Severity: an "error" is a problem the status rule of the reply record
 * contract names (it makes the reply invalid or incomplete); a "warning"
 * leaves the status as it is.
 *
 * code                        severity  meaning
 * --------------------------  --------  -----------------------------------
 * Invalid (status "invalid": not a readable reply to this form)
 * unreadable                  error     the file could not be read (I/O:
 *                                       vanished, no permission, a folder)
 * not-pdf                     error     not a PDF (the message says what it
 *                                       is: empty, a PNG image, a Word file)
 * damaged                     error     a PDF, but cut short or unparseable
 * encrypted                   error     needs a password to be opened (a
 *                                       user password; an owner password
 *                                       alone does not stop reading)
 * wrong-form                  error     another form, or another version of
 *                                       this one (form.id says which), or a
 *                                       form without form.id whose fields
 *                                       are not this form's
 * no-form                     error     a PDF with no form fields at all
 *                                       (printed to PDF, flattened, scanned)
 * crashed                     error     reading it crashed the reader
 *                                       (batch/batch.h: worker isolation)
 * timed-out                   error     reading it took too long
 * out-of-memory               error     reading it needed too much memory
 * Incomplete (status "incomplete" when any is present)
 * authority-missing           error     a text has no authority answer
 * comments-missing            error     "assign" without a comments choice
 * member-state-missing        error     the Member State field is empty
 * name-missing                error     the sender's name is empty
 * state-conflict              error*    both options of a group are ticked
 * widget-mismatch             error*    the ticked widget's /TU names one
 *                                       option, its position on the page
 *                                       another
 * widget-unknown              error*    a ticked widget is neither labelled
 *                                       (/TU) nor placed like any widget of
 *                                       its group
 * Warnings (status unchanged)
 * comments-without-authority  warning   a comments choice with "does not
 *                                       assign" (comments apply to assign)
 * member-state-unknown        warning   not a Member State name tapform
 *                                       knows (the closest one suggested)
 * member-state-not-member     warning   a state that was not an ITU Member
 *                                       State on the consultation's date
 * title-missing               warning   the sender's title is empty
 * email-invalid               warning   the e-mail is not an address
 * form-id-missing             warning   form.id is missing or empty, but
 *                                       every field matches the definition:
 *                                       read as this form
 * widget-unverified           warning   a ticked widget was identified one
 *                                       way only (its /TU is missing or
 *                                       unknown, or its position matches no
 *                                       widget): the answer is counted
 * already-registered          warning   the file (its SHA-256) is already in
 *                                       the register (register/register.h):
 *                                       the message says when and as which
 *                                       file; it adds nothing to the register
 * language-unknown            warning   form.language names no language of
 *                                       the definition: read as its default
 *                                       language (English)
 * Read from rendered pages (flattened or scanned replies, source
 * "rendered")
 * box-doubtful                error*    a box of the group is neither clearly
 *                                       ticked nor clearly empty, or two are
 *                                       ticked: the message says which box,
 *                                       which page and why
 * page-missing                error     a page of the form is not in the file:
 *                                       its answers are unknown
 * page-unregistered           warning   a page with the form's corner marks
 *                                       that fits no page of the form
 * page-skipped                warning   a page that is not the form's (no
 *                                       corner marks: a cover letter)
 * sender-not-read             warning   the page holds no text for the sender
 *                                       block (a scan): read it from the page
 *
 * (*) state-conflict, widget-mismatch and widget-unknown leave the group's
 * answer null. They are errors where that answer is required (authority;
 * comments when authority is "assign") and warnings where it is not
 * (comments when authority is "withhold" or unknown): the status rule is
 * applied to the answers, and a code's severity says whether it counted.
 */
#ifndef TF_PROBLEM_H
#define TF_PROBLEM_H

#include <glib.h>

typedef enum {
  /* invalid */
  TF_PROBLEM_UNREADABLE,
  TF_PROBLEM_NOT_PDF,
  TF_PROBLEM_DAMAGED,
  TF_PROBLEM_ENCRYPTED,
  TF_PROBLEM_WRONG_FORM,
  TF_PROBLEM_NO_FORM,
  TF_PROBLEM_CRASHED,
  TF_PROBLEM_TIMED_OUT,
  TF_PROBLEM_OUT_OF_MEMORY,
  /* incomplete */
  TF_PROBLEM_AUTHORITY_MISSING,
  TF_PROBLEM_COMMENTS_MISSING,
  TF_PROBLEM_MEMBER_STATE_MISSING,
  TF_PROBLEM_NAME_MISSING,
  TF_PROBLEM_STATE_CONFLICT,
  TF_PROBLEM_WIDGET_MISMATCH,
  TF_PROBLEM_WIDGET_UNKNOWN,
  /* warnings */
  TF_PROBLEM_COMMENTS_WITHOUT_AUTHORITY,
  TF_PROBLEM_MEMBER_STATE_UNKNOWN,
  TF_PROBLEM_MEMBER_STATE_NOT_MEMBER,
  TF_PROBLEM_TITLE_MISSING,
  TF_PROBLEM_EMAIL_INVALID,
  TF_PROBLEM_FORM_ID_MISSING,
  TF_PROBLEM_WIDGET_UNVERIFIED,
  TF_PROBLEM_ALREADY_REGISTERED,
  TF_PROBLEM_LANGUAGE_UNKNOWN,
  /* read from rendered pages (reply_rendered.c) */
  TF_PROBLEM_BOX_DOUBTFUL,
  TF_PROBLEM_PAGE_MISSING,
  TF_PROBLEM_PAGE_UNREGISTERED,
  TF_PROBLEM_PAGE_SKIPPED,
  TF_PROBLEM_SENDER_NOT_READ,
  TF_PROBLEM_COUNT,
} TfProblemCode;

typedef enum {
  TF_SEVERITY_ERROR,
  TF_SEVERITY_WARNING,
} TfSeverity;

/* One problem of a reply. Owned by its TfReply. */
typedef struct {
  TfProblemCode code;
  TfSeverity severity;
  char *field;          /* fully qualified field name, or NULL */
  char *message;        /* plain words: what is wrong, what to do */
} TfProblem;

/* "authority-missing": static; NULL for a value out of range. */
const char *tf_problem_code_name (TfProblemCode code);
/* The code named `name`, or TF_PROBLEM_COUNT if none. */
TfProblemCode tf_problem_code_from_name (const char *name);
/* Whether a problem of this code makes the reply invalid. */
gboolean tf_problem_code_is_invalid (TfProblemCode code);
/* The severity a code usually has (see (*) above for the exceptions). */
TfSeverity tf_problem_code_severity (TfProblemCode code);
/* "error", "warning": static. */
const char *tf_severity_name (TfSeverity severity);

TfProblem *tf_problem_new (TfProblemCode code, TfSeverity severity,
                           const char *field, const char *message);
void tf_problem_free (TfProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfProblem, tf_problem_free)

#endif
