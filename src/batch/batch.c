#include "batch/batch.h"

#include "batch/channel.h"
#include "batch/worker.h"
#include "common/tf_error.h"
#include "common/tf_asan.h"
#include "common/tf_child.h"
#include "common/tf_memory.h"
#include "common/tf_sha256.h"
#include "read/read_pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define NO_FILE G_MAXUINT
/* How often the resident size of a busy worker is read (µs). */
#define RSS_PERIOD (50 * G_TIME_SPAN_MILLISECOND)
/* How often the progress function hears from a batch that is waiting. */
#define PROGRESS_PERIOD (250 * G_TIME_SPAN_MILLISECOND)
/* How much of a worker's stderr is kept (its last words). */
#define TAIL_MAX 4096
/* The fd a worker's channel has in the worker. */
#define WORKER_FD 3
/* Files sent to a worker at once: the one it reads and the next, so that
 * it never waits for this process to hand it more. */
#define DEPTH 2

#ifdef TF_ASAN
#include <sanitizer/lsan_interface.h>
#endif
/* Under AddressSanitizer: the fd where a worker's leak report goes (the
 * caller's stderr, kept open in the worker), and the status it then
 * exits with. */
#define REPORT_FD 4
#define LEAKED_STATUS 23

gboolean
tf_batch_sanitized (void)
{
#ifdef TF_ASAN
  return TRUE;
#else
  return FALSE;
#endif
}

/* ---- sizes ----------------------------------------------------------- */

gboolean
tf_batch_parse_size (const char *text, guint64 *bytes)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text) && *text != '.')
    return FALSE;
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);
  if (end == text || !isfinite (value) || value < 0)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  double unit = 1;
  const char *units = "KMGT";
  const char *u = *end ? strchr (units, g_ascii_toupper (*end)) : NULL;
  if (u != NULL)
    {
      unit = ldexp (1.0, 10 * (int) (u - units + 1));
      end++;
      if (*end == 'i' || *end == 'I')
        end++;
    }
  if (*end == 'b' || *end == 'B')
    end++;
  if (*end != '\0')
    return FALSE;
  double total = value * unit;
  if (total >= 18446744073709551615.0)
    return FALSE;
  *bytes = (guint64) total;
  return TRUE;
}

