/* tf_memory.h — a process's memory, as the processes that run Poppler on
 * untrusted bytes (the batch's workers, the review's drawing process) are
 * watched and limited.
 */
#ifndef TF_MEMORY_H
#define TF_MEMORY_H

#include <glib.h>
#include <sys/types.h>

typedef enum {
  TF_MEMORY_ADDRESS_SPACE,  /* all it has mapped */
  TF_MEMORY_RESIDENT,       /* what is in RAM */
} TfMemoryKind;

/* The memory of process `pid` (/proc/PID/statm), in bytes; 0 when it
 * cannot be read (the process is gone). */
guint64 tf_memory_of (pid_t pid, TfMemoryKind kind);

/* Limits this process's address space (RLIMIT_AS) to what it has now
 * plus `extra` bytes, so that an allocation beyond fails. Returns the
 * limit set, in bytes; 0 when none was (`extra` is 0, the limit cannot be
 * read or set, or this build runs under AddressSanitizer, which reserves
 * a huge address space at start). */
guint64 tf_memory_limit_address_space (guint64 extra);

#endif
