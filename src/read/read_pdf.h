/* read_pdf.h — one returned PDF → a TfRawReply, with Poppler glib.
 *
 * The reading stage: it opens the bytes once (the sha256 is computed from
 * the same bytes Poppler parses), classifies why a file cannot be read, and
 * lists every field value and every radio widget (group, /TU, page,
 * rectangle, on/off). It judges nothing: that is reply/reply.h.
 *
 * Each call builds its own Poppler document and shares no mutable state
 * with any other call, so calls may run in parallel threads or in worker
 * processes. Nothing here prints, and no failure is an error: a file that
 * cannot be read gives a TfRawReply whose outcome says why.
 *
 * How a file is classified (first match wins):
 *   - cannot be opened or read             → TF_READ_UNREADABLE
 *   - no "%PDF-" in its first 1024 bytes    → TF_READ_NOT_PDF (the detail
 *     names what it looks like instead: empty, PNG, JPEG, Word, ZIP...)
 *   - no "%%EOF" in its last 1024 bytes     → TF_READ_DAMAGED (cut short:
 *     an incomplete last revision must not pass for a reply)
 *   - Poppler needs a password              → TF_READ_ENCRYPTED (a PDF
 *     with only an owner password opens without one and reads normally)
 *   - Poppler refuses it                    → TF_READ_DAMAGED
 *   - otherwise                             → TF_READ_OK
 *
 * Rectangles: poppler_page_get_form_field_mapping() gives a widget's /Rect
 * relative to the page's crop box origin (origin bottom left, unrotated; see
 * test_read_pdf.c). The crop box origin is added back, so a TfRawRadio's
 * rect is in the page's default user space, the space of the layout.
 */
#ifndef TF_READ_PDF_H
#define TF_READ_PDF_H

#include "optical/optical_read.h"
#include "read/raw_reply.h"

#include <glib.h>

/* Reads a PDF held in `bytes` (borrowed; Poppler may keep a reference while
 * it works). Returns a new raw reply, never NULL. */
TfRawReply *tf_read_bytes (GBytes *bytes);

/* The same, and a PDF without form fields (or whose fields are all
 * empty while its pages carry marks) read from its rendered pages as
 * `plan` says (raw->optical). `plan` may be NULL: no optical reading. */
TfRawReply *tf_read_bytes_with (GBytes *bytes, TfOpticalPlan *plan);

/* Files larger than this are not read (a filled form is ~150 KB; a scanned
 * reply a few MB). */
#define TF_READ_MAX_SIZE (256 << 20)

/* A reply file read into memory, before Poppler sees it: its bytes and
 * the facts known before parsing (a batch's worker tells these first, so
 * that a file that then crashes the reader still has its checksum).
 * Invariants: exactly one of `bytes` and `unreadable` is NULL; `sha256`
 * is the checksum of `bytes` (NULL with them). */
typedef struct {
  GBytes *bytes;
  char *sha256;         /* lower-case hex */
  char *unreadable;     /* why the file cannot be read, in plain words */
  GDateTime *modified;  /* the file's modification time, or NULL */
} TfLoadedFile;

/* Reads the file at `path` once (see tf_read_file_chunks()). Returns a
 * new loaded file, never NULL; free with tf_loaded_file_free(). */
TfLoadedFile *tf_read_load (const char *path);
void tf_loaded_file_free (TfLoadedFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfLoadedFile, tf_loaded_file_free)

/* The raw reply of a loaded file (as tf_read_bytes(), with the file's
 * time), or TF_READ_UNREADABLE with the reason. New, never NULL. */
TfRawReply *tf_read_loaded (const TfLoadedFile *file);
/* The same, read optically where it must be as `plan` says (may be NULL). */
TfRawReply *tf_read_loaded_with (const TfLoadedFile *file, TfOpticalPlan *plan);

/* tf_read_load() then tf_read_loaded(): new raw reply, never NULL;
 * TF_READ_UNREADABLE with the reason when the file cannot be read
 * (missing, a folder, a FIFO, no permission, larger than
 * TF_READ_MAX_SIZE...). */
TfRawReply *tf_read_file (const char *path);

/* Hands the bytes of the regular file at `path` to `func`, a chunk at a
 * time, as tf_read_file() reads them (a FIFO does not block it; a file
 * over TF_READ_MAX_SIZE is refused, even one that grows while read).
 * Returns NULL when every byte was handed over, else the reason the file
 * cannot be read, in plain words (new); `func` may have had part of it. */
typedef void (*TfReadChunkFunc) (const guint8 *data, gsize len, gpointer user_data);
char *tf_read_file_chunks (const char *path, TfReadChunkFunc func, gpointer user_data);

/* Poppler builds its global parameters (~3.4 million instructions, a
 * tenth of reading a reply) whenever a document is opened while none is
 * open, and drops them when the last one closes: a process that reads
 * files one after the other would build them for every file. A session
 * keeps them (by keeping an empty document open) until it is freed. Hold
 * one while reading many files in one process. */
typedef struct TfReadSession TfReadSession;

/* New; never NULL (without it reading is only slower). */
TfReadSession *tf_read_session_new (void);
void tf_read_session_free (TfReadSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfReadSession, tf_read_session_free)

#endif
