/* layout.c — Annex 2 laid out on A4: heading, subject, To/From, the letter,
 * the table of texts (a row never splits across pages), the closing, and a
 * footer with page numbers and registration marks on every page.
 *
 * In one language of the definition. Arabic is laid out as the others,
 * left to right, then mirrored as a whole: every shape, widget and run
 * goes to the other side of the page, so columns swap, labels stand right
 * of their fields and boxes right of their wording; its text is wrapped on
 * the logical (typed) order, measured as shaped, and each line made
 * visual (bidi.h) before it is placed. */
#include "layout/layout.h"

#include "common/tf_error.h"
#include "layout/bidi.h"
#include "layout/wrap.h"

#include <string.h>

/* Page and type dimensions, in points. */
#define PAGE_W 595.276          /* A4 */
#define PAGE_H 841.890
#define MARGIN_X 56.69          /* 20 mm */
#define MARGIN_TOP 56.69
#define MARGIN_BOTTOM 62.0      /* the footer lives below this */
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)
#define BODY 10.0
#define LEAD 13.0
#define SMALL 7.5
#define TABLE_TEXT 9.5
#define TABLE_LEAD 12.0
#define LABEL_W 44.0            /* "Subject:" */
#define ADDRESS_LABEL_W 42.0    /* "To:", "From:", "Fax:", "E-mail:" */
#define TO_COLUMN_W 252.0       /* the TSB's address fits its lines unbroken */
#define FIELD_H 15.0
#define FIELD_LINE 11.0         /* line pitch inside a multiline field */
#define COL1_W 150.0            /* the table's designation column */
#define BOX 10.5                /* authority box side */
#define CIRCLE 9.5              /* comments circle diameter */
#define PAD 6.0
#define RULE_GRAY 0.45
#define FIELD_FILL 0.94
#define MARK 6.0                /* registration mark side */

typedef struct {
  const TfForm *form;
  const TfWording *w;           /* the language laid out */
  TfLanguage language;
  const TfMeasure *raw;         /* widths of text as drawn */
  const TfMeasure *m;           /* widths of logical text (shaped first) */
  TfLayout *out;
  guint page;
  double y;                     /* top of the free space on the page */
  gboolean overflow;            /* something did not fit even a new page */
} Flow;

static void
run_free (TfTextRun *run)
{
  g_free (run->text);
  g_free (run);
}

static void
widget_free (TfWidget *w)
{
  g_free (w->field);
  g_free (w->tooltip);
  g_free (w);
}

void
tf_layout_free (TfLayout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->runs);
  g_ptr_array_unref (layout->shapes);
  g_ptr_array_unref (layout->widgets);
  g_free (layout);
}

/* A run of one line of a paragraph whose direction is `rtl`. */
static void
add_line_run (Flow *f, TfFontStyle style, double size, double x, double y,
              double gray, const char *text, gboolean rtl)
{
  if (text == NULL || text[0] == '\0')
    return;
  TfTextRun *run = g_new0 (TfTextRun, 1);
  *run = (TfTextRun) { f->page, style, size, x, y, gray, tf_bidi_visual_line (text, rtl) };
  g_ptr_array_add (f->out->runs, run);
}

/* A run that is a paragraph of its own. */
static void
add_run (Flow *f, TfFontStyle style, double size, double x, double y,
         double gray, const char *text)
{
  if (text != NULL)
    add_line_run (f, style, size, x, y, gray, text, tf_bidi_paragraph_is_rtl (text));
}

static void
add_shape (Flow *f, TfShapeKind kind, double x, double y, double w, double h,
           double line_width, double gray)
{
  TfShape *s = g_new0 (TfShape, 1);
  *s = (TfShape) { f->page, kind, { x, y, w, h }, line_width, gray };
  g_ptr_array_add (f->out->shapes, s);
}

