/* reply_check.c — a raw reply judged against the form: the record's values,
 * its problems and its status. Pure. See reply.h for the rules. */
#include "reply/reply.h"
#include "reply/reply_rendered.h"

#include "reply/read_failure.h"

#include "common/tf_error.h"
#include "form/member_state_match.h"

#include <math.h>
#include <string.h>

/* The widgets of one language version, as a reply in it has them. */
typedef struct {
  const TfLayout *layout;
  GHashTable *by_tooltip;     /* /TU → const TfWidget * (radio widgets) */
  GPtrArray *radio_widgets;   /* of const TfWidget * */
} Version;

struct TfReplyChecker
{
  const TfForm *form;
  const TfMemberStates *states;
  TfReplyCheckerOptions options;
  Version *versions[TF_LANG_COUNT];   /* NULL for a language not read */
};

/* What one reply is read with: its language version's widgets. */
typedef struct {
  const TfReplyChecker *c;
  const Version *v;
} Reading;

static gboolean
is_radio_widget (const TfWidget *w)
{
  return w->kind == TF_WIDGET_BOX || w->kind == TF_WIDGET_CIRCLE;
}

static void
version_free (Version *v)
{
  if (v == NULL)
    return;
  g_hash_table_unref (v->by_tooltip);
  g_ptr_array_unref (v->radio_widgets);
  g_free (v);
}

static Version *
version_new (const TfForm *form, const TfLayout *layout, GError **error)
{
  static const TfAnswer answers[] = { TF_ANSWER_ASSIGN, TF_ANSWER_WITHHOLD,
                                      TF_ANSWER_NO_COMMENTS, TF_ANSWER_COMMENTS_ATTACHED };
  for (guint i = 0; i < form->texts->len; i++)
    for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
      if (tf_layout_find_answer (layout, form->texts->pdata[i], answers[a]) == NULL)
        {
          const TfText *text = form->texts->pdata[i];
          g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION,
                       "the %s layout has no \"%s\" widget for %s",
                       tf_language_name (layout->language), tf_answer_state (answers[a]),
                       text->designation);
          return NULL;
        }
  Version *v = g_new0 (Version, 1);
  v->layout = layout;
  v->by_tooltip = g_hash_table_new (g_str_hash, g_str_equal);
  v->radio_widgets = g_ptr_array_new ();
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      if (!is_radio_widget (w))
        continue;
      g_ptr_array_add (v->radio_widgets, (gpointer) w);
      if (w->tooltip != NULL)
        g_hash_table_insert (v->by_tooltip, w->tooltip, (gpointer) w);
    }
  return v;
}

TfReplyChecker *
tf_reply_checker_new_in (const TfForm *form, const TfLayout *const *layouts, guint n,
                         const TfMemberStates *states,
                         const TfReplyCheckerOptions *options, GError **error)
{
  g_autoptr (TfReplyChecker) c = g_new0 (TfReplyChecker, 1);
  TfReplyCheckerOptions defaults = TF_REPLY_CHECKER_OPTIONS_INIT;
  c->form = form;
  c->states = states;
  c->options = options ? *options : defaults;
  for (guint i = 0; i < n; i++)
    {
      TfLanguage l = layouts[i]->language;
      if (c->versions[l] != NULL)
        continue;
      c->versions[l] = version_new (form, layouts[i], error);
      if (c->versions[l] == NULL)
        return NULL;
    }
  if (c->versions[form->default_language] == NULL)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_DEFINITION,
                   "no layout in the form's default language (%s) to read replies with",
                   tf_language_name (form->default_language));
      return NULL;
    }
  return g_steal_pointer (&c);
}

TfReplyChecker *
tf_reply_checker_new (const TfForm *form, const TfLayout *layout,
                      const TfMemberStates *states,
                      const TfReplyCheckerOptions *options, GError **error)
{
  const TfLayout *one[] = { layout };
  if (layout->language != form->default_language)
    {
      /* One layout, in another language: replies without form.language
       * are read with it too. */
      g_autoptr (TfReplyChecker) c = g_new0 (TfReplyChecker, 1);
      TfReplyCheckerOptions defaults = TF_REPLY_CHECKER_OPTIONS_INIT;
      c->form = form;
      c->states = states;
      c->options = options ? *options : defaults;
      c->versions[layout->language] = version_new (form, layout, error);
      if (c->versions[layout->language] == NULL)
        return NULL;
      return g_steal_pointer (&c);
    }
  return tf_reply_checker_new_in (form, one, 1, states, options, error);
}

