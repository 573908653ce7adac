/* register_run.h — a run's records into a register as they come: the
 * take function of tf_read_run() (read_run.h) for tapform-read
 * --register.
 *
 *   each record → tf_register_add() (one transaction) → registered; or
 *   already there: the record gets the already-registered warning
 *   (reply/reply_registered.h) before it is written; or not registered
 *   (a read that was stopped): the run is told, the record is as it was
 *
 * Ownership: a TfRegisterRun borrows the register; the caller keeps it
 * (on its stack) for the run and reads its counts after.
 */
#ifndef TF_REGISTER_RUN_H
#define TF_REGISTER_RUN_H

#include "register/register.h"
#include "run/read_run.h"

typedef struct {
  TfRegister *reg;              /* borrowed */
  TfReadRunNoticeFunc notice;   /* told of a reply not registered; may be NULL */
  gpointer notice_data;
  guint added, known, skipped;  /* what became of the records */
  gboolean failed;              /* the register could not be written: the
                                   run's error is the register's own
                                   message ("FILE: what") */
} TfRegisterRun;

#define TF_REGISTER_RUN_INIT(reg) { (reg), NULL, NULL, 0, 0, 0, FALSE }

/* A TfReadRunTakeFunc; `user_data` is a TfRegisterRun. */
gboolean tf_register_run_take (TfReply *reply, gpointer user_data, GError **error);

#endif
