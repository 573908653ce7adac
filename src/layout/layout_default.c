#include "layout/font_metrics.h"
#include "layout/layout.h"

TfLayout *
tf_layout_new_default (const TfForm *form, GError **error)
{
  g_autoptr (TfFontMetrics) metrics = tf_font_metrics_load_default (error);
  if (metrics == NULL)
    return NULL;
  TfMeasure measure = tf_font_metrics_measure (metrics);
  return tf_layout_new (form, &measure, error);
}
