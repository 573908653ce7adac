/* register_support.h — what the register's tests share: the replies of a
 * folder of the source tree read through the library (as tapform-read
 * reads them: path order, names relative to the source tree), synthetic
 * replies by the thousand, the tally of a set of replies as JSON, and the
 * register's file looked at with SQLite directly.
 *
 * Every function fails the current Criterion test on a setup error.
 * Ownership: returned arrays and strings are the caller's.
 */
#ifndef REGISTER_SUPPORT_H
#define REGISTER_SUPPORT_H

#include "read_support.h"

#include "register/register.h"

/* The records of every PDF in `folder` (relative to the source tree, e.g.
 * "samples/consultation"), in the byte order of their paths, each named
 * "FOLDER/NAME.pdf" with its PDF dates and file time. Of TfReply*. */
GPtrArray *register_test_read_folder (const ReadTestReader *r, const char *folder);

/* The record of `folder`/`name` among `replies`, borrowed; fails if none. */
const TfReply *register_test_find (GPtrArray *replies, const char *folder, const char *name);

/* A copy of `reply` named `file` (its bytes unchanged: same SHA-256). */
TfReply *register_test_renamed (const ReadTestReader *r, const TfReply *reply,
                               const char *file);

/* Synthetic reply number `i`: named "rNNNNNN.pdf", a SHA-256 of its own,
 * from the Member State i % 193 (in file order), answers depending on i,
 * a PDF modification date i minutes after 2020-05-01. */
TfReply *register_test_synthetic (const ReadTestReader *r, guint i);

/* tf_tally_format() JSON of the tally of `replies` (TfReply*, in order). */
char *register_test_tally_json (const ReadTestReader *r, GPtrArray *replies);

/* Opens `path` for `r`'s form (created when missing); fails the test if
 * it cannot. */
TfRegister *register_test_open (const ReadTestReader *r, const char *path);

/* Adds `reply`; fails the test on an error; returns the outcome. */
TfRegisterOutcome register_test_add (TfRegister *reg, const TfReply *reply);

/* Everything registered, as records (TfReply*). */
GPtrArray *register_test_load (TfRegister *reg);

/* The result of `sql` (one value of the first row, as text; NULL for
 * none) run on the database at `path` with SQLite itself. */
char *register_test_query (const char *path, const char *sql);

#endif
