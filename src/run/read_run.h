/* read_run.h — one run of tapform-read: every input read and made a
 * record, in input order, written as it comes and kept when counting.
 *
 *   inputs (read/inputs.h) → batch (batch/batch.h: the workers read)
 *     → tf_reader_reply() (read/reader.h) → the record writer
 *       (out/record_writer.h) and/or the replies kept for the tally
 *
 * Ownership: the options and the reader are borrowed; the result's
 * `kept` is the caller's, freed by tf_read_run_result_clear().
 */
#ifndef TF_READ_RUN_H
#define TF_READ_RUN_H

#include "batch/batch.h"
#include "batch/progress_display.h"
#include "out/record_writer.h"
#include "read/inputs.h"
#include "read/reader.h"

/* Told what the user must hear while the run goes on, a sentence
 * ("FILE: cannot be read: REASON"); the progress line is erased first. */
typedef void (*TfReadRunNoticeFunc) (const char *message, gpointer user_data);

/* Given each record, in input order, before it is written: it may add to
 * the record (a register says "already registered"). FALSE with an error
 * stops the run, as a write error does. */
typedef gboolean (*TfReadRunTakeFunc) (TfReply *reply, gpointer user_data, GError **error);

typedef struct {
  TfBatchOptions batch;         /* its progress function is set by the run */
  TfRecordWriter *writer;       /* where the records go; NULL: nowhere */
  gboolean writer_on_terminal;  /* the records go to the terminal that
                                   shows the progress: erase it first */
  gboolean keep;                /* keep every record (for the tally) */
  TfProgressDisplay *progress;  /* may be NULL */
  TfReadRunNoticeFunc notice;   /* may be NULL */
  gpointer notice_data;
  TfReadRunTakeFunc take;       /* may be NULL */
  gpointer take_data;
} TfReadRunOptions;

#define TF_READ_RUN_OPTIONS_INIT \
  { TF_BATCH_OPTIONS_INIT, NULL, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL }

typedef struct {
  guint complete, incomplete, invalid;
  gboolean input_failed;        /* an input could not be read, or the batch
                                   could not start a worker (told) */
  GPtrArray *kept;              /* of TfReply*, in input order, when keep */
} TfReadRunResult;

/* Reads `inputs` as `options` say, filling `result`. FALSE with the
 * writer's error (TF_ERROR_IO) when the records could not be written, or
 * with the take function's: the run then stops. */
gboolean tf_read_run (const TfReader *reader, const TfInputs *inputs,
                      const TfReadRunOptions *options, TfReadRunResult *result,
                      GError **error);
void tf_read_run_result_clear (TfReadRunResult *result);

#endif
