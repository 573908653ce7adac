/* test_util.h — small helpers the Criterion tests share. */
#ifndef TF_TEST_UTIL_H
#define TF_TEST_UTIL_H

#include <glib.h>

/* A new temporary folder (g_free the path; removed by tf_test_rmtree());
 * the test fails when none can be made. */
char *tf_test_tmpdir (void);
/* Removes `path` and, for a folder, everything under it, locked or not. */
void tf_test_rmtree (const char *path);
/* "<source tree>/relative", newly allocated. */
char *tf_test_source_path (const char *relative);
/* How many *.pdf files the source folder `relative` holds (not its
 * subfolders): samples/replies grows as samples are added. */
guint tf_test_count_pdfs (const char *relative);
/* Writes `contents` to dir/name; returns the new path. */
char *tf_test_write (const char *dir, const char *name, const char *contents);
/* How a test runs a program: the one way, for tapform's tools and the
 * independent ones alike. */
typedef struct {
  const char *program;      /* "tapform-read", "tapform-emit": this build's;
                               any other name is looked up on PATH */
  const char *const *args;  /* NULL-terminated; NULL: none */
  const char *cwd;          /* NULL: the source tree */
  const char *const *env;   /* changes, NULL-terminated: "NAME=value" sets,
                               "NAME" unsets; NULL: the test's own */
  const char *input;        /* its standard input; NULL: empty */
  double *seconds;          /* when not NULL: how long it ran */
} TfTestRun;

/* Runs `run` (no shell) and waits for it; returns its exit status, -1
 * when it could not start or did not exit normally. *out and *err (each
 * may be NULL) receive its stdout and stderr (g_free). */
int tf_test_run_program (const TfTestRun *run, char **out, char **err);
/* The run of tapform-read with `args` and nothing else changed. */
#define TF_TEST_READ(arguments) \
  (&(const TfTestRun) { .program = "tapform-read", .args = (arguments) })

/* The run of tapform-emit with `args` in `folder` (NULL: the source tree). */
#define TF_TEST_EMIT(folder, arguments) \
  (&(const TfTestRun) { .program = "tapform-emit", .args = (arguments), .cwd = (folder) })

/* The same for argv[0] with the arguments argv[1...], in the source tree. */
int tf_test_run (const char *const *argv, char **out, char **err);
/* Whether `program` is on PATH. */
gboolean tf_test_have (const char *program);

#endif
