#include "fuzz_checker.h"

#include "form/form.h"
#include "form/member_states.h"
#include "out/record_json.h"
#include "pdf/emit.h"
#include "reply/reply.h"

#include <stdlib.h>

/* Kept for the whole run: libFuzzer never ends a target normally. */
static TfForm *form;
static TfEmitter *emitter;
static TfMemberStates *states;
static TfReplyChecker *checker;

void
fuzz_checker_init (const char *target)
{
  GError *error = NULL;
  form = tf_form_load_default (&error);
  emitter = form ? tf_emitter_new (form, &error) : NULL;
  states = emitter ? tf_member_states_load_default (&error) : NULL;
  checker = states ? tf_reply_checker_new (form, tf_emitter_layout (emitter), states, NULL, &error)
                   : NULL;
  if (checker == NULL)
    {
      g_printerr ("%s: %s\n", target, error ? error->message : "no checker");
      abort ();
    }
}

void
fuzz_check_and_write (const TfRawReply *raw)
{
  TfReply *reply = tf_reply_check (checker, "fuzz.pdf", raw);
  char *json = tf_record_to_json (reply, NULL);
  g_free (json);
  tf_reply_free (reply);
}
