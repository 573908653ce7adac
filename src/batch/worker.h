/* worker.h — the worker side of a batch (batch.h): a process that reads
 * PDFs with tf_read_file() (Poppler, on untrusted bytes) on request and
 * answers with what it read. The batch forks it and keeps everything else.
 *
 * Protocol, over one stream socket in frames (channel.h):
 *   batch → worker  a frame holding the path of a file to read (the bytes
 *                   of the path, no terminating NUL)
 *   worker → batch  two frames per request, in the order asked:
 *                   the prelude, once the file is read into memory and
 *                   before Poppler sees it: tf_worker_prelude(), the facts
 *                   a failed read still needs (checksum, size, the file's
 *                   time);
 *                   the answer: tf_raw_reply_serialize() of that file
 *                   boxed in a "v" GVariant (so that it carries its type),
 *                   as the bytes of that variant.
 * The worker ends when the batch closes its end of the socket. It never
 * writes anything else: a worker that dies, hangs or blows up while
 * reading is the batch's to deal with (it sees which file was being read,
 * and the facts of its prelude).
 *
 * TEST-ONLY fault injection. The environment variable
 * TAPFORM_TEST_WORKER_FAULTS, read by the worker only (never by the
 * process that checks and writes records), makes it misbehave on files of
 * given names, so that the tests can prove that a crash, a hang and a
 * runaway allocation inside the reader are survived. Its value is a
 * comma-separated list of KIND:NAME, where NAME is a file's base name and
 * KIND is what the worker does once it has sent NAME's prelude (as a
 * fault inside Poppler would):
 *   crash  the worker dies of SIGSEGV
 *   hang   the worker sleeps forever
 *   bomb   the worker allocates and touches memory, 16 MiB at a time,
 *          without end (until its memory limit stops it)
 *   exit   the worker exits with status 3, as if the reader had exit()ed
 * e.g. TAPFORM_TEST_WORKER_FAULTS="crash:boom.pdf,hang:stall.pdf". It is
 * not for users; it changes nothing when unset.
 */
#ifndef TF_WORKER_H
#define TF_WORKER_H

#include "read/raw_reply.h"
#include "read/read_pdf.h"

#include <glib.h>

#define TF_WORKER_FAULTS_ENV "TAPFORM_TEST_WORKER_FAULTS"

/* Serves read requests arriving on `fd` until the batch closes it (files
 * without fields read optically as `optical` says, when not NULL), then
 * returns TRUE; FALSE with TF_ERROR_IO when the channel fails. Meant to run
 * in a process of its own (it may crash, hang or be killed inside). */
gboolean tf_worker_serve (int fd, TfOpticalPlan *optical, GError **error);

/* Reads the file at `path` as a worker does and returns what it would
 * answer: tf_worker_answer() of what it read. */
GBytes *tf_worker_read (const char *path);

/* The facts of a file that its prelude carries. */
typedef struct {
  char *sha256;             /* NULL when the file could not be read */
  guint64 size;             /* bytes */
  GDateTime *modified;      /* the file's modification time, or NULL */
} TfWorkerPrelude;

/* The prelude of `file` (borrowed): new bytes. */
GBytes *tf_worker_prelude (const TfLoadedFile *file);
/* Fills `prelude` from a worker's prelude frame (untrusted, as an answer
 * is); FALSE with TF_ERROR_PDF when the bytes are not one. Free what it
 * holds with tf_worker_prelude_clear(). */
gboolean tf_worker_prelude_parse (GBytes *frame, TfWorkerPrelude *prelude, GError **error);
void tf_worker_prelude_clear (TfWorkerPrelude *prelude);

/* The answer a worker sends for `raw` (borrowed): the serialized raw
 * reply (new bytes), or, when that would not fit in a frame, a "damaged"
 * one saying why. */
GBytes *tf_worker_answer (const TfRawReply *raw);

/* The raw reply in a worker's answer (new; free with tf_raw_reply_free()),
 * or NULL with TF_ERROR_PDF when the bytes are not a well-formed answer.
 * The bytes are untrusted (a worker may have been subverted by the file
 * it read): any bytes give a valid raw reply or an error, never a crash. */
TfRawReply *tf_worker_answer_parse (GBytes *answer, GError **error);

#endif
