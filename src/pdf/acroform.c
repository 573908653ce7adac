#include "pdf/acroform.h"

#include "common/tf_error.h"
#include "pdf/appearance.h"
#include "pdf/haru_font.h"
#include "pdf/haru_objects.h"

#include <string.h>

/* Field flags (PDF 32000-1, 12.7.3.1 and 12.7.4) and annotation flags. */
#define FF_READ_ONLY (1 << 0)
#define FF_MULTILINE (1 << 12)
#define FF_NO_TOGGLE_TO_OFF (1 << 14)
#define FF_RADIO (1 << 15)
#define ANNOT_HIDDEN (1 << 1)
#define ANNOT_PRINT (1 << 2)

struct TfAcroformText
{
  const TfWidget *widget;
  HPDF_Font font;             /* the field font */
  gboolean align_right;       /* /Q 2: a right-to-left form */
  HPDF_Dict field;            /* the merged field and widget */
  HPDF_Dict appearance;       /* its /AP /N stream */
  HPDF_Dict resources;        /* the font resources of that stream */
};

typedef struct {
  HPDF_Doc doc;
  gboolean rtl;               /* the layout is right to left */
  HPDF_Page *pages;
  GHashTable *texts;          /* name → TfAcroformText*, returned */
  TfPdfFonts *fonts;
  GHashTable *values;         /* borrowed, may be NULL */
  GHashTable *used_values;    /* names of values that found their field */
  HPDF_Array fields;          /* the AcroForm's /Fields */
  GHashTable *nodes;          /* qualified name → HPDF_Dict of a field */
  HPDF_Dict text_resources;   /* /Resources of text appearances */
  /* Appearances shared by identical widgets: [kind is circle][on]. */
  HPDF_Dict button_ap[2][2];
  double button_size[2][2];
} Builder;

/* Puts `field` under its parent (made as needed) or in /Fields. */
static void attach (Builder *b, HPDF_Dict field, const char *qualified);

/* The non-terminal or radio field named `qualified`, made on first use. */
static HPDF_Dict
node (Builder *b, const char *qualified)
{
  HPDF_Dict field = g_hash_table_lookup (b->nodes, qualified);
  if (field == NULL)
    {
      field = tf_haru_object (b->doc);
      g_hash_table_insert (b->nodes, g_strdup (qualified), field);
      attach (b, field, qualified);
    }
  return field;
}

static void
attach (Builder *b, HPDF_Dict field, const char *qualified)
{
  const char *dot = strrchr (qualified, '.');
  tf_haru_set_text (b->doc, field, "T", dot ? dot + 1 : qualified);
  if (dot == NULL)
    {
      HPDF_Array_Add (b->fields, field);
      return;
    }
  g_autofree char *parent_name = g_strndup (qualified, (gsize) (dot - qualified));
  HPDF_Dict parent = node (b, parent_name);
  HPDF_Dict_Add (field, "Parent", parent);
  HPDF_Array kids = HPDF_Dict_GetItem (parent, "Kids", HPDF_OCLASS_ARRAY);
  if (kids == NULL)
    {
      kids = tf_haru_array (b->doc);
      HPDF_Dict_Add (parent, "Kids", kids);
    }
  HPDF_Array_Add (kids, field);
}

/* The value given for `field`, noted as used; NULL if none. */
static const char *
take_value (Builder *b, const char *field)
{
  const char *value = b->values ? g_hash_table_lookup (b->values, field) : NULL;
  if (value != NULL)
    g_hash_table_add (b->used_values, (gpointer) field);
  return value;
}

static void
widget_common (Builder *b, HPDF_Dict widget, const TfWidget *w, int flags)
{
  HPDF_Dict_AddName (widget, "Type", "Annot");
  HPDF_Dict_AddName (widget, "Subtype", "Widget");
  tf_haru_set_rect (b->doc, widget, "Rect", &w->rect);
  HPDF_Dict_Add (widget, "P", b->pages[w->page]);
  HPDF_Dict_AddNumber (widget, "F", flags);
  tf_haru_set_text (b->doc, widget, "TU", w->tooltip);
  HPDF_Array_Add (tf_haru_page_annots (b->doc, b->pages[w->page]), widget);
}

