#include "reply/read_failure.h"

#include "common/tf_child.h"
#include "common/tf_size.h"

#include <math.h>

/* What a user can do about a file made to harm its reader, or damaged. */
#define SEND_AGAIN "Ask the administration to send the reply again, saved by another program."

static char *
duration_text (double seconds)
{
  if (seconds == floor (seconds))
    return g_strdup_printf ("%.0f s", seconds);
  return g_strdup_printf ("%g s", seconds);
}

void
tf_reply_add_read_failure (TfReply *reply, const TfRawReply *raw)
{
  const TfReadFailure *f = &raw->failure;
  switch (raw->outcome)
    {
    case TF_READ_UNREADABLE:
      tf_reply_add_problem (reply, TF_PROBLEM_UNREADABLE, TF_SEVERITY_ERROR, NULL,
                            "The file cannot be read (%s): check that it is there and "
                            "readable, and read it again.", raw->detail);
      break;
    case TF_READ_FOLDER_UNREADABLE:
      tf_reply_add_problem (reply, TF_PROBLEM_UNREADABLE, TF_SEVERITY_ERROR, NULL,
                            "The folder cannot be read (%s): check that it is readable, "
                            "and read it again.", raw->detail);
      break;
    case TF_READ_NOT_PDF:
      tf_reply_add_problem (reply, TF_PROBLEM_NOT_PDF, TF_SEVERITY_ERROR, NULL,
                            "The file is %s: the reply must be the filled-in PDF form. "
                            "Ask the administration to send the form itself.", raw->detail);
      break;
    case TF_READ_DAMAGED:
      tf_reply_add_problem (reply, TF_PROBLEM_DAMAGED, TF_SEVERITY_ERROR, NULL,
                            "The file cannot be read because %s. Ask the administration "
                            "to send it again.", raw->detail);
      break;
    case TF_READ_ENCRYPTED:
      tf_reply_add_problem (reply, TF_PROBLEM_ENCRYPTED, TF_SEVERITY_ERROR, NULL,
                            "The PDF is protected by a password that is needed to open "
                            "it: ask the administration to send it again without that "
                            "password (a password that only restricts editing is fine).");
      break;
    case TF_READ_CRASHED:
      {
        g_autofree char *how = tf_child_ended_how (f->wait_status);
        tf_reply_add_problem (reply, TF_PROBLEM_CRASHED, TF_SEVERITY_ERROR, NULL,
                              "Reading the file crashed the PDF reader (%s): the file is "
                              "damaged, or made to harm the programs that read it. "
                              SEND_AGAIN, how);
        break;
      }
    case TF_READ_BAD_ANSWER:
      tf_reply_add_problem (reply, TF_PROBLEM_CRASHED, TF_SEVERITY_ERROR, NULL,
                            "The PDF reader gave a malformed answer for this file (%s): "
                            "the file is damaged, or made to harm the programs that read "
                            "it. " SEND_AGAIN, raw->detail);
      break;
    case TF_READ_NO_WORKER:
      tf_reply_add_problem (reply, TF_PROBLEM_CRASHED, TF_SEVERITY_ERROR, NULL,
                            "tapform could not read the file: %s.", raw->detail);
      break;
    case TF_READ_TIMED_OUT:
      {
        g_autofree char *limit = duration_text (f->time_limit);
        tf_reply_add_problem (reply, TF_PROBLEM_TIMED_OUT, TF_SEVERITY_ERROR, NULL,
                              "Reading the file took longer than the time limit (%s) and "
                              "was stopped: the file is damaged, or made to stall the "
                              "programs that read it. Ask the administration to send the "
                              "reply again, saved by another program (a genuine but very "
                              "large file can be read again with a longer time limit).",
                              limit);
        break;
      }
    case TF_READ_OUT_OF_MEMORY:
      {
        g_autofree char *limit = tf_size_format (f->memory_limit);
        tf_reply_add_problem (reply, TF_PROBLEM_OUT_OF_MEMORY, TF_SEVERITY_ERROR, NULL,
                              "Reading the file needed more memory than the limit (%s) and "
                              "was stopped: the file is damaged, or made to exhaust the "
                              "memory of the programs that read it. " SEND_AGAIN, limit);
        break;
      }
    case TF_READ_OK:
      break;
    }
}