char *
tf_batch_format_size (guint64 bytes)
{
  static const char *const names[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
  guint i = 0;
  double value = (double) bytes;
  while (i + 1 < G_N_ELEMENTS (names) && value >= 1024)
    {
      value /= 1024;
      i++;
    }
  if (value == floor (value))
    return g_strdup_printf ("%.0f %s", value, names[i]);
  return g_strdup_printf ("%.1f %s", value, names[i]);
}

/* ---- state ------------------------------------------------------------ */

typedef struct {
  pid_t pid;                /* 0: no process */
  int sock;                 /* the batch's end of the channel */
  int err;                  /* read end of the worker's stderr, or -1 */
  TfChannelReader *reader;
  GString *tail;            /* stderr since it began the current file */
  guint queue[DEPTH];       /* files sent, in order: queue[0] is being read */
  guint queued;
  gint64 started;           /* when it began queue[0] (monotonic µs): when
                               it was sent, or when the answer before it
                               came */
  guint64 rss_base;         /* resident bytes when the worker started */
  guint64 rss_seen;         /* the last resident size read */
} Worker;

typedef struct {
  gboolean done;
  GBytes *answer;           /* the worker's answer, or NULL */
  TfProblemCode failure;    /* answer == NULL */
  char *message;
} Slot;

typedef struct {
  const char *const *paths;
  guint n;
  TfBatchOptions o;
  Worker *workers;
  guint n_workers;
  Slot *slots;
  guint window;
  guint next_send;          /* the next file to send to a worker */
  GArray *retry;            /* of guint, ascending: files sent to a worker
                               that died before it began them */
  guint next_deliver;       /* the next file to hand over */
  guint done;               /* files done, in any order */
  gint64 rss_checked;
  gint64 progress_told;     /* when the progress function was last called */
  pid_t self;
  gboolean threaded;        /* the caller runs other threads */
  gpointer user_data;
  GError *machinery_error;  /* the first failure to start or end a worker */
} Batch;

static Slot *
slot_of (Batch *b, guint index)
{
  return &b->slots[index % b->window];
}

/* The file the worker is reading, or NO_FILE. */
static guint
current (const Worker *w)
{
  return w->queued > 0 ? w->queue[0] : NO_FILE;
}

static void
tell_progress (Batch *b)
{
  if (b->o.progress == NULL)
    return;
  b->progress_told = g_get_monotonic_time ();
  b->o.progress (b->done, b->n, b->user_data);
}

static void
finished (Batch *b)
{
  b->done++;
  tell_progress (b);
}

/* Records a failure as the result of file `index`. */
static void
fail (Batch *b, guint index, TfProblemCode code, char *message)
{
  Slot *s = slot_of (b, index);
  g_assert (!s->done);
  s->done = TRUE;
  s->failure = code;
  s->message = message;
  finished (b);
}

static char *
duration_text (double seconds)
{
  if (seconds == floor (seconds))
    return g_strdup_printf ("%.0f s", seconds);
  return g_strdup_printf ("%g s", seconds);
}

static char *
timed_out_message (const Batch *b)
{
  g_autofree char *limit = duration_text (b->o.timeout);
  return g_strdup_printf (
    "Reading the file took longer than the time limit (%s) and was stopped: the "
    "file is damaged, or made to stall the programs that read it. Ask the "
    "administration to send the reply again, saved by another program (a genuine "
    "but very large file can be read again with a longer time limit).", limit);
}

static char *
out_of_memory_message (const Batch *b)
{
  g_autofree char *limit = tf_batch_format_size (b->o.max_memory);
  return g_strdup_printf (
    "Reading the file needed more memory than the limit (%s) and was stopped: the "
    "file is damaged, or made to exhaust the memory of the programs that read it. "
    "Ask the administration to send the reply again, saved by another program.", limit);
}

static char *
crashed_message (int status)
{
  g_autofree char *how = tf_child_ended_how (status);
  return g_strdup_printf (
    "Reading the file crashed the PDF reader (%s): the file is damaged, or made to "
    "harm the programs that read it. Ask the administration to send the reply "
    "again, saved by another program.", how);
}

/* ---- memory ------------------------------------------------------------ */

/* Whether a dying worker's last words tell that an allocation failed. */
static gboolean
allocation_failed (const char *tail)
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

/* ---- the worker process ------------------------------------------------ */

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
run_worker (const Batch *b, int sock, int err)
{
  tf_child_die_with_parent (b->self);
  /* Out of the way of 0-3 first, so that no dup2 below clobbers them. */
  sock = fcntl (sock, F_DUPFD, 10);
  err = fcntl (err, F_DUPFD, 10);
  int null = open ("/dev/null", O_RDWR);
  /* A leak check in a child forked from a threaded process sees the
   * other threads' memory as unreachable: only when there were none. */
  int report = tf_batch_sanitized () && !b->threaded ? fcntl (STDERR_FILENO, F_DUPFD, 10) : -1;
  if (sock < 0 || err < 0 || null < 0 || dup2 (null, STDIN_FILENO) < 0
      || dup2 (null, STDOUT_FILENO) < 0 || dup2 (err, STDERR_FILENO) < 0
      || dup2 (sock, WORKER_FD) < 0 || (report >= 0 && dup2 (report, REPORT_FD) < 0))
    _exit (1);
  /* Nothing of the caller's: not its output, not the other workers'
   * channels (a worker must see its own channel close). */
  close_range (report >= 0 ? REPORT_FD + 1 : WORKER_FD + 1, ~0U, 0);
  signal (SIGPIPE, SIG_DFL);
  limit_memory (b->o.max_memory);
  /* A reply's bytes (~150 KB) are above malloc's first mmap threshold:
   * unless an earlier free happened to raise it, every file is read into
   * fresh pages (mmap, page faults, munmap). Measured once it happened:
   * 61 page faults a file instead of 3, a fifth more CPU time. Keep such
   * buffers on the heap, and up to 8 MiB of free heap kept. */
  mallopt (M_MMAP_THRESHOLD, 4 << 20);
  mallopt (M_TRIM_THRESHOLD, 8 << 20);
  gboolean ok = tf_worker_serve (WORKER_FD, NULL);
#ifdef TF_ASAN
  /* _exit() skips LeakSanitizer's check at exit: run it here, where the
   * user (or CI) sees its report, and say so by the exit status. */
  if (ok && report >= 0)
    {
      dup2 (REPORT_FD, STDERR_FILENO);
      if (__lsan_do_recoverable_leak_check ())
        _exit (LEAKED_STATUS);
    }
#endif
  _exit (ok ? 0 : 1);
}

static gboolean
spawn (Batch *b, Worker *w, GError **error)
{
  int sv[2], ep[2];
  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    {
      int saved = errno;
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot start a reader process: %s",
                   g_strerror (saved));
      return FALSE;
    }
  if (pipe2 (ep, O_CLOEXEC) != 0)
    {
      int saved = errno;
      close (sv[0]);
      close (sv[1]);
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot start a reader process: %s",
                   g_strerror (saved));
      return FALSE;
    }
  /* What the caller buffered must not be written twice. */
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0)
    run_worker (b, sv[1], ep[1]);
  int saved = errno;
  close (sv[1]);
  close (ep[1]);
  if (pid < 0)
    {
      close (sv[0]);
      close (ep[0]);
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot start a reader process: %s",
                   g_strerror (saved));
      return FALSE;
    }
  fcntl (ep[0], F_SETFL, O_NONBLOCK);
  w->pid = pid;
  w->sock = sv[0];
  w->err = ep[0];
  w->queued = 0;
  tf_channel_reader_reset (w->reader);
  g_string_truncate (w->tail, 0);
  w->rss_base = tf_memory_of (pid, TF_MEMORY_RESIDENT);
  w->rss_seen = w->rss_base;
  return TRUE;
}

