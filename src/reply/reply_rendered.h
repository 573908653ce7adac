/* reply_rendered.h — the answers of a reply read from its rendered pages
 * (read/raw_optical.h): the rule that makes each box ticked, empty or
 * doubtful, and each answer from its boxes. Internal to the reply stage
 * (reply_check.c calls it).
 *
 * The rule (README, "Reading flattened and scanned replies"): the shares
 * are of the box's pixels that carry ink the blank form has not.
 *   empty    inside < 1.5 %, any ink at all inside < 4 %, around the
 *            outline (1–3.5 pt out) < 3 %, further out (3.5–10 pt) < 1 %
 *   ticked   inside 6–55 %, further out < 1 %; or inside ≥ 55 % (a filled
 *            box) with < 25 % around it and < 1 % further out
 *   doubtful anything else: a faint mark, a mark over the box (a stroke,
 *            a stamp, a ring), a box blacked out past its outline
 * An answer is given only when exactly one of its boxes is ticked and the
 * other is empty; a doubtful box, or two ticked, make it doubtful
 * (box-doubtful) and null — never a guess.
 */
#ifndef TF_REPLY_RENDERED_H
#define TF_REPLY_RENDERED_H

#include "form/fields.h"
#include "form/form.h"
#include "read/raw_optical.h"
#include "reply/reply.h"

typedef enum {
  TF_BOX_EMPTY,
  TF_BOX_TICKED,
  TF_BOX_FAINT,         /* doubtful: some ink, too little to be a tick */
  TF_BOX_OVER,          /* doubtful: ink over and around the box */
  TF_BOX_BLACKED,       /* doubtful: blacked out past its outline */
} TfBoxVerdict;

TfBoxVerdict tf_box_verdict (const TfRawBox *box);

/* The problems of the file's pages (missing, unregistered, skipped); the
 * form pages present are set in `present` (n_form_pages entries). */
void tf_reply_rendered_pages (TfReply *reply, const TfForm *form, const TfRawOptical *optical,
                              guint n_file_pages, gboolean *present);

/* The answer of `text`'s `group` from the boxes of `optical`. Adds a
 * box-doubtful problem (an error when `required`) when it cannot be
 * told, and sets *reported; sets *absent when the group's boxes are not
 * on any page of the file (its page is missing). */
TfAnswer tf_reply_rendered_group (TfReply *reply, const TfRawOptical *optical,
                                  const TfText *text, TfGroup group, gboolean required,
                                  gboolean *reported, gboolean *absent);

#endif
