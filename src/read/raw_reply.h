/* raw_reply.h — what a returned PDF holds, as read, before any judgement.
 *
 * A TfRawReply is the output of the reading stage (read_pdf.h) and the input
 * of the pure reply stage (reply/reply.h). It says whether the file could be
 * opened as a PDF and, if so, lists its fields and radio widgets exactly as
 * the PDF has them: values are not trimmed, names are not checked against
 * any form definition.
 *
 * Ownership: a TfRawReply owns everything it points to; free it with
 * tf_raw_reply_free() (or g_autoptr). Pointers returned by the lookup
 * functions are borrowed from it.
 *
 * Invariants: `fields` and `radios` are never NULL (empty when the read
 * failed); `detail` is not NULL exactly when `outcome` is not
 * TF_READ_OK; `sha256` is NULL only when the bytes could not be read
 * (TF_READ_UNREADABLE, and a failed read whose worker never got so far).
 *
 * A raw reply holds facts, never a sentence for the user: the reply stage
 * (reply/reply.h) words every outcome.
 */
#ifndef TF_RAW_REPLY_H
#define TF_RAW_REPLY_H

#include "layout/layout.h"
#include "read/raw_optical.h"

#include <glib.h>

/* How far reading got. */
typedef enum {
  TF_READ_OK = 0,       /* opened as a PDF; fields (possibly none) listed */
  TF_READ_UNREADABLE,   /* the file itself could not be read (I/O) */
  TF_READ_NOT_PDF,      /* no PDF header: another kind of file */
  TF_READ_DAMAGED,      /* a PDF header, but cut short or unparseable */
  TF_READ_ENCRYPTED,    /* needs a password to open (a user password) */
  /* What a batch (batch/batch.h) says when the read itself failed; never
   * in a worker's answer. */
  TF_READ_CRASHED,      /* the worker died reading it: failure.wait_status */
  TF_READ_TIMED_OUT,    /* stopped at failure.time_limit */
  TF_READ_OUT_OF_MEMORY,/* stopped at failure.memory_limit */
  TF_READ_NO_WORKER,    /* no worker could be started: `detail` says why */
  TF_READ_BAD_ANSWER,   /* the worker's answer was malformed: `detail` */
  /* What listing the inputs says (read/inputs.h). */
  TF_READ_FOLDER_UNREADABLE, /* a folder that cannot be listed: `detail` */
} TfReadOutcome;

/* The last outcome a worker may answer with: the later ones are facts
 * about the read, established outside the worker. */
#define TF_READ_LAST_WORKER_OUTCOME TF_READ_ENCRYPTED

/* How a read that the batch stopped ended. */
typedef struct {
  int wait_status;      /* CRASHED: the worker's status, as waitpid() gave it */
  double time_limit;    /* TIMED_OUT: the limit, seconds */
  guint64 memory_limit; /* OUT_OF_MEMORY: the limit, bytes */
} TfReadFailure;

/* The kind of an AcroForm field, as Poppler reports it. */
typedef enum {
  TF_RAW_TEXT,
  TF_RAW_RADIO,
  TF_RAW_CHECKBOX,
  TF_RAW_PUSH,
  TF_RAW_CHOICE,
  TF_RAW_SIGNATURE,
  TF_RAW_OTHER,
} TfRawKind;

/* One field, by its fully qualified name; listed once however many
 * widgets it has. */
typedef struct {
  char *name;           /* "sender.name", "text.x1054.authority" */
  TfRawKind kind;
  char *value;          /* text fields: /V as UTF-8, untouched; else NULL */
} TfRawField;

/* One radio-button widget (a kid of a radio group). */
typedef struct {
  char *field;          /* the group's fully qualified name */
  char *tooltip;        /* the widget's own /TU, or NULL */
  guint page;           /* 0-based */
  TfRect rect;          /* PDF points in the page's default user space
                           (the /MediaBox coordinates, origin bottom left),
                           normalized so that w, h >= 0 */
  gboolean on;          /* the group's /V names this widget's on-state */
} TfRawRadio;

typedef struct {
  TfReadOutcome outcome;
  char *detail;         /* why the read failed, in plain words, NULL if OK:
                           UNREADABLE: the system's reason ("No such file
                           or directory"); NOT_PDF: "a PNG image, not a
                           PDF"; DAMAGED: "the PDF is cut short: ...";
                           ENCRYPTED: a sentence */
  char *sha256;         /* lower-case hex of the file's bytes */
  guint64 size;         /* bytes */
  guint n_pages;
  GPtrArray *fields;    /* of TfRawField*, in the order first met */
  GPtrArray *radios;    /* of TfRawRadio*, page by page */
  /* The PDF's /Info dates, or NULL; for telling replies apart in time. */
  GDateTime *created;
  GDateTime *modified;
  char *producer;       /* /Info /Producer, or NULL: which tool saved it */
  /* The file's own modification time (of its inode, not the PDF's
   * dates), or NULL when the file could not be examined. */
  GDateTime *file_modified;
  TfReadFailure failure;  /* CRASHED, TIMED_OUT, OUT_OF_MEMORY; else zero */
  /* What its rendered pages show, when it was read optically (no form
   * fields, or empty fields over marked pages); else NULL. */
  TfRawOptical *optical;
} TfRawReply;

/* A new, empty raw reply with `outcome` (and, unless TF_READ_OK, a
 * printf-style `detail`). Free with tf_raw_reply_free(). */
TfRawReply *tf_raw_reply_new (TfReadOutcome outcome, const char *detail_format, ...)
  G_GNUC_PRINTF (2, 3);
void tf_raw_reply_free (TfRawReply *raw);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfRawReply, tf_raw_reply_free)

/* Adds a field (copies `name` and `value`); a name already listed is left
 * as it was. Returns the field listed under that name, borrowed. */
const TfRawField *tf_raw_reply_add_field (TfRawReply *raw, const char *name,
                                          TfRawKind kind, const char *value);
/* Adds a radio widget (copies the strings). */
void tf_raw_reply_add_radio (TfRawReply *raw, const char *field,
                             const char *tooltip, guint page,
                             const TfRect *rect, gboolean on);

/* The field named `name`, borrowed, or NULL. Linear: the reply stage
 * indexes the fields itself when it needs many lookups. */
const TfRawField *tf_raw_reply_find_field (const TfRawReply *raw,
                                           const char *name);

/* A raw reply as one GVariant and back: how a worker process
 * (batch/worker.h) hands what it read to the process that judges and
 * writes it. The variant is new and floating-free (caller unrefs).
 * Deserializing checks the type and every invariant; it fails with
 * TF_ERROR_PDF on a variant that is not a well-formed raw reply of an
 * outcome a worker may give (up to TF_READ_LAST_WORKER_OUTCOME). */
GVariant *tf_raw_reply_serialize (const TfRawReply *raw);
TfRawReply *tf_raw_reply_deserialize (GVariant *variant, GError **error);

/* "ok", "unreadable", "not-pdf", "damaged", "encrypted", "crashed"...:
 * static. */
const char *tf_read_outcome_name (TfReadOutcome outcome);

#endif
