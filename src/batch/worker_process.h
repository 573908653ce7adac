/* worker_process.h — a batch's worker as a process: started (fork, no
 * exec) with its limits, watched, and ended, as batch.h describes.
 *
 * The batch (batch.c) decides what each worker reads and when; this
 * module knows how a worker process is made and how it died: its channel,
 * its stderr (the last words kept), its memory, its wait status.
 */
#ifndef TF_WORKER_PROCESS_H
#define TF_WORKER_PROCESS_H

#include "optical/optical_read.h"

#include <glib.h>
#include <sys/types.h>

/* How much of a worker's stderr is kept (its last words). */
#define TF_WORKER_TAIL_MAX 4096

/* The wait status of a worker that ended well but leaked (under
 * AddressSanitizer; see tf_worker_process_start()). */
#define TF_WORKER_LEAKED_STATUS 23

typedef struct {
  pid_t pid;                /* 0: no process */
  int sock;                 /* the batch's end of the channel, or -1 */
  int err;                  /* read end of the worker's stderr, or -1 */
  GString *tail;            /* what it wrote on stderr lately (owned) */
  guint64 rss_base;         /* resident bytes when it started */
} TfWorkerProcess;

/* Starts a worker process serving tf_worker_serve() on a new channel:
 * it dies with `parent` (this process), has nothing of it open but its
 * channel and stderr (piped here), its address space limited to what it
 * has plus `max_memory` (0: no limit), and its fatal signals saying so
 * when that limit was reached. With `leak_check` (under
 * AddressSanitizer, when this process runs no other thread) it runs
 * LeakSanitizer's check as it ends, reporting on this process's stderr,
 * and ends with TF_WORKER_LEAKED_STATUS on a leak. `p->tail` must exist
 * (it is emptied). FALSE with TF_ERROR_IO when no process can be made. */
gboolean tf_worker_process_start (TfWorkerProcess *p, pid_t parent, guint64 max_memory,
                                  gboolean leak_check, TfOpticalPlan *optical,
                                  GError **error);

/* Ends the worker (SIGKILL first when `kill_it`, else it is told to end
 * by closing its channel) and waits for it; returns its wait status.
 * Its last words are read into `p->tail` first. */
int tf_worker_process_end (TfWorkerProcess *p, gboolean kill_it);

/* Reads what the worker wrote on stderr into `p->tail`, keeping the last
 * TF_WORKER_TAIL_MAX bytes. */
void tf_worker_process_drain (TfWorkerProcess *p);

/* Whether the last words `tail` say that an allocation failed (GLib's
 * "failed to allocate", Poppler's "Out of memory", C++'s bad_alloc, the
 * worker's own fatal-signal handler, AddressSanitizer's reports). */
gboolean tf_worker_process_ran_out_of_memory (const char *tail);

#endif