/* Reads what the worker wrote on stderr, keeping the last TAIL_MAX bytes. */
static void
drain_stderr (Worker *w)
{
  while (w->err >= 0)
    {
      char buf[4096];
      ssize_t n = read (w->err, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n == 0)
        {
          close (w->err);
          w->err = -1;
        }
      if (n <= 0)
        return;
      g_string_append_len (w->tail, buf, n);
      if (w->tail->len > TAIL_MAX)
        g_string_erase (w->tail, 0, (gssize) (w->tail->len - TAIL_MAX));
    }
}

/* Ends the worker's process (killing it first when `kill_it`) and waits
 * for it; returns its wait status. The worker is then free to respawn;
 * its queue is left for the caller. */
static int
reap (Worker *w, gboolean kill_it)
{
  if (kill_it)
    kill (w->pid, SIGKILL);
  else
    shutdown (w->sock, SHUT_RDWR);
  int status = 0;
  while (waitpid (w->pid, &status, 0) < 0 && errno == EINTR)
    ;
  drain_stderr (w);
  if (w->err >= 0)
    close (w->err);
  close (w->sock);
  w->err = -1;
  w->sock = -1;
  w->pid = 0;
  tf_channel_reader_reset (w->reader);
  return status;
}

/* Gives back a file sent to a worker that died before it began it. */
static void
give_back (Batch *b, guint index)
{
  guint at = 0;
  while (at < b->retry->len && g_array_index (b->retry, guint, at) < index)
    at++;
  g_array_insert_val (b->retry, at, index);
}

/* The worker's process ended, or must: charges the file it was reading
 * and gives back the one it had not begun. */
static void
worker_lost (Batch *b, Worker *w, gboolean kill_it, TfProblemCode code)
{
  int status = reap (w, kill_it);
  guint index = current (w);
  for (guint k = 1; k < w->queued; k++)
    give_back (b, w->queue[k]);
  w->queued = 0;
  if (index == NO_FILE)
    return;
  if (code == TF_PROBLEM_CRASHED
      && (allocation_failed (w->tail->str)
          || (b->o.max_memory > 0 && w->rss_seen > w->rss_base
              && w->rss_seen - w->rss_base >= b->o.max_memory / 10 * 9)))
    code = TF_PROBLEM_OUT_OF_MEMORY;
  switch (code)
    {
    case TF_PROBLEM_TIMED_OUT:
      fail (b, index, code, timed_out_message (b));
      break;
    case TF_PROBLEM_OUT_OF_MEMORY:
      fail (b, index, code, out_of_memory_message (b));
      break;
    default:
      fail (b, index, TF_PROBLEM_CRASHED, crashed_message (status));
      break;
    }
}

