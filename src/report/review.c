#include "report/review.h"

#include "common/tf_error.h"
#include "common/tf_output.h"
#include "report/chart.h"
#include "report/isolated_draw.h"
#include "tally/tally_format.h"

#include <cairo-pdf.h>
#include <poppler.h>

#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN 48.0
#define FONT "Liberation Sans"
#define MONO "Liberation Mono"

/* A cursor down one report page. */
typedef struct {
  cairo_t *cr;
  double y;
} Pen;

static void
font (cairo_t *cr, const char *family, double size, gboolean bold)
{
  cairo_select_font_face (cr, family, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static double
width_of (cairo_t *cr, const char *s)
{
  cairo_text_extents_t e;
  cairo_text_extents (cr, s, &e);
  return e.x_advance;
}

/* Writes `text` from the pen down, wrapped at spaces to `width`, in the
 * current font; "\n" breaks a line. */
static void
paragraph (Pen *pen, double x, double width, double lead, const char *text)
{
  g_auto (GStrv) paragraphs = g_strsplit (text, "\n", -1);
  for (char **p = paragraphs; *p; p++)
    {
      g_auto (GStrv) words = g_strsplit (*p, " ", -1);
      g_autoptr (GString) line = g_string_new (NULL);
      for (char **w = words; ; w++)
        {
          gboolean flush = *w == NULL;
          if (!flush)
            {
              gsize before = line->len;
              g_string_append_printf (line, "%s%s", before ? " " : "", *w);
              if (before == 0 || width_of (pen->cr, line->str) <= width)
                continue;
              g_string_truncate (line, before);
            }
          pen->y += lead;
          cairo_move_to (pen->cr, x, pen->y);
          cairo_show_text (pen->cr, line->str);
          g_string_truncate (line, 0);
          if (flush)
            break;
          g_string_append (line, *w);
        }
    }
}

static void
summary_page (cairo_t *cr, const TfForm *form, const TfTally *tally,
              GPtrArray *replies)
{
  Pen pen = { cr, MARGIN };
  guint status[3] = { 0, 0, 0 };
  for (guint i = 0; i < replies->len; i++)
    status[((const TfReply *) replies->pdata[i])->status]++;

  cairo_set_source_rgb (cr, 0, 0, 0);
  font (cr, FONT, 18, TRUE);
  g_autofree char *title = g_strdup_printf ("Review of the replies to %s", form->reference);
  paragraph (&pen, MARGIN, PAGE_W - 2 * MARGIN, 18, title);
  font (cr, FONT, 10, FALSE);
  g_autofree char *lines = g_strdup_printf (
    "Form %s. Reply deadline %s; a text goes forward with %g %% or more support.\n"
    "%u files read: %u complete, %u incomplete, %u invalid.\n"
    "%u replies counted (one per Member State), %u superseded, %u not counted, %u late.\n"
    "The pages after this one show each incomplete or invalid reply, its problems, "
    "and its pages with the fields concerned outlined in red.",
    form->id_version, form->reply_deadline, form->threshold * 100, replies->len,
    status[TF_STATUS_COMPLETE], status[TF_STATUS_INCOMPLETE], status[TF_STATUS_INVALID],
    tally->counted->len, tally->superseded->len, tally->uncounted->len, tally->late->len);
  pen.y += 8;
  paragraph (&pen, MARGIN, PAGE_W - 2 * MARGIN, 14, lines);

  /* The tally as a table, in a fixed-width font so its columns line up. */
  g_autofree char *table = tf_tally_to_text (tally);
  g_auto (GStrv) rows = g_strsplit (table, "\n", -1);
  font (cr, MONO, 7.2, FALSE);
  pen.y += 10;
  for (guint i = 2; rows[i] && i < 3 + form->texts->len; i++)
    {
      pen.y += 10;
      cairo_move_to (cr, MARGIN, pen.y);
      cairo_show_text (cr, rows[i]);
    }

  /* The chart, scaled to the page's width. */
  double w, h;
  tf_chart_size (tally, &w, &h);
  double scale = (PAGE_W - 2 * MARGIN) / w;
  cairo_save (cr);
  cairo_translate (cr, MARGIN, pen.y + 20);
  cairo_scale (cr, scale, scale);
  tf_chart_draw (cr, tally);
  cairo_restore (cr);
}

/* Outlines, on a rendered reply page, the widgets of the fields the
 * problems name. */
static void
outline_problems (cairo_t *cr, const TfLayout *layout, const TfReply *reply,
                  guint page)
{
  cairo_set_source_rgb (cr, 0.85, 0, 0);
  cairo_set_line_width (cr, 2.0);
  for (guint p = 0; p < reply->problems->len; p++)
    {
      const TfProblem *problem = reply->problems->pdata[p];
      for (guint i = 0; problem->field && i < layout->widgets->len; i++)
        {
          const TfWidget *w = layout->widgets->pdata[i];
          if (w->page != page || w->kind == TF_WIDGET_HIDDEN_TEXT
              || !g_str_equal (w->field, problem->field))
            continue;
          cairo_rectangle (cr, w->rect.x - 3, layout->page_height - w->rect.y - w->rect.h - 3,
                           w->rect.w + 6, w->rect.h + 6);
          cairo_stroke (cr);
        }
    }
}

/* Whether page `page` of the form holds a field a problem names. */
static gboolean
page_has_problem (const TfLayout *layout, const TfReply *reply, guint page)
{
  for (guint p = 0; p < reply->problems->len; p++)
    {
      const TfProblem *problem = reply->problems->pdata[p];
      for (guint i = 0; problem->field && i < layout->widgets->len; i++)
        {
          const TfWidget *w = layout->widgets->pdata[i];
          if (w->page == page && w->kind != TF_WIDGET_HIDDEN_TEXT
              && g_str_equal (w->field, problem->field))
            return TRUE;
        }
    }
  return FALSE;
}

/* Draws, in the box (x, y, w, h), the reply's pages that hold a problem
 * field (all of them when none does), as large as fits: one page alone,
 * more side by side, two to a row. */
static void
rendered_pages (cairo_t *cr, PopplerDocument *doc, const TfLayout *layout,
                const TfReply *reply, double x, double y, double w, double h)
{
  int n = poppler_document_get_n_pages (doc);
  g_autoptr (GArray) shown = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < n; i++)
    if (page_has_problem (layout, reply, (guint) i))
      g_array_append_val (shown, i);
  for (int i = 0; shown->len == 0 && i < n; i++)
    g_array_append_val (shown, i);

  guint columns = MIN (shown->len, 2), rows = (shown->len + 1) / 2;
  double gap = 10;
  double cell_w = (w - gap * (columns - 1)) / MAX (columns, 1);
  double cell_h = (h - gap * (rows - 1)) / MAX (rows, 1);
  for (guint k = 0; k < shown->len; k++)
    {
      int i = g_array_index (shown, int, k);
      /* Poppler 22.12's GLib API defines no g_autoptr cleanups. */
      PopplerPage *page = poppler_document_get_page (doc, i);
      if (page == NULL)
        continue;
      double pw, ph;
      poppler_page_get_size (page, &pw, &ph);
      double scale = MIN (cell_w / pw, cell_h / ph);
      cairo_save (cr);
      cairo_translate (cr, x + (k % 2) * (cell_w + gap), y + (k / 2) * (cell_h + gap));
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, pw, ph);
      cairo_clip_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 1 / scale);
      cairo_stroke (cr);
      poppler_page_render (page, cr);
      outline_problems (cr, layout, reply, (guint) i);
      cairo_restore (cr);
      g_object_unref (page);
    }
}

