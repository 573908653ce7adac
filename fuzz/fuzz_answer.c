/* fuzz_answer.c — libFuzzer target over the batch's trust boundary: the
 * bytes a worker sends back (a worker may have been subverted by the file
 * it read) → tf_worker_answer_parse() → tf_reply_check() → the JSON
 * record. Any bytes must give a record or an error, never a crash. Seeds:
 * real answers, made by fuzz_seed_answers from the sample replies.
 * Build and run: fuzz/run.sh.
 */
#include "batch/worker.h"
#include "form/form.h"
#include "form/member_states.h"
#include "out/record_json.h"
#include "pdf/emit.h"
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
      g_printerr ("fuzz_answer: %s\n", error ? error->message : "no checker");
      abort ();
    }
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
  TfReply *reply = tf_reply_check (checker, "fuzz.pdf", raw);
  char *json = tf_record_to_json (reply, NULL);
  g_free (json);
  tf_reply_free (reply);
  tf_raw_reply_free (raw);
  return 0;
}