void
tf_reply_checker_free (TfReplyChecker *checker)
{
  if (checker == NULL)
    return;
  for (int l = 0; l < TF_LANG_COUNT; l++)
    version_free (checker->versions[l]);
  g_free (checker);
}

const TfForm *
tf_reply_checker_form (const TfReplyChecker *checker)
{
  return checker->form;
}

/* ---- telling which radio widget is on ---------------------------------- */

typedef enum {
  WAY_NONE,     /* this way identifies no widget of the form */
  WAY_THIS,     /* a widget of the group being read */
  WAY_OTHER,    /* a widget of another group */
} WayKind;

typedef struct {
  WayKind kind;
  const TfWidget *widget;
} Way;

static Way
by_tooltip (const Reading *rd, const char *group, const TfRawRadio *r)
{
  const TfWidget *w = r->tooltip ? g_hash_table_lookup (rd->v->by_tooltip, r->tooltip) : NULL;
  if (w == NULL)
    return (Way) { WAY_NONE, NULL };
  return (Way) { g_str_equal (w->field, group) ? WAY_THIS : WAY_OTHER, w };
}

static Way
by_position (const Reading *rd, const char *group, const TfRawRadio *r)
{
  const TfReplyChecker *c = rd->c;
  double cx = r->rect.x + r->rect.w / 2, cy = r->rect.y + r->rect.h / 2;
  const TfWidget *best = NULL;
  double best_d = INFINITY;
  for (guint i = 0; i < rd->v->radio_widgets->len; i++)
    {
      const TfWidget *w = rd->v->radio_widgets->pdata[i];
      if (w->page != r->page)
        continue;
      double d = hypot (w->rect.x + w->rect.w / 2 - cx, w->rect.y + w->rect.h / 2 - cy);
      if (d < best_d)
        best_d = d, best = w;
    }
  if (best == NULL || !(best_d <= c->options.tolerance))
    return (Way) { WAY_NONE, NULL };
  return (Way) { g_str_equal (best->field, group) ? WAY_THIS : WAY_OTHER, best };
}

/* A short name for an answer, for messages. */
static const char *
answer_label (const TfForm *form, TfAnswer a)
{
  switch (a)
    {
    case TF_ANSWER_ASSIGN: return "assigns authority";
    case TF_ANSWER_WITHHOLD: return "does not assign authority";
    case TF_ANSWER_NO_COMMENTS:
    case TF_ANSWER_COMMENTS_ATTACHED: return tf_answer_wording (form, a);
    case TF_ANSWER_NONE: break;
    }
  return "no answer";
}

/* A layout widget named by what it says: "\"assigns authority\" of ITU-T
 * X.1148". Newly allocated. */
static char *
describe_widget (const TfForm *form, const TfWidget *w)
{
  return g_strdup_printf ("\"%s\" of %s", answer_label (form, w->answer),
                          w->text ? w->text->designation : w->field);
}

typedef struct {
  TfAnswer answer;
  gboolean absent;        /* the group is not in the file as a radio group */
  gboolean reported;      /* a problem about this group was added */
} GroupResult;