static TfWidget *
add_widget (Flow *f, TfWidgetKind kind, double x, double y, double w,
            double h, char *field, char *tooltip)
{
  TfWidget *widget = g_new0 (TfWidget, 1);
  widget->page = f->page;
  widget->kind = kind;
  widget->rect = (TfRect) { x, y, w, h };
  widget->field = field;
  widget->tooltip = tooltip;
  g_ptr_array_add (f->out->widgets, widget);
  return widget;
}

/* Baseline of line `i` of a block whose top is `top`. */
static double
baseline (double top, double size, double lead, guint i)
{
  return top - size * 0.93 - i * lead;
}

/* Draws wrapped lines of a paragraph whose direction is `rtl` from `top`
 * down; returns the height they take. */
static double
add_lines (Flow *f, char **lines, gboolean rtl, TfFontStyle style, double size,
           double lead, double x, double top, double gray)
{
  guint n = g_strv_length (lines);
  g_auto (GStrv) visual = tf_bidi_visual_lines (lines, rtl);
  for (guint i = 0; i < n; i++)
    if (visual[i][0] != '\0')
      {
        TfTextRun *run = g_new0 (TfTextRun, 1);
        *run = (TfTextRun) { f->page, style, size, x, baseline (top, size, lead, i), gray,
                             g_strdup (visual[i]) };
        g_ptr_array_add (f->out->runs, run);
      }
  return n * lead;
}

/* Text whose "\n" start new paragraphs, each with its own direction. */
static double
add_paragraph (Flow *f, const char *text, TfFontStyle style, double size,
               double lead, double x, double width, double top, double gray)
{
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  double h = 0;
  for (char **p = paragraphs; *p; p++)
    {
      g_auto (GStrv) lines = tf_wrap (f->m, style, size, *p, width);
      h += add_lines (f, lines, tf_bidi_paragraph_is_rtl (*p), style, size, lead, x, top - h,
                      gray);
    }
  return h;
}

/* Width of a label column: `at_least`, or wider for a label that needs
 * more (the form's own widths stay those of its default language). */
static double
label_width (Flow *f, double at_least, TfFontStyle style, double size,
             const char *const *labels, guint n, double pad)
{
  double w = at_least;
  for (guint i = 0; i < n; i++)
    if (labels[i] != NULL)
      w = MAX (w, f->m->width (f->m->ctx, style, size, labels[i]) + pad);
  return w;
}

static void
new_page (Flow *f)
{
  f->page++;
  f->y = PAGE_H - MARGIN_TOP;
}

static gboolean
fits (const Flow *f, double height)
{
  return f->y - height >= MARGIN_BOTTOM;
}

/* A text field: its grey well is drawn on the page, so it shows in any
 * viewer, printed or flattened; the widget sits on it. */
static TfWidget *
add_text_field (Flow *f, const TfSenderField *field, double x, double top,
                double w, double h)
{
  add_shape (f, TF_SHAPE_FILL, x, top - h, w, h, 0, FIELD_FILL);
  add_shape (f, TF_SHAPE_LINE, x, top - h, w, 0, 0.6, RULE_GRAY);
  TfWidget *widget = add_widget (f, TF_WIDGET_TEXT, x, top - h, w, h,
                                 tf_field_sender (field),
                                 tf_field_sender_tooltip (field));
  widget->sender = field;
  widget->multiline = field->multiline;
  widget->font_size = field->multiline ? 9.0 : 10.0;
  return widget;
}

static void
layout_heading (Flow *f)
{
  const TfPageWording *p = &f->w->page;
  double size = 11.0;
  double w = f->m->width (f->m->ctx, TF_FONT_BOLD, size, p->annex_heading);
  add_run (f, TF_FONT_BOLD, size, (PAGE_W - w) / 2, baseline (f->y, size, 0, 0),
           0, p->annex_heading);
  f->y -= size * 1.3 + 12;

  add_run (f, TF_FONT_REGULAR, BODY, MARGIN_X, baseline (f->y, BODY, LEAD, 0), 0,
           p->subject_label);
  const char *label[] = { p->subject_label };
  double label_w = label_width (f, LABEL_W, TF_FONT_REGULAR, BODY, label, 1, 6);
  f->y -= add_paragraph (f, p->subject, TF_FONT_BOLD, BODY, LEAD, MARGIN_X + label_w,
                         CONTENT_W - label_w, f->y, 0);
  f->y -= 14;
}

