/* tf_child.h — what the processes forked to run Poppler on untrusted
 * bytes (the batch's workers, the review's drawing process) share: they
 * die with the process that forked them, and how one ended is said the
 * same way in every message.
 */
#ifndef TF_CHILD_H
#define TF_CHILD_H

#include <glib.h>
#include <sys/types.h>

/* In a child just forked from `parent`: it gets SIGKILL when `parent`
 * ends, and _exit(1)s now if `parent` has already ended. */
void tf_child_die_with_parent (pid_t parent);

/* How a child ended, from its wait status, for a message: "signal 11,
 * Segmentation fault", "it stopped with exit status 3". Newly allocated. */
char *tf_child_ended_how (int status);

#endif
