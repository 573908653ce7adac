/* count_run.h — what tapform-read makes of the replies it counts, read
 * in this run or loaded from a register: the tally, the chase list, the
 * chart, the review report, the workbook.
 *
 *   replies → tf_tally_count_replies() → the tally (tally_format.h) and
 *   the chase list (chase_format.h) written to `out`, the tally first;
 *   the chart (report/chart.h), the review (report/review.h) and the
 *   workbook (out/workbook.h) each written to its file
 *
 * Ownership: everything is borrowed for the call.
 */
#ifndef TF_COUNT_RUN_H
#define TF_COUNT_RUN_H

#include "common/tf_output.h"
#include "read/reader.h"
#include "run/read_run.h"
#include "tally/chase_format.h"
#include "tally/tally_format.h"

typedef struct {
  TfTallyOptions counting;
  gboolean tally;               /* print the tally */
  TfTallyFormat tally_format;
  gboolean chase;               /* print the chase list */
  TfChaseFormat chase_format;
  const char *chart;            /* or NULL */
  const char *review;           /* or NULL */
  const char *xlsx;             /* or NULL */
} TfCountRunOptions;

#define TF_COUNT_RUN_OPTIONS_INIT \
  { TF_TALLY_OPTIONS_INIT, FALSE, TF_TALLY_TEXT, FALSE, TF_CHASE_TEXT, NULL, NULL, NULL }

/* Whether `options` ask for anything. */
gboolean tf_count_run_wanted (const TfCountRunOptions *options);

/* Counts `replies` (TfReply*, in input order) and makes what `options`
 * ask for; `registered` (GDateTime*, one per reply, or NULL) goes to the
 * workbook. Each output that cannot be written is told to `notice` with
 * its reason (the others are made all the same); FALSE then. */
gboolean tf_count_run (const TfReader *reader, GPtrArray *replies, GPtrArray *registered,
                       const TfCountRunOptions *options, TfOutput *out,
                       TfReadRunNoticeFunc notice, gpointer notice_data);

#endif
