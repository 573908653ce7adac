/* cli.h — what the two command-line tools share (built into each, not
 * into the library): message shape and exit codes. Messages go to stderr
 * as "PROGRAM: FILE: what went wrong". */
#ifndef TF_CLI_H
#define TF_CLI_H

#include <glib.h>

/* Exit codes, documented in each tool's --help and in README. */
typedef enum {
  TF_EXIT_OK = 0,
  TF_EXIT_PROBLEMS = 1,   /* read: a reply is not complete (emit: not used) */
  TF_EXIT_USAGE = 2,      /* bad options, or a definition or data file refused */
  TF_EXIT_IO = 3,         /* an input could not be read, or an output written */
} TfExit;

/* A new copy of argv (g_strfreev) where "-j4", as make takes it, is "-j"
 * "4": GOption would read "-j4" as the options -j and -4. Stops at "--". */
char **tf_cli_split_jobs (int argc, char **argv);

/* Prints "PROGRAM: MESSAGE\n" on stderr. */
void tf_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* Prints "PROGRAM: warning: MESSAGE\n" on stderr. */
void tf_cli_warning (const char *format, ...) G_GNUC_PRINTF (1, 2);

#endif
