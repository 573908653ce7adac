#include "optical/optical_read.h"

#include "optical/page_image.h"
#include "optical/registration.h"

#include <math.h>
#include <string.h>
#include <zbar.h>

/* A page is this form's page when this share of the blank page's ink is
 * found on it through the fit, and no other page or turn comes close. */
#define MATCH_MIN 0.60
#define MATCH_MARGIN 0.10
/* Pixels of tolerance around the blank form's ink: the fit is good to
 * about a point, and a scan blurs. */
#define BLANK_TOLERANCE 2

/* Bands around a box, points out from its rectangle. */
#define INSIDE_INSET 1.3        /* the outline is 0.8 pt wide, inside */
#define NEAR_FROM 1.0
#define NEAR_TO 3.5
#define FAR_TO 10.0

typedef struct {
  TfPageImage *blank;        /* the page as the blank form prints it */
  TfPageImage *blank_grown;  /* its dark ink grown by BLANK_TOLERANCE */
  GArray *samples;           /* of int pairs (x, y): pixels of its ink */
} BlankPage;

typedef struct {
  const TfLayout *layout;
  BlankPage *pages;          /* layout->n_pages, drawn on first use */
  gboolean drawn, failed;
} Version;

struct TfOpticalPlan {
  const TfForm *form;
  Version versions[TF_LANG_COUNT];
  TfLanguage order[TF_LANG_COUNT];
  guint n_order;
  zbar_image_scanner_t *scanner;
};

TfOpticalPlan *
tf_optical_plan_new (const TfForm *form, const TfLayout *const layouts[TF_LANG_COUNT])
{
  TfOpticalPlan *plan = g_new0 (TfOpticalPlan, 1);
  plan->form = form;
  if (layouts[form->default_language] != NULL)
    plan->order[plan->n_order++] = form->default_language;
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      plan->versions[l].layout = layouts[l];
      if (layouts[l] != NULL && (TfLanguage) l != form->default_language)
        plan->order[plan->n_order++] = (TfLanguage) l;
    }
  return plan;
}

void
tf_optical_plan_free (TfOpticalPlan *plan)
{
  if (plan == NULL)
    return;
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      Version *v = &plan->versions[l];
      if (v->pages == NULL)
        continue;
      for (guint p = 0; p < v->layout->n_pages; p++)
        {
          tf_page_image_free (v->pages[p].blank);
          tf_page_image_free (v->pages[p].blank_grown);
          if (v->pages[p].samples)
            g_array_unref (v->pages[p].samples);
        }
      g_free (v->pages);
    }
  if (plan->scanner != NULL)
    zbar_image_scanner_destroy (plan->scanner);
  g_free (plan);
}

/* `im` with every dark pixel grown into a square of side 2r + 1: new. */
static TfPageImage *
grow_dark (const TfPageImage *im, int r)
{
  TfPageImage *out = g_memdup2 (im, sizeof *im);
  gsize n = (gsize) im->width * (gsize) im->height;
  out->pixels = g_malloc (n);
  memset (out->pixels, 255, n);
  for (int y = 0; y < im->height; y++)
    for (int x = 0; x < im->width; x++)
      if (im->pixels[(gsize) y * (gsize) im->width + (gsize) x] < TF_INK_LIGHT)
        for (int dy = -r; dy <= r; dy++)
          for (int dx = -r; dx <= r; dx++)
            {
              int xx = x + dx, yy = y + dy;
              if (xx >= 0 && yy >= 0 && xx < im->width && yy < im->height)
                out->pixels[(gsize) yy * (gsize) im->width + (gsize) xx] = 0;
            }
  return out;
}