static GroupResult
check_group (const Reading *rd, TfReply *reply, const TfRawReply *raw,
             GHashTable *radios_by_field, const TfText *text, TfGroup group,
             gboolean required)
{
  const TfForm *form = rd->c->form;
  GroupResult result = { TF_ANSWER_NONE, FALSE, FALSE };
  g_autofree char *name = tf_field_group (text, group);
  const TfRawField *field = tf_raw_reply_find_field (raw, name);
  if (field == NULL || field->kind != TF_RAW_RADIO)
    {
      result.absent = TRUE;
      return result;
    }
  GPtrArray *radios = g_hash_table_lookup (radios_by_field, name);
  g_autoptr (GPtrArray) on = g_ptr_array_new ();
  for (guint i = 0; radios != NULL && i < radios->len; i++)
    if (((const TfRawRadio *) radios->pdata[i])->on)
      g_ptr_array_add (on, radios->pdata[i]);
  if (on->len == 0)
    return result;

  TfSeverity severity = required ? TF_SEVERITY_ERROR : TF_SEVERITY_WARNING;
  const char *what = group == TF_GROUP_AUTHORITY ? "box" : "option";
  const char *whats = group == TF_GROUP_AUTHORITY ? "boxes" : "options";
  result.reported = TRUE;
  if (on->len > 1)
    {
      /* Name what each ticked widget is, where it can be told. */
      g_autoptr (GString) list = g_string_new (NULL);
      for (guint i = 0; i < on->len; i++)
        {
          Way t = by_tooltip (rd, name, on->pdata[i]);
          Way p = by_position (rd, name, on->pdata[i]);
          const TfWidget *w = t.kind == WAY_THIS ? t.widget : p.kind == WAY_THIS ? p.widget : NULL;
          g_string_append (list, i ? (i + 1 == on->len ? " and " : ", ") : "");
          if (w != NULL)
            g_string_append_printf (list, "\"%s\"", answer_label (form, w->answer));
          else
            g_string_append (list, "one that is not the form's");
        }
      tf_reply_add_problem (reply, TF_PROBLEM_STATE_CONFLICT, severity, name,
                            "%u %s of %s are ticked at once (%s): the answer cannot "
                            "be told. Tick only one and send the form again.",
                            on->len, whats, text->designation, list->str);
      return result;
    }

  const TfRawRadio *r = on->pdata[0];
  Way t = by_tooltip (rd, name, r);
  Way p = by_position (rd, name, r);
  if (t.kind == WAY_THIS && p.kind == WAY_THIS && t.widget == p.widget)
    {
      result.answer = t.widget->answer;
      result.reported = FALSE;
    }
  else if (t.kind != WAY_NONE && p.kind != WAY_NONE)
    {
      g_autofree char *says = describe_widget (form, t.widget);
      g_autofree char *sits = describe_widget (form, p.widget);
      tf_reply_add_problem (reply, TF_PROBLEM_WIDGET_MISMATCH, severity, name,
                            "The ticked %s of %s is labelled as %s but sits where %s is "
                            "on the form: the file was altered and the answer cannot be "
                            "told. Tick the answer again on the original form and send it.",
                            what, text->designation, says, sits);
    }
  else if (t.kind == WAY_THIS || p.kind == WAY_THIS)
    {
      const TfWidget *w = t.kind == WAY_THIS ? t.widget : p.widget;
      result.answer = w->answer;
      tf_reply_add_problem (reply, TF_PROBLEM_WIDGET_UNVERIFIED, TF_SEVERITY_WARNING, name,
                            t.kind == WAY_THIS
                              ? "The ticked %s of %s (\"%s\") was recognized by its label "
                                "only: its place on the page matches none of the form's. "
                                "The answer is counted; check it against the PDF."
                              : "The ticked %s of %s (\"%s\") was recognized by its place "
                                "on the page only: its label is missing or changed. The "
                                "answer is counted; check it against the PDF.",
                            what, text->designation, answer_label (form, w->answer));
    }
  else
    {
      tf_reply_add_problem (reply, TF_PROBLEM_WIDGET_UNKNOWN, severity, name,
                            "A ticked %s of %s is neither labelled nor placed like any of "
                            "the form's (page %u, at %.0f, %.0f pt): the answer cannot be "
                            "told. Tick the answer again on the original form and send it.",
                            what, text->designation, r->page + 1, r->rect.x, r->rect.y);
    }
  return result;
}

/* A group's answer from its widgets, or, for a reply read from its
 * rendered pages, from its boxes' ink. */
static GroupResult
read_group (const Reading *rd, TfReply *reply, const TfRawReply *raw,
            GHashTable *radios_by_field, const TfText *text, TfGroup group,
            gboolean required)
{
  if (raw->optical == NULL)
    return check_group (rd, reply, raw, radios_by_field, text, group, required);
  GroupResult r = { TF_ANSWER_NONE, FALSE, FALSE };
  r.answer = tf_reply_rendered_group (reply, raw->optical, text, group, required,
                                      &r.reported, &r.absent);
  /* Its page is missing: page-missing said so. */
  if (r.absent)
    r.reported = TRUE, r.absent = FALSE;
  return r;
}

