/* reply_private.h — nothing private is left here: tf_reply_new_empty() is
 * public in reply/reply.h. Kept so that code including this header
 * (tests/support/tally_fixture.c) builds; include reply/reply.h instead. */
#ifndef TF_REPLY_PRIVATE_H
#define TF_REPLY_PRIVATE_H

#include "reply/reply.h"

#endif