/* The sender fields that sit in the From column: all but those with a
 * place of their own (fax and e-mail beside the TSB's, the Member State
 * after "Administration of"). */
static gboolean
in_from_column (const TfSenderField *field)
{
  return !g_str_equal (field->field, "fax") && !g_str_equal (field->field, "email")
         && !g_str_equal (field->field, "member_state");
}

static void
layout_addresses (Flow *f)
{
  const TfForm *form = f->form;
  const TfPageWording *p = &f->w->page;
  double col_w = TO_COLUMN_W, from_w = CONTENT_W - TO_COLUMN_W - 16;
  double x_to = MARGIN_X, x_from = MARGIN_X + col_w + 16;
  double top = f->y - PAD;
  /* The labels beside the addresses, the contacts and the sender's fax and
   * e-mail: one column width for all. */
  const TfSenderField *fax = tf_form_find_sender (form, "fax");
  const TfSenderField *email = tf_form_find_sender (form, "email");
  const char *labels[] = {
    p->to_label, p->from_label,
    p->to_contact->len > 0 ? ((const TfLabelled *) p->to_contact->pdata[0])->label : NULL,
    p->to_contact->len > 1 ? ((const TfLabelled *) p->to_contact->pdata[1])->label : NULL,
    fax ? fax->labels[f->language] : NULL, email ? email->labels[f->language] : NULL,
  };
  double label_w = label_width (f, ADDRESS_LABEL_W, TF_FONT_BOLD, BODY, labels,
                                G_N_ELEMENTS (labels), 4);

  add_shape (f, TF_SHAPE_LINE, MARGIN_X, f->y, CONTENT_W, 0, 0.6, RULE_GRAY);

  /* To: the TSB's address. */
  add_run (f, TF_FONT_BOLD, BODY, x_to, baseline (top, BODY, LEAD, 0), 0, p->to_label);
  double left_h = add_paragraph (f, p->to, TF_FONT_REGULAR, BODY, LEAD, x_to + label_w,
                                 col_w - label_w, top, 0);

  /* From: one labelled field under another. */
  add_run (f, TF_FONT_BOLD, BODY, x_from, baseline (top, BODY, LEAD, 0), 0, p->from_label);
  double fx = x_from + label_w, fw = from_w - label_w, fy = top;
  for (guint i = 0; i < form->sender->len; i++)
    {
      const TfSenderField *field = form->sender->pdata[i];
      if (!in_from_column (field))
        continue;
      add_run (f, TF_FONT_REGULAR, SMALL, fx, baseline (fy, SMALL, 0, 0), 0.35,
               field->labels[f->language]);
      fy -= SMALL + 2.5;
      /* An address is often five lines. */
      double h = field->multiline ? 5 * FIELD_LINE + 6 : FIELD_H;
      add_text_field (f, field, fx, fy, fw, h);
      fy -= h + 5;
    }
  double block_h = MAX (left_h, top - fy) + 4;

  /* Fax and e-mail: the TSB's on the left, the sender's fields facing them. */
  double row_top = top - block_h;
  const char *contact_fields[] = { "fax", "email" };
  guint rows = MAX (p->to_contact->len, G_N_ELEMENTS (contact_fields));
  for (guint i = 0; i < rows; i++)
    {
      double y = row_top - i * (FIELD_H + 5);
      if (i < p->to_contact->len)
        {
          const TfLabelled *l = p->to_contact->pdata[i];
          double by = y - (FIELD_H - BODY) / 2 - 1;
          add_run (f, TF_FONT_REGULAR, BODY, x_to, baseline (by, BODY, 0, 0), 0, l->label);
          add_run (f, TF_FONT_REGULAR, BODY, x_to + label_w, baseline (by, BODY, 0, 0), 0, l->value);
        }
      const TfSenderField *field = i < G_N_ELEMENTS (contact_fields)
        ? tf_form_find_sender (form, contact_fields[i]) : NULL;
      if (field != NULL)
        {
          double by = y - (FIELD_H - BODY) / 2 - 1;
          add_run (f, TF_FONT_REGULAR, BODY, x_from, baseline (by, BODY, 0, 0), 0,
                   field->labels[f->language]);
          add_text_field (f, field, fx, y, fw, FIELD_H);
        }
    }
  f->y = row_top - rows * (FIELD_H + 5) - PAD;
  add_shape (f, TF_SHAPE_LINE, MARGIN_X, f->y, CONTENT_W, 0, 0.6, RULE_GRAY);
  /* The rule between the columns. */
  add_shape (f, TF_SHAPE_LINE, x_from - 8, f->y, 0, top + PAD - f->y, 0.6, RULE_GRAY);
  f->y -= 16;
}

