/* page_draw.h — the static content of a page (text, rules, boxes), drawn
 * from the layout with libHaru's public page API. */
#ifndef TF_PAGE_DRAW_H
#define TF_PAGE_DRAW_H

#include "layout/layout.h"
#include "pdf/pdf_fonts.h"

/* Draws everything of page `index` of `layout` on `page`. */
void tf_page_draw (HPDF_Page page, guint index, const TfLayout *layout,
                   TfPdfFonts *fonts);

#endif
