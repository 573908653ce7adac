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
#include "form/form.h"
#include "form/member_states.h"
#include "out/record_json.h"
#include "pdf/emit.h"
#include "read/read_pdf.h"
#include "reply/reply.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static TfForm *form;
static TfEmitter *emitter;
static TfMemberStates *states;
static TfReplyChecker *checker;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  GError *error = NULL;
  form = tf_form_load_default (&error);
  emitter = form ? tf_emitter_new (form, &error) : NULL;
  states = emitter ? tf_member_states_load (TAPFORM_FUZZ_SOURCE_DIR "/forms/member-states.json",
                                            TAPFORM_FUZZ_SOURCE_DIR "/forms/member-state-names.json",
                                            &error)
                   : NULL;
  checker = states ? tf_reply_checker_new (form, tf_emitter_layout (emitter), states, NULL, &error)
                   : NULL;
  if (checker == NULL)
    {
      g_printerr ("fuzz_read: %s\n", error ? error->message : "no checker");
      abort ();
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GBytes *bytes = g_bytes_new (data, size);
  TfRawReply *raw = tf_read_bytes (bytes);
  g_bytes_unref (bytes);
  GVariant *variant = tf_raw_reply_serialize (raw);
  GVariant *boxed = g_variant_ref_sink (g_variant_new_variant (variant));
  GBytes *answer = g_variant_get_data_as_bytes (boxed);
  GError *error = NULL;
  TfRawReply *back = tf_worker_answer_parse (answer, &error);
  if (back == NULL)
    {
      /* What a worker sends, the batch must take. */
      g_printerr ("fuzz_read: the answer does not parse back: %s\n", error->message);
      abort ();
    }
  TfReply *reply = tf_reply_check (checker, "fuzz.pdf", back);
  char *json = tf_record_to_json (reply, NULL);
  g_free (json);
  tf_reply_free (reply);
  tf_raw_reply_free (back);
  g_bytes_unref (answer);
  g_variant_unref (boxed);
  g_variant_unref (variant);
  tf_raw_reply_free (raw);
  return 0;
}
