/* optical_read.h — reading a reply from its rendered pages: which page of
 * the form each page is, and the ink in each of its boxes.
 *
 *   each page → rendered at TF_OPTICAL_DPI → corner marks → for each
 *   quarter turn, language version and page of the form: the fit, and the
 *   share of the blank page's ink found through it → the best, if clearly
 *   the best → each box measured against the blank page (ink the form
 *   itself prints never counts) → a TfRawOptical
 *
 * Facts only: deciding ticked / empty / doubtful is the reply stage's
 * (reply/reply_rendered.c).
 *
 * A plan holds the form's layouts and, drawn on first use, their blank
 * pages: it is built once and used by one thread (a batch's worker
 * process inherits it) — not thread-safe.
 */
#ifndef TF_OPTICAL_READ_H
#define TF_OPTICAL_READ_H

#include "form/form.h"
#include "layout/layout.h"
#include "read/raw_optical.h"

#include <glib.h>
#include <poppler.h>

#define TF_OPTICAL_DPI 150.0

typedef struct TfOpticalPlan TfOpticalPlan;

/* A plan for the replies to `form` in the language versions whose
 * layouts `layouts` gives (indexed by TfLanguage, NULL where none; the
 * default language is tried first). Borrows both: they must outlive it. */
TfOpticalPlan *tf_optical_plan_new (const TfForm *form,
                                    const TfLayout *const layouts[TF_LANG_COUNT]);
void tf_optical_plan_free (TfOpticalPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfOpticalPlan, tf_optical_plan_free)

/* What the pages of `doc` show; new, never NULL. */
TfRawOptical *tf_optical_read (TfOpticalPlan *plan, PopplerDocument *doc);

/* Whether `optical` saw any ink in a box (a form whose fields are empty is
 * read from its pages only when they carry marks). */
gboolean tf_optical_has_marks (const TfRawOptical *optical);

#endif
