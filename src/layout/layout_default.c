#include "layout/font_metrics.h"
#include "layout/layout.h"

TfLayout *
tf_layout_new_default_in (const TfForm *form, TfLanguage language, GError **error)
{
  g_autoptr (TfFontMetrics) metrics = tf_font_metrics_load (language, error);
  if (metrics == NULL)
    return NULL;
  TfMeasure measure = tf_font_metrics_measure (metrics);
  return tf_layout_new_in (form, language, &measure, error);
}

TfLayout *
tf_layout_new_default (const TfForm *form, GError **error)
{
  return tf_layout_new_default_in (form, form->default_language, error);
}
