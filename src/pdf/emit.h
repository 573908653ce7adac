/* emit.h — writing the reply form as a fillable PDF.
 *
 * An emitter lays the form out once and then writes any number of
 * documents from that layout: blank, or pre-filled per Member State.
 */
#ifndef TF_EMIT_H
#define TF_EMIT_H

#include "form/form.h"
#include "layout/layout.h"

typedef struct TfEmitter TfEmitter;

typedef struct {
  /* Pre-fills sender.member_state; NULL leaves it blank. */
  const char *member_state;
  /* More pre-filled values (full field name → text, or → on-state for a
   * radio group); NULL for none. Borrowed. */
  GHashTable *values;
  /* Creation date as Unix time; -1: $SOURCE_DATE_EPOCH if set, else now. */
  gint64 creation_time;
} TfEmitOptions;

#define TF_EMIT_OPTIONS_INIT { NULL, NULL, -1 }

/* Lays `form` out with the shipped fonts. Returns a new emitter, free with
 * tf_emitter_free(); it borrows `form`, which must outlive it. */
TfEmitter *tf_emitter_new (const TfForm *form, GError **error);
void tf_emitter_free (TfEmitter *emitter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfEmitter, tf_emitter_free)

/* The layout every document of this emitter has; borrowed. */
const TfLayout *tf_emitter_layout (const TfEmitter *emitter);

/* Writes one form to `path` (replaced atomically). Thread-safe: each call
 * builds its own document. */
gboolean tf_emitter_write (const TfEmitter *emitter,
                           const TfEmitOptions *options, const char *path,
                           GError **error);

/* The same, into memory: returns the PDF's bytes. */
GBytes *tf_emitter_render (const TfEmitter *emitter,
                           const TfEmitOptions *options, GError **error);

#endif