static TfReplyText *
check_text (const Reading *rd, TfReply *reply, const TfRawReply *raw,
            GHashTable *radios_by_field, const TfText *text)
{
  const TfForm *form = rd->c->form;
  TfReplyText *t = g_new0 (TfReplyText, 1);
  t->key = g_strdup (text->key);
  t->recommendation = g_strdup (text->designation);

  g_autofree char *authority_field = tf_field_group (text, TF_GROUP_AUTHORITY);
  g_autofree char *comments_field = tf_field_group (text, TF_GROUP_COMMENTS);

  /* The authority group first, its problems first; the comments choice is
   * required only when authority is assigned. */
  GroupResult authority = read_group (rd, reply, raw, radios_by_field, text,
                                      TF_GROUP_AUTHORITY, TRUE);
  t->authority = authority.answer;
  if (authority.absent)
    tf_reply_add_problem (reply, TF_PROBLEM_AUTHORITY_MISSING, TF_SEVERITY_ERROR,
                          authority_field,
                          "The form in this file has no boxes for %s (field %s is "
                          "missing), so it has no answer: fill in and send the "
                          "original form.", text->designation, authority_field);
  else if (t->authority == TF_ANSWER_NONE && !authority.reported)
    tf_reply_add_problem (reply, TF_PROBLEM_AUTHORITY_MISSING, TF_SEVERITY_ERROR,
                          authority_field,
                          "%s has no answer: tick one of its two boxes, \"assigns "
                          "authority\" or \"does not assign authority\" to consider the "
                          "text for approval.", text->designation);

  GroupResult comments = read_group (rd, reply, raw, radios_by_field, text, TF_GROUP_COMMENTS,
                                     authority.answer == TF_ANSWER_ASSIGN);
  t->comments = comments.answer;
  if (t->authority == TF_ANSWER_ASSIGN && comments.absent)
    tf_reply_add_problem (reply, TF_PROBLEM_COMMENTS_MISSING, TF_SEVERITY_ERROR,
                          comments_field,
                          "%s assigns authority, but the form in this file has no "
                          "comments options for it (field %s is missing): fill in and "
                          "send the original form.", text->designation, comments_field);
  else if (t->authority == TF_ANSWER_ASSIGN && t->comments == TF_ANSWER_NONE
           && !comments.reported)
    tf_reply_add_problem (reply, TF_PROBLEM_COMMENTS_MISSING, TF_SEVERITY_ERROR,
                          comments_field,
                          "%s assigns authority but neither comments option is "
                          "selected: select \"%s\" or \"%s\".", text->designation,
                          form->choices.none, form->choices.attached);
  else if (t->authority == TF_ANSWER_WITHHOLD && t->comments != TF_ANSWER_NONE)
    tf_reply_add_problem (reply, TF_PROBLEM_COMMENTS_WITHOUT_AUTHORITY, TF_SEVERITY_WARNING,
                          comments_field,
                          "%s does not assign authority, yet \"%s\" is selected: the "
                          "comments options apply only when authority is assigned. "
                          "Attach the reasons for not assigning authority, and clear "
                          "the option if it was ticked by mistake.",
                          text->designation, answer_label (form, t->comments));
  return t;
}

/* ---- the sender block -------------------------------------------------- */

static const char *
raw_text (const TfRawReply *raw, const char *name)
{
  if (raw->optical != NULL && g_str_has_prefix (name, "sender."))
    return g_hash_table_lookup (raw->optical->texts, name);
  const TfRawField *f = tf_raw_reply_find_field (raw, name);
  return f && f->kind == TF_RAW_TEXT ? f->value : NULL;
}

