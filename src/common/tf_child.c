#include "common/tf_child.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

void
tf_child_die_with_parent (pid_t parent)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* The parent may have ended before prctl: then nobody would kill us. */
  if (getppid () != parent)
    _exit (1);
}

char *
tf_child_ended_how (int status)
{
  if (WIFSIGNALED (status))
    return g_strdup_printf ("signal %d, %s", WTERMSIG (status), strsignal (WTERMSIG (status)));
  if (WIFEXITED (status))
    return g_strdup_printf ("it stopped with exit status %d", WEXITSTATUS (status));
  return g_strdup ("it stopped");
}
