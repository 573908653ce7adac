/* page_image.h — a page as 8-bit grey pixels: a reply's page rendered by
 * Poppler, or the blank form's page drawn from its layout, both at the
 * same resolution so that their ink can be compared.
 *
 * Pixel (0, 0) is the top left; 0 is black, 255 white.
 */
#ifndef TF_PAGE_IMAGE_H
#define TF_PAGE_IMAGE_H

#include "layout/layout.h"

#include <glib.h>
#include <poppler.h>

/* Pixels darker than this are ink. */
#define TF_INK_DARK 128
/* Pixels darker than this are some ink (a faint pencil, a light stamp). */
#define TF_INK_LIGHT 200

typedef struct {
  int width, height;
  double scale;         /* pixels per point */
  guint8 *pixels;       /* width * height, rows top to bottom, owned */
} TfPageImage;

void tf_page_image_free (TfPageImage *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfPageImage, tf_page_image_free)

/* `page` rendered at `dpi` on white (its /Rotate applied, as a viewer
 * shows it). New; NULL when cairo cannot make an image that large. */
TfPageImage *tf_page_image_render (PopplerPage *page, double dpi);

/* Page `index` of `layout` as the blank form prints it (shapes, text,
 * the boxes' outlines), at `dpi`. New; NULL with TF_ERROR_NOT_FOUND when
 * a font cannot be loaded. */
TfPageImage *tf_page_image_blank (const TfLayout *layout, guint index, double dpi,
                                  GError **error);

static inline guint8
tf_page_image_at (const TfPageImage *image, int x, int y)
{
  if (x < 0 || y < 0 || x >= image->width || y >= image->height)
    return 255;
  return image->pixels[(gsize) y * (gsize) image->width + (gsize) x];
}

#endif
