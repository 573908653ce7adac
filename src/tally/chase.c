/* chase.c — who still has to answer; see chase.h. */
#include "tally/chase.h"

static void
entry_free (TfChaseEntry *e)
{
  g_free (e->code);
  g_free (e->name);
  g_free (e->file);
  g_free (e->sender_name);
  g_free (e->sender_email);
  g_clear_pointer (&e->received, g_date_time_unref);
  g_ptr_array_unref (e->problems);
  g_free (e);
}

static void
uncounted_free (TfTallyUncounted *u)
{
  g_free (u->file);
  g_free (u->reason);
  g_free (u);
}

void
tf_chase_free (TfChase *chase)
{
  if (chase == NULL)
    return;
  g_free (chase->form);
  g_free (chase->reference);
  g_free (chase->date);
  g_free (chase->deadline);
  g_ptr_array_unref (chase->entries);
  g_ptr_array_unref (chase->uncounted);
  g_free (chase);
}

const char *
tf_chase_reason_name (TfChaseReason reason)
{
  switch (reason)
    {
    case TF_CHASE_NO_REPLY: return "no-reply";
    case TF_CHASE_INCOMPLETE: return "incomplete";
    case TF_CHASE_LATE: return "late";
    }
  return "no-reply";
}

guint
tf_chase_count (const TfChase *chase, TfChaseReason reason)
{
  guint n = 0;
  for (guint i = 0; i < chase->entries->len; i++)
    n += ((const TfChaseEntry *) chase->entries->pdata[i])->reason == reason;
  return n;
}

/* What a state's replies came to: the input that counts for it, and the
 * latest of those that came late and do not count (indexes, or -1). */
typedef struct {
  gint counted;
  gint late;
} StateReplies;

/* Whether late input `a` (index ia) was received after `b` (ib): by date,
 * then by input order, as the tally tells the latest. */
static gboolean
received_after (const TfTallyInput *a, guint ia, const TfTallyInput *b, guint ib)
{
  GDateTime *da = tf_tally_input_date (a), *db = tf_tally_input_date (b);
  if (da && db && g_date_time_compare (da, db) != 0)
    return g_date_time_compare (da, db) > 0;
  return ia > ib;
}

static TfChaseEntry *
entry_new (const TfForm *form, const TfMemberState *state, TfChaseReason reason,
           const TfTallyInput *input)
{
  TfChaseEntry *e = g_new0 (TfChaseEntry, 1);
  e->code = g_strdup (state->code);
  e->name = g_strdup (state->name);
  e->reason = reason;
  e->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tf_problem_free);
  if (input == NULL)
    return e;
  const TfReply *reply = input->reply;
  e->file = g_strdup (reply->file);
  e->sender_name = g_strdup (tf_reply_sender_value (reply, "name"));
  e->sender_email = g_strdup (tf_reply_sender_value (reply, "email"));
  GDateTime *received = tf_tally_input_date (input);
  e->received = received ? g_date_time_ref (received) : NULL;
  e->late = tf_tally_input_is_late (form, input);
  for (guint i = 0; i < reply->problems->len; i++)
    {
      const TfProblem *p = reply->problems->pdata[i];
      if (p->severity == TF_SEVERITY_ERROR)
        g_ptr_array_add (e->problems, tf_problem_new (p->code, p->severity, p->field,
                                                      p->message));
    }
  return e;
}

TfChase *
tf_chase_list (const TfForm *form, const TfMemberStates *states,
               const TfTallyInput *inputs, guint n, const TfTally *tally)
{
  g_return_val_if_fail (tally->fates->len == n, NULL);
  TfChase *chase = g_new0 (TfChase, 1);
  chase->form = g_strdup (form->id_version);
  chase->reference = g_strdup (form->reference);
  chase->date = g_strdup (form->date);
  chase->deadline = g_strdup (form->reply_deadline);
  chase->count_late = tally->count_late;
  chase->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  chase->uncounted = g_ptr_array_new_with_free_func ((GDestroyNotify) uncounted_free);

  /* alpha-3 → StateReplies, for the states any reply counts for */
  g_autoptr (GHashTable) by_state = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           g_free);
  for (guint i = 0; i < n; i++)
    {
      TfTallyFate fate = g_array_index (tally->fates, TfTallyFate, i);
      const char *code = inputs[i].reply->member_state_code;
      if ((fate != TF_TALLY_COUNTED && fate != TF_TALLY_LATE) || code == NULL)
        continue;
      StateReplies *s = g_hash_table_lookup (by_state, code);
      if (s == NULL)
        {
          s = g_new (StateReplies, 1);
          *s = (StateReplies) { -1, -1 };
          g_hash_table_insert (by_state, (gpointer) code, s);
        }
      if (fate == TF_TALLY_COUNTED)
        s->counted = (gint) i;
      else if (s->late < 0 || received_after (&inputs[i], i, &inputs[s->late], s->late))
        s->late = (gint) i;
    }

  g_autoptr (GPtrArray) members = tf_member_states_on (states, form->date);
  chase->member_states = members->len;
  for (guint m = 0; m < members->len; m++)
    {
      const TfMemberState *state = members->pdata[m];
      const StateReplies *s = g_hash_table_lookup (by_state, state->code);
      TfChaseEntry *e;
      if (s != NULL && s->counted >= 0)
        {
          const TfTallyInput *in = &inputs[s->counted];
          if (in->reply->status == TF_STATUS_COMPLETE)
            {
              chase->complete++;
              continue;
            }
          e = entry_new (form, state, TF_CHASE_INCOMPLETE, in);
        }
      else if (s != NULL && s->late >= 0)
        e = entry_new (form, state, TF_CHASE_LATE, &inputs[s->late]);
      else
        e = entry_new (form, state, TF_CHASE_NO_REPLY, NULL);
      g_ptr_array_add (chase->entries, e);
    }

  for (guint i = 0; i < tally->uncounted->len; i++)
    {
      const TfTallyUncounted *u = tally->uncounted->pdata[i];
      TfTallyUncounted *copy = g_new0 (TfTallyUncounted, 1);
      copy->file = g_strdup (u->file);
      copy->reason = g_strdup (u->reason);
      g_ptr_array_add (chase->uncounted, copy);
    }
  return chase;
}

TfChase *
tf_chase_list_replies (const TfForm *form, const TfMemberStates *states, GPtrArray *replies,
                       const TfTally *tally)
{
  g_autofree TfTallyInput *inputs = g_new0 (TfTallyInput, MAX (replies->len, 1));
  for (guint i = 0; i < replies->len; i++)
    {
      const TfReply *reply = replies->pdata[i];
      inputs[i] = (TfTallyInput) { reply, reply->file_modified };
    }
  return tf_chase_list (form, states, inputs, replies->len, tally);
}
