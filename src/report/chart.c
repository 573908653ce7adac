#include "report/chart.h"

#include "common/tf_error.h"
#include "common/tf_output.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <string.h>

#define W 900.0
#define MARGIN 24.0
#define LABEL_W 150.0           /* the text's designation */
#define NOTE_W 190.0            /* the counts after the bar */
#define BAR_H 20.0
#define ROW_H 30.0
#define TITLE_H 62.0
#define FOOT_H 36.0
#define FONT "Liberation Sans"

static const double meets_rgb[] = { 0.17, 0.42, 0.69 };   /* blue */
static const double misses_rgb[] = { 0.77, 0.19, 0.19 };  /* red */

void
tf_chart_size (const TfTally *tally, double *width, double *height)
{
  *width = W;
  *height = TITLE_H + tally->texts->len * ROW_H + FOOT_H;
}

static void
text_at (cairo_t *cr, double x, double y, double size, gboolean bold,
         const char *s, double align /* 0 left, 0.5 centre, 1 right */)
{
  cairo_select_font_face (cr, FONT, CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_text_extents_t e;
  cairo_text_extents (cr, s, &e);
  cairo_move_to (cr, x - align * e.x_advance, y);
  cairo_show_text (cr, s);
}

void
tf_chart_draw (cairo_t *cr, const TfTally *tally)
{
  double width, height;
  tf_chart_size (tally, &width, &height);
  double x0 = MARGIN + LABEL_W, bar_w = W - 2 * MARGIN - LABEL_W - NOTE_W;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  g_autofree char *title = g_strdup_printf ("Support per text, %s", tally->form);
  text_at (cr, MARGIN, 26, 16, TRUE, title, 0);
  g_autofree char *subtitle = g_strdup_printf (
    "%u replies counted (one per Member State%s); a text goes forward with %g %% or more",
    tally->counted->len, tally->count_late ? ", late ones included" : ", by the deadline",
    tally->threshold * 100);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  text_at (cr, MARGIN, 46, 11, FALSE, subtitle, 0);

  for (guint i = 0; i < tally->texts->len; i++)
    {
      const TfTallyText *t = tally->texts->pdata[i];
      double y = TITLE_H + i * ROW_H;
      const double *rgb = t->meets_threshold ? meets_rgb : misses_rgb;

      cairo_set_source_rgb (cr, 0, 0, 0);
      text_at (cr, x0 - 10, y + BAR_H * 0.7, 12, !t->meets_threshold, t->text->designation, 1);
      /* the track: 0 to 100 % */
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, x0, y, bar_w, BAR_H);
      cairo_fill (cr);
      if (t->has_support)
        {
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (cr, x0, y, bar_w * t->support, BAR_H);
          cairo_fill (cr);
        }
      g_autofree char *note = t->has_support
        ? g_strdup_printf ("%.1f %%  (%u of %u%s)%s", t->support * 100, t->assign,
                           t->assign + t->withhold, t->unanswered ? ", some unanswered" : "",
                           t->meets_threshold ? "" : "  below")
        : g_strdup ("no answer: may proceed");
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      text_at (cr, x0 + bar_w + 8, y + BAR_H * 0.7, 11, !t->meets_threshold, note, 0);
    }

  /* The threshold line, over the bars. */
  double tx = x0 + bar_w * tally->threshold;
  double bottom = TITLE_H + tally->texts->len * ROW_H - (ROW_H - BAR_H);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.5);
  double dash[] = { 5, 3 };
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, tx, TITLE_H - 6);
  cairo_line_to (cr, tx, bottom + 6);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The axis under the bars. */
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  for (int p = 0; p <= 100; p += 10)
    {
      char label[8];
      g_snprintf (label, sizeof label, "%d %%", p);
      text_at (cr, x0 + bar_w * p / 100.0, bottom + 22, 10, FALSE, label, 0.5);
    }
  g_autofree char *line = g_strdup_printf ("%g %% threshold", tally->threshold * 100);
  cairo_set_source_rgb (cr, 0, 0, 0);
  text_at (cr, tx + 4, TITLE_H - 8, 10, TRUE, line, 0);
  cairo_restore (cr);
}

gboolean
tf_chart_format_from_path (const char *path, TfChartFormat *format, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = TF_CHART_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = TF_CHART_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = TF_CHART_PDF;
  else
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_set_error (error, TF_ERROR, TF_ERROR_USAGE,
                   "%s: a chart is written as .svg, .png or .pdf", shown);
      return FALSE;
    }
  return TRUE;
}

gboolean
tf_chart_write (const TfTally *tally, const char *path, GError **error)
{
  TfChartFormat format;
  if (!tf_chart_format_from_path (path, &format, error))
    return FALSE;
  TfOutput *output = tf_output_open (path, error);
  if (output == NULL)
    return FALSE;
  FILE *fp = tf_output_stream (output);
  double width, height;
  tf_chart_size (tally, &width, &height);
  cairo_surface_t *surface;
  switch (format)
    {
    case TF_CHART_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
      break;
    case TF_CHART_SVG:
      surface = cairo_svg_surface_create_for_stream (tf_output_cairo_write, fp, width, height);
      break;
    case TF_CHART_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (tf_output_cairo_write, fp, width, height);
      break;
    }
  cairo_t *cr = cairo_create (surface);
  tf_chart_draw (cr, tally);
  cairo_destroy (cr);
  cairo_status_t status;
  if (format == TF_CHART_PNG)
    status = cairo_surface_write_to_png_stream (surface, tf_output_cairo_write, fp);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: cannot write the chart: %s",
                   tf_output_name (output), cairo_status_to_string (status));
      tf_output_abort (output);
      return FALSE;
    }
  return tf_output_commit (output, error);
}
