#include "reply/problem.h"

static const struct {
  const char *name;
  TfSeverity severity;
} codes[TF_PROBLEM_COUNT] = {
  [TF_PROBLEM_UNREADABLE] = { "unreadable", TF_SEVERITY_ERROR },
  [TF_PROBLEM_NOT_PDF] = { "not-pdf", TF_SEVERITY_ERROR },
  [TF_PROBLEM_DAMAGED] = { "damaged", TF_SEVERITY_ERROR },
  [TF_PROBLEM_ENCRYPTED] = { "encrypted", TF_SEVERITY_ERROR },
  [TF_PROBLEM_WRONG_FORM] = { "wrong-form", TF_SEVERITY_ERROR },
  [TF_PROBLEM_NO_FORM] = { "no-form", TF_SEVERITY_ERROR },
  [TF_PROBLEM_CRASHED] = { "crashed", TF_SEVERITY_ERROR },
  [TF_PROBLEM_TIMED_OUT] = { "timed-out", TF_SEVERITY_ERROR },
  [TF_PROBLEM_OUT_OF_MEMORY] = { "out-of-memory", TF_SEVERITY_ERROR },
  [TF_PROBLEM_AUTHORITY_MISSING] = { "authority-missing", TF_SEVERITY_ERROR },
  [TF_PROBLEM_COMMENTS_MISSING] = { "comments-missing", TF_SEVERITY_ERROR },
  [TF_PROBLEM_MEMBER_STATE_MISSING] = { "member-state-missing", TF_SEVERITY_ERROR },
  [TF_PROBLEM_NAME_MISSING] = { "name-missing", TF_SEVERITY_ERROR },
  [TF_PROBLEM_STATE_CONFLICT] = { "state-conflict", TF_SEVERITY_ERROR },
  [TF_PROBLEM_WIDGET_MISMATCH] = { "widget-mismatch", TF_SEVERITY_ERROR },
  [TF_PROBLEM_WIDGET_UNKNOWN] = { "widget-unknown", TF_SEVERITY_ERROR },
  [TF_PROBLEM_COMMENTS_WITHOUT_AUTHORITY] = { "comments-without-authority", TF_SEVERITY_WARNING },
  [TF_PROBLEM_MEMBER_STATE_UNKNOWN] = { "member-state-unknown", TF_SEVERITY_WARNING },
  [TF_PROBLEM_MEMBER_STATE_NOT_MEMBER] = { "member-state-not-member", TF_SEVERITY_WARNING },
  [TF_PROBLEM_TITLE_MISSING] = { "title-missing", TF_SEVERITY_WARNING },
  [TF_PROBLEM_EMAIL_INVALID] = { "email-invalid", TF_SEVERITY_WARNING },
  [TF_PROBLEM_FORM_ID_MISSING] = { "form-id-missing", TF_SEVERITY_WARNING },
  [TF_PROBLEM_WIDGET_UNVERIFIED] = { "widget-unverified", TF_SEVERITY_WARNING },
  [TF_PROBLEM_ALREADY_REGISTERED] = { "already-registered", TF_SEVERITY_WARNING },
  [TF_PROBLEM_LANGUAGE_UNKNOWN] = { "language-unknown", TF_SEVERITY_WARNING },
  [TF_PROBLEM_BOX_DOUBTFUL] = { "box-doubtful", TF_SEVERITY_ERROR },
  [TF_PROBLEM_PAGE_MISSING] = { "page-missing", TF_SEVERITY_ERROR },
  [TF_PROBLEM_PAGE_UNREGISTERED] = { "page-unregistered", TF_SEVERITY_WARNING },
  [TF_PROBLEM_PAGE_SKIPPED] = { "page-skipped", TF_SEVERITY_WARNING },
  [TF_PROBLEM_SENDER_NOT_READ] = { "sender-not-read", TF_SEVERITY_WARNING },
};

const char *
tf_problem_code_name (TfProblemCode code)
{
  return (guint) code < TF_PROBLEM_COUNT ? codes[code].name : NULL;
}

TfProblemCode
tf_problem_code_from_name (const char *name)
{
  for (guint i = 0; name != NULL && i < TF_PROBLEM_COUNT; i++)
    if (g_str_equal (codes[i].name, name))
      return (TfProblemCode) i;
  return TF_PROBLEM_COUNT;
}

gboolean
tf_problem_code_is_invalid (TfProblemCode code)
{
  return code <= TF_PROBLEM_OUT_OF_MEMORY;
}

TfSeverity
tf_problem_code_severity (TfProblemCode code)
{
  return (guint) code < TF_PROBLEM_COUNT ? codes[code].severity : TF_SEVERITY_ERROR;
}

const char *
tf_severity_name (TfSeverity severity)
{
  return severity == TF_SEVERITY_WARNING ? "warning" : "error";
}

TfProblem *
tf_problem_new (TfProblemCode code, TfSeverity severity, const char *field,
                const char *message)
{
  TfProblem *problem = g_new0 (TfProblem, 1);
  problem->code = code;
  problem->severity = severity;
  problem->field = g_strdup (field);
  problem->message = g_strdup (message);
  return problem;
}

void
tf_problem_free (TfProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}
