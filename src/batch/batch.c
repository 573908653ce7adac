#include "batch/batch.h"

#include "batch/channel.h"
#include "batch/worker.h"
#include "batch/worker_process.h"
#include "common/tf_asan.h"
#include "common/tf_child.h"
#include "common/tf_error.h"
#include "common/tf_memory.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NO_FILE G_MAXUINT
/* How often the resident size of a busy worker is read (µs). */
#define RSS_PERIOD (50 * G_TIME_SPAN_MILLISECOND)
/* How often the progress function hears from a batch that is waiting. */
#define PROGRESS_PERIOD (250 * G_TIME_SPAN_MILLISECOND)
/* Files sent to a worker at once: the one it reads and the next, so that
 * it never waits for this process to hand it more. */
#define DEPTH 2

/* ---- state ------------------------------------------------------------ */

typedef struct {
  TfWorkerProcess process;
  TfChannelReader *reader;
  guint queue[DEPTH];       /* files sent, in order: queue[0] is being read */
  guint queued;
  gboolean prelude_seen;    /* queue[0]'s prelude came: its answer is next */
  gint64 started;           /* when it began queue[0] (monotonic µs): when
                               it was sent, or when the answer before it
                               came */
  guint64 rss_seen;         /* the last resident size read */
} Worker;

typedef struct {
  gboolean done;
  TfWorkerPrelude facts;    /* from the worker's prelude, when it came */
  GBytes *answer;           /* the worker's answer, or NULL */
  TfRawReply *failed;       /* answer == NULL: how the read failed */
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
  gboolean leak_check;      /* workers check for leaks as they end */
  gpointer user_data;
  GError *machinery_error;  /* the first failure to start or end a worker */
} Batch;

static Slot *
slot_of (Batch *b, guint index)
{
  return &b->slots[index % b->window];
}