static void
layout_letter (Flow *f)
{
  const TfPageWording *p = &f->w->page;
  add_run (f, TF_FONT_REGULAR, BODY, MARGIN_X, baseline (f->y, BODY, LEAD, 0), 0, p->salutation);
  f->y -= LEAD + 5;
  f->y -= add_paragraph (f, p->introduction, TF_FONT_REGULAR, BODY, LEAD, MARGIN_X,
                         CONTENT_W, f->y, 0);
  f->y -= 12;
}

#define TABLE_HEAD_H 20.0
#define COL2_X (MARGIN_X + COL1_W)
#define COL2_W (CONTENT_W - COL1_W)
#define CHOICE_X (COL2_X + 8 + BOX + 8)          /* where box wording starts */
#define OPTION_X (CHOICE_X + 4)                  /* where option circles sit */
#define OPTION_TEXT_X (OPTION_X + CIRCLE + 6)

static void
layout_table_head (Flow *f)
{
  const char *heading = f->w->page.table_heading;
  double top = f->y;
  add_shape (f, TF_SHAPE_FILL, MARGIN_X, top - TABLE_HEAD_H, CONTENT_W, TABLE_HEAD_H, 0, 0.9);
  add_shape (f, TF_SHAPE_FRAME, MARGIN_X, top - TABLE_HEAD_H, CONTENT_W, TABLE_HEAD_H, 0.6, RULE_GRAY);
  double w = f->m->width (f->m->ctx, TF_FONT_BOLD, BODY, heading);
  add_run (f, TF_FONT_BOLD, BODY, COL2_X + (COL2_W - w) / 2,
           top - TABLE_HEAD_H / 2 - BODY * 0.35, 0, heading);
  f->y -= TABLE_HEAD_H;
}

/* The wrapped pieces of one table row, measured before anything is placed
 * so that a row that does not fit moves to the next page whole. */
typedef struct {
  GStrv heading, title, assign, none, attached, withhold;
  double left_h, assign_h, withhold_h;
  gboolean rtl;                 /* the language's paragraphs are right to left */
} Row;

static void
row_clear (Row *r)
{
  g_strfreev (r->heading);
  g_strfreev (r->title);
  g_strfreev (r->assign);
  g_strfreev (r->none);
  g_strfreev (r->attached);
  g_strfreev (r->withhold);
}