static void
check_member_state (const TfReplyChecker *c, TfReply *reply, const char *field,
                    const char *value)
{
  const TfForm *form = c->form;
  if (value == NULL)
    {
      tf_reply_add_problem (reply, TF_PROBLEM_MEMBER_STATE_MISSING, TF_SEVERITY_ERROR, field,
                            "The Member State is not given: write the name of the Member "
                            "State this reply is from.");
      return;
    }
  if (c->states == NULL)
    return;
  const TfMemberState *suggestion = NULL;
  const TfMemberState *state = tf_member_state_match (c->states, value, &suggestion);
  if (state == NULL && suggestion != NULL)
    tf_reply_add_problem (reply, TF_PROBLEM_MEMBER_STATE_UNKNOWN, TF_SEVERITY_WARNING, field,
                          "\"%s\" is not the name of an ITU Member State that tapform "
                          "recognizes; did you mean \"%s\"? Write the Member State's name "
                          "as the ITU lists it.", value, suggestion->name);
  else if (state == NULL)
    tf_reply_add_problem (reply, TF_PROBLEM_MEMBER_STATE_UNKNOWN, TF_SEVERITY_WARNING, field,
                          "\"%s\" is not the name of an ITU Member State that tapform "
                          "recognizes: write the Member State's name as the ITU lists it.",
                          value);
  else
    {
      reply->member_state_code = g_strdup (state->code);
      if (!tf_member_state_is_member_on (state, form->date))
        tf_reply_add_problem (reply, TF_PROBLEM_MEMBER_STATE_NOT_MEMBER, TF_SEVERITY_WARNING,
                              field,
                              "%s was not an ITU Member State on %s, the date of %s: only "
                              "Member States may reply to this consultation.",
                              state->name, form->date, form->reference);
    }
}

static void
check_sender (const TfReplyChecker *c, TfReply *reply, const TfRawReply *raw)
{
  for (guint i = 0; i < reply->sender->len; i++)
    {
      TfReplySender *s = reply->sender->pdata[i];
      g_autofree char *name = g_strconcat ("sender.", s->field, NULL);
      s->value = tf_reply_normalize_text (raw_text (raw, name));
      if (g_str_equal (s->field, "name") && s->value == NULL)
        tf_reply_add_problem (reply, TF_PROBLEM_NAME_MISSING, TF_SEVERITY_ERROR, name,
                              "The sender's name is not given: write the name of the "
                              "person who sends the reply.");
      else if (g_str_equal (s->field, "title") && s->value == NULL)
        tf_reply_add_problem (reply, TF_PROBLEM_TITLE_MISSING, TF_SEVERITY_WARNING, name,
                              "The sender's official role or title is not given: write it "
                              "so that TSB knows the reply comes from the administration.");
      else if (g_str_equal (s->field, "email") && s->value != NULL
               && !tf_reply_email_is_valid (s->value))
        tf_reply_add_problem (reply, TF_PROBLEM_EMAIL_INVALID, TF_SEVERITY_WARNING, name,
                              "\"%s\" is not an e-mail address: write one such as "
                              "name@example.org, so that TSB can write back.", s->value);
      else if (g_str_equal (s->field, "member_state"))
        check_member_state (c, reply, name, s->value);
    }
}

/* ---- which form this is -------------------------------------------------- */

/* The names of the form's fields that `raw` lacks (or has as another
 * kind), in form order; a new array of new strings. */
static GPtrArray *
missing_fields (const TfForm *form, const TfRawReply *raw)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < form->sender->len; i++)
    {
      char *name = tf_field_sender (form->sender->pdata[i]);
      const TfRawField *f = tf_raw_reply_find_field (raw, name);
      if (f == NULL || f->kind != TF_RAW_TEXT)
        g_ptr_array_add (missing, name);
      else
        g_free (name);
    }
  for (guint i = 0; i < form->texts->len; i++)
    for (TfGroup g = TF_GROUP_AUTHORITY; g <= TF_GROUP_COMMENTS; g++)
      {
        char *name = tf_field_group (form->texts->pdata[i], g);
        const TfRawField *f = tf_raw_reply_find_field (raw, name);
        if (f == NULL || f->kind != TF_RAW_RADIO)
          g_ptr_array_add (missing, name);
        else
          g_free (name);
      }
  return missing;
}

/* Whether `raw` is a reply to the form; if not, the invalid problem is
 * added. Sets reply->form. */