static gboolean
draw_version (Version *v)
{
  if (v->drawn)
    return !v->failed;
  v->drawn = TRUE;
  v->pages = g_new0 (BlankPage, v->layout->n_pages);
  for (guint p = 0; p < v->layout->n_pages; p++)
    {
      BlankPage *b = &v->pages[p];
      b->blank = tf_page_image_blank (v->layout, p, TF_OPTICAL_DPI, NULL);
      if (b->blank == NULL)
        {
          v->failed = TRUE;
          return FALSE;
        }
      b->blank_grown = grow_dark (b->blank, BLANK_TOLERANCE);
      /* Every third pixel of its ink, both ways: enough to tell pages
       * apart, few enough to try them all. */
      b->samples = g_array_new (FALSE, FALSE, sizeof (int) * 2);
      for (int y = 0; y < b->blank->height; y += 3)
        for (int x = 0; x < b->blank->width; x += 3)
          if (tf_page_image_at (b->blank, x, y) < TF_INK_DARK)
            {
              int xy[2] = { x, y };
              g_array_append_val (b->samples, xy);
            }
    }
  return TRUE;
}

/* Whether `im` is dark near (u, v): within one pixel. */
static gboolean
dark_near (const TfPageImage *im, double u, double v)
{
  int x = (int) floor (u), y = (int) floor (v);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (tf_page_image_at (im, x + dx, y + dy) < TF_INK_DARK)
        return TRUE;
  return FALSE;
}

/* The share of `im`'s ink (on a grid, `ink`: image pixels) that lies on
 * `b`'s ink through `map`: a page of the form is mostly the blank page's
 * ink, where another page of similar look has ink the blank page has not. */
static double
precision (const BlankPage *b, double page_height, const GArray *ink, const TfAffine *map)
{
  double det = map->a * map->e - map->b * map->d;
  if (ink->len == 0 || det == 0)
    return 0;
  guint hit = 0;
  double s = b->blank->scale;
  for (guint i = 0; i < ink->len; i++)
    {
      const int *uv = &g_array_index (ink, int, 2 * i);
      double du = uv[0] + 0.5 - map->c, dv = uv[1] + 0.5 - map->f;
      double x = (map->e * du - map->b * dv) / det, y = (-map->d * du + map->a * dv) / det;
      hit += tf_page_image_at (b->blank_grown, (int) floor (x * s),
                               (int) floor ((page_height - y) * s)) < TF_INK_LIGHT;
    }
  return hit / (double) ink->len;
}

/* The share of `b`'s ink that `im` shows through `map`, times the share
 * of `im`'s ink that is `b`'s. */
static double
match (const BlankPage *b, double page_height, const TfPageImage *im, const GArray *ink,
       const TfAffine *map)
{
  if (b->samples->len == 0)
    return 0;
  guint hit = 0;
  double s = b->blank->scale;
  for (guint i = 0; i < b->samples->len; i++)
    {
      const int *xy = &g_array_index (b->samples, int, 2 * i);
      double u, v;
      tf_affine_apply (map, (xy[0] + 0.5) / s, page_height - (xy[1] + 0.5) / s, &u, &v);
      hit += dark_near (im, u, v);
    }
  return hit / (double) b->samples->len * precision (b, page_height, ink, map);
}

typedef struct {
  TfLanguage language;
  guint form_page, turns;
  TfAffine map;
  double scale, residual, match;
} Fit;

/* Tries every turn and page of version `l` on `im`; keeps the best in
 * `best` and the best of the others' scores in `second`. */
static void
try_version (TfOpticalPlan *plan, TfLanguage l, const TfPageImage *im, const GArray *ink,
             const TfMarks *marks, Fit *best, double *second)
{
  Version *v = &plan->versions[l];
  if (!draw_version (v))
    return;
  for (guint turns = 0; turns < 4; turns++)
    {
      Fit f = { .language = l, .turns = turns };
      if (!tf_marks_fit (marks, im->scale, v->layout->page_width, v->layout->page_height, turns,
                         &f.map, &f.scale, &f.residual))
        continue;
      for (guint p = 0; p < v->layout->n_pages; p++)
        {
          f.form_page = p;
          f.match = match (&v->pages[p], v->layout->page_height, im, ink, &f.map);
          if (f.match > best->match)
            {
              *second = MAX (*second, best->match);
              *best = f;
            }
          else
            *second = MAX (*second, f.match);
        }
    }
}

