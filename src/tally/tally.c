#include "tally/tally.h"

#include <math.h>

static void
superseded_free (TfTallySuperseded *s)
{
  g_free (s->file);
  g_free (s->by);
  g_free (s);
}

static void
uncounted_free (TfTallyUncounted *u)
{
  g_free (u->file);
  g_free (u->reason);
  g_free (u);
}

void
tf_tally_free (TfTally *tally)
{
  if (tally == NULL)
    return;
  g_free (tally->form);
  g_free (tally->deadline);
  g_ptr_array_unref (tally->texts);
  g_ptr_array_unref (tally->counted);
  g_ptr_array_unref (tally->superseded);
  g_ptr_array_unref (tally->uncounted);
  g_ptr_array_unref (tally->late);
  g_array_unref (tally->fates);
  g_free (tally);
}

GDateTime *
tf_tally_input_date (const TfTallyInput *input)
{
  return input->reply->pdf_modified ? input->reply->pdf_modified : input->file_time;
}

/* Why a reply cannot count at all, or NULL when it can (a new string). */
static char *
uncountable_reason (const TfForm *form, const TfMemberStates *states,
                    const TfReply *reply)
{
  if (reply->status == TF_STATUS_INVALID)
    {
      const TfProblem *p = reply->problems->len ? reply->problems->pdata[0] : NULL;
      return g_strdup_printf ("not a readable reply to this form%s%s",
                              p ? ": " : "", p ? p->message : "");
    }
  if (reply->member_state_code == NULL)
    {
      const char *written = tf_reply_sender_value (reply, "member_state");
      return written
        ? g_strdup_printf ("\"%s\" is not a Member State tapform recognizes", written)
        : g_strdup ("the reply does not say which Member State sent it");
    }
  const TfMemberState *state = states ? tf_member_states_find_code (states, reply->member_state_code) : NULL;
  if (states != NULL && (state == NULL || !tf_member_state_is_member_on (state, form->date)))
    return g_strdup_printf ("%s was not an ITU Member State on %s",
                            state ? state->name : reply->member_state_code, form->date);
  return NULL;
}

/* Whether `a` was received after `b`: PDF modification date, then file
 * time, then input order (a later index is later). */
static gboolean
is_later (const TfTallyInput *a, guint ia, const TfTallyInput *b, guint ib)
{
  GDateTime *pa = a->reply->pdf_modified, *pb = b->reply->pdf_modified;
  if (pa && pb && g_date_time_compare (pa, pb) != 0)
    return g_date_time_compare (pa, pb) > 0;
  if (a->file_time && b->file_time && g_date_time_compare (a->file_time, b->file_time) != 0)
    return g_date_time_compare (a->file_time, b->file_time) > 0;
  return ia > ib;
}

gboolean
tf_tally_input_is_late (const TfForm *form, const TfTallyInput *input)
{
  GDateTime *date = tf_tally_input_date (input);
  return date != NULL && g_date_time_compare (date, form->deadline) > 0;
}

/* Support reaches the threshold, in exact integer arithmetic. */
static gboolean
meets (guint assign, guint answered, double threshold)
{
  gint64 millionths = llround (threshold * 1e6);
  return (gint64) assign * 1000000 >= millionths * (gint64) answered;
}

static void
count_texts (TfTally *tally, const TfForm *form, const TfTallyInput *inputs,
             const gboolean *counts, guint n)
{
  for (guint t = 0; t < form->texts->len; t++)
    {
      TfTallyText *tt = g_new0 (TfTallyText, 1);
      tt->text = form->texts->pdata[t];
      for (guint i = 0; i < n; i++)
        {
          if (!counts[i])
            continue;
          const TfReplyText *answer = inputs[i].reply->texts->pdata[t];
          tt->replies++;
          if (answer->authority == TF_ANSWER_ASSIGN)
            tt->assign++;
          else if (answer->authority == TF_ANSWER_WITHHOLD)
            tt->withhold++;
          else
            tt->unanswered++;
        }
      guint answered = tt->assign + tt->withhold;
      tt->has_support = answered > 0;
      tt->support = answered ? (double) tt->assign / answered : 0;
      tt->meets_threshold = answered == 0 || meets (tt->assign, answered, form->threshold);
      g_ptr_array_add (tally->texts, tt);
    }
}