static void
slot_clear (Slot *s)
{
  g_clear_pointer (&s->answer, g_bytes_unref);
  g_clear_pointer (&s->failed, tf_raw_reply_free);
  tf_worker_prelude_clear (&s->facts);
  s->done = FALSE;
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

/* Records `failed` (taken) as the result of file `index`. */
static void
fail (Batch *b, guint index, TfRawReply *failed)
{
  Slot *s = slot_of (b, index);
  g_assert (!s->done);
  s->done = TRUE;
  s->failed = failed;
  finished (b);
}

/* ---- workers lost ------------------------------------------------------- */

/* Gives back a file sent to a worker that died before it began it. */
static void
give_back (Batch *b, guint index)
{
  guint at = 0;
  while (at < b->retry->len && g_array_index (b->retry, guint, at) < index)
    at++;
  g_array_insert_val (b->retry, at, index);
}

/* Whether a worker that died reading a file ran out of memory: its last
 * words say so, or it had grown to nearly the limit. */
static gboolean
ran_out_of_memory (const Batch *b, const Worker *w)
{
  const TfWorkerProcess *p = &w->process;
  return tf_worker_process_ran_out_of_memory (p->tail->str)
         || (b->o.max_memory > 0 && w->rss_seen > p->rss_base
             && w->rss_seen - p->rss_base >= b->o.max_memory / 10 * 9);
}

/* The worker's process ended, or must: charges the file it was reading
 * with `outcome` (TF_READ_CRASHED, _TIMED_OUT, _OUT_OF_MEMORY or
 * _BAD_ANSWER with `detail`) and gives back the one it had not begun. */
static void
worker_lost (Batch *b, Worker *w, gboolean kill_it, TfReadOutcome outcome,
             const char *detail)
{
  int status = tf_worker_process_end (&w->process, kill_it);
  tf_channel_reader_reset (w->reader);
  guint index = current (w);
  for (guint k = 1; k < w->queued; k++)
    give_back (b, w->queue[k]);
  w->queued = 0;
  w->prelude_seen = FALSE;
  if (index == NO_FILE)
    return;
  if (outcome == TF_READ_CRASHED && ran_out_of_memory (b, w))
    outcome = TF_READ_OUT_OF_MEMORY;
  TfRawReply *failed = tf_raw_reply_new (outcome, detail ? "%s" : NULL, detail);
  failed->failure.wait_status = status;
  failed->failure.time_limit = b->o.timeout;
  failed->failure.memory_limit = b->o.max_memory;
  fail (b, index, failed);
}

/* ---- the loop ---------------------------------------------------------- */

/* The worker begins the first file of its queue: its limits start now. */
static void
begin (Worker *w)
{
  w->started = g_get_monotonic_time ();
  w->rss_seen = w->process.rss_base;
  g_string_truncate (w->process.tail, 0);
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

static void
enqueue (Worker *w, guint index)
{
  w->queue[w->queued++] = index;
  if (w->queued == 1)
    begin (w);
}

/* Sends file `index` to `w`, starting its process if it has none. */
static void
send_file (Batch *b, Worker *w, guint index)
{
  gboolean fresh = w->process.pid == 0;
  if (fresh)
    {
      g_autoptr (GError) error = NULL;
      if (!tf_worker_process_start (&w->process, b->self, b->o.max_memory, b->leak_check,
                                    b->o.optical, &error))
        {
          fail (b, index, tf_raw_reply_new (TF_READ_NO_WORKER, "%s", error->message));
          if (b->machinery_error == NULL)
            b->machinery_error = g_steal_pointer (&error);
          return;
        }
      tf_channel_reader_reset (w->reader);
      w->queued = 0;
      w->prelude_seen = FALSE;
      w->rss_seen = w->process.rss_base;
    }
  const char *path = b->paths[index];
  if (tf_channel_write (w->process.sock, path, strlen (path), NULL))
    {
      enqueue (w, index);
      return;
    }
  /* The worker died: of the file it was reading, if any (it is charged
   * with it), or while idle. A worker just started that cannot take a
   * file is charged with it, so that the batch always moves on. */
  if (fresh)
    enqueue (w, index);
  else
    give_back (b, index);
  worker_lost (b, w, TRUE, TF_READ_CRASHED, NULL);
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

/* A frame came from a worker: the prelude or the answer of the file it
 * is reading. */
static void
on_frame (Batch *b, Worker *w, GBytes *frame)
{
  if (w->queued == 0)
    {
      /* Nothing was asked: a worker that talks out of turn is not trusted. */
      g_bytes_unref (frame);
      worker_lost (b, w, TRUE, TF_READ_CRASHED, NULL);
      return;
    }
  Slot *s = slot_of (b, w->queue[0]);
  if (!w->prelude_seen)
    {
      g_autoptr (GError) error = NULL;
      tf_worker_prelude_clear (&s->facts);
      gboolean ok = tf_worker_prelude_parse (frame, &s->facts, &error);
      g_bytes_unref (frame);
      if (ok)
        w->prelude_seen = TRUE;
      else
        worker_lost (b, w, TRUE, TF_READ_BAD_ANSWER, error->message);
      return;
    }
  for (guint k = 1; k < w->queued; k++)
    w->queue[k - 1] = w->queue[k];
  w->queued--;
  w->prelude_seen = FALSE;
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
      int r = tf_channel_reader_fill (w->reader, w->process.sock, NULL);
      if (r == 1)
        {
          GBytes *frame;
          while (w->process.pid != 0 && (frame = tf_channel_reader_pop (w->reader)) != NULL)
            on_frame (b, w, frame);
          if (w->process.pid == 0)
            return;
          continue;
        }
      if (r == -1)
        return;
      /* End of file (the worker died) or a frame too long (it lies). */
      tf_worker_process_drain (&w->process);
      worker_lost (b, w, r == -2, TF_READ_CRASHED, NULL);
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
          worker_lost (b, w, TRUE, TF_READ_TIMED_OUT, NULL);
          continue;
        }
      if (!check_rss)
        continue;
      guint64 rss = tf_memory_of (w->process.pid, TF_MEMORY_RESIDENT);
      if (rss > w->rss_seen)
        w->rss_seen = rss;
      guint64 base = w->process.rss_base;
      if (rss > base && rss - base > b->o.max_memory)
        worker_lost (b, w, TRUE, TF_READ_OUT_OF_MEMORY, NULL);
    }
}

/* How long the loop may sleep (µs) before a limit or the progress
 * function is due; -1: until something happens. */
static gint64
wait_budget (const Batch *b)
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
  return wait;
}

