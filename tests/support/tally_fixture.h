/* tally_fixture.h — reply records built from lines of data, for the
 * tests of the tally, its formats, the chart and the report. */
#ifndef TF_TALLY_FIXTURE_H
#define TF_TALLY_FIXTURE_H

#include "form/form.h"
#include "reply/reply.h"
#include "tally/tally.h"

/* One reply as a line of data: file, Member State code (NULL: none
 * recognized), status, the authority answers of the texts in form order
 * ('A' assign, 'W' withhold, '-' none), PDF modification date and file
 * time (ISO 8601, or NULL). */
typedef struct {
  const char *file;
  const char *code;
  TfStatus status;
  const char *answers;
  const char *modified;
  const char *file_time;
} Row;

/* The records of `rows` and the tally inputs over them. */
typedef struct {
  GPtrArray *replies;   /* of TfReply* */
  GPtrArray *times;     /* of GDateTime* */
  GArray *inputs;       /* of TfTallyInput */
} Batch;

TfReply *make_reply (const TfForm *form, const Row *row);
Batch batch_new (const TfForm *form, const Row *rows, guint n);
void batch_free (Batch *batch);

#endif