/* ---- the loop ---------------------------------------------------------- */

/* The worker begins the first file of its queue: its limits start now. */
static void
begin (Worker *w)
{
  w->started = g_get_monotonic_time ();
  w->rss_seen = w->rss_base;
  g_string_truncate (w->tail, 0);
}

/* The next file to send: one given back first, else the next in order
 * that the window allows; NO_FILE when none. */
static guint
take_next (Batch *b)
{
  if (b->retry->len > 0)
    {
      guint index = g_array_index (b->retry, guint, 0);
      g_array_remove_index (b->retry, 0);
      return index;
    }
  if (b->next_send < b->n && b->next_send < b->next_deliver + b->window)
    return b->next_send++;
  return NO_FILE;
}

/* Sends file `index` to `w`, starting its process if it has none. */
static void
send_file (Batch *b, Worker *w, guint index)
{
  gboolean fresh = w->pid == 0;
  if (fresh)
    {
      g_autoptr (GError) error = NULL;
      if (!spawn (b, w, &error))
        {
          fail (b, index, TF_PROBLEM_CRASHED,
                g_strdup_printf ("tapform could not read the file: %s.", error->message));
          if (b->machinery_error == NULL)
            b->machinery_error = g_steal_pointer (&error);
          return;
        }
    }
  const char *path = b->paths[index];
  if (tf_channel_write (w->sock, path, strlen (path), NULL))
    {
      w->queue[w->queued++] = index;
      if (w->queued == 1)
        begin (w);
      return;
    }
  /* The worker died: of the file it was reading, if any (it is charged
   * with it), or while idle. A worker just started that cannot take a
   * file is charged with it, so that the batch always moves on. */
  if (fresh)
    {
      w->queue[w->queued++] = index;
      if (w->queued == 1)
        begin (w);
    }
  else
    give_back (b, index);
  worker_lost (b, w, TRUE, TF_PROBLEM_CRASHED);
}

/* Fills the workers' queues, as far as the window allows: first one file
 * each, then the next. */
static void
dispatch (Batch *b)
{
  for (guint depth = 1; depth <= DEPTH; depth++)
    for (guint i = 0; i < b->n_workers; i++)
      {
        Worker *w = &b->workers[i];
        if (w->queued >= depth)
          continue;
        guint index = take_next (b);
        if (index == NO_FILE)
          return;
        send_file (b, w, index);
      }
}

/* A frame came from a worker: the answer for the file it was reading. */
static void
answered (Batch *b, Worker *w, GBytes *frame)
{
  if (w->queued == 0)
    {
      /* Nothing was asked: a worker that talks out of turn is not trusted. */
      g_bytes_unref (frame);
      worker_lost (b, w, TRUE, TF_PROBLEM_CRASHED);
      return;
    }
  Slot *s = slot_of (b, w->queue[0]);
  for (guint k = 1; k < w->queued; k++)
    w->queue[k - 1] = w->queue[k];
  w->queued--;
  if (w->queued > 0)
    begin (w);
  s->done = TRUE;
  s->answer = frame;
  finished (b);
}

static void
read_channel (Batch *b, Worker *w)
{
  for (;;)
    {
      int r = tf_channel_reader_fill (w->reader, w->sock, NULL);
      if (r == 1)
        {
          GBytes *frame;
          while (w->pid != 0 && (frame = tf_channel_reader_pop (w->reader)) != NULL)
            answered (b, w, frame);
          if (w->pid == 0)
            return;
          continue;
        }
      if (r == -1)
        return;
      /* End of file (the worker died) or a frame too long (it lies). */
      drain_stderr (w);
      worker_lost (b, w, r == -2, TF_PROBLEM_CRASHED);
      return;
    }
}

static gboolean
any_busy (const Batch *b)
{
  for (guint i = 0; i < b->n_workers; i++)
    if (b->workers[i].queued > 0)
      return TRUE;
  return FALSE;
}

