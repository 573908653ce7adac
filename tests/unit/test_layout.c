/* The layout, pure: no PDF. A fake font (every character half an em wide)
 * stands in for the embedded one. */
#include <criterion/criterion.h>

#include "layout/layout.h"
#include "layout/wrap.h"

#include <math.h>

static double
fake_width (void *ctx, TfFontStyle style, double size, const char *utf8)
{
  (void) ctx;
  return (style == TF_FONT_BOLD ? 0.55 : 0.5) * size * g_utf8_strlen (utf8, -1);
}

static const TfMeasure fake = { fake_width, NULL };

static gboolean
inside (const TfRect *inner, double x0, double y0, double x1, double y1)
{
  return inner->x >= x0 && inner->y >= y0 && inner->x + inner->w <= x1
         && inner->y + inner->h <= y1;
}

static gboolean
overlap (const TfRect *a, const TfRect *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h
         && b->y < a->y + a->h;
}

Test (wrap, breaks_at_spaces_and_newlines)
{
  g_auto (GStrv) lines = tf_wrap (&fake, TF_FONT_REGULAR, 10, "aaa bbb ccc\nddd", 40);
  /* 5 pt a character: 8 characters fit in 40 pt */
  cr_assert_eq (g_strv_length (lines), 3);
  cr_expect_str_eq (lines[0], "aaa bbb");
  cr_expect_str_eq (lines[1], "ccc");
  cr_expect_str_eq (lines[2], "ddd");
}

Test (wrap, breaks_a_word_too_long_for_a_line)
{
  g_auto (GStrv) lines = tf_wrap (&fake, TF_FONT_REGULAR, 10, "ab abcdefghijkl", 30);
  cr_assert_eq (g_strv_length (lines), 3);
  cr_expect_str_eq (lines[0], "ab");
  cr_expect_str_eq (lines[1], "abcdef");
  cr_expect_str_eq (lines[2], "ghijkl");
}

Test (wrap, counts_characters_not_bytes)
{
  g_auto (GStrv) lines = tf_wrap (&fake, TF_FONT_REGULAR, 10, "Привет мир", 30);
  cr_assert_eq (g_strv_length (lines), 2);
  cr_expect_str_eq (lines[0], "Привет");
}

static TfLayout *
shipped_layout (TfForm **form)
{
  g_autoptr (GError) error = NULL;
  *form = tf_form_load_default (&error);
  cr_assert_not_null (*form, "%s", error ? error->message : "");
  TfLayout *layout = tf_layout_new (*form, &fake, &error);
  cr_assert_not_null (layout, "%s", error ? error->message : "");
  return layout;
}

Test (layout, every_text_has_its_four_radio_widgets)
{
  TfForm *form;
  g_autoptr (TfLayout) layout = shipped_layout (&form);
  for (guint i = 0; i < form->texts->len; i++)
    {
      const TfText *t = form->texts->pdata[i];
      const TfWidget *assign = tf_layout_find_answer (layout, t, TF_ANSWER_ASSIGN);
      const TfWidget *withhold = tf_layout_find_answer (layout, t, TF_ANSWER_WITHHOLD);
      const TfWidget *none = tf_layout_find_answer (layout, t, TF_ANSWER_NO_COMMENTS);
      const TfWidget *attached = tf_layout_find_answer (layout, t, TF_ANSWER_COMMENTS_ATTACHED);
      cr_assert (assign && withhold && none && attached, "text %s", t->key);
      cr_expect_eq (assign->kind, TF_WIDGET_BOX);
      cr_expect_eq (withhold->kind, TF_WIDGET_BOX);
      cr_expect_eq (none->kind, TF_WIDGET_CIRCLE);
      cr_expect_eq (attached->kind, TF_WIDGET_CIRCLE);
      /* A row never splits across pages. */
      cr_expect (assign->page == withhold->page && assign->page == none->page
                 && assign->page == attached->page, "text %s splits", t->key);
      /* Reading order: assign, its two options under it, then withhold. */
      cr_expect_gt (assign->rect.y, none->rect.y);
      cr_expect_gt (none->rect.y, attached->rect.y);
      cr_expect_gt (attached->rect.y, withhold->rect.y);
      cr_expect_gt (none->rect.x, assign->rect.x, "options are indented");
    }
  tf_form_free (form);
}

