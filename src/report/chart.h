/* chart.h — the tally as a bar chart, drawn with cairo.
 *
 * One horizontal bar per text with its support, the threshold as a line,
 * the counts as labels; a text that misses the threshold is red and says
 * so. The same drawing goes to SVG, PNG or PDF, or onto a page of the
 * review report.
 */
#ifndef TF_CHART_H
#define TF_CHART_H

#include "tally/tally.h"

#include <cairo.h>

/* The chart's natural size, in points (1 pt = 1 px in PNG). */
void tf_chart_size (const TfTally *tally, double *width, double *height);

/* Draws the chart with its top-left corner at the origin of `cr`. */
void tf_chart_draw (cairo_t *cr, const TfTally *tally);

typedef enum {
  TF_CHART_SVG,
  TF_CHART_PNG,
  TF_CHART_PDF,
} TfChartFormat;

/* The format the extension of `path` (.svg, .png or .pdf, any case)
 * names; FALSE with TF_ERROR_USAGE for another: a caller checks this
 * before any work that the chart would end. */
gboolean tf_chart_format_from_path (const char *path, TfChartFormat *format,
                                    GError **error);

/* Writes the chart to `path` (as common/tf_output.h writes: replaced only
 * once whole), in the format its extension names. Fails as
 * tf_chart_format_from_path(), or with TF_ERROR_IO when the file cannot
 * be written. */
gboolean tf_chart_write (const TfTally *tally, const char *path,
                         GError **error);

#endif