static gboolean
check_form (const TfReplyChecker *c, TfReply *reply, const TfRawReply *raw)
{
  const TfForm *form = c->form;
  g_autofree char *id = tf_reply_normalize_text (raw_text (raw, TF_FIELD_FORM_ID));
  if (id != NULL)
    {
      reply->form = g_strdup (id);
      if (g_str_equal (id, form->id_version))
        return TRUE;
      const char *at = strrchr (id, '@');
      if (at != NULL && (gsize) (at - id) == strlen (form->id)
          && strncmp (id, form->id, strlen (form->id)) == 0)
        tf_reply_add_problem (reply, TF_PROBLEM_WRONG_FORM, TF_SEVERITY_ERROR,
                              TF_FIELD_FORM_ID,
                              "This is version %s of the reply form %s; this definition is "
                              "version %" G_GINT64_FORMAT ": read it with the definition of "
                              "its version (tapform-read -f).", at + 1, form->id,
                              form->version);
      else
        tf_reply_add_problem (reply, TF_PROBLEM_WRONG_FORM, TF_SEVERITY_ERROR,
                              TF_FIELD_FORM_ID,
                              "This is the form \"%s\", not the reply form of %s (%s): "
                              "the administration should reply on the form sent with %s.",
                              id, form->reference, form->id_version, form->reference);
      return FALSE;
    }

  if (raw->fields->len == 0)
    {
      tf_reply_add_problem (reply, TF_PROBLEM_NO_FORM, TF_SEVERITY_ERROR, NULL,
                            "The PDF has no form fields: it was probably printed to PDF, "
                            "flattened or scanned, and its answers cannot be read from "
                            "fields. Check it by eye, or ask the administration for the "
                            "filled-in form itself.");
      return FALSE;
    }
  g_autoptr (GPtrArray) missing = missing_fields (form, raw);
  guint n_form = form->sender->len + 2 * form->texts->len;
  if (missing->len == n_form)
    {
      tf_reply_add_problem (reply, TF_PROBLEM_WRONG_FORM, TF_SEVERITY_ERROR, TF_FIELD_FORM_ID,
                            "This PDF holds another form: none of its fields is one of the "
                            "reply form of %s (%s). The administration should reply on the "
                            "form sent with %s.", form->reference, form->id_version,
                            form->reference);
      return FALSE;
    }
  if (missing->len > 0)
    {
      tf_reply_add_problem (reply, TF_PROBLEM_WRONG_FORM, TF_SEVERITY_ERROR, TF_FIELD_FORM_ID,
                            "This PDF has no form identifier (form.id) and lacks %u of the "
                            "fields of the reply form of %s (%s), the first being %s: it "
                            "is another form, or an altered one. The administration should "
                            "reply on the form sent with %s.", missing->len,
                            form->reference, form->id_version,
                            (const char *) missing->pdata[0], form->reference);
      return FALSE;
    }
  reply->form = g_strdup (form->id_version);
  tf_reply_add_problem (reply, TF_PROBLEM_FORM_ID_MISSING, TF_SEVERITY_WARNING,
                        TF_FIELD_FORM_ID,
                        "The form identifier (form.id) is missing, but every field matches "
                        "the reply form %s, so it was read as that form. Check that the "
                        "reply answers %s.", form->id_version, form->reference);
  return TRUE;
}

/* The language version `raw` is read as, set in the record: what its
 * form.language says; the default language when it has none (forms sent
 * before there were languages) or names one the checker does not read
 * (with a warning). */
static const Version *
check_language (const TfReplyChecker *c, TfReply *reply, const TfRawReply *raw)
{
  const TfForm *form = c->form;
  TfLanguage fallback = form->default_language;
  /* A checker of one other language only: that one. */
  for (int l = 0; c->versions[fallback] == NULL && l < TF_LANG_COUNT; l++)
    fallback = (TfLanguage) l;
  g_autofree char *code = tf_reply_normalize_text (raw_text (raw, TF_FIELD_FORM_LANGUAGE));
  TfLanguage language = fallback;
  if (code != NULL && (!tf_language_from_code (code, &language) || c->versions[language] == NULL))
    {
      language = fallback;
      tf_reply_add_problem (reply, TF_PROBLEM_LANGUAGE_UNKNOWN, TF_SEVERITY_WARNING,
                            TF_FIELD_FORM_LANGUAGE,
                            "The form's language field says \"%s\", which is not a language "
                            "of %s that tapform reads: it was read as the %s form. Check "
                            "its answers against the PDF.", code, form->reference,
                            tf_language_name (language));
    }
  reply->language = g_strdup (tf_language_code (language));
  return c->versions[language];
}