static void
row_measure (Flow *f, const TfText *text, Row *r)
{
  const TfChoices *c = &f->w->choices;
  g_autofree char *plain = tf_text_dup_heading_in (f->form, f->w, text);
  g_autofree char *designation = tf_text_dup_designation_in (f->form, f->w, text);
  /* "ITU-T X.1254" stays on one line: its space becomes a no-break space. */
  g_autofree char *kept = g_strdup (designation);
  g_strdelimit (kept, " ", '\x01');
  g_autoptr (GString) heading = g_string_new (plain);
  g_string_replace (heading, designation, kept, 1);
  g_string_replace (heading, "\x01", "\u00A0", 0);
  double col1 = COL1_W - 2 * PAD;
  double choice_w = COL2_X + COL2_W - PAD - CHOICE_X;
  double option_w = COL2_X + COL2_W - PAD - OPTION_TEXT_X;

  r->heading = tf_wrap (f->m, TF_FONT_BOLD, BODY, heading->str, col1);
  r->title = tf_wrap (f->m, TF_FONT_REGULAR, 8.0, text->titles[f->language], col1);
  r->assign = tf_wrap (f->m, TF_FONT_REGULAR, TABLE_TEXT, c->assign, choice_w);
  r->none = tf_wrap (f->m, TF_FONT_REGULAR, TABLE_TEXT, c->none, option_w);
  r->attached = tf_wrap (f->m, TF_FONT_REGULAR, TABLE_TEXT, c->attached, option_w);
  r->withhold = tf_wrap (f->m, TF_FONT_REGULAR, TABLE_TEXT, c->withhold, choice_w);

  r->rtl = tf_bidi_paragraph_is_rtl (c->assign);
  r->left_h = PAD + g_strv_length (r->heading) * LEAD + 3
              + g_strv_length (r->title) * 10.0 + PAD;
  r->assign_h = PAD + g_strv_length (r->assign) * TABLE_LEAD + 3
                + (g_strv_length (r->none) + g_strv_length (r->attached)) * TABLE_LEAD
                + 3 + PAD;
  r->withhold_h = PAD + g_strv_length (r->withhold) * TABLE_LEAD + PAD;
}

/* A radio widget and the box or circle drawn under it on the page. */
static void
add_choice (Flow *f, const TfText *text, TfAnswer answer, double x,
            double first_line_top)
{
  gboolean box = tf_answer_group (answer) == TF_GROUP_AUTHORITY;
  double side = box ? BOX : CIRCLE;
  /* Centre the mark on the first line's x-height. */
  double y = baseline (first_line_top, TABLE_TEXT, TABLE_LEAD, 0) + TABLE_TEXT * 0.33 - side / 2;
  add_shape (f, box ? TF_SHAPE_FRAME : TF_SHAPE_CIRCLE, x, y, side, side, 0.8, 0);
  TfWidget *w = add_widget (f, box ? TF_WIDGET_BOX : TF_WIDGET_CIRCLE, x, y, side, side,
                            tf_field_group (text, tf_answer_group (answer)),
                            tf_field_widget_tooltip (text, answer));
  w->answer = answer;
  w->text = text;
}

static void
layout_row (Flow *f, const TfText *text)
{
  Row r = { 0 };
  row_measure (f, text, &r);
  double right_h = r.assign_h + r.withhold_h;
  double h = MAX (r.left_h, right_h);
  if (!fits (f, h))
    {
      new_page (f);
      layout_table_head (f);
      if (!fits (f, h))
        f->overflow = TRUE;
    }
  double top = f->y;

  /* Left: designation and title. */
  double y = top - PAD;
  y -= add_lines (f, r.heading, r.rtl, TF_FONT_BOLD, BODY, LEAD, MARGIN_X + PAD, y, 0) + 3;
  add_lines (f, r.title, r.rtl, TF_FONT_REGULAR, 8.0, 10.0, MARGIN_X + PAD, y, 0.3);

  /* Right, upper part: assigns authority, then its two options. */
  y = top - PAD;
  add_choice (f, text, TF_ANSWER_ASSIGN, COL2_X + 8, y);
  y -= add_lines (f, r.assign, r.rtl, TF_FONT_REGULAR, TABLE_TEXT, TABLE_LEAD, CHOICE_X, y, 0)
       + 3;
  add_choice (f, text, TF_ANSWER_NO_COMMENTS, OPTION_X, y);
  y -= add_lines (f, r.none, r.rtl, TF_FONT_REGULAR, TABLE_TEXT, TABLE_LEAD, OPTION_TEXT_X, y,
                  0);
  add_choice (f, text, TF_ANSWER_COMMENTS_ATTACHED, OPTION_X, y);
  add_lines (f, r.attached, r.rtl, TF_FONT_REGULAR, TABLE_TEXT, TABLE_LEAD, OPTION_TEXT_X, y,
             0);

  /* Right, lower part: does not assign authority. */
  double split = top - r.assign_h;
  y = split - PAD;
  add_choice (f, text, TF_ANSWER_WITHHOLD, COL2_X + 8, y);
  add_lines (f, r.withhold, r.rtl, TF_FONT_REGULAR, TABLE_TEXT, TABLE_LEAD, CHOICE_X, y, 0);

  add_shape (f, TF_SHAPE_FRAME, MARGIN_X, top - h, CONTENT_W, h, 0.6, RULE_GRAY);
  add_shape (f, TF_SHAPE_LINE, COL2_X, top - h, 0, h, 0.6, RULE_GRAY);
  add_shape (f, TF_SHAPE_LINE, COL2_X, split, COL2_W, 0, 0.4, 0.65);
  f->y -= h;
  row_clear (&r);
}

