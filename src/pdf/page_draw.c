#include "pdf/page_draw.h"

static void
draw_shape (HPDF_Page page, const TfShape *s)
{
  const TfRect *r = &s->rect;
  switch (s->kind)
    {
    case TF_SHAPE_FILL:
      HPDF_Page_SetGrayFill (page, (HPDF_REAL) s->gray);
      HPDF_Page_Rectangle (page, r->x, r->y, r->w, r->h);
      HPDF_Page_Fill (page);
      return;
    case TF_SHAPE_FRAME:
      HPDF_Page_SetGrayStroke (page, (HPDF_REAL) s->gray);
      HPDF_Page_SetLineWidth (page, (HPDF_REAL) s->line_width);
      HPDF_Page_Rectangle (page, r->x, r->y, r->w, r->h);
      HPDF_Page_Stroke (page);
      return;
    case TF_SHAPE_LINE:
      HPDF_Page_SetGrayStroke (page, (HPDF_REAL) s->gray);
      HPDF_Page_SetLineWidth (page, (HPDF_REAL) s->line_width);
      HPDF_Page_MoveTo (page, r->x, r->y);
      HPDF_Page_LineTo (page, r->x + r->w, r->y + r->h);
      HPDF_Page_Stroke (page);
      return;
    case TF_SHAPE_CIRCLE:
      HPDF_Page_SetGrayStroke (page, (HPDF_REAL) s->gray);
      HPDF_Page_SetLineWidth (page, (HPDF_REAL) s->line_width);
      HPDF_Page_Circle (page, r->x + r->w / 2, r->y + r->h / 2,
                        (HPDF_REAL) (MIN (r->w, r->h) / 2 - s->line_width / 2));
      HPDF_Page_Stroke (page);
      return;
    }
}

void
tf_page_draw (HPDF_Page page, guint index, const TfLayout *layout,
              TfPdfFonts *fonts)
{
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const TfShape *s = layout->shapes->pdata[i];
      if (s->page == index)
        draw_shape (page, s);
    }

  HPDF_Page_BeginText (page);
  for (guint i = 0; i < layout->runs->len; i++)
    {
      const TfTextRun *run = layout->runs->pdata[i];
      if (run->page != index)
        continue;
      tf_pdf_fonts_note (fonts, run->style, run->text);
      HPDF_Page_SetFontAndSize (page, fonts->font[run->style], (HPDF_REAL) run->size);
      HPDF_Page_SetGrayFill (page, (HPDF_REAL) run->gray);
      /* A language with no bold font: the regular, outlined (the widths
       * are the regular's, as the layout measured them). */
      gboolean outlined = fonts->synthetic_bold && run->style == TF_FONT_BOLD;
      if (outlined)
        {
          HPDF_Page_SetGrayStroke (page, (HPDF_REAL) run->gray);
          HPDF_Page_SetLineWidth (page, (HPDF_REAL) (run->size * 0.035));
          HPDF_Page_SetTextRenderingMode (page, HPDF_FILL_THEN_STROKE);
        }
      HPDF_Page_TextOut (page, (HPDF_REAL) run->x, (HPDF_REAL) run->y, run->text);
      if (outlined)
        HPDF_Page_SetTextRenderingMode (page, HPDF_FILL);
    }
  HPDF_Page_EndText (page);
}
