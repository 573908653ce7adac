/* emit_support.h — what the tests that emit a form share: a form with its
 * layout and emitter, a temporary folder, and writing a form into it.
 *
 * Every function fails the current Criterion test on a setup error.
 * Ownership: emit_test_form_new() returns a new fixture, free with
 * emit_test_form_free() (which also removes its folder); paths returned
 * are new strings.
 */
#ifndef EMIT_SUPPORT_H
#define EMIT_SUPPORT_H

#include "form/form.h"
#include "layout/layout.h"
#include "pdf/emit.h"

#include <glib.h>

typedef struct {
  TfForm *form;
  TfLayout *layout;
  TfEmitter *emitter;
  char *dir;                /* a temporary folder of the test's own */
} EmitTestForm;

/* The form of `definition` (a path; NULL: the shipped Circular 246 one),
 * laid out as tapform-emit lays it out. */
EmitTestForm *emit_test_form_new (const char *definition);
/* The same in `language`. */
EmitTestForm *emit_test_form_new_in (const char *definition, TfLanguage language);
void emit_test_form_free (EmitTestForm *f);

/* Every form a test writes is dated 2020-04-22, the circular's date, so
 * that what a test makes does not depend on the day it runs. */
#define EMIT_TEST_CREATION_TIME 1587513600

/* Writes the form to `path`, pre-filled with `member_state` and `values`
 * (field → text or on-state; either may be NULL). */
void emit_test_write_path (const EmitTestForm *f, const char *path,
                           const char *member_state, GHashTable *values);
/* The same into DIR/NAME; returns the new path. */
char *emit_test_write (const EmitTestForm *f, const char *name,
                       const char *member_state, GHashTable *values);

/* Writes into `dir` a copy of the shipped definition whose form id is
 * `id` (e.g. "tsb-999-annex2"): another form, for wrong-form cases.
 * Returns the new path. */
char *emit_test_other_definition (const char *dir, const char *id);

#endif