/* The pictures of a reply's pages: how they are drawn (2 px a point, as
 * sharp as a 144 dpi scan) and the limits on the process that draws them. */
#define PICTURE_SCALE 2.0
#define PICTURE_TIMEOUT 30.0
#define PICTURE_MAX_MEMORY (G_GUINT64_CONSTANT (1) << 30)

typedef struct {
  const TfLayout *layout;
  const TfReply *reply;
} PageDraw;

/* In the drawing process: the reply's file opened again and its pages
 * drawn. A file that cannot be opened any more draws a note instead. */
static void
draw_pages (cairo_t *cr, double width, double height, gpointer user_data)
{
  const PageDraw *job = user_data;
  g_autofree char *absolute = g_canonicalize_filename (job->reply->file, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  PopplerDocument *doc = uri ? poppler_document_new_from_file (uri, NULL, NULL) : NULL;
  if (doc == NULL)
    {
      Pen pen = { cr, 10 };
      cairo_set_source_rgb (cr, 0, 0, 0);
      font (cr, FONT, 10, FALSE);
      paragraph (&pen, 0, width, 13, "No page to show: the file could not be opened again.");
      return;
    }
  rendered_pages (cr, doc, job->layout, job->reply, 0, 0, width, height);
  g_object_unref (doc);
}

static void
reply_page (cairo_t *cr, const TfLayout *layout, const TfReply *reply)
{
  Pen pen = { cr, MARGIN };
  cairo_set_source_rgb (cr, 0, 0, 0);
  font (cr, FONT, 14, TRUE);
  paragraph (&pen, MARGIN, PAGE_W - 2 * MARGIN, 14, reply->file);
  font (cr, FONT, 10, FALSE);
  const char *state = tf_reply_sender_value (reply, "member_state");
  g_autofree char *who = g_strdup_printf (
    "Member State: %s%s%s%s.  Status: %s.  Sender: %s.", state ? state : "(not given)",
    reply->member_state_code ? " (" : "", reply->member_state_code ? reply->member_state_code : "",
    reply->member_state_code ? ")" : "", tf_status_name (reply->status),
    tf_reply_sender_value (reply, "name") ? tf_reply_sender_value (reply, "name") : "(no name)");
  pen.y += 4;
  paragraph (&pen, MARGIN, PAGE_W - 2 * MARGIN, 13, who);

  pen.y += 8;
  for (guint i = 0; i < reply->problems->len; i++)
    {
      const TfProblem *p = reply->problems->pdata[i];
      gboolean error = p->severity == TF_SEVERITY_ERROR;
      cairo_set_source_rgb (cr, error ? 0.75 : 0.45, error ? 0 : 0.35, 0);
      g_autofree char *line = g_strdup_printf ("%s %s%s%s: %s", error ? "Error" : "Warning",
                                               tf_problem_code_name (p->code),
                                               p->field ? " at " : "", p->field ? p->field : "",
                                               p->message);
      font (cr, FONT, 9.5, error);
      paragraph (&pen, MARGIN, PAGE_W - 2 * MARGIN, 12.5, line);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);

  double top = pen.y + 16;
  g_autofree char *why = NULL;
  if (reply->status == TF_STATUS_INVALID)
    why = g_strdup ("No page to show: the file is not a readable reply to this form.");
  else
    {
      /* Poppler renders what reading the fields never touched (content
       * streams, fonts): in a child process, so that a file that crashes
       * or stalls the renderer costs this picture only. */
      g_autoptr (GError) error = NULL;
      PageDraw job = { layout, reply };
      double w = PAGE_W - 2 * MARGIN, h = PAGE_H - MARGIN - top;
      cairo_surface_t *image = tf_isolated_draw (w, h, PICTURE_SCALE, PICTURE_TIMEOUT,
                                                 PICTURE_MAX_MEMORY, draw_pages, &job,
                                                 &error);
      if (image != NULL)
        {
          cairo_save (cr);
          cairo_translate (cr, MARGIN, top);
          cairo_scale (cr, 1 / PICTURE_SCALE, 1 / PICTURE_SCALE);
          cairo_set_source_surface (cr, image, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          cairo_surface_destroy (image);
        }
      else
        why = g_strdup_printf ("No page to show: %s.", error->message);
    }
  if (why != NULL)
    {
      font (cr, FONT, 10, FALSE);
      pen.y += 10;
      paragraph (&pen, MARGIN, PAGE_W - 2 * MARGIN, 13, why);
    }
}

gboolean
tf_review_write (const char *path, const TfForm *form, const TfLayout *layout,
                 const TfTally *tally, GPtrArray *replies, GError **error)
{
  TfOutput *output = tf_output_open (path, error);
  if (output == NULL)
    return FALSE;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (tf_output_cairo_write,
                                                                  tf_output_stream (output),
                                                                  PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Review of the replies");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "tapform-read " TAPFORM_VERSION);
  cairo_t *cr = cairo_create (surface);
  summary_page (cr, form, tally, replies);
  for (guint i = 0; i < replies->len; i++)
    {
      const TfReply *reply = replies->pdata[i];
      if (reply->status == TF_STATUS_COMPLETE)
        continue;
      cairo_show_page (cr);
      reply_page (cr, layout, reply);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_status_t status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: cannot write the review report: %s",
                   tf_output_name (output), cairo_status_to_string (status));
      tf_output_abort (output);
      return FALSE;
    }
  return tf_output_commit (output, error);
}
