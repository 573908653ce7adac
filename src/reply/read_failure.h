/* read_failure.h — the words of a reply that could not be read: for each
 * outcome of the reading stage and of the batch (read/raw_reply.h), the
 * invalid problem its record carries, saying what happened and what to do.
 * Internal to src/reply/ (reply_check.c). */
#ifndef TF_READ_FAILURE_H
#define TF_READ_FAILURE_H

#include "read/raw_reply.h"
#include "reply/reply.h"

/* Adds to `reply` the invalid problem of `raw`, whose outcome is not
 * TF_READ_OK. */
void tf_reply_add_read_failure (TfReply *reply, const TfRawReply *raw);

#endif
