/* chase.h — who still has to answer: the list the secretariat works from
 * while a consultation runs.
 *
 * Pure: the replies and their tally (tally.h) in, the list out. Every
 * Member State on the consultation's date (the form's date; who was a
 * member then: member_states.h), in the order of the Member State data,
 * is listed unless the reply that counts for it is complete:
 *
 * - no-reply: no reply counts for it, and none came late;
 * - incomplete: the reply that counts is incomplete; its errors (the
 *   problems that keep it from being complete) are listed;
 * - late: no reply counts for it, but one came after the deadline (not
 *   counted without count_late); the latest of them is shown, with its
 *   errors if it has any.
 *
 * With count_late a late reply counts like any other; `late` still says
 * that it came late. For the reply shown: its file, the sender's name and
 * e-mail as written, and the date it was received (tf_tally_input_date():
 * the PDF's modification date, or the file's time).
 *
 * An invalid reply says nothing of who sent it, and a reply may name a
 * state tapform does not recognize: the replies that count for no Member
 * State (the tally's uncounted ones, with its reasons) are listed apart,
 * since one of them may be the reply a listed state owes.
 *
 * Ownership: a TfChase owns everything in it (copies, not borrowings of
 * the replies); free it with tf_chase_free(). Formats: chase_format.h.
 */
#ifndef TF_CHASE_H
#define TF_CHASE_H

#include "tally/tally.h"

typedef enum {
  TF_CHASE_NO_REPLY,
  TF_CHASE_INCOMPLETE,
  TF_CHASE_LATE,
} TfChaseReason;

typedef struct {
  char *code;               /* ISO 3166-1 alpha-3 */
  char *name;               /* as the ITU writes it */
  TfChaseReason reason;
  /* The reply shown (see above); all NULL for no-reply. */
  char *file;
  char *sender_name;
  char *sender_email;
  GDateTime *received;      /* or NULL when the reply has no date */
  gboolean late;            /* the reply shown came after the deadline */
  GPtrArray *problems;      /* of TfProblem*: its errors; never NULL */
} TfChaseEntry;

typedef struct {
  char *form;               /* "tsb-246-annex2@1" */
  char *reference;          /* "TSB Circular 246" */
  char *date;               /* the consultation's date, "2020-04-22" */
  char *deadline;           /* as the definition writes it */
  gboolean count_late;
  guint member_states;      /* Member States on the date */
  guint complete;           /* of them, those whose counted reply is complete */
  GPtrArray *entries;       /* of TfChaseEntry*, in the Member State data's order */
  GPtrArray *uncounted;     /* of TfTallyUncounted*, in input order */
} TfChase;

/* The chase list of `n` replies to `form`, whose tally (made of the same
 * inputs, in the same order) is `tally`. `states` is the Member State
 * data (not NULL: it says who is to be chased). Returns a new list. */
TfChase *tf_chase_list (const TfForm *form, const TfMemberStates *states,
                        const TfTallyInput *inputs, guint n, const TfTally *tally);

/* The same for `replies` (TfReply*, in input order), each with its own
 * file time, as tf_tally_count_replies() counts them. */
TfChase *tf_chase_list_replies (const TfForm *form, const TfMemberStates *states,
                                GPtrArray *replies, const TfTally *tally);

void tf_chase_free (TfChase *chase);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfChase, tf_chase_free)

/* "no-reply", "incomplete", "late": static. */
const char *tf_chase_reason_name (TfChaseReason reason);

/* How many entries have `reason`. */
guint tf_chase_count (const TfChase *chase, TfChaseReason reason);

#endif