/* ---- the boxes ------------------------------------------------------------- */

typedef struct {
  guint n, dark, light;
} Tally;

/* Whether the form point (x, y) lies in another radio widget of the page
 * (grown by NEAR_TO): ink there is that box's, not this one's. */
static gboolean
in_other_box (const TfLayout *layout, const TfWidget *self, double x, double y)
{
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      if (w == self || w->page != self->page || w->answer == TF_ANSWER_NONE)
        continue;
      if (x >= w->rect.x - NEAR_TO && x <= w->rect.x + w->rect.w + NEAR_TO
          && y >= w->rect.y - NEAR_TO && y <= w->rect.y + w->rect.h + NEAR_TO)
        return TRUE;
    }
  return FALSE;
}

/* Counts, over the form points of the band from `from` to `to` points
 * outside `w`'s rectangle (negative: inside), the pixels of `im` with ink
 * that the blank page has not. */
static Tally
band (const TfLayout *layout, const TfWidget *w, const BlankPage *b, const TfPageImage *im,
      const TfAffine *map, double from, double to)
{
  Tally t = { 0, 0, 0 };
  double s = b->blank->scale, step = 1.0 / s, ph = layout->page_height;
  const TfRect *r = &w->rect;
  for (double y = r->y - to; y <= r->y + r->h + to; y += step)
    for (double x = r->x - to; x <= r->x + r->w + to; x += step)
      {
        /* Outside the band's inner edge: `from` out of the rectangle. */
        gboolean inner = x > r->x - from && x < r->x + r->w + from
                         && y > r->y - from && y < r->y + r->h + from;
        if (inner || (from > 0 && in_other_box (layout, w, x, y)))
          continue;
        int bx = (int) floor (x * s), by = (int) floor ((ph - y) * s);
        if (tf_page_image_at (b->blank_grown, bx, by) < TF_INK_LIGHT)
          continue;
        double u, v;
        tf_affine_apply (map, x, y, &u, &v);
        guint8 g = tf_page_image_at (im, (int) floor (u), (int) floor (v));
        t.n++;
        t.dark += g < TF_INK_DARK;
        t.light += g < TF_INK_LIGHT;
      }
  return t;
}

static double
share (guint part, guint whole)
{
  return whole ? part / (double) whole : 0;
}

static void
measure_boxes (TfRawOptical *out, const Version *v, const Fit *f, const TfPageImage *im)
{
  const BlankPage *b = &v->pages[f->form_page];
  for (guint i = 0; i < v->layout->widgets->len; i++)
    {
      const TfWidget *w = v->layout->widgets->pdata[i];
      if (w->page != f->form_page || w->answer == TF_ANSWER_NONE)
        continue;
      /* The inside, from INSIDE_INSET in: a band with a negative edge. */
      double half = MIN (w->rect.w, w->rect.h) / 2;
      Tally in = band (v->layout, w, b, im, &f->map, -half, -INSIDE_INSET);
      Tally near = band (v->layout, w, b, im, &f->map, NEAR_FROM, NEAR_TO);
      Tally far = band (v->layout, w, b, im, &f->map, NEAR_TO, FAR_TO);
      TfRawBox box = {
        .field = w->field, .state = (char *) tf_answer_state (w->answer),
        .form_page = f->form_page,
        .inside = share (in.dark, in.n), .light = share (in.light, in.n),
        .near = share (near.dark, near.n), .far = share (far.dark, far.n),
      };
      tf_raw_optical_add_box (out, &box);
    }
}

/* ---- the sender's text, and the page identity ---------------------------- */

/* The characters of the page's text whose box's centre lies in `area`
 * (Poppler's points, origin top left), in the text's order: new, NULL when
 * none. (A selection would take the text flow between two corners,
 * reaching outside the field.) */
