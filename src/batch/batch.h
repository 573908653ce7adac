/* batch.h — reading many returned PDFs, each in isolation, in parallel.
 *
 * tf_read_file() runs Poppler on untrusted bytes, and Poppler may crash,
 * hang or allocate without end on a hostile file. A batch runs it in
 * worker processes (worker.h), forked from the calling process, which
 * keeps everything else (the checker, the output):
 *
 *   paths → workers: tf_read_load() → prelude → tf_read_loaded()
 *         → tf_raw_reply_serialize() → channel (channel.h)
 *         → the caller's callback, once per path, in the order of the paths
 *
 * Every path yields exactly one result, in order, whatever happens to it:
 * a raw reply. A worker that crashes, outlives the time limit or passes
 * the memory limit while reading a file is stopped (SIGKILL) and
 * replaced; that file's raw reply then says so by its outcome
 * (TF_READ_CRASHED, _TIMED_OUT, _OUT_OF_MEMORY, _BAD_ANSWER, _NO_WORKER)
 * with its facts (the wait status, the limit) and the checksum, size and
 * time the worker told in the file's prelude (worker.h). The batch states
 * facts; the words a user reads about them are the reply stage's.
 *
 * Each worker is sent two files at a time, the one it reads and the next,
 * so that it never waits for this process; a worker that dies gives back
 * the file it had not begun, which another worker then reads.
 *
 * Limits, per worker:
 *   time    `timeout` seconds for one file, from the moment the worker
 *           begins it (when it is sent, or when the answer for the file
 *           before it comes).
 *   memory  `max_memory` bytes, enforced twice: the worker's address space
 *           is limited (RLIMIT_AS) to what it had when it started plus
 *           `max_memory`, so that an allocation beyond fails; the dying
 *           worker's last words on stderr (GLib's "failed to allocate",
 *           Poppler's "Out of memory", C++'s std::bad_alloc, or its own
 *           fatal-signal handler's when its address space was full) or
 *           its resident size then tell an allocation failure from a
 *           crash.
 *           And the batch reads the worker's resident size (/proc) every
 *           50 ms while it reads a file and stops it when it grew by more
 *           than `max_memory`. Under AddressSanitizer, which reserves a
 *           huge address space, only the second applies.
 *
 * Order and memory: results are handed over in the order of the paths. A
 * file may be read at most `window` places ahead of the oldest one not yet
 * handed over; the answers waiting meanwhile are kept serialized (a few KB
 * each). So memory stays flat whatever the number of paths.
 *
 * Processes and threads: workers are created with fork() and no exec
 * (worker_process.h), and run tf_worker_serve() with nothing of the
 * caller's open but their channel, and their stderr piped to the batch. The caller must not have
 * other threads running during tf_batch_read() (one might hold a lock the
 * worker then needs) and must not have SIGCHLD ignored. The caller's stdio
 * output is flushed before each fork. Workers die with the batch (they get
 * SIGKILL if it dies) and are all reaped before tf_batch_read() returns.
 * Under AddressSanitizer a worker runs LeakSanitizer's check itself as it
 * ends (its _exit() skips the one at exit), reporting on the caller's
 * stderr; a leak then makes tf_batch_read() fail (see below).
 */
#ifndef TF_BATCH_H
#define TF_BATCH_H

#include "optical/optical_read.h"
#include "read/raw_reply.h"

#include <glib.h>

typedef struct {
  guint index;              /* the path's place in the list */
  const char *path;         /* borrowed from the caller's list */
  const TfRawReply *raw;    /* what the worker read, or how the read
                               failed; never NULL; borrowed, valid during
                               the callback */
} TfBatchResult;

/* Receives each result, in order. Return FALSE to stop the batch: no
 * further result is handed over and tf_batch_read() returns FALSE with
 * no error set. */
typedef gboolean (*TfBatchResultFunc) (const TfBatchResult *result, gpointer user_data);
/* Told each time a file is done, in any order, and every quarter of a
 * second while the batch waits (for a progress display): `done` of
 * `total`; `user_data` is tf_batch_read()'s. */
typedef void (*TfBatchProgressFunc) (guint done, guint total, gpointer user_data);

typedef struct {
  guint jobs;               /* worker processes; 0: one per core */
  double timeout;           /* seconds per file; 0: no limit */
  guint64 max_memory;       /* bytes per worker; 0: no limit */
  /* How the workers read a reply without form fields from its pages
   * (optical/optical_read.h); NULL: they do not. Each worker has its own
   * copy (a forked process's memory). */
  TfOpticalPlan *optical;
  guint window;             /* see "Order and memory"; 0: TF_BATCH_WINDOW */
  TfBatchProgressFunc progress;  /* may be NULL */
} TfBatchOptions;

#define TF_BATCH_TIMEOUT 30.0
#define TF_BATCH_MAX_MEMORY (G_GUINT64_CONSTANT (1) << 30)
#define TF_BATCH_WINDOW 1024
#define TF_BATCH_OPTIONS_INIT { 0, TF_BATCH_TIMEOUT, TF_BATCH_MAX_MEMORY, NULL, 0, NULL }

/* Reads the `n` files of `paths` (borrowed), handing each result to
 * `func` in order. `options` may be NULL for the defaults. Returns TRUE
 * when every result was handed over; FALSE when `func` stopped the batch
 * (no error); FALSE with TF_ERROR_IO, every result handed over all the
 * same, when a worker could not be started (each file it should have
 * read got a TF_READ_NO_WORKER result saying so) or when an idle worker
 * ended with a failure as the batch closed it (under AddressSanitizer: a
 * leak, reported on stderr). */
gboolean tf_batch_read (const char *const *paths, guint n,
                        const TfBatchOptions *options, TfBatchResultFunc func,
                        gpointer user_data, GError **error);

#endif