static double
text_size (const TfWidget *w)
{
  return w->font_size > 0 ? w->font_size : 10;
}

static double
field_font_width (void *ctx, const char *visual, double size)
{
  return (double) tf_haru_font_width (ctx, visual) * size / 1000.0;
}

char *
tf_acroform_drawn_text (const char *utf8)
{
  g_auto (GStrv) lines = tf_appearance_text_lines (utf8, TRUE);
  return g_strjoinv ("\n", lines);
}

void
tf_acroform_set_text (HPDF_Doc doc, TfAcroformText *text, const char *utf8)
{
  const TfWidget *w = text->widget;
  gboolean hidden = w->kind == TF_WIDGET_HIDDEN_TEXT;
  if (utf8 != NULL)
    tf_haru_set_text (doc, text->field, "V", utf8);
  else
    HPDF_Dict_RemoveElement (text->field, "V");
  /* A hidden field shows nothing; an empty one has an empty stream. */
  g_autoptr (GString) content = tf_appearance_text (hidden ? NULL : utf8, TF_PDF_FIELD_FONT,
                                                    text_size (w), w->rect.w, w->rect.h,
                                                    w->multiline, text->align_right,
                                                    field_font_width, text->font);
  tf_haru_stream_replace (text->appearance, content->str, content->len);
  if (content->len > 0)
    HPDF_Dict_Add (text->appearance, "Resources", text->resources);
  else
    HPDF_Dict_RemoveElement (text->appearance, "Resources");
}

/* A text field and its one widget, merged in one dictionary. */
static void
add_text (Builder *b, const TfWidget *w)
{
  gboolean hidden = w->kind == TF_WIDGET_HIDDEN_TEXT;
  TfAcroformText *text = g_new0 (TfAcroformText, 1);
  text->widget = w;
  text->font = b->fonts->font[TF_FONT_REGULAR];
  text->align_right = b->rtl && !hidden;
  text->resources = b->text_resources;
  text->field = tf_haru_object (b->doc);
  g_hash_table_insert (b->texts, w->field, text);

  HPDF_Dict field = text->field;
  attach (b, field, w->field);
  HPDF_Dict_AddName (field, "FT", "Tx");
  HPDF_Dict_AddNumber (field, "Ff", (hidden ? FF_READ_ONLY : 0)
                                      | (w->multiline ? FF_MULTILINE : 0));
  g_autofree char *da = g_strdup_printf ("/%s %g Tf 0 g", TF_PDF_FIELD_FONT, text_size (w));
  HPDF_Dict_Add (field, "DA", HPDF_String_New (b->doc->mmgr, da, NULL));
  /* Right-to-left forms: what a viewer draws as the filler types, right
   * aligned (its own appearance, not ours). */
  if (text->align_right)
    HPDF_Dict_AddNumber (field, "Q", 2);
  widget_common (b, field, w, hidden ? ANNOT_HIDDEN : ANNOT_PRINT);

  text->appearance = tf_haru_form_xobject (b->doc, w->rect.w, w->rect.h, NULL, NULL, 0);
  HPDF_Dict ap = tf_haru_dict (b->doc);
  HPDF_Dict_Add (ap, "N", text->appearance);
  HPDF_Dict_Add (field, "AP", ap);

  const char *value = take_value (b, w->field);
  if (value != NULL && !hidden)
    {
      g_autofree char *drawn = tf_acroform_drawn_text (value);
      tf_pdf_fonts_note (b->fonts, TF_FONT_REGULAR, drawn);
    }
  tf_acroform_set_text (b->doc, text, value);
}

