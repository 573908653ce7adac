/* register.h — the register of a consultation: every reply ever seen,
 * kept in one SQLite file, so that a consultation that runs for weeks is
 * read as its replies arrive and counted from what was registered.
 *
 *   tf_register_open() → tf_register_add() for each reply read (one
 *   transaction each) → tf_register_load() → tf_tally_count_replies()
 *
 * What it keeps (the schema, for the sqlite3 shell: docs/register.md):
 * one row per distinct file, by its SHA-256 — the path as given, when it
 * was registered, the whole reply record (record_json.h), the PDF's
 * creation and modification dates and the file's modification time (the
 * tally's dates, tally/tally.h). Every reply ever seen stays, superseded
 * or not: the tally picks the one that counts.
 *
 * Rules, each tested (tests/unit/test_register*.c):
 * - Idempotent: a reply whose SHA-256 is registered adds nothing, however
 *   it is named; tf_register_add() says when and as which file it was.
 * - Atomic: each add is one transaction; a process killed at any moment
 *   leaves the register as it was before the reply it was adding.
 * - Shared: two processes may use one register at once; each waits for
 *   the other (WAL journal, `busy_timeout`) instead of failing.
 * - Not registered (TF_REGISTER_SKIPPED): a reply without a checksum (the
 *   file could not be read) and one whose reading was stopped — crashed,
 *   timed-out, out-of-memory, unreadable —, for these say how the read
 *   went on that machine that day, not what the file holds: read again,
 *   the file is registered then.
 * - A register is made for one form (its id@version) and refuses another;
 *   an existing file that is not a register is refused, never written;
 *   a register of a newer schema (PRAGMA user_version) is refused.
 *
 * The order of what tf_register_load() gives is the byte order of the
 * paths (then the order of registration): the order in which tapform-read
 * reads a folder, so that a register and a folder of the same files give
 * the same tally, byte for byte, however many runs registered them.
 *
 * Errors: TF_ERROR_FORMAT for a file that is not a register (or another
 * form's, or a newer one's), TF_ERROR_NOT_FOUND for a missing one that
 * is not to be made, TF_ERROR_IO for what SQLite could not do
 * (including another run that held the register longer than the busy
 * timeout); each message "FILE: what".
 *
 * Ownership: tf_register_open() returns a new register, closed with
 * tf_register_close() (or g_autoptr); it borrows the form, which must
 * outlive it. One register is used by one thread at a time.
 */
#ifndef TF_REGISTER_H
#define TF_REGISTER_H

#include "form/form.h"
#include "reply/reply.h"

#include <glib.h>

/* The schema version this tapform writes (PRAGMA user_version), and the
 * SQLite application id of a register (PRAGMA application_id, "TAPF"). */
#define TF_REGISTER_SCHEMA_VERSION 1
#define TF_REGISTER_APPLICATION_ID 0x54415046

/* How long a run waits for another that holds the register, ms. */
#define TF_REGISTER_BUSY_TIMEOUT (5 * 60 * 1000)

typedef struct {
  gboolean create;          /* make a new register when the file is missing */
  guint busy_timeout;       /* ms; see TF_REGISTER_BUSY_TIMEOUT */
} TfRegisterOptions;

#define TF_REGISTER_OPTIONS_INIT { TRUE, TF_REGISTER_BUSY_TIMEOUT }

typedef struct TfRegister TfRegister;

/* Opens the register at `path` for replies to `form`, creating it when
 * the file is missing (or an empty database) and `options->create` is
 * set; `options` may be NULL for the defaults. */
TfRegister *tf_register_open (const char *path, const TfForm *form,
                              const TfRegisterOptions *options, GError **error);
void tf_register_close (TfRegister *reg);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfRegister, tf_register_close)

/* The path it was opened with, for display; borrowed. */
const char *tf_register_path (const TfRegister *reg);

typedef enum {
  TF_REGISTER_ADDED,        /* a new reply: registered now */
  TF_REGISTER_KNOWN,        /* its SHA-256 was registered: nothing added */
  TF_REGISTER_SKIPPED,      /* not registered (see above): `why` says why */
} TfRegisterOutcome;

/* What tf_register_add() did. Owns its members; clear with
 * tf_register_added_clear(). */
typedef struct {
  TfRegisterOutcome outcome;
  gint64 id;                /* the reply's row, ADDED or KNOWN; else 0 */
  GDateTime *registered;    /* when it was registered (the first time) */
  char *registered_as;      /* the file it was registered as (the first) */
  const char *why;          /* SKIPPED: a static phrase; else NULL */
} TfRegisterAdded;

/* Registers `reply` (its record as JSON, its dates) in one transaction,
 * unless its SHA-256 is registered already or it is not to be registered
 * (see above). FALSE with the error when SQLite fails; the register is
 * then as it was. `added` is always set (cleared first). */
gboolean tf_register_add (TfRegister *reg, const TfReply *reply, TfRegisterAdded *added,
                          GError **error);
void tf_register_added_clear (TfRegisterAdded *added);

/* Everything registered. Owns its arrays; clear with
 * tf_register_contents_clear(). */
typedef struct {
  GPtrArray *replies;       /* of TfReply*, with their PDF dates and file
                               time, in the order described above */
  GPtrArray *registered;    /* of GDateTime*: when each was registered */
} TfRegisterContents;

/* Loads every registered reply into `contents`. FALSE with the error
 * when SQLite fails or a stored record is not one of the form
 * (record_parse.h; the message names the row). */
gboolean tf_register_load (TfRegister *reg, TfRegisterContents *contents, GError **error);
void tf_register_contents_clear (TfRegisterContents *contents);

/* How many replies are registered, or -1 with the error. */
gint64 tf_register_count (TfRegister *reg, GError **error);

#endif