static void
layout_table (Flow *f)
{
  if (!fits (f, TABLE_HEAD_H + 120))
    new_page (f);
  layout_table_head (f);
  for (guint i = 0; i < f->form->texts->len; i++)
    layout_row (f, f->form->texts->pdata[i]);
  f->y -= 20;
}

static void
layout_closing (Flow *f)
{
  const TfPageWording *p = &f->w->page;
  double need = LEAD + 44 + FIELD_H + 4;
  if (!fits (f, need))
    new_page (f);
  add_run (f, TF_FONT_REGULAR, BODY, MARGIN_X, baseline (f->y, BODY, LEAD, 0), 0, p->closing);
  f->y -= LEAD + 44;

  const TfSenderField *state = tf_form_find_sender (f->form, "member_state");
  double w = f->m->width (f->m->ctx, TF_FONT_REGULAR, BODY, p->administration_prefix);
  add_run (f, TF_FONT_REGULAR, BODY, MARGIN_X, f->y - (FIELD_H - BODY) / 2 - BODY * 0.93 - 1,
           0, p->administration_prefix);
  add_text_field (f, state, MARGIN_X + w + 6, f->y, 260, FIELD_H);
  f->y -= FIELD_H;
}

/* "page {page} of {pages}" with the numbers put in: the definition's
 * wording is data, never a format string. */
static char *
page_label (const char *pattern, guint page, guint pages)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  g_autofree char *total = g_strdup_printf ("%u", pages);
  g_auto (GStrv) a = g_strsplit (pattern, "{page}", -1);
  g_autofree char *joined = g_strjoinv (n, a);
  g_auto (GStrv) b = g_strsplit (joined, "{pages}", -1);
  return g_strjoinv (total, b);
}

static void
layout_footers (Flow *f)
{
  const TfPageWording *p = &f->w->page;
  guint pages = f->page + 1;
  for (guint i = 0; i < pages; i++)
    {
      f->page = i;
      double y = 34;
      add_shape (f, TF_SHAPE_LINE, MARGIN_X, y + 11, CONTENT_W, 0, 0.4, 0.6);
      add_run (f, TF_FONT_REGULAR, 8, MARGIN_X, y, 0.35, p->footer);
      g_autofree char *label = page_label (p->page_label, i + 1, pages);
      double w = f->m->width (f->m->ctx, TF_FONT_REGULAR, 8, label);
      add_run (f, TF_FONT_REGULAR, 8, PAGE_W - MARGIN_X - w, y, 0.35, label);
      /* Registration marks, for reading a printed and scanned reply. */
      double lo = 20, hi_x = PAGE_W - 20 - MARK, hi_y = PAGE_H - 20 - MARK;
      add_shape (f, TF_SHAPE_FILL, lo, lo, MARK, MARK, 0, 0);
      add_shape (f, TF_SHAPE_FILL, hi_x, lo, MARK, MARK, 0, 0);
      add_shape (f, TF_SHAPE_FILL, lo, hi_y, MARK, MARK, 0, 0);
      add_shape (f, TF_SHAPE_FILL, hi_x, hi_y, MARK, MARK, 0, 0);
    }
  f->out->n_pages = pages;
}

