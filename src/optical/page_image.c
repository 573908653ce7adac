#include "optical/page_image.h"

#include "common/tf_data.h"
#include "common/tf_error.h"
#include "layout/font_metrics.h"

#include <cairo-ft.h>
#include <math.h>

void
tf_page_image_free (TfPageImage *image)
{
  if (image == NULL)
    return;
  g_free (image->pixels);
  g_free (image);
}

/* The grey pixels of an RGB24 surface: new image. */
static TfPageImage *
grey_of (cairo_surface_t *surface, double scale)
{
  cairo_surface_flush (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  TfPageImage *image = g_new0 (TfPageImage, 1);
  image->width = w;
  image->height = h;
  image->scale = scale;
  image->pixels = g_malloc ((gsize) w * (gsize) h);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * (gsize) stride);
      for (int x = 0; x < w; x++)
        {
          guint32 p = row[x];
          guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
          image->pixels[(gsize) y * (gsize) w + (gsize) x] = (guint8) ((r * 77 + g * 150 + b * 29) >> 8);
        }
    }
  return image;
}

/* A white RGB24 surface of `w` x `h` points at `scale`, or NULL. */
static cairo_surface_t *
white_surface (double w, double h, double scale)
{
  int pw = (int) ceil (w * scale), ph = (int) ceil (h * scale);
  if (pw <= 0 || ph <= 0 || pw > 20000 || ph > 20000)
    return NULL;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pw, ph);
  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (s);
      return NULL;
    }
  cairo_t *cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return s;
}

TfPageImage *
tf_page_image_render (PopplerPage *page, double dpi)
{
  double w = 0, h = 0;
  poppler_page_get_size (page, &w, &h);
  double scale = dpi / 72.0;
  cairo_surface_t *s = white_surface (w, h, scale);
  if (s == NULL)
    return NULL;
  cairo_t *cr = cairo_create (s);
  cairo_scale (cr, scale, scale);
  /* As printed: a form field's widget draws what a printer would. */
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  TfPageImage *image = grey_of (s, scale);
  cairo_surface_destroy (s);
  return image;
}

/* One FreeType library for the process: cairo may use a face after its
 * last cairo_font_face_destroy(), so a face is freed by cairo itself
 * (through its user data) and the library must outlive them all. */
static FT_Library
freetype (void)
{
  static gsize once = 0;
  static FT_Library lib = NULL;
  if (g_once_init_enter (&once))
    {
      if (FT_Init_FreeType (&lib) != 0)
        lib = NULL;
      g_once_init_leave (&once, 1);
    }
  return lib;
}

static const cairo_user_data_key_t face_key;

static void
done_face (void *face)
{
  FT_Done_Face (face);
}

/* A cairo font face of `file` (new), or NULL with the error. */
static cairo_font_face_t *
load_face (const char *file, GError **error)
{
  g_autofree char *path = tf_data_find (file, error);
  if (path == NULL)
    return NULL;
  FT_Face face = NULL;
  if (freetype () == NULL || FT_New_Face (freetype (), path, 0, &face) != 0)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_NOT_FOUND, "%s: FreeType cannot read this font", path);
      return NULL;
    }
  cairo_font_face_t *font = cairo_ft_font_face_create_for_ft_face (face, 0);
  if (cairo_font_face_set_user_data (font, &face_key, face, done_face) != CAIRO_STATUS_SUCCESS)
    {
      cairo_font_face_destroy (font);
      FT_Done_Face (face);
      g_set_error (error, TF_ERROR, TF_ERROR_NOT_FOUND, "%s: cairo cannot use this font", path);
      return NULL;
    }
  return font;
}

static void
draw_shape (cairo_t *cr, const TfShape *s)
{
  cairo_set_source_rgb (cr, s->gray, s->gray, s->gray);
  cairo_set_line_width (cr, s->line_width > 0 ? s->line_width : 0.5);
  const TfRect *r = &s->rect;
  switch (s->kind)
    {
    case TF_SHAPE_LINE:
      cairo_move_to (cr, r->x, r->y);
      cairo_line_to (cr, r->x + r->w, r->y + r->h);
      cairo_stroke (cr);
      break;
    case TF_SHAPE_FRAME:
      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_stroke (cr);
      break;
    case TF_SHAPE_FILL:
      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_fill (cr);
      break;
    case TF_SHAPE_CIRCLE:
      cairo_arc (cr, r->x + r->w / 2, r->y + r->h / 2, MIN (r->w, r->h) / 2, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    }
}

/* A radio widget's outline, as its "off" appearance draws it. */
static void
draw_widget (cairo_t *cr, const TfWidget *w)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  if (w->kind == TF_WIDGET_BOX)
    cairo_rectangle (cr, w->rect.x + 0.4, w->rect.y + 0.4, w->rect.w - 0.8, w->rect.h - 0.8);
  else if (w->kind == TF_WIDGET_CIRCLE)
    cairo_arc (cr, w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2,
               MIN (w->rect.w, w->rect.h) / 2 - 0.4, 0, 2 * G_PI);
  else
    return;
  cairo_stroke (cr);
}

TfPageImage *
tf_page_image_blank (const TfLayout *layout, guint index, double dpi, GError **error)
{
  double scale = dpi / 72.0;
  cairo_surface_t *s = white_surface (layout->page_width, layout->page_height, scale);
  if (s == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_USAGE, "cannot draw a page at %.0f dpi", dpi);
      return NULL;
    }
  cairo_font_face_t *fonts[TF_FONT_COUNT] = { NULL, NULL };
  TfPageImage *image = NULL;
  for (int st = 0; st < TF_FONT_COUNT; st++)
    if ((fonts[st] = load_face (tf_font_file_in (layout->language, st), error)) == NULL)
      goto out;

  cairo_t *cr = cairo_create (s);
  /* The layout's points, origin bottom left, as the PDF has them. */
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, 0, layout->page_height);
  cairo_scale (cr, 1, -1);
  for (guint i = 0; i < layout->shapes->len; i++)
    {
      const TfShape *sh = layout->shapes->pdata[i];
      if (sh->page == index)
        draw_shape (cr, sh);
    }
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      if (w->page == index)
        draw_widget (cr, w);
    }
  for (guint i = 0; i < layout->runs->len; i++)
    {
      const TfTextRun *run = layout->runs->pdata[i];
      if (run->page != index)
        continue;
      cairo_set_font_face (cr, fonts[run->style]);
      cairo_matrix_t m;
      cairo_matrix_init (&m, run->size, 0, 0, -run->size, 0, 0);
      cairo_set_font_matrix (cr, &m);
      cairo_set_source_rgb (cr, run->gray, run->gray, run->gray);
      cairo_move_to (cr, run->x, run->y);
      cairo_show_text (cr, run->text);
    }
  cairo_destroy (cr);
  image = grey_of (s, scale);
out:
  cairo_surface_destroy (s);
  for (int st = 0; st < TF_FONT_COUNT; st++)
    if (fonts[st] != NULL)
      cairo_font_face_destroy (fonts[st]);
  return image;
}