static HPDF_Dict
button_appearance (Builder *b, const TfWidget *w, gboolean on)
{
  int kind = w->kind == TF_WIDGET_CIRCLE;
  /* Every box (and every circle) has the same size on this form, so one
   * stream serves them all; a widget of another size gets its own. */
  if (b->button_ap[kind][on] != NULL && b->button_size[kind][on] == w->rect.w)
    return b->button_ap[kind][on];
  g_autoptr (GString) content = tf_appearance_button (w->kind, w->rect.w, w->rect.h, on);
  HPDF_Dict stream = tf_haru_form_xobject (b->doc, w->rect.w, w->rect.h, NULL,
                                           content->str, content->len);
  if (b->button_ap[kind][on] == NULL)
    {
      b->button_ap[kind][on] = stream;
      b->button_size[kind][on] = w->rect.w;
    }
  return stream;
}

/* The inheritable keys of a radio group (PDF 32000-1, 12.7.3.1), on the
 * group and again on each of its widgets. The same values, so every
 * reader sees the same field; but Poppler looks each of them up for every
 * widget, walking up the field tree and parsing every ancestor again where
 * a key is missing (the default /Q and /DV included): found on the widget,
 * a returned reply reads a fifth faster (bench/form-shape.sh). */
static void
radio_keys (Builder *b, HPDF_Dict dict)
{
  HPDF_Dict_AddName (dict, "FT", "Btn");
  HPDF_Dict_AddNumber (dict, "Ff", FF_RADIO | FF_NO_TOGGLE_TO_OFF);
  HPDF_Dict_Add (dict, "DA", HPDF_String_New (b->doc->mmgr, "/ZaDb 0 Tf 0 g", NULL));
  HPDF_Dict_AddNumber (dict, "Q", 0);
  HPDF_Dict_AddName (dict, "DV", "Off");
}

/* One radio widget, a kid of its group. */
static void
add_radio (Builder *b, const TfWidget *w)
{
  HPDF_Dict group = node (b, w->field);
  const char *state = tf_answer_state (w->answer);
  if (HPDF_Dict_GetItem (group, "FT", HPDF_OCLASS_NAME) == NULL)
    {
      radio_keys (b, group);
      g_autofree char *tooltip = tf_field_group_tooltip (w->text, tf_answer_group (w->answer));
      tf_haru_set_text (b->doc, group, "TU", tooltip);
      const char *chosen = take_value (b, w->field);
      HPDF_Dict_AddName (group, "V", chosen ? chosen : "Off");
    }
  const char *chosen = b->values ? g_hash_table_lookup (b->values, w->field) : NULL;
  gboolean on = chosen != NULL && g_str_equal (chosen, state);

  HPDF_Dict widget = tf_haru_object (b->doc);
  HPDF_Dict_Add (widget, "Parent", group);
  radio_keys (b, widget);
  HPDF_Array kids = HPDF_Dict_GetItem (group, "Kids", HPDF_OCLASS_ARRAY);
  if (kids == NULL)
    {
      kids = tf_haru_array (b->doc);
      HPDF_Dict_Add (group, "Kids", kids);
    }
  HPDF_Array_Add (kids, widget);
  widget_common (b, widget, w, ANNOT_PRINT);

  /* The on-state first: Poppler takes the first non-Off key as the
   * widget's on-state. */
  HPDF_Dict normal = tf_haru_dict (b->doc);
  HPDF_Dict_Add (normal, state, button_appearance (b, w, TRUE));
  HPDF_Dict_Add (normal, "Off", button_appearance (b, w, FALSE));
  HPDF_Dict ap = tf_haru_dict (b->doc);
  HPDF_Dict_Add (ap, "N", normal);
  HPDF_Dict_Add (widget, "AP", ap);
  HPDF_Dict_AddName (widget, "AS", on ? state : "Off");

  /* What a viewer that draws its own buttons should draw: ZapfDingbats
   * "4" is a tick, "l" a dot. */
  HPDF_Dict mk = tf_haru_dict (b->doc);
  HPDF_Dict_Add (mk, "CA", HPDF_String_New (b->doc->mmgr,
                                            w->kind == TF_WIDGET_BOX ? "4" : "l", NULL));
  HPDF_Dict_Add (widget, "MK", mk);
}

/* /DR: the embedded field font, and ZapfDingbats for viewers that draw
 * radio buttons themselves from /MK. */
