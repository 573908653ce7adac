/* reply_private.h — shared by the files of src/reply/ only. */
#ifndef TF_REPLY_PRIVATE_H
#define TF_REPLY_PRIVATE_H

#include "reply/reply.h"

/* A new record for `file` with one NULL sender value per sender field of
 * `form` (may be NULL: none), no texts, no problems, status complete. */
TfReply *tf_reply_new_empty (const TfForm *form, const char *file);

#endif
