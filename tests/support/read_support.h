/* read_support.h — what the reader's tests share: the reader of the
 * shipped form (read/reader.h: its form, layout and Member States);
 * emitting the form; filling it with pikepdf (an independent filler);
 * READ_TEST_SUITE, the one fixture of the reader's suites.
 *
 * Every function fails the current Criterion test on a setup error, so a
 * test reads as its scenario. Ownership: *_new() results are the caller's
 * (free with the matching *_free()); other pointers are borrowed.
 */
#ifndef READ_SUPPORT_H
#define READ_SUPPORT_H

#include "emit_support.h"
#include "test_util.h"

#include "read/raw_reply.h"
#include "read/reader.h"
#include "reply/reply.h"

#include <criterion/criterion.h>
#include <json-glib/json-glib.h>

typedef struct {
  TfReader *reader;
  const TfForm *form;         /* the three borrowed from reader */
  const TfLayout *layout;
  const TfMemberStates *states;
  EmitTestForm *emit;         /* what read_test_emit() writes with */
  JsonNode *schema;           /* docs/reply-record.schema.json */
} ReadTestReader;

ReadTestReader *read_test_reader_new (void);
void read_test_reader_free (ReadTestReader *r);

/* The one fixture of the reader's tests: READ_TEST_FIXTURE declares `r`
 * (a ReadTestReader) and `tmp` (a temporary folder of the test's own) and
 * the functions read_fixture_setup() and read_fixture_teardown() that make
 * and drop them; READ_TEST_SUITE (name) also makes them the fixture of
 * every test of suite NAME:
 *   READ_TEST_SUITE (cli);
 *   Test (cli, ...) { ... r->form ... tmp ... }
 * A file whose tests do not all need a reader uses READ_TEST_FIXTURE and
 * Test (suite, name, .init = read_fixture_setup, .fini = read_fixture_teardown). */
#define READ_TEST_FIXTURE                                                      \
  static ReadTestReader *r;                                                   \
  static char *tmp;                                                           \
  static void read_fixture_setup (void)                                       \
  {                                                                           \
    r = read_test_reader_new ();                                              \
    tmp = tf_test_tmpdir ();                                                  \
  }                                                                           \
  static void read_fixture_teardown (void)                                    \
  {                                                                           \
    tf_test_rmtree (tmp);                                                     \
    g_clear_pointer (&tmp, g_free);                                           \
    g_clear_pointer (&r, read_test_reader_free);                              \
  }
#define READ_TEST_SUITE(name)                                                  \
  READ_TEST_FIXTURE                                                           \
  TestSuite (name, .init = read_fixture_setup, .fini = read_fixture_teardown)

/* A raw reply as a perfect read of the form filled with `values` (field
 * name, value, field name, value..., NULL): form.id set, every text field
 * present (with its value or none), every radio widget with the /TU and
 * rectangle of the layout, on when `values` names its on-state for its
 * group. New; free with tf_raw_reply_free(). */
TfRawReply *read_test_raw_new (const ReadTestReader *r, const char *const *values);
/* The same for the form in `language`: its layout's rectangles, and
 * form.language set to its code. */
TfRawReply *read_test_raw_new_in (const ReadTestReader *r, TfLanguage language,
                                  const char *const *values);
/* The radio widget of `raw` that the layout places for `state` of
 * `group`, found by its position in raw->radios (as read_test_raw_new()
 * made it); borrowed. */
TfRawRadio *read_test_raw_radio (const ReadTestReader *r, TfRawReply *raw,
                                 const char *group, const char *state);

/* Writes the blank form (pre-filled with `member_state` unless NULL) to
 * DIR/NAME; returns the new path. */
char *read_test_emit (const ReadTestReader *r, const char *dir, const char *name,
                    const char *member_state);

/* Fills `in` into `out` with pikepdf following `spec`, a JSON object:
 *   "values":  {"sender.name": "…", "text.x1054.authority": "assign", …}
 *              text: /V; radio: the group's /V and each kid's /AS; ""
 *              for a radio clears it (/Off)
 *   "remove":  ["form.id", …] fields removed with their widgets
 *   "tu":      {"GROUP": ["/TU of kid 0", "/TU of kid 1"]}
 *   "on_state":{"GROUP": ["assign", "assign"]} renames each kid's on-state
 *   "move":    {"GROUP": [[dx, dy], [dx, dy]]} shifts each kid's /Rect
 *   "cropbox": [x0, y0, x1, y1] on every page
 *   "reverse": true reverses every /Kids and /Annots array
 *   "info":    {"/ModDate": "D:20200801120000Z"}
 *   "save":    {"linearize": true, "object_streams": "generate"}
 * Fails the test if pikepdf fails. */
void read_test_fill (const char *in, const char *spec, const char *out);

/* The record of `path` through the library path (read, check). */
TfReply *read_test_reply (const ReadTestReader *r, const char *path);

/* Asserts that the record's JSON validates against the schema. */
void read_test_assert_schema (const ReadTestReader *r, const TfReply *reply);

/* Whether `code` is among the problem codes of `reply`. */
gboolean read_test_has_problem (const TfReply *reply, TfProblemCode code);
/* The problem codes of `reply`, sorted and space-separated: a new string,
 * "" when none. For assertions that name every expected code. */
char *read_test_problem_codes (const TfReply *reply);

#endif