Test (layout, widgets_are_on_the_page_and_never_overlap)
{
  TfForm *form;
  g_autoptr (TfLayout) layout = shipped_layout (&form);
  cr_expect_gt (layout->n_pages, 1);
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *a = layout->widgets->pdata[i];
      cr_expect_lt (a->page, layout->n_pages);
      if (a->kind == TF_WIDGET_HIDDEN_TEXT)
        continue;
      cr_expect (inside (&a->rect, 40, 50, layout->page_width - 40, layout->page_height - 40),
                 "%s outside the page body", a->field);
      for (guint j = i + 1; j < layout->widgets->len; j++)
        {
          const TfWidget *b = layout->widgets->pdata[j];
          if (b->kind != TF_WIDGET_HIDDEN_TEXT && a->page == b->page)
            cr_expect_not (overlap (&a->rect, &b->rect), "%s overlaps %s", a->tooltip, b->tooltip);
        }
    }
  tf_form_free (form);
}

Test (layout, tab_order_goes_down_the_page)
{
  TfForm *form;
  g_autoptr (TfLayout) layout = shipped_layout (&form);
  const TfWidget *previous = NULL;
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      if (w->kind == TF_WIDGET_HIDDEN_TEXT)
        continue;
      if (previous && previous->page == w->page)
        cr_expect (w->rect.y + w->rect.h <= previous->rect.y + previous->rect.h + 0.01,
                   "%s comes before %s in tab order but sits lower",
                   previous->tooltip, w->tooltip);
      else if (previous)
        cr_expect_gt (w->page, previous->page);
      previous = w;
    }
  tf_form_free (form);
}

Test (layout, every_page_has_a_footer_and_registration_marks)
{
  TfForm *form;
  g_autoptr (TfLayout) layout = shipped_layout (&form);
  for (guint page = 0; page < layout->n_pages; page++)
    {
      g_autofree char *label = g_strdup_printf ("page %u of %u", page + 1, layout->n_pages);
      gboolean found = FALSE;
      for (guint i = 0; i < layout->runs->len; i++)
        {
          const TfTextRun *r = layout->runs->pdata[i];
          found |= r->page == page && g_str_equal (r->text, label);
        }
      cr_expect (found, "no \"%s\"", label);
      guint marks = 0;
      for (guint i = 0; i < layout->shapes->len; i++)
        {
          const TfShape *s = layout->shapes->pdata[i];
          marks += s->page == page && s->kind == TF_SHAPE_FILL && s->gray == 0
                   && fabs (s->rect.w - s->rect.h) < 0.01 && s->rect.w < 10;
        }
      cr_expect_eq (marks, 4, "page %u has %u registration marks", page + 1, marks);
    }
  tf_form_free (form);
}

Test (layout, fields_follow_the_contract)
{
  TfForm *form;
  g_autoptr (TfLayout) layout = shipped_layout (&form);
  const char *names[] = { "form.id", "form.language", "sender.name", "sender.title",
                          "sender.address", "sender.fax", "sender.email",
                          "sender.member_state" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    cr_expect_not_null (tf_layout_find_field (layout, names[i]), "%s", names[i]);
  cr_expect (tf_layout_find_field (layout, "sender.address")->multiline);
  cr_expect_eq (tf_layout_find_field (layout, "form.id")->kind, TF_WIDGET_HIDDEN_TEXT);
  cr_expect_eq (tf_layout_find_field (layout, "form.language")->kind, TF_WIDGET_HIDDEN_TEXT);
  /* 8 text widgets + 4 per text, nothing else */
  cr_expect_eq (layout->widgets->len, 8 + 4 * form->texts->len);
  tf_form_free (form);
}