/* Stops the workers past their time or memory limit. */
static void
enforce_limits (Batch *b)
{
  gint64 now = g_get_monotonic_time ();
  gint64 limit = (gint64) (b->o.timeout * G_TIME_SPAN_SECOND);
  gboolean check_rss = b->o.max_memory > 0 && now - b->rss_checked >= RSS_PERIOD;
  if (check_rss)
    b->rss_checked = now;
  for (guint i = 0; i < b->n_workers; i++)
    {
      Worker *w = &b->workers[i];
      if (w->queued == 0)
        continue;
      if (b->o.timeout > 0 && now - w->started >= limit)
        {
          worker_lost (b, w, TRUE, TF_PROBLEM_TIMED_OUT);
          continue;
        }
      if (!check_rss)
        continue;
      guint64 rss = tf_memory_of (w->pid, TF_MEMORY_RESIDENT);
      if (rss > w->rss_seen)
        w->rss_seen = rss;
      if (rss > w->rss_base && rss - w->rss_base > b->o.max_memory)
        worker_lost (b, w, TRUE, TF_PROBLEM_OUT_OF_MEMORY);
    }
}

/* Waits for a worker to answer, die or pass a limit, and deals with it. */
static void
wait_for_workers (Batch *b)
{
  gint64 now = g_get_monotonic_time ();
  gint64 wait = -1;
  for (guint i = 0; i < b->n_workers; i++)
    {
      const Worker *w = &b->workers[i];
      if (w->queued == 0)
        continue;
      if (b->o.timeout > 0)
        {
          gint64 left = w->started + (gint64) (b->o.timeout * G_TIME_SPAN_SECOND) - now;
          wait = wait < 0 ? MAX (left, 0) : MIN (wait, MAX (left, 0));
        }
      if (b->o.max_memory > 0)
        {
          gint64 left = MAX (b->rss_checked + RSS_PERIOD - now, 0);
          wait = wait < 0 ? left : MIN (wait, left);
        }
    }
  if (b->o.progress != NULL)
    {
      gint64 left = MAX (b->progress_told + PROGRESS_PERIOD - now, 0);
      wait = wait < 0 ? left : MIN (wait, left);
    }
  struct pollfd fds[2 * b->n_workers + 1];
  Worker *owner[2 * b->n_workers + 1];
  nfds_t count = 0;
  for (guint i = 0; i < b->n_workers; i++)
    {
      Worker *w = &b->workers[i];
      if (w->pid == 0)
        continue;
      if (w->err >= 0)
        {
          fds[count] = (struct pollfd) { w->err, POLLIN, 0 };
          owner[count++] = w;
        }
      fds[count] = (struct pollfd) { w->sock, POLLIN, 0 };
      owner[count++] = w;
    }
  /* Round up: waking a little late is fine, spinning is not. */
  int timeout_ms = wait < 0 ? -1 : (int) MIN ((wait + 999) / 1000, G_MAXINT);
  int ready = poll (fds, count, timeout_ms);
  if (ready > 0)
    {
      /* Last words first, then the answers (or the deaths). */
      for (nfds_t i = 0; i < count; i++)
        if (fds[i].revents != 0 && fds[i].fd == owner[i]->err)
          drain_stderr (owner[i]);
      for (nfds_t i = 0; i < count; i++)
        if (fds[i].revents != 0 && owner[i]->pid != 0 && fds[i].fd == owner[i]->sock)
          read_channel (b, owner[i]);
    }
  enforce_limits (b);
  if (b->o.progress != NULL && g_get_monotonic_time () - b->progress_told >= PROGRESS_PERIOD)
    tell_progress (b);
}

static void
sha256_chunk (const guint8 *data, gsize len, gpointer user_data)
{
  tf_sha256_update (user_data, data, len);
}

/* The file's checksum, read by this process (a worker could not say);
 * NULL when the file cannot be read. */
static char *
file_sha256 (const char *path)
{
  g_autoptr (TfSha256) sum = tf_sha256_new ();
  g_autofree char *reason = tf_read_file_chunks (path, sha256_chunk, sum);
  return reason == NULL ? tf_sha256_finish (sum) : NULL;
}

/* Hands over the results that are next in order. FALSE when the caller
 * stopped the batch. */
