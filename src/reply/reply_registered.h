/* reply_registered.h — the words of a reply already in the register
 * (register/register.h): the record printed for a file whose SHA-256 was
 * registered before says when and as which file, with the warning
 * already-registered (reply/problem.h), which leaves the status as is. */
#ifndef TF_REPLY_REGISTERED_H
#define TF_REPLY_REGISTERED_H

#include "reply/reply.h"

/* Adds the already-registered warning to `reply`: registered at
 * `registered` (may be NULL: not known) as the file `registered_as`. */
void tf_reply_add_already_registered (TfReply *reply, GDateTime *registered,
                                      const char *registered_as);

#endif
