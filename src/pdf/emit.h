/* emit.h — writing the reply form as a fillable PDF.
 *
 * An emitter writes any number of documents of one form from its layout
 * (tf_layout_new_default(), computed once): blank, or pre-filled per
 * Member State.
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

/* An emitter of `form` drawn as `layout` says, in the layout's language
 * (its fonts, its form.language). Returns a new emitter, free with
 * tf_emitter_free(); it borrows both, which must outlive it. */
TfEmitter *tf_emitter_new (const TfForm *form, const TfLayout *layout);
void tf_emitter_free (TfEmitter *emitter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfEmitter, tf_emitter_free)

/* Writes one form to `path` (replaced atomically). Thread-safe: each call
 * builds its own document. */
gboolean tf_emitter_write (const TfEmitter *emitter,
                           const TfEmitOptions *options, const char *path,
                           GError **error);

/* The same, into memory: returns the PDF's bytes (g_bytes_unref). */
GBytes *tf_emitter_render (const TfEmitter *emitter,
                           const TfEmitOptions *options, GError **error);

/* One built document, saved as many times as needed with another Member
 * State: building (fonts, pages, fields) costs far more than saving, and
 * the per-Member-State forms differ in that one field only. Not
 * thread-safe: one document per thread. */
typedef struct TfEmitDocument TfEmitDocument;

/* Builds the document `options` describe. Returns a new document, free
 * with tf_emit_document_free(); it borrows `emitter`. */
TfEmitDocument *tf_emit_document_new (const TfEmitter *emitter,
                                      const TfEmitOptions *options,
                                      GError **error);
void tf_emit_document_free (TfEmitDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfEmitDocument, tf_emit_document_free)

/* Sets sender.member_state for the next save. FALSE (and nothing changed)
 * when `name` holds a character the embedded field font was not built
 * with: build a new document for that one instead. */
gboolean tf_emit_document_set_member_state (TfEmitDocument *document,
                                            const char *name);

/* The document as it stands, as PDF bytes (g_bytes_unref). */
GBytes *tf_emit_document_save (TfEmitDocument *document, GError **error);
/* The same, written to `path` (replaced atomically). */
gboolean tf_emit_document_write (TfEmitDocument *document, const char *path,
                                 GError **error);

#endif
