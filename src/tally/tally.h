/* tally.h — counting a consultation: per text, does it reach the threshold?
 *
 * Pure: reply records in, a tally out. The rule (WTSA Resolution 1, 9.4,
 * in the form definition's threshold and deadline), as tapform applies it:
 *
 * - Only replies from Member States count: an invalid reply, or one whose
 *   Member State is not recognized or was not a Member State on the
 *   consultation's date, is "uncounted", with the reason.
 * - One reply per Member State: when a state sent several, the latest
 *   counts — latest by the PDF's modification date, then by the file's
 *   time, then by the order given — and the others are "superseded".
 * - Replies received by the due date: a reply dated after the deadline
 *   (its PDF modification date, or the file's time when the PDF has none)
 *   is "late" and not counted, unless count_late is set.
 * - An incomplete reply counts for the texts it answers. Per text:
 *   replies = the counted replies; assign, withhold and unanswered split
 *   them; support = assign / (assign + withhold): a reply that leaves a
 *   text unanswered (or answers it contradictorily) neither supports nor
 *   opposes it. "Assign" with comments attached supports.
 * - A text meets the threshold when support >= threshold, compared
 *   exactly (in millionths), so 7 of 10 meets 70%. With no answer to a
 *   text at all (in particular no replies), support is null and the text
 *   meets the threshold: Resolution 1 lets consideration proceed "if there
 *   are no replies".
 *
 * Ownership: a TfTally owns its strings and arrays; it borrows the form's
 * texts. Free with tf_tally_free().
 */
#ifndef TF_TALLY_H
#define TF_TALLY_H

#include "form/form.h"
#include "form/member_states.h"
#include "reply/reply.h"

/* One reply to count, with what the tally needs beside the record. */
typedef struct {
  const TfReply *reply;     /* borrowed */
  GDateTime *file_time;     /* the file's modification time, or NULL; borrowed */
} TfTallyInput;

typedef struct {
  gboolean count_late;      /* count replies dated after the deadline */
} TfTallyOptions;

#define TF_TALLY_OPTIONS_INIT { FALSE }

typedef struct {
  const TfText *text;       /* borrowed from the form */
  guint replies;
  guint assign;
  guint withhold;
  guint unanswered;
  gboolean has_support;     /* FALSE: nobody answered this text */
  double support;           /* assign / (assign + withhold), 0..1 */
  gboolean meets_threshold;
} TfTallyText;

typedef struct {
  char *file;
  char *by;                 /* the file that superseded it */
} TfTallySuperseded;

typedef struct {
  char *file;
  char *reason;
} TfTallyUncounted;

/* What became of one input. With count_late, a late reply is counted or
 * superseded like any other (tf_tally_input_is_late() tells it apart). */
typedef enum {
  TF_TALLY_COUNTED,
  TF_TALLY_SUPERSEDED,
  TF_TALLY_UNCOUNTED,
  TF_TALLY_LATE,            /* late, and so not counted */
} TfTallyFate;

typedef struct {
  char *form;               /* "tsb-246-annex2@1" */
  double threshold;
  char *deadline;           /* as the definition writes it */
  gboolean count_late;
  GPtrArray *texts;         /* of TfTallyText*, in form order */
  GPtrArray *counted;       /* of char* (files), in input order */
  GPtrArray *superseded;    /* of TfTallySuperseded*, in input order */
  GPtrArray *uncounted;     /* of TfTallyUncounted*, in input order */
  GPtrArray *late;          /* of char* (files), in input order */
  GArray *fates;            /* of TfTallyFate: one per input, in input order
                               (the lists above name files, which two
                               inputs may share) */
} TfTally;

/* Counts `n` replies to `form`. `states` tells who was a Member State on
 * the consultation's date (NULL: every recognized code counts). Returns a
 * new tally, never NULL. */
TfTally *tf_tally_count (const TfForm *form, const TfMemberStates *states,
                         const TfTallyInput *inputs, guint n,
                         const TfTallyOptions *options);
/* The same for `replies` (TfReply*, in input order), each with its own
 * file_modified as its file time. */
TfTally *tf_tally_count_replies (const TfForm *form, const TfMemberStates *states,
                                 GPtrArray *replies, const TfTallyOptions *options);
void tf_tally_free (TfTally *tally);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfTally, tf_tally_free)

/* The date a reply is taken as received: the PDF's modification date,
 * else the file's time, else NULL. Borrowed. */
GDateTime *tf_tally_input_date (const TfTallyInput *input);

/* Whether `input` is dated after the deadline of `form`. */
gboolean tf_tally_input_is_late (const TfForm *form, const TfTallyInput *input);

#endif