/* Widths of logical text: shaped and ordered as it will be drawn. */
static double
shaped_width (void *ctx, TfFontStyle style, double size, const char *utf8)
{
  const TfMeasure *raw = ctx;
  if (!tf_bidi_has_rtl (utf8))
    return raw->width (raw->ctx, style, size, utf8);
  g_autofree char *visual = tf_bidi_visual_line (utf8, TRUE);
  return raw->width (raw->ctx, style, size, visual);
}

/* The page seen in a mirror: what was at the left is at the right. */
static void
mirror (TfLayout *layout, const TfMeasure *raw)
{
  double page_w = layout->page_width;
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      TfShape *s = layout->shapes->pdata[i];
      s->rect.x = page_w - s->rect.x - s->rect.w;
    }
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      TfWidget *w = layout->widgets->pdata[i];
      if (w->kind != TF_WIDGET_HIDDEN_TEXT)
        w->rect.x = page_w - w->rect.x - w->rect.w;
    }
  for (guint i = 0; i < layout->runs->len; i++)
    {
      TfTextRun *run = layout->runs->pdata[i];
      run->x = page_w - run->x - raw->width (raw->ctx, run->style, run->size, run->text);
    }
}

TfLayout *
tf_layout_new_in (const TfForm *form, TfLanguage language, const TfMeasure *measure,
                  GError **error)
{
  const TfWording *wording = tf_form_wording (form, language);
  if (wording == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION,
                   "%s: the form has no %s wording (\"%s\")", form->path,
                   tf_language_name (language), tf_language_code (language));
      return NULL;
    }
  TfLayout *layout = g_new0 (TfLayout, 1);
  layout->page_width = PAGE_W;
  layout->page_height = PAGE_H;
  layout->language = language;
  layout->rtl = tf_language_is_rtl (language);
  layout->runs = g_ptr_array_new_with_free_func ((GDestroyNotify) run_free);
  layout->shapes = g_ptr_array_new_with_free_func (g_free);
  layout->widgets = g_ptr_array_new_with_free_func ((GDestroyNotify) widget_free);

  TfMeasure shaped = { shaped_width, (void *) measure };
  Flow f = { form, wording, language, measure, layout->rtl ? &shaped : measure, layout, 0,
             PAGE_H - MARGIN_TOP, FALSE };
  layout_heading (&f);
  layout_addresses (&f);
  layout_letter (&f);
  layout_table (&f);
  layout_closing (&f);

  /* form.id and form.language: hidden, on the first page, out of the way. */
  guint last_page = f.page;
  f.page = 0;
  add_widget (&f, TF_WIDGET_HIDDEN_TEXT, 0, 0, 0, 0, g_strdup (TF_FIELD_FORM_ID),
              g_strdup ("Form identifier (do not change)"));
  add_widget (&f, TF_WIDGET_HIDDEN_TEXT, 0, 0, 0, 0, g_strdup (TF_FIELD_FORM_LANGUAGE),
              g_strdup ("Form language (do not change)"));
  f.page = last_page;
  layout_footers (&f);

  if (f.overflow || f.y < MARGIN_BOTTOM - 1)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION,
                   "%s: the form does not fit the page (%s)", form->path,
                   tf_language_name (language));
      tf_layout_free (layout);
      return NULL;
    }
  if (layout->rtl)
    mirror (layout, measure);
  return layout;
}

TfLayout *
tf_layout_new (const TfForm *form, const TfMeasure *measure, GError **error)
{
  return tf_layout_new_in (form, form->default_language, measure, error);
}

const TfWidget *
tf_layout_find_answer (const TfLayout *layout, const TfText *text,
                       TfAnswer answer)
{
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      if (w->text == text && w->answer == answer)
        return w;
    }
  return NULL;
}

const TfWidget *
tf_layout_find_field (const TfLayout *layout, const char *field)
{
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      if (g_str_equal (w->field, field))
        return w;
    }
  return NULL;
}
