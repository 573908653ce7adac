#include "read/raw_optical.h"

#include "common/tf_error.h"

#include <math.h>

static void
box_free (TfRawBox *box)
{
  g_free (box->field);
  g_free (box->state);
  g_free (box);
}

TfRawOptical *
tf_raw_optical_new (TfLanguage language, guint form_pages)
{
  TfRawOptical *o = g_new0 (TfRawOptical, 1);
  o->language = language;
  o->form_pages = form_pages;
  o->pages = g_ptr_array_new_with_free_func (g_free);
  o->boxes = g_ptr_array_new_with_free_func ((GDestroyNotify) box_free);
  o->identities = g_ptr_array_new_with_free_func (g_free);
  o->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return o;
}

void
tf_raw_optical_free (TfRawOptical *o)
{
  if (o == NULL)
    return;
  g_ptr_array_unref (o->pages);
  g_ptr_array_unref (o->boxes);
  g_ptr_array_unref (o->identities);
  g_hash_table_unref (o->texts);
  g_free (o);
}

void
tf_raw_optical_add_page (TfRawOptical *o, const TfRawPage *page)
{
  g_ptr_array_add (o->pages, g_memdup2 (page, sizeof *page));
}

void
tf_raw_optical_add_box (TfRawOptical *o, const TfRawBox *box)
{
  TfRawBox *copy = g_memdup2 (box, sizeof *box);
  copy->field = g_strdup (box->field);
  copy->state = g_strdup (box->state);
  g_ptr_array_add (o->boxes, copy);
}

/* language, form pages, pages (page, fate, form page, turns, scale,
 * residual, match), boxes (field, state, form page, inside, light, near,
 * far), identities, texts, has text layer. */
#define OPTICAL_TYPE "(uua(uuuuddd)a(ssudddd)asa{ss}b)"

GVariant *
tf_raw_optical_serialize (const TfRawOptical *o)
{
  GVariantBuilder pages, boxes, ids, texts;
  g_variant_builder_init (&pages, G_VARIANT_TYPE ("a(uuuuddd)"));
  for (guint i = 0; i < o->pages->len; i++)
    {
      const TfRawPage *p = o->pages->pdata[i];
      g_variant_builder_add (&pages, "(uuuuddd)", p->page, (guint32) p->fate, p->form_page,
                             p->quarter_turns, p->scale, p->residual, p->match);
    }
  g_variant_builder_init (&boxes, G_VARIANT_TYPE ("a(ssudddd)"));
  for (guint i = 0; i < o->boxes->len; i++)
    {
      const TfRawBox *b = o->boxes->pdata[i];
      g_variant_builder_add (&boxes, "(ssudddd)", b->field, b->state, b->form_page,
                             b->inside, b->light, b->near, b->far);
    }
  g_variant_builder_init (&ids, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < o->identities->len; i++)
    g_variant_builder_add (&ids, "s", (const char *) o->identities->pdata[i]);
  g_variant_builder_init (&texts, G_VARIANT_TYPE ("a{ss}"));
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, o->texts);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_variant_builder_add (&texts, "{ss}", k, v);
  return g_variant_ref_sink (g_variant_new (OPTICAL_TYPE, (guint32) o->language,
                                            o->form_pages, &pages, &boxes, &ids, &texts,
                                            o->has_text_layer));
}

static gboolean
share (double v)
{
  return isfinite (v) && v >= 0 && v <= 1;
}

TfRawOptical *
tf_raw_optical_deserialize (GVariant *variant, GError **error)
{
  if (!g_variant_is_of_type (variant, G_VARIANT_TYPE (OPTICAL_TYPE)))
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: optical part");
      return NULL;
    }
  guint32 language, form_pages;
  gboolean has_text;
  g_autoptr (GVariantIter) pages = NULL, boxes = NULL, ids = NULL, texts = NULL;
  g_variant_get (variant, OPTICAL_TYPE, &language, &form_pages, &pages, &boxes, &ids, &texts,
                 &has_text);
  if (language >= TF_LANG_COUNT || form_pages > 1000)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: optical language");
      return NULL;
    }
  g_autoptr (TfRawOptical) o = tf_raw_optical_new (language, form_pages);
  o->has_text_layer = has_text;
  TfRawPage p;
  guint32 fate;
  while (g_variant_iter_next (pages, "(uuuuddd)", &p.page, &fate, &p.form_page,
                              &p.quarter_turns, &p.scale, &p.residual, &p.match))
    {
      if (fate > TF_PAGE_UNREGISTERED || p.quarter_turns > 3 || p.form_page >= MAX (form_pages, 1)
          || !isfinite (p.scale) || !isfinite (p.residual) || !share (p.match))
        {
          g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: optical page");
          return NULL;
        }
      p.fate = fate;
      tf_raw_optical_add_page (o, &p);
    }
  TfRawBox b;
  const char *field, *state;
  while (g_variant_iter_next (boxes, "(&s&sudddd)", &field, &state, &b.form_page, &b.inside,
                              &b.light, &b.near, &b.far))
    {
      if (!g_utf8_validate (field, -1, NULL) || !g_utf8_validate (state, -1, NULL)
          || !share (b.inside) || !share (b.light) || !share (b.near) || !share (b.far))
        {
          g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: optical box");
          return NULL;
        }
      b.field = (char *) field;
      b.state = (char *) state;
      tf_raw_optical_add_box (o, &b);
    }
  const char *s, *t;
  while (g_variant_iter_next (ids, "&s", &s))
    {
      if (!g_utf8_validate (s, -1, NULL))
        {
          g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: page identity");
          return NULL;
        }
      g_ptr_array_add (o->identities, g_strdup (s));
    }
  while (g_variant_iter_next (texts, "{&s&s}", &s, &t))
    {
      if (!g_utf8_validate (s, -1, NULL) || !g_utf8_validate (t, -1, NULL))
        {
          g_set_error (error, TF_ERROR, TF_ERROR_PDF, "malformed raw reply: page text");
          return NULL;
        }
      g_hash_table_replace (o->texts, g_strdup (s), g_strdup (t));
    }
  return g_steal_pointer (&o);
}
