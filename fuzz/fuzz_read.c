/* fuzz_read.c — libFuzzer target over the read path, as a batch runs it:
 * bytes → tf_read_bytes() (Poppler) → the worker's answer (serialized)
 * → parsed back as the batch does → tf_reply_check() → the JSON record.
 *
 * Poppler is not instrumented (Debian's library): coverage guides the
 * fuzzer through tapform's code only, but a crash, a hang (-timeout) or a
 * leak inside Poppler still stops it with the input that did it. What
 * such an input does to tapform-read (contained by its workers) is kept as
 * a regression case in tests/fixtures/hostile/. Build and run: fuzz/run.sh.
 */
#include "batch/worker.h"
#include "fuzz_reader.h"
#include "read/read_pdf.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_reader_open ("fuzz_read");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GBytes *bytes = g_bytes_new (data, size);
  TfRawReply *raw = tf_read_bytes (bytes);
  g_bytes_unref (bytes);
  GBytes *answer = tf_worker_answer (raw);
  GError *error = NULL;
  TfRawReply *back = tf_worker_answer_parse (answer, &error);
  if (back == NULL)
    {
      /* What a worker sends, the batch must take. */
      g_printerr ("fuzz_read: the answer does not parse back: %s\n", error->message);
      abort ();
    }
  fuzz_check_and_write (back);
  tf_raw_reply_free (back);
  g_bytes_unref (answer);
  tf_raw_reply_free (raw);
  return 0;
}
