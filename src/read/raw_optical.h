/* raw_optical.h — what the pages of a reply showed when rendered, as
 * measured, before any judgement (optical/optical_read.h measures it, the
 * reply stage decides ticked / empty / doubtful from it).
 *
 * Ownership: a TfRawOptical owns everything it points to; free it with
 * tf_raw_optical_free().
 */
#ifndef TF_RAW_OPTICAL_H
#define TF_RAW_OPTICAL_H

#include "form/language.h"

#include <glib.h>

/* Pages looked at, at most: a reply is the form, a cover letter and
 * perhaps an attachment; a file of hundreds of pages is not rendered
 * page by page (the later pages are said to be skipped). */
#define TF_OPTICAL_MAX_PAGES 12

/* What became of one page of the file. */
typedef enum {
  TF_PAGE_FORM = 0,     /* registered as page `form_page` of the form */
  TF_PAGE_NO_MARKS,     /* not three corner marks: not a form page (a cover
                           letter, an attachment) */
  TF_PAGE_UNREGISTERED, /* corner marks, but no page of the form fits them */
} TfPageFate;

typedef struct {
  guint page;           /* 0-based page of the file */
  TfPageFate fate;
  guint form_page;      /* 0-based page of the form (TF_PAGE_FORM) */
  guint quarter_turns;  /* how the page lay: 0..3 quarter turns */
  double scale;         /* printed size / form size (1: 100 %) */
  double residual;      /* points: how far the marks are from the fit */
  double match;         /* 0..1: share of the blank page's ink found on it */
} TfRawPage;

/* One box of a registered page, measured in the form's coordinates:
 * shares of its area where the page has ink that the blank form has not. */
typedef struct {
  char *field;          /* "text.x1054.authority" */
  char *state;          /* its on-state: "assign", "withhold", "none", "attached" */
  guint form_page;      /* 0-based */
  double inside;        /* dark ink inside the box's outline */
  double light;         /* any ink at all inside (a faint mark shows here) */
  double near;          /* dark ink just around the outline (a tick overshoots
                           into it) */
  double far;           /* dark ink further out (a stroke, a stamp, a ring) */
} TfRawBox;

typedef struct {
  TfLanguage language;  /* of the form version the pages matched */
  guint form_pages;     /* pages that version has */
  GPtrArray *pages;     /* of TfRawPage*, one per page of the file */
  GPtrArray *boxes;     /* of TfRawBox*, the form's order */
  /* The page identities (QR codes) found, one string per code. */
  GPtrArray *identities;
  /* Sender fields read from the page's own text (flattened pages): name
   * → text, both owned. */
  GHashTable *texts;
  gboolean has_text_layer;  /* a registered page holds real text (a
                               flattened page; a scan has none) */
} TfRawOptical;

/* New, empty. */
TfRawOptical *tf_raw_optical_new (TfLanguage language, guint form_pages);
void tf_raw_optical_free (TfRawOptical *optical);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfRawOptical, tf_raw_optical_free)

/* Appends a copy of `page` / of `box` (its strings copied). */
void tf_raw_optical_add_page (TfRawOptical *optical, const TfRawPage *page);
void tf_raw_optical_add_box (TfRawOptical *optical, const TfRawBox *box);

/* As a GVariant (new, sunk) and back; deserializing checks every value and
 * fails with TF_ERROR_PDF on one that is not well formed. */
GVariant *tf_raw_optical_serialize (const TfRawOptical *optical);
TfRawOptical *tf_raw_optical_deserialize (GVariant *variant, GError **error);

#endif
