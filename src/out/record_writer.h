/* record_writer.h — a stream of reply records to a file, in one of the
 * output formats of tapform-read, written as each record comes (memory
 * stays flat whatever the number of replies).
 *
 *   jsonl  one record per line (record_json.h), LF line ends
 *   json   one JSON array: "[", then one record per line with "," between
 *          them, then "]"; "[]" when there is none
 *   csv    a header row, then one row per record (record_csv.h); with
 *          csv_bom, a UTF-8 byte order mark first
 *
 * The writer borrows `out` and `form`; it neither opens nor closes `out`.
 * A write error is reported by the call that meets it (TF_ERROR_IO with
 * the system's reason); after one, the writer accepts nothing more.
 */
#ifndef TF_RECORD_WRITER_H
#define TF_RECORD_WRITER_H

#include "form/form.h"
#include "reply/reply.h"

#include <stdio.h>

typedef enum {
  TF_FORMAT_JSONL,
  TF_FORMAT_JSON,
  TF_FORMAT_CSV,
} TfRecordFormat;

typedef struct {
  TfRecordFormat format;
  gboolean csv_bom;
} TfRecordWriterOptions;

#define TF_RECORD_WRITER_OPTIONS_INIT { TF_FORMAT_JSONL, FALSE }

typedef struct TfRecordWriter TfRecordWriter;

/* The format named `name` ("jsonl", "json", "csv"); FALSE if none. */
gboolean tf_record_format_from_name (const char *name, TfRecordFormat *format);

/* A new writer (free with tf_record_writer_free()); `options` may be NULL
 * for JSON Lines. Writes nothing yet. */
TfRecordWriter *tf_record_writer_new (FILE *out, const TfForm *form,
                                      const TfRecordWriterOptions *options);
/* Writes one record. */
gboolean tf_record_writer_add (TfRecordWriter *writer, const TfReply *reply,
                               GError **error);
/* Writes what closes the output (the array's "]", the CSV header of an
 * empty run) and flushes. Call once, after the last record. */
gboolean tf_record_writer_finish (TfRecordWriter *writer, GError **error);
void tf_record_writer_free (TfRecordWriter *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfRecordWriter, tf_record_writer_free)

#endif
