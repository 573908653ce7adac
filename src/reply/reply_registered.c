#include "reply/reply_registered.h"

void
tf_reply_add_already_registered (TfReply *reply, GDateTime *registered,
                                 const char *registered_as)
{
  g_autoptr (GDateTime) utc = registered ? g_date_time_to_utc (registered) : NULL;
  g_autofree char *when = utc ? g_date_time_format (utc, " on %Y-%m-%d at %H:%M UTC") : NULL;
  gboolean same_name = registered_as == NULL || g_str_equal (registered_as, reply->file);
  g_autofree char *as = same_name ? g_strdup ("under this name")
                                  : g_strdup_printf ("as %s", registered_as);
  tf_reply_add_problem (reply, TF_PROBLEM_ALREADY_REGISTERED, TF_SEVERITY_WARNING, NULL,
                        "This file is already in the register: it was registered%s %s. "
                        "It adds nothing: the reply is counted once.",
                        when ? when : "", as);
}