static HPDF_Dict
default_resources (Builder *b)
{
  HPDF_Dict zadb = tf_haru_object (b->doc);
  HPDF_Dict_AddName (zadb, "Type", "Font");
  HPDF_Dict_AddName (zadb, "Subtype", "Type1");
  HPDF_Dict_AddName (zadb, "BaseFont", "ZapfDingbats");

  HPDF_Dict fonts = tf_haru_dict (b->doc);
  HPDF_Dict_Add (fonts, TF_PDF_FIELD_FONT, b->fonts->font[TF_FONT_REGULAR]);
  HPDF_Dict_Add (fonts, "ZaDb", zadb);
  HPDF_Dict dr = tf_haru_dict (b->doc);
  HPDF_Dict_Add (dr, "Font", fonts);
  return dr;
}

static gboolean
check_values_used (Builder *b, GError **error)
{
  if (b->values == NULL)
    return TRUE;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, b->values);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (!g_hash_table_contains (b->used_values, key))
      {
        g_set_error (error, TF_ERROR, TF_ERROR_USAGE,
                     "the form has no field \"%s\" to pre-fill", (const char *) key);
        return FALSE;
      }
  return TRUE;
}

/* A radio value must name one of its group's on-states. */
static gboolean
check_radio_values (Builder *b, const TfLayout *layout, GError **error)
{
  if (b->values == NULL)
    return TRUE;
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      const char *chosen = g_hash_table_lookup (b->values, w->field);
      if (w->text == NULL || chosen == NULL)
        continue;
      TfAnswer a = tf_answer_from_state (chosen);
      if (a == TF_ANSWER_NONE || tf_answer_group (a) != tf_answer_group (w->answer))
        {
          g_set_error (error, TF_ERROR, TF_ERROR_USAGE,
                       "\"%s\" is not an option of field \"%s\"", chosen, w->field);
          return FALSE;
        }
    }
  return TRUE;
}

GHashTable *
tf_acroform_add (HPDF_Doc doc, HPDF_Page *pages, const TfLayout *layout,
                 TfPdfFonts *fonts, GHashTable *values, GError **error)
{
  Builder b = { .doc = doc, .rtl = layout->rtl, .pages = pages, .fonts = fonts,
                .values = values };
  if (!check_radio_values (&b, layout, error))
    return NULL;
  b.texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  b.used_values = g_hash_table_new (g_str_hash, g_str_equal);
  b.nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b.fields = tf_haru_array (doc);

  HPDF_Dict font_map = tf_haru_dict (doc);
  HPDF_Dict_Add (font_map, TF_PDF_FIELD_FONT, fonts->font[TF_FONT_REGULAR]);
  b.text_resources = tf_haru_object (doc);
  HPDF_Dict_Add (b.text_resources, "Font", font_map);

  for (guint i = 0; i < layout->n_pages; i++)
    HPDF_Dict_AddName (pages[i], "Tabs", "R");   /* tab order: row by row */

  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      if (w->kind == TF_WIDGET_BOX || w->kind == TF_WIDGET_CIRCLE)
        add_radio (&b, w);
      else
        add_text (&b, w);
    }

  HPDF_Dict acroform = tf_haru_object (doc);
  HPDF_Dict_Add (acroform, "Fields", b.fields);
  HPDF_Dict_Add (acroform, "DR", default_resources (&b));
  g_autofree char *da = g_strdup_printf ("/%s 0 Tf 0 g", TF_PDF_FIELD_FONT);
  HPDF_Dict_Add (acroform, "DA", HPDF_String_New (doc->mmgr, da, NULL));
  /* Every widget has complete appearances: viewers must not redo them. */
  HPDF_Dict_AddBoolean (acroform, "NeedAppearances", HPDF_FALSE);
  HPDF_Dict_Add (tf_haru_catalog (doc), "AcroForm", acroform);

  gboolean ok = check_values_used (&b, error);
  g_hash_table_unref (b.nodes);
  g_hash_table_unref (b.used_values);
  if (!ok)
    g_clear_pointer (&b.texts, g_hash_table_unref);
  return b.texts;
}