static char *
text_in (const char *text, const PopplerRectangle *rects, guint n, const PopplerRectangle *area)
{
  GString *out = g_string_new (NULL);
  guint i = 0;
  for (const char *p = text; *p && i < n; p = g_utf8_next_char (p), i++)
    {
      double cx = (rects[i].x1 + rects[i].x2) / 2, cy = (rects[i].y1 + rects[i].y2) / 2;
      if (cx >= area->x1 && cx <= area->x2 && cy >= area->y1 && cy <= area->y2)
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_strstrip (out->str);
  if (out->str[0] == '\0')
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
read_texts (TfRawOptical *out, const Version *v, const Fit *f, PopplerPage *page,
            double render_scale)
{
  g_autofree char *page_text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  if (page_text == NULL || !g_utf8_validate (page_text, -1, NULL)
      || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return;
  /* The form's own printed words: a real text layer, not a scan's. */
  out->has_text_layer |= n_rects > 0;
  for (guint i = 0; i < v->layout->widgets->len; i++)
    {
      const TfWidget *w = v->layout->widgets->pdata[i];
      if (w->page != f->form_page || w->kind != TF_WIDGET_TEXT)
        continue;
      /* The field's rectangle on the page, in Poppler's points (origin
       * top left), through the fit. */
      double us[4], vs[4];
      const TfRect *r = &w->rect;
      tf_affine_apply (&f->map, r->x, r->y, &us[0], &vs[0]);
      tf_affine_apply (&f->map, r->x + r->w, r->y, &us[1], &vs[1]);
      tf_affine_apply (&f->map, r->x, r->y + r->h, &us[2], &vs[2]);
      tf_affine_apply (&f->map, r->x + r->w, r->y + r->h, &us[3], &vs[3]);
      PopplerRectangle area = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      for (int k = 0; k < 4; k++)
        {
          area.x1 = MIN (area.x1, us[k] / render_scale);
          area.y1 = MIN (area.y1, vs[k] / render_scale);
          area.x2 = MAX (area.x2, us[k] / render_scale);
          area.y2 = MAX (area.y2, vs[k] / render_scale);
        }
      g_autofree char *text = text_in (page_text, rects, n_rects, &area);
      if (text != NULL)
        {
          g_hash_table_replace (out->texts, g_strdup (w->field), g_steal_pointer (&text));
        }
    }
  g_free (rects);
}

static void
read_identities (TfOpticalPlan *plan, TfRawOptical *out, const TfPageImage *im)
{
  if (plan->scanner == NULL)
    {
      plan->scanner = zbar_image_scanner_create ();
      zbar_image_scanner_set_config (plan->scanner, 0, ZBAR_CFG_ENABLE, 0);
      zbar_image_scanner_set_config (plan->scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    }
  zbar_image_t *z = zbar_image_create ();
  zbar_image_set_format (z, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (z, (unsigned) im->width, (unsigned) im->height);
  zbar_image_set_data (z, im->pixels, (unsigned long) im->width * (unsigned long) im->height, NULL);
  if (zbar_scan_image (plan->scanner, z) > 0)
    for (const zbar_symbol_t *sym = zbar_image_first_symbol (z); sym; sym = zbar_symbol_next (sym))
      {
        const char *data = zbar_symbol_get_data (sym);
        if (data != NULL && g_str_has_prefix (data, "tapform ") && strlen (data) < 256
            && g_utf8_validate (data, -1, NULL))
          g_ptr_array_add (out->identities, g_strdup (data));
      }
  zbar_image_destroy (z);
}

/* ---- the whole document ----------------------------------------------------- */

TfRawOptical *
tf_optical_read (TfOpticalPlan *plan, PopplerDocument *doc)
{
  TfLanguage language = plan->n_order ? plan->order[0] : TF_LANG_DEFAULT;
  gboolean language_known = FALSE;
  TfRawOptical *out = NULL;
  int n = MIN (poppler_document_get_n_pages (doc), TF_OPTICAL_MAX_PAGES);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  /* Boxes and texts go to `out` once its language is known: held here. */
  g_autoptr (TfRawOptical) held = tf_raw_optical_new (language, 0);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      if (page == NULL)
        continue;
      TfRawPage rp = { .page = (guint) i, .fate = TF_PAGE_NO_MARKS };
      g_autoptr (TfPageImage) im = tf_page_image_render (page, TF_OPTICAL_DPI);
      TfMarks marks;
      if (im != NULL && tf_marks_find (im, &marks) >= 3)
        {
          read_identities (plan, held, im);
          /* Every third pixel of its ink, both ways. */
          g_autoptr (GArray) ink = g_array_new (FALSE, FALSE, sizeof (int) * 2);
          for (int y = 0; y < im->height; y += 3)
            for (int x = 0; x < im->width; x += 3)
              if (tf_page_image_at (im, x, y) < TF_INK_DARK)
                {
                  int xy[2] = { x, y };
                  g_array_append_val (ink, xy);
                }
          Fit best = { .match = 0 };
          double second = 0;
          rp.fate = TF_PAGE_UNREGISTERED;
          for (guint k = 0; k < plan->n_order; k++)
            {
              TfLanguage l = plan->order[k];
              if (language_known && l != language)
                continue;
              try_version (plan, l, im, ink, &marks, &best, &second);
              /* The default language first: others only when it fits not. */
              if (best.match >= MATCH_MIN + MATCH_MARGIN && k == 0)
                break;
            }
          rp.match = best.match;
          if (best.match >= MATCH_MIN && best.match - second >= MATCH_MARGIN)
            {
              rp.fate = TF_PAGE_FORM;
              rp.form_page = best.form_page;
              rp.quarter_turns = best.turns;
              rp.scale = best.scale;
              rp.residual = best.residual;
              language = best.language;
              language_known = TRUE;
              /* A page sent twice is read once: its first copy. */
              if (!g_hash_table_contains (seen, GUINT_TO_POINTER (best.form_page + 1)))
                {
                  g_hash_table_add (seen, GUINT_TO_POINTER (best.form_page + 1));
                  const Version *v = &plan->versions[language];
                  measure_boxes (held, v, &best, im);
                  read_texts (held, v, &best, page, im->scale);
                }
            }
        }
      g_ptr_array_add (pages, g_memdup2 (&rp, sizeof rp));
      g_object_unref (page);
    }
  const TfLayout *layout = plan->versions[language].layout;
  out = tf_raw_optical_new (language, layout ? layout->n_pages : 0);
  for (guint i = 0; i < pages->len; i++)
    tf_raw_optical_add_page (out, pages->pdata[i]);
  g_ptr_array_unref (pages);
  /* Boxes in the form's order, whatever order the pages came in. */
  for (guint i = 0; layout != NULL && i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      for (guint j = 0; j < held->boxes->len; j++)
        {
          const TfRawBox *b = held->boxes->pdata[j];
          if (w->answer != TF_ANSWER_NONE && g_str_equal (b->field, w->field)
              && g_str_equal (b->state, tf_answer_state (w->answer)))
            tf_raw_optical_add_box (out, b);
        }
    }
  for (guint i = 0; i < held->identities->len; i++)
    g_ptr_array_add (out->identities, g_strdup (held->identities->pdata[i]));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, held->texts);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_replace (out->texts, g_strdup (k), g_strdup (v));
  out->has_text_layer = held->has_text_layer;
  return out;
}

gboolean
tf_optical_has_marks (const TfRawOptical *optical)
{
  for (guint i = 0; i < optical->boxes->len; i++)
    {
      const TfRawBox *b = optical->boxes->pdata[i];
      if (b->inside > 0.02 || b->near > 0.05)
        return TRUE;
    }
  return FALSE;
}