/* ---- a reply read from its rendered pages -------------------------------- */

static void check_answers (const TfReplyChecker *c, const Reading *rd, TfReply *reply,
                           const TfRawReply *raw);

static void
check_rendered (const TfReplyChecker *c, TfReply *reply, const TfRawReply *raw)
{
  const TfRawOptical *o = raw->optical;
  const TfForm *form = c->form;
  reply->source = TF_SOURCE_RENDERED;
  g_autofree gboolean *present = g_new0 (gboolean, MAX (o->form_pages, 1));
  gboolean any = FALSE;
  for (guint i = 0; i < o->pages->len; i++)
    any |= ((const TfRawPage *) o->pages->pdata[i])->fate == TF_PAGE_FORM;
  if (!any || c->versions[o->language] == NULL)
    {
      tf_reply_add_problem (reply, TF_PROBLEM_NO_FORM, TF_SEVERITY_ERROR, NULL,
                            "The PDF has no form fields, and none of its %u pages is a page "
                            "of the reply form of %s: it was probably another document, or "
                            "a scan too poor to read. Check it by eye.", o->pages->len,
                            form->reference);
      return;
    }
  reply->form = g_strdup (form->id_version);
  reply->language = g_strdup (tf_language_code (o->language));
  tf_reply_rendered_pages (reply, form, o, raw->n_pages, present);
  if (!o->has_text_layer)
    tf_reply_add_problem (reply, TF_PROBLEM_SENDER_NOT_READ, TF_SEVERITY_WARNING, NULL,
                          "The pages hold no text for the sender block (a scanned reply): "
                          "read the sender's name, Member State and address from the page.");
  Reading rd = { c, c->versions[o->language] };
  check_answers (c, &rd, reply, raw);
}

/* ---- the whole record ---------------------------------------------------- */

TfReply *
tf_reply_check (const TfReplyChecker *c, const char *file, const TfRawReply *raw)
{
  TfReply *reply = tf_reply_new_empty (c->form, file);
  reply->sha256 = g_strdup (raw->sha256);
  if (raw->created)
    reply->pdf_created = g_date_time_ref (raw->created);
  if (raw->modified)
    reply->pdf_modified = g_date_time_ref (raw->modified);
  if (raw->file_modified)
    reply->file_modified = g_date_time_ref (raw->file_modified);

  if (raw->outcome != TF_READ_OK)
    tf_reply_add_read_failure (reply, raw);
  else if (raw->optical != NULL)
    check_rendered (c, reply, raw);
  else if (check_form (c, reply, raw))
    {
      /* The problems of the form.id come first, then its language, the
       * sender block, then the texts, in the form's order. */
      Reading rd = { c, check_language (c, reply, raw) };
      check_answers (c, &rd, reply, raw);
    }
  tf_reply_update_status (reply);
  return reply;
}

/* The sender block, then the texts in the form's order. */
static void
check_answers (const TfReplyChecker *c, const Reading *rd, TfReply *reply,
               const TfRawReply *raw)
{
    {
      check_sender (c, reply, raw);
      g_autoptr (GHashTable) radios_by_field = g_hash_table_new_full (
        g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < raw->radios->len; i++)
        {
          TfRawRadio *r = raw->radios->pdata[i];
          GPtrArray *list = g_hash_table_lookup (radios_by_field, r->field);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (radios_by_field, r->field, list);
            }
          g_ptr_array_add (list, r);
        }
      for (guint i = 0; i < c->form->texts->len; i++)
        g_ptr_array_add (reply->texts,
                         check_text (rd, reply, raw, radios_by_field, c->form->texts->pdata[i]));
    }
}
