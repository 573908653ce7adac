/* review.h — the review report: what a person needs to write to the
 * administrations whose replies are incomplete or invalid.
 *
 * A PDF made with cairo: a summary page (counts, the tally, the chart),
 * then for every incomplete or invalid reply a page with the file, the
 * Member State, the problems in plain words, and the reply's own pages
 * rendered by Poppler with each field a problem names outlined in red.
 */
#ifndef TF_REVIEW_H
#define TF_REVIEW_H

#include "layout/layout.h"
#include "reply/reply.h"
#include "tally/tally.h"

/* Writes the report of `replies` (TfReply*, in input order; each one's
 * `file` is opened again to render its pages) to `path`. `layout` says
 * where each field sits. Fails with TF_ERROR_IO when `path` cannot be
 * written; a reply that cannot be rendered any more gets its page with a
 * note instead. */
gboolean tf_review_write (const char *path, const TfForm *form,
                          const TfLayout *layout, const TfTally *tally,
                          GPtrArray *replies, GError **error);

#endif