/* Waits for a worker to answer, die or pass a limit, and deals with it. */
static void
wait_for_workers (Batch *b)
{
  gint64 wait = wait_budget (b);
  struct pollfd fds[2 * b->n_workers + 1];
  Worker *owner[2 * b->n_workers + 1];
  nfds_t count = 0;
  for (guint i = 0; i < b->n_workers; i++)
    {
      Worker *w = &b->workers[i];
      if (w->process.pid == 0)
        continue;
      if (w->process.err >= 0)
        {
          fds[count] = (struct pollfd) { w->process.err, POLLIN, 0 };
          owner[count++] = w;
        }
      fds[count] = (struct pollfd) { w->process.sock, POLLIN, 0 };
      owner[count++] = w;
    }
  /* Round up: waking a little late is fine, spinning is not. */
  int timeout_ms = wait < 0 ? -1 : (int) MIN ((wait + 999) / 1000, G_MAXINT);
  int ready = poll (fds, count, timeout_ms);
  if (ready > 0)
    {
      /* Last words first, then the answers (or the deaths). */
      for (nfds_t i = 0; i < count; i++)
        if (fds[i].revents != 0 && fds[i].fd == owner[i]->process.err)
          tf_worker_process_drain (&owner[i]->process);
      for (nfds_t i = 0; i < count; i++)
        if (fds[i].revents != 0 && owner[i]->process.pid != 0
            && fds[i].fd == owner[i]->process.sock)
          read_channel (b, owner[i]);
    }
  enforce_limits (b);
  if (b->o.progress != NULL && g_get_monotonic_time () - b->progress_told >= PROGRESS_PERIOD)
    tell_progress (b);
}

/* The raw reply of a finished slot: the worker's answer, or how the read
 * failed, with the facts of the file's prelude. New. */
static TfRawReply *
slot_result (Slot *s)
{
  TfRawReply *raw = NULL;
  if (s->answer != NULL)
    {
      g_autoptr (GError) error = NULL;
      raw = tf_worker_answer_parse (s->answer, &error);
      if (raw != NULL)
        return raw;
      raw = tf_raw_reply_new (TF_READ_BAD_ANSWER, "%s", error->message);
    }
  else
    raw = g_steal_pointer (&s->failed);
  raw->sha256 = g_steal_pointer (&s->facts.sha256);
  raw->size = s->facts.size;
  raw->file_modified = g_steal_pointer (&s->facts.modified);
  return raw;
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
      g_autoptr (TfRawReply) raw = slot_result (s);
      slot_clear (s);
      b->next_deliver++;
      TfBatchResult result = { index, b->paths[index], raw };
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

/* Ends every worker; an idle one that does not end well (under
 * AddressSanitizer: it leaked) sets the batch's machinery error. */
static void
end_workers (Batch *b)
{
  for (guint i = 0; i < b->n_workers; i++)
    {
      Worker *w = &b->workers[i];
      gboolean busy = w->queued > 0;
      int status = w->process.pid != 0 ? tf_worker_process_end (&w->process, busy) : 0;
      if (!busy && (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
          && b->machinery_error == NULL)
        {
          g_autofree char *how = tf_child_ended_how (status);
          g_set_error (&b->machinery_error, TF_ERROR, TF_ERROR_IO,
                       "a reader process failed as it ended (%s)%s", how,
                       WIFEXITED (status) && WEXITSTATUS (status) == TF_WORKER_LEAKED_STATUS
                         ? ": it leaked memory (see the report above)" : "");
        }
      tf_channel_reader_free (w->reader);
      g_string_free (w->process.tail, TRUE);
    }
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
  /* A leak check in a child forked from a threaded process sees the
   * other threads' memory as unreachable: only when there are none. */
  b.leak_check = tf_sanitized () && count_threads () <= 1;
  b.user_data = user_data;
  guint jobs = b.o.jobs ? b.o.jobs : MAX (g_get_num_processors (), 1);
  b.n_workers = MAX (MIN (jobs, n), 1);
  b.window = MAX (b.o.window ? b.o.window : TF_BATCH_WINDOW, b.n_workers);
  b.slots = g_new0 (Slot, b.window);
  b.retry = g_array_new (FALSE, FALSE, sizeof (guint));
  b.workers = g_new0 (Worker, b.n_workers);
  for (guint i = 0; i < b.n_workers; i++)
    {
      b.workers[i].process = (TfWorkerProcess) { 0, -1, -1, g_string_new (NULL), 0 };
      b.workers[i].reader = tf_channel_reader_new (TF_CHANNEL_MAX_FRAME);
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

  end_workers (&b);
  for (guint i = 0; i < b.window; i++)
    slot_clear (&b.slots[i]);
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
