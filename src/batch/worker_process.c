#include "batch/worker_process.h"

#include "batch/worker.h"
#include "common/tf_asan.h"
#include "common/tf_child.h"
#include "common/tf_error.h"
#include "common/tf_memory.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef TF_ASAN
#include <sanitizer/lsan_interface.h>
#endif

/* The fd a worker's channel has in the worker. */
#define WORKER_FD 3
/* Under AddressSanitizer: the fd where a worker's leak report goes (the
 * caller's stderr, kept open in the worker). */
#define REPORT_FD 4

gboolean
tf_worker_process_ran_out_of_memory (const char *tail)
{
  static const char *const signs[] = {
    "out of memory",              /* Poppler's gmalloc; our fatal-signal handler; ASan */
    "failed to allocate",         /* GLib's g_malloc */
    "bad_alloc",                  /* C++ new */
    "cannot allocate memory",     /* ENOMEM, as strerror says it */
    "allocation-size-too-big",    /* ASan */
    "rss-limit-exceeded",         /* ASan */
  };
  g_autofree char *lower = g_ascii_strdown (tail, -1);
  for (gsize i = 0; i < G_N_ELEMENTS (signs); i++)
    if (strstr (lower, signs[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* ---- in the worker ------------------------------------------------------ */

static guint64 worker_as_limit;   /* the worker's RLIMIT_AS, 0 if none */
static long worker_page_size;

/* A worker's fatal signals: when its address space was full, a crash is an
 * allocation that failed unchecked; say so before dying of the signal.
 * It reads /proc/self/statm by hand, not with tf_memory_of(): only
 * async-signal-safe calls belong in a signal handler. */
static void
on_fatal_signal (int sig)
{
  if (worker_as_limit != 0)
    {
      char buf[64];
      int fd = open ("/proc/self/statm", O_RDONLY);
      ssize_t n = fd >= 0 ? read (fd, buf, sizeof buf) : -1;
      if (fd >= 0)
        close (fd);
      guint64 pages = 0;
      for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++)
        pages = pages * 10 + (guint64) (buf[i] - '0');
      guint64 vm = pages * (guint64) worker_page_size;
      guint64 slack = MAX (worker_as_limit / 16, 16u << 20);
      if (vm + slack >= worker_as_limit)
        {
          static const char words[] = "tapform worker: out of memory\n";
          ssize_t ignored = write (STDERR_FILENO, words, sizeof words - 1);
          (void) ignored;
        }
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

/* Limits the worker's address space (tf_memory.h) and, when it did, has
 * its fatal signals tell an allocation that failed unchecked. */
static void
limit_memory (guint64 max_memory)
{
  worker_as_limit = tf_memory_limit_address_space (max_memory);
  if (worker_as_limit == 0)
    return;
  worker_page_size = sysconf (_SC_PAGESIZE);
  static const int fatal[] = { SIGSEGV, SIGBUS, SIGABRT, SIGTRAP, SIGILL, SIGFPE };
  for (gsize i = 0; i < G_N_ELEMENTS (fatal); i++)
    signal (fatal[i], on_fatal_signal);
}

/* In the forked child: becomes a worker serving `sock`, stderr to `err`. */
G_GNUC_NORETURN static void
run_worker (pid_t parent, guint64 max_memory, gboolean leak_check, TfOpticalPlan *optical,
            int sock, int err)
{
  tf_child_die_with_parent (parent);
  /* Out of the way of 0-3 first, so that no dup2 below clobbers them. */
  sock = fcntl (sock, F_DUPFD, 10);
  err = fcntl (err, F_DUPFD, 10);
  int null = open ("/dev/null", O_RDWR);
  int report = leak_check ? fcntl (STDERR_FILENO, F_DUPFD, 10) : -1;
  if (sock < 0 || err < 0 || null < 0 || dup2 (null, STDIN_FILENO) < 0
      || dup2 (null, STDOUT_FILENO) < 0 || dup2 (err, STDERR_FILENO) < 0
      || dup2 (sock, WORKER_FD) < 0 || (report >= 0 && dup2 (report, REPORT_FD) < 0))
    _exit (1);
  /* Nothing of the caller's: not its output, not the other workers'
   * channels (a worker must see its own channel close). */
  close_range (report >= 0 ? REPORT_FD + 1 : WORKER_FD + 1, ~0U, 0);
  signal (SIGPIPE, SIG_DFL);
  limit_memory (max_memory);
  /* A reply's bytes (~150 KB) are above malloc's first mmap threshold:
   * unless an earlier free happened to raise it, every file is read into
   * fresh pages (mmap, page faults, munmap). Measured once it happened:
   * 61 page faults a file instead of 3, a fifth more CPU time. Keep such
   * buffers on the heap, and up to 8 MiB of free heap kept. */
  mallopt (M_MMAP_THRESHOLD, 4 << 20);
  mallopt (M_TRIM_THRESHOLD, 8 << 20);
  gboolean ok = tf_worker_serve (WORKER_FD, optical, NULL);
#ifdef TF_ASAN
  /* _exit() skips LeakSanitizer's check at exit: run it here, where the
   * user (or CI) sees its report, and say so by the exit status. */
  if (ok && report >= 0)
    {
      dup2 (REPORT_FD, STDERR_FILENO);
      if (__lsan_do_recoverable_leak_check ())
        _exit (TF_WORKER_LEAKED_STATUS);
    }
#endif
  _exit (ok ? 0 : 1);
}

/* ---- in the batch ------------------------------------------------------- */

static gboolean
start_failed (int saved, GError **error)
{
  g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot start a reader process: %s",
               g_strerror (saved));
  return FALSE;
}

gboolean
tf_worker_process_start (TfWorkerProcess *p, pid_t parent, guint64 max_memory,
                         gboolean leak_check, TfOpticalPlan *optical, GError **error)
{
  int sv[2], ep[2];
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    return start_failed (errno, error);
  if (pipe2 (ep, O_CLOEXEC) != 0)
    {
      int saved = errno;
      close (sv[0]);
      close (sv[1]);
      return start_failed (saved, error);
    }
  /* What the caller buffered must not be written twice. */
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0)
    run_worker (parent, max_memory, leak_check, optical, sv[1], ep[1]);
  int saved = errno;
  close (sv[1]);
  close (ep[1]);
  if (pid < 0)
    {
      close (sv[0]);
      close (ep[0]);
      return start_failed (saved, error);
    }
  fcntl (ep[0], F_SETFL, O_NONBLOCK);
  p->pid = pid;
  p->sock = sv[0];
  p->err = ep[0];
  g_string_truncate (p->tail, 0);
  p->rss_base = tf_memory_of (pid, TF_MEMORY_RESIDENT);
  return TRUE;
}

void
tf_worker_process_drain (TfWorkerProcess *p)
{
  while (p->err >= 0)
    {
      char buf[4096];
      ssize_t n = read (p->err, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n == 0)
        {
          close (p->err);
          p->err = -1;
        }
      if (n <= 0)
        return;
      g_string_append_len (p->tail, buf, n);
      if (p->tail->len > TF_WORKER_TAIL_MAX)
        g_string_erase (p->tail, 0, (gssize) (p->tail->len - TF_WORKER_TAIL_MAX));
    }
}

int
tf_worker_process_end (TfWorkerProcess *p, gboolean kill_it)
{
  if (kill_it)
    kill (p->pid, SIGKILL);
  else
    shutdown (p->sock, SHUT_RDWR);
  int status = 0;
  while (waitpid (p->pid, &status, 0) < 0 && errno == EINTR)
    ;
  tf_worker_process_drain (p);
  if (p->err >= 0)
    close (p->err);
  close (p->sock);
  p->err = -1;
  p->sock = -1;
  p->pid = 0;
  return status;
}
