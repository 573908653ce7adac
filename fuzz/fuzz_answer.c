/* fuzz_answer.c — libFuzzer target over the batch's trust boundary: the
 * bytes a worker sends back (a worker may have been subverted by the file
 * it read) → tf_worker_answer_parse() → tf_reply_check() → the JSON
 * record. Any bytes must give a record or an error, never a crash. Seeds:
 * real answers, made by fuzz_seed_answers from the sample replies.
 * Build and run: fuzz/run.sh.
 */
#include "batch/worker.h"
#include "fuzz_reader.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_reader_open ("fuzz_answer");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GBytes *bytes = g_bytes_new (data, size);
  GError *error = NULL;
  TfRawReply *raw = tf_worker_answer_parse (bytes, &error);
  g_bytes_unref (bytes);
  if (raw == NULL)
    {
      g_clear_error (&error);
      return 0;
    }
  fuzz_check_and_write (raw);
  tf_raw_reply_free (raw);
  return 0;
}
