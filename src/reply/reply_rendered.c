#include "reply/reply_rendered.h"

TfBoxVerdict
tf_box_verdict (const TfRawBox *b)
{
  if (b->inside < 0.015 && b->light < 0.04 && b->near < 0.03 && b->far < 0.01)
    return TF_BOX_EMPTY;
  if (b->far >= 0.01)
    return TF_BOX_OVER;
  if (b->inside >= 0.55)
    return b->near < 0.25 ? TF_BOX_TICKED : TF_BOX_BLACKED;
  if (b->inside >= 0.06)
    return TF_BOX_TICKED;
  return TF_BOX_FAINT;
}

static const char *
state_label (const char *state)
{
  switch (tf_answer_from_state (state))
    {
    case TF_ANSWER_ASSIGN: return "assigns authority";
    case TF_ANSWER_WITHHOLD: return "does not assign authority";
    case TF_ANSWER_NO_COMMENTS: return "no comments";
    case TF_ANSWER_COMMENTS_ATTACHED: return "comments attached";
    case TF_ANSWER_NONE: break;
    }
  return state;
}

static const char *
why (TfBoxVerdict v)
{
  switch (v)
    {
    case TF_BOX_FAINT: return "a faint mark";
    case TF_BOX_OVER: return "a mark over the box";
    case TF_BOX_BLACKED: return "the box blacked out";
    case TF_BOX_EMPTY:
    case TF_BOX_TICKED: break;
    }
  return "a mark";
}

void
tf_reply_rendered_pages (TfReply *reply, const TfForm *form, const TfRawOptical *o,
                         guint n_file_pages, gboolean *present)
{
  g_autoptr (GString) skipped = g_string_new (NULL);
  for (guint i = 0; i < o->form_pages; i++)
    present[i] = FALSE;
  for (guint i = 0; i < o->pages->len; i++)
    {
      const TfRawPage *p = o->pages->pdata[i];
      if (p->fate == TF_PAGE_FORM && p->form_page < o->form_pages)
        present[p->form_page] = TRUE;
      else if (p->fate == TF_PAGE_UNREGISTERED)
        tf_reply_add_problem (reply, TF_PROBLEM_PAGE_UNREGISTERED, TF_SEVERITY_WARNING, NULL,
                              "Page %u of the file has the form's corner marks but fits no "
                              "page of the form (%.0f %% of a page's print found): it was "
                              "not read. Look at it.", p->page + 1, p->match * 100);
      else
        g_string_append_printf (skipped, "%s%u", skipped->len ? ", " : "", p->page + 1);
    }
  if (skipped->len > 0 || n_file_pages > o->pages->len)
    tf_reply_add_problem (reply, TF_PROBLEM_PAGE_SKIPPED, TF_SEVERITY_WARNING, NULL,
                          "%s%s%s%s: skipped. Look at %s.",
                          skipped->len ? "Not a page of the form (no corner marks): page " : "",
                          skipped->str, skipped->len && n_file_pages > o->pages->len ? "; " : "",
                          n_file_pages > o->pages->len
                            ? "pages after the first " G_STRINGIFY (TF_OPTICAL_MAX_PAGES)
                              " were not looked at" : "",
                          n_file_pages > o->pages->len ? "them" : "it");
  for (guint i = 0; i < o->form_pages; i++)
    if (!present[i])
      tf_reply_add_problem (reply, TF_PROBLEM_PAGE_MISSING, TF_SEVERITY_ERROR, NULL,
                            "Page %u of %u of the form is not in the file: its answers are "
                            "unknown. Ask the administration for the whole form (%s).",
                            i + 1, o->form_pages, form->reference);
}

TfAnswer
tf_reply_rendered_group (TfReply *reply, const TfRawOptical *o, const TfText *text,
                         TfGroup group, gboolean required, gboolean *reported,
                         gboolean *absent)
{
  g_autofree char *name = tf_field_group (text, group);
  const TfRawBox *ticked = NULL;
  guint n_ticked = 0, n_boxes = 0;
  g_autoptr (GString) doubts = g_string_new (NULL);
  guint page = 0;
  for (guint i = 0; i < o->boxes->len; i++)
    {
      const TfRawBox *b = o->boxes->pdata[i];
      if (!g_str_equal (b->field, name))
        continue;
      n_boxes++;
      page = b->form_page;
      TfBoxVerdict v = tf_box_verdict (b);
      if (v == TF_BOX_TICKED)
        ticked = b, n_ticked++;
      else if (v != TF_BOX_EMPTY)
        g_string_append_printf (doubts, "%s\"%s\": %s", doubts->len ? "; " : "",
                                state_label (b->state), why (v));
    }
  *reported = FALSE;
  *absent = n_boxes == 0;
  if (*absent)
    return TF_ANSWER_NONE;
  TfSeverity severity = required ? TF_SEVERITY_ERROR : TF_SEVERITY_WARNING;
  if (doubts->len > 0 || n_ticked > 1)
    {
      *reported = TRUE;
      tf_reply_add_problem (reply, TF_PROBLEM_BOX_DOUBTFUL, severity, name,
                            "The answer of %s on page %u cannot be told from the page (%s): "
                            "it was not counted. Look at the page and enter the answer by "
                            "hand.", text->designation, page + 1,
                            doubts->len ? doubts->str : "two boxes marked");
      return TF_ANSWER_NONE;
    }
  return ticked ? tf_answer_from_state (ticked->state) : TF_ANSWER_NONE;
}
