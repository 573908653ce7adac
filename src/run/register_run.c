#include "run/register_run.h"

#include "reply/reply_registered.h"

gboolean
tf_register_run_take (TfReply *reply, gpointer user_data, GError **error)
{
  TfRegisterRun *run = user_data;
  TfRegisterAdded added;
  if (!tf_register_add (run->reg, reply, &added, error))
    {
      run->failed = TRUE;
      return FALSE;
    }
  switch (added.outcome)
    {
    case TF_REGISTER_ADDED:
      run->added++;
      break;
    case TF_REGISTER_KNOWN:
      run->known++;
      tf_reply_add_already_registered (reply, added.registered, added.registered_as);
      break;
    case TF_REGISTER_SKIPPED:
      run->skipped++;
      if (run->notice != NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s: not registered: %s; read it "
                                                      "again to register it", reply->file,
                                                      added.why);
          run->notice (message, run->notice_data);
        }
      break;
    }
  tf_register_added_clear (&added);
  return TRUE;
}
