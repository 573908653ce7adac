#include "common/tf_memory.h"

#include "common/tf_asan.h"

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

guint64
tf_memory_of (pid_t pid, TfMemoryKind kind)
{
  char path[64];
  g_snprintf (path, sizeof path, "/proc/%ld/statm", (long) pid);
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  char buf[128];
  ssize_t n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n <= 0)
    return 0;
  buf[n] = '\0';
  /* "size resident shared ...", in pages. */
  const char *p = buf;
  if (kind == TF_MEMORY_RESIDENT)
    {
      p = strchr (p, ' ');
      if (p == NULL)
        return 0;
      p++;
    }
  return g_ascii_strtoull (p, NULL, 10) * (guint64) sysconf (_SC_PAGESIZE);
}

guint64
tf_memory_limit_address_space (guint64 extra)
{
#ifdef TF_ASAN
  (void) extra;
  return 0;
#else
  if (extra == 0)
    return 0;
  guint64 vm = tf_memory_of (getpid (), TF_MEMORY_ADDRESS_SPACE);
  struct rlimit rl;
  if (vm == 0 || getrlimit (RLIMIT_AS, &rl) != 0)
    return 0;
  guint64 want = vm + extra;
  if (rl.rlim_max != RLIM_INFINITY && want > rl.rlim_max)
    want = rl.rlim_max;
  rl.rlim_cur = want;
  if (setrlimit (RLIMIT_AS, &rl) != 0)
    return 0;
  return want;
#endif
}
