/* reader.h — the reader of replies to one form: everything a reply is
 * judged against, built once, and the call that makes a record.
 *
 *   tf_reader_open(): the form definition → its layouts, one per language
 *   version (the page geometry computed from the definition and the
 *   fonts' metrics, layout.h) → the Member States → the checker (reply.h)
 *
 *   what a worker read (a TfRawReply) → tf_reader_reply() → a TfReply
 *
 * tapform-read, the fuzz targets and the tests all read through one of
 * these; optical reading, other languages and the register build on its
 * form, layout and Member States.
 *
 * Ownership: tf_reader_open() returns a new reader, free with
 * tf_reader_free(); the getters' results are borrowed from it and live as
 * long as it does. Immutable once open: any number of threads may call
 * tf_reader_reply() at once.
 */
#ifndef TF_READER_H
#define TF_READER_H

#include "form/form.h"
#include "form/member_states.h"
#include "layout/layout.h"
#include "read/raw_reply.h"
#include "reply/reply.h"

#include <glib.h>

typedef struct {
  /* The form definition the replies answer; NULL: the shipped one
   * (TF_FORM_DEFAULT_DEFINITION). */
  const char *form_path;
  /* The Member State data (member_states.h) and its names; both NULL:
   * the shipped ones; both are needed otherwise (names may be NULL). */
  const char *member_states_path;
  const char *member_state_names_path;
  TfReplyCheckerOptions checker;
} TfReaderOptions;

#define TF_READER_OPTIONS_INIT { NULL, NULL, NULL, TF_REPLY_CHECKER_OPTIONS_INIT }

typedef struct TfReader TfReader;

/* Opens a reader as `options` (NULL: the defaults) say. Fails with the
 * error of what could not be loaded (TF_ERROR_DEFINITION, _NOT_FOUND or
 * _IO), its message naming the file. */
TfReader *tf_reader_open (const TfReaderOptions *options, GError **error);
void tf_reader_free (TfReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfReader, tf_reader_free)

const TfForm *tf_reader_form (const TfReader *reader);
/* The layout of the form's default language (English). */
const TfLayout *tf_reader_layout (const TfReader *reader);
/* The layout of `language`, or NULL when the form has none in it. */
const TfLayout *tf_reader_layout_in (const TfReader *reader, TfLanguage language);
const TfMemberStates *tf_reader_member_states (const TfReader *reader);

/* The record of `raw`, read from `file` (the name the record shows,
 * copied). Returns a new record, never NULL. */
TfReply *tf_reader_reply (const TfReader *reader, const char *file,
                          const TfRawReply *raw);

#endif