TfTally *
tf_tally_count (const TfForm *form, const TfMemberStates *states,
                const TfTallyInput *inputs, guint n,
                const TfTallyOptions *options)
{
  TfTallyOptions defaults = TF_TALLY_OPTIONS_INIT;
  if (options == NULL)
    options = &defaults;

  TfTally *tally = g_new0 (TfTally, 1);
  tally->form = g_strdup (form->id_version);
  tally->threshold = form->threshold;
  tally->deadline = g_strdup (form->reply_deadline);
  tally->count_late = options->count_late;
  tally->texts = g_ptr_array_new_with_free_func (g_free);
  tally->counted = g_ptr_array_new_with_free_func (g_free);
  tally->superseded = g_ptr_array_new_with_free_func ((GDestroyNotify) superseded_free);
  tally->uncounted = g_ptr_array_new_with_free_func ((GDestroyNotify) uncounted_free);
  tally->late = g_ptr_array_new_with_free_func (g_free);
  tally->fates = g_array_sized_new (FALSE, FALSE, sizeof (TfTallyFate), n);

  g_autofree gboolean *counts = g_new0 (gboolean, MAX (n, 1));
  /* alpha-3 → index of the reply that counts for that state so far */
  g_autoptr (GHashTable) latest = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *superseded_by = g_new0 (guint, MAX (n, 1));
  g_autofree gboolean *superseded = g_new0 (gboolean, MAX (n, 1));
  g_autofree gboolean *late = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const TfReply *reply = inputs[i].reply;
      g_autofree char *reason = uncountable_reason (form, states, reply);
      if (reason != NULL)
        {
          TfTallyUncounted *u = g_new0 (TfTallyUncounted, 1);
          u->file = g_strdup (reply->file);
          u->reason = g_steal_pointer (&reason);
          g_ptr_array_add (tally->uncounted, u);
          continue;
        }
      if (tf_tally_input_is_late (form, &inputs[i]))
        {
          g_ptr_array_add (tally->late, g_strdup (reply->file));
          late[i] = TRUE;
          if (!options->count_late)
            continue;
        }
      gpointer previous;
      if (g_hash_table_lookup_extended (latest, reply->member_state_code, NULL, &previous))
        {
          guint p = GPOINTER_TO_UINT (previous);
          guint older = is_later (&inputs[i], i, &inputs[p], p) ? p : i;
          guint newer = older == p ? i : p;
          superseded[older] = TRUE;
          superseded_by[older] = newer;
          counts[older] = FALSE;
          counts[newer] = TRUE;
          g_hash_table_insert (latest, reply->member_state_code, GUINT_TO_POINTER (newer));
        }
      else
        {
          counts[i] = TRUE;
          g_hash_table_insert (latest, reply->member_state_code, GUINT_TO_POINTER (i));
        }
    }

  for (guint i = 0; i < n; i++)
    {
      TfTallyFate fate = counts[i] ? TF_TALLY_COUNTED
                       : superseded[i] ? TF_TALLY_SUPERSEDED
                       : late[i] ? TF_TALLY_LATE : TF_TALLY_UNCOUNTED;
      g_array_append_val (tally->fates, fate);
      if (counts[i])
        g_ptr_array_add (tally->counted, g_strdup (inputs[i].reply->file));
      if (superseded[i])
        {
          /* Follow the chain: what superseded it may itself be superseded. */
          guint by = superseded_by[i];
          while (superseded[by])
            by = superseded_by[by];
          TfTallySuperseded *s = g_new0 (TfTallySuperseded, 1);
          s->file = g_strdup (inputs[i].reply->file);
          s->by = g_strdup (inputs[by].reply->file);
          g_ptr_array_add (tally->superseded, s);
        }
    }
  count_texts (tally, form, inputs, counts, n);
  return tally;
}

TfTally *
tf_tally_count_replies (const TfForm *form, const TfMemberStates *states, GPtrArray *replies,
                        const TfTallyOptions *options)
{
  g_autofree TfTallyInput *inputs = g_new0 (TfTallyInput, MAX (replies->len, 1));
  for (guint i = 0; i < replies->len; i++)
    {
      const TfReply *reply = replies->pdata[i];
      inputs[i] = (TfTallyInput) { reply, reply->file_modified };
    }
  return tf_tally_count (form, states, inputs, replies->len, options);
}
