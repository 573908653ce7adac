/* register_private.h — what the register's files share (register.h is
 * the interface): the open connection, its prepared statements, and how
 * an SQLite failure becomes a GError. Internal to src/register/. */
#ifndef TF_REGISTER_PRIVATE_H
#define TF_REGISTER_PRIVATE_H

#include "common/tf_error.h"
#include "register/register.h"

#include <sqlite3.h>

struct TfRegister {
  char *path;               /* as given */
  char *display;            /* valid UTF-8, for messages */
  const TfForm *form;       /* borrowed */
  guint busy_timeout;       /* ms */
  sqlite3 *db;
  /* Prepared once, reset after each use: adding 10,000 replies prepares
   * nothing more. NULL until first needed. */
  sqlite3_stmt *find;       /* a reply by its SHA-256 */
  sqlite3_stmt *insert;
};

/* Sets `error` to TF_ERROR_IO "FILE: WHAT: SQLite's message" (or, when
 * SQLite says the register is busy, that another run held it too long).
 * Always FALSE. */
gboolean tf_register_fail (const TfRegister *reg, GError **error, const char *what);

/* Runs `sql` (no result rows wanted); FALSE with the error, said as WHAT
 * failing. */
gboolean tf_register_exec (TfRegister *reg, const char *sql, const char *what,
                           GError **error);

/* A date as the register writes it: ISO 8601 in UTC ("2020-08-13T23:59:00Z",
 * with microseconds when it has them), or NULL for NULL. New. */
char *tf_register_date_text (GDateTime *date);
/* The same read back; NULL for NULL or a text that is not such a date. */
GDateTime *tf_register_date_parse (const char *text);

#endif
