/* layout.h — the form's page geometry, computed from its definition.
 *
 * Pure: no PDF here. The emitter draws exactly this, and the reader (and,
 * later, optical reading of flattened or scanned replies) finds every box
 * and field at the places this computes. Coordinates are PDF points, origin
 * at the bottom left of the page, as in the PDF.
 */
#ifndef TF_LAYOUT_H
#define TF_LAYOUT_H

#include "form/fields.h"
#include "form/form.h"

typedef enum {
  TF_FONT_REGULAR,
  TF_FONT_BOLD,
  TF_FONT_COUNT,
} TfFontStyle;

/* How wide a string is: the layout wraps text with it. The emitter passes
 * the embedded font's metrics; tests pass a fake. */
typedef struct {
  /* Width in points of `utf8` in `style` at `size` points. */
  double (*width) (void *ctx, TfFontStyle style, double size, const char *utf8);
  void *ctx;
} TfMeasure;

typedef struct {
  double x, y, w, h;
} TfRect;

/* A run of text on one baseline. */
typedef struct {
  guint page;           /* 0-based */
  TfFontStyle style;
  double size;
  double x, y;          /* start of the baseline */
  double gray;          /* 0 black .. 1 white */
  char *text;           /* owned by the layout */
} TfTextRun;

typedef enum {
  TF_SHAPE_LINE,        /* from (x, y) to (x + w, y + h) */
  TF_SHAPE_FRAME,       /* rectangle outline */
  TF_SHAPE_FILL,        /* filled rectangle */
  TF_SHAPE_CIRCLE,      /* circle inscribed in the rectangle, outline */
} TfShapeKind;

typedef struct {
  guint page;
  TfShapeKind kind;
  TfRect rect;
  double line_width;
  double gray;
} TfShape;

typedef enum {
  TF_WIDGET_TEXT,
  TF_WIDGET_HIDDEN_TEXT,  /* form.id, form.language */
  TF_WIDGET_BOX,          /* a radio widget drawn as a square box */
  TF_WIDGET_CIRCLE,       /* a radio widget drawn as a circle */
} TfWidgetKind;

/* One widget annotation, i.e. one place a field shows on a page. */
typedef struct {
  guint page;
  TfWidgetKind kind;
  TfRect rect;
  char *field;          /* fully qualified name, owned */
  char *tooltip;        /* the widget's /TU, owned */
  TfAnswer answer;      /* radio widgets: the on-state; else TF_ANSWER_NONE */
  const TfText *text;   /* radio widgets: the text; borrowed from the form */
  const TfSenderField *sender; /* sender fields; borrowed from the form */
  gboolean multiline;
  double font_size;     /* text fields */
} TfWidget;

/* A layout in one language. A right-to-left one (Arabic) is an ordinary
 * layout too: its runs are shaped and in visual order, to be drawn left to
 * right from (x, y) like any other, and every shape and widget is where it
 * shows (the page mirrored: columns swapped, boxes right of their text). */
typedef struct {
  double page_width, page_height;
  TfLanguage language;
  gboolean rtl;         /* right to left: text fields align right (/Q 2) */
  guint n_pages;
  GPtrArray *runs;      /* of TfTextRun*, in drawing order */
  GPtrArray *shapes;    /* of TfShape* */
  GPtrArray *widgets;   /* of TfWidget*, in tab order */
} TfLayout;

/* Lays out `form` in `language` on A4 pages, measuring text with
 * `measure` (the widths of text as drawn: for Arabic, of shaped text).
 * Returns a new layout, free with tf_layout_free(); the layout borrows
 * from `form`, which must outlive it. Fails (TF_ERROR_DEFINITION) when the
 * definition has no wording in `language` or something cannot fit a
 * page. */
TfLayout *tf_layout_new_in (const TfForm *form, TfLanguage language,
                            const TfMeasure *measure, GError **error);
/* The same in the definition's default language. */
TfLayout *tf_layout_new (const TfForm *form, const TfMeasure *measure,
                         GError **error);
/* Lays out `form` in `language` with the metrics of that language's
 * shipped fonts (font_metrics.h): the layout every emitted form of this
 * definition and language has, and the one the reader checks replies in
 * that language against. Fails with TF_ERROR_NOT_FOUND or
 * TF_ERROR_DEFINITION when a font cannot be read, or as tf_layout_new_in(). */
TfLayout *tf_layout_new_default_in (const TfForm *form, TfLanguage language,
                                    GError **error);
/* The same in the definition's default language. */
TfLayout *tf_layout_new_default (const TfForm *form, GError **error);
void tf_layout_free (TfLayout *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfLayout, tf_layout_free)

/* The radio widget for `answer` of `text`, borrowed; NULL if none. */
const TfWidget *tf_layout_find_answer (const TfLayout *layout,
                                       const TfText *text, TfAnswer answer);
/* The first widget of the field named `field`, borrowed; NULL if none. */
const TfWidget *tf_layout_find_field (const TfLayout *layout,
                                      const char *field);

#endif