static gboolean
deliver (Batch *b, TfBatchResultFunc func, gpointer user_data)
{
  while (b->next_deliver < b->n)
    {
      guint index = b->next_deliver;
      Slot *s = slot_of (b, index);
      if (!s->done)
        return TRUE;
      TfBatchResult result = { index, b->paths[index], NULL, TF_PROBLEM_COUNT, NULL, NULL };
      g_autoptr (TfRawReply) raw = NULL;
      g_autofree char *sha256 = NULL;
      g_autofree char *message = g_steal_pointer (&s->message);
      TfProblemCode failure = s->failure;
      if (s->answer != NULL)
        {
          g_autoptr (GError) error = NULL;
          raw = tf_worker_answer_parse (s->answer, &error);
          failure = TF_PROBLEM_CRASHED;
          if (raw == NULL)
            message = g_strdup_printf (
              "The PDF reader gave a malformed answer for this file (%s): the file is "
              "damaged, or made to harm the programs that read it. Ask the "
              "administration to send the reply again, saved by another program.",
              error->message);
        }
      g_clear_pointer (&s->answer, g_bytes_unref);
      s->done = FALSE;
      result.raw = raw;
      if (raw == NULL)
        {
          sha256 = file_sha256 (b->paths[index]);
          result.failure = failure;
          result.message = message;
          result.sha256 = sha256;
        }
      b->next_deliver++;
      if (!func (&result, user_data))
        return FALSE;
    }
  return TRUE;
}

/* The threads of this process (0 when unknown). */
static guint
count_threads (void)
{
  g_autoptr (GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  guint n = 0;
  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

gboolean
tf_batch_read (const char *const *paths, guint n, const TfBatchOptions *options,
               TfBatchResultFunc func, gpointer user_data, GError **error)
{
  TfBatchOptions defaults = TF_BATCH_OPTIONS_INIT;
  Batch b = { 0 };
  b.paths = paths;
  b.n = n;
  b.o = options ? *options : defaults;
  b.self = getpid ();
  b.threaded = count_threads () > 1;
  b.user_data = user_data;
  guint jobs = b.o.jobs ? b.o.jobs : MAX (g_get_num_processors (), 1);
  b.n_workers = MAX (MIN (jobs, n), 1);
  b.window = MAX (b.o.window ? b.o.window : TF_BATCH_WINDOW, b.n_workers);
  b.slots = g_new0 (Slot, b.window);
  b.retry = g_array_new (FALSE, FALSE, sizeof (guint));
  b.workers = g_new0 (Worker, b.n_workers);
  for (guint i = 0; i < b.n_workers; i++)
    {
      b.workers[i].sock = -1;
      b.workers[i].err = -1;
      b.workers[i].queued = 0;
      b.workers[i].reader = tf_channel_reader_new (TF_CHANNEL_MAX_FRAME);
      b.workers[i].tail = g_string_new (NULL);
    }

  gboolean go_on = TRUE;
  while (go_on && b.next_deliver < n)
    {
      dispatch (&b);
      go_on = deliver (&b, func, user_data);
      if (!go_on || b.next_deliver >= n)
        break;
      if (any_busy (&b))
        wait_for_workers (&b);
    }

  for (guint i = 0; i < b.n_workers; i++)
    {
      Worker *w = &b.workers[i];
      gboolean busy = w->queued > 0;
      int status = w->pid != 0 ? reap (w, busy) : 0;
      /* An idle worker told to end ends with status 0, or something is
       * wrong with this build (under AddressSanitizer: it leaked). */
      if (!busy && (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
          && b.machinery_error == NULL)
        {
          g_autofree char *how = tf_child_ended_how (status);
          g_set_error (&b.machinery_error, TF_ERROR, TF_ERROR_IO,
                       "a reader process failed as it ended (%s)%s", how,
                       WIFEXITED (status) && WEXITSTATUS (status) == LEAKED_STATUS
                         ? ": it leaked memory (see the report above)" : "");
        }
      tf_channel_reader_free (w->reader);
      g_string_free (w->tail, TRUE);
    }
  for (guint i = 0; i < b.window; i++)
    {
      if (b.slots[i].answer)
        g_bytes_unref (b.slots[i].answer);
      g_free (b.slots[i].message);
    }
  g_free (b.slots);
  g_free (b.workers);
  g_array_unref (b.retry);
  if (b.machinery_error != NULL)
    {
      g_propagate_error (error, b.machinery_error);
      return FALSE;
    }
  return go_on;
}
