/* The 70% tally, on records built in code: which replies count, one per
 * Member State, late replies, and the threshold at its edges. */
#include <criterion/criterion.h>

#include "form/form.h"
#include "form/member_states.h"
#include "tally/tally.h"
#include "tally_fixture.h"

#include <math.h>
#include <string.h>

static TfForm *form;
static TfMemberStates *states;

static void
setup (void)
{
  form = tf_form_load_default (NULL);
  cr_assert_not_null (form);
  states = tf_member_states_load_default (NULL);
  cr_assert_not_null (states);
}

static void
teardown (void)
{
  tf_member_states_free (states);
  tf_form_free (form);
}

TestSuite (tally, .init = setup, .fini = teardown);

static const TfTallyText *
text (const TfTally *t, const char *key)
{
  for (guint i = 0; i < t->texts->len; i++)
    {
      const TfTallyText *tt = t->texts->pdata[i];
      if (g_str_equal (tt->text->key, key))
        return tt;
    }
  cr_assert_fail ("no text %s", key);
  return NULL;
}

static gboolean
list_has (GPtrArray *files, const char *file)
{
  for (guint i = 0; i < files->len; i++)
    if (g_str_equal (files->pdata[i], file))
      return TRUE;
  return FALSE;
}

#define ON_TIME "2020-08-01T10:00:00Z"

Test (tally, exactly_70_percent_meets_the_threshold)
{
  /* x1054: 7 assign, 3 withhold. x1148: 6 assign, 3 withhold, 1 none. */
  const Row rows[] = {
    { "a.pdf", "FRA", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    { "b.pdf", "DEU", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    { "c.pdf", "ITA", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    { "d.pdf", "ESP", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    { "e.pdf", "PRT", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    { "f.pdf", "BEL", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    { "g.pdf", "NLD", TF_STATUS_INCOMPLETE, "A-AAAAAAAAA", ON_TIME, NULL },
    { "h.pdf", "CHE", TF_STATUS_COMPLETE, "WWAAAAAAAAA", ON_TIME, NULL },
    { "i.pdf", "AUT", TF_STATUS_COMPLETE, "WWAAAAAAAAA", ON_TIME, NULL },
    { "j.pdf", "POL", TF_STATUS_COMPLETE, "WWAAAAAAAAA", ON_TIME, NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  g_autoptr (TfTally) t = tf_tally_count (form, states, (TfTallyInput *) b.inputs->data, b.inputs->len, NULL);

  const TfTallyText *x1054 = text (t, "x1054");
  cr_expect_eq (x1054->replies, 10);
  cr_expect_eq (x1054->assign, 7);
  cr_expect_eq (x1054->withhold, 3);
  cr_expect_eq (x1054->unanswered, 0);
  cr_expect (x1054->has_support);
  cr_expect_float_eq (x1054->support, 0.7, 1e-12);
  cr_expect (x1054->meets_threshold, "7 of 10 is 70%%: it meets the threshold");

  /* An unanswered text neither supports nor opposes: 6 / 9. */
  const TfTallyText *x1148 = text (t, "x1148");
  cr_expect_eq (x1148->replies, 10);
  cr_expect_eq (x1148->unanswered, 1);
  cr_expect_float_eq (x1148->support, 6.0 / 9.0, 1e-12);
  cr_expect_not (x1148->meets_threshold);

  cr_expect_eq (t->counted->len, 10);
  cr_expect_eq (t->uncounted->len, 0);
  batch_free (&b);
}

Test (tally, just_under_70_percent_does_not_meet_it)
{
  /* 6,999 of 10,000 (69.99%): many replies, so the Member State check is
   * off (states NULL) and the codes are made up. */
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < 10000; i++)
    {
      Row *row = g_new0 (Row, 1);
      char *code = g_strdup_printf ("S%04u", i);
      g_ptr_array_add (strings, code);
      *row = (Row) { code, code, TF_STATUS_COMPLETE, i < 6999 ? "AAAAAAAAAAA" : "WAAAAAAAAAA", ON_TIME, NULL };
      g_ptr_array_add (rows, row);
    }
  GArray *flat = g_array_new (FALSE, FALSE, sizeof (Row));
  for (guint i = 0; i < rows->len; i++)
    g_array_append_vals (flat, rows->pdata[i], 1);
  Batch b = batch_new (form, (Row *) flat->data, flat->len);
  g_autoptr (TfTally) t = tf_tally_count (form, NULL, (TfTallyInput *) b.inputs->data, b.inputs->len, NULL);
  const TfTallyText *x1054 = text (t, "x1054");
  cr_expect_eq (x1054->assign, 6999);
  cr_expect_float_eq (x1054->support, 0.6999, 1e-12);
  cr_expect_not (x1054->meets_threshold, "69.99%% must not meet 70%%");
  cr_expect (text (t, "x1148")->meets_threshold);
  batch_free (&b);
  g_array_unref (flat);
}

Test (tally, no_replies_lets_consideration_proceed)
{
  g_autoptr (TfTally) t = tf_tally_count (form, states, NULL, 0, NULL);
  cr_assert_eq (t->texts->len, form->texts->len);
  for (guint i = 0; i < t->texts->len; i++)
    {
      const TfTallyText *tt = t->texts->pdata[i];
      cr_expect_eq (tt->replies, 0);
      cr_expect_not (tt->has_support, "support is null with no replies");
      cr_expect (tt->meets_threshold, "Resolution 1: \"or if there are no replies\"");
    }
  cr_expect_eq (t->counted->len, 0);
}

Test (tally, the_latest_reply_of_a_member_state_counts)
{
  const Row rows[] = {
    /* FRA: by PDF modification date, the second is latest */
    { "fra-1.pdf", "FRA", TF_STATUS_COMPLETE, "WWWWWWWWWWW", "2020-07-01T10:00:00Z", NULL },
    { "fra-2.pdf", "FRA", TF_STATUS_COMPLETE, "AAAAAAAAAAA", "2020-07-20T10:00:00Z", NULL },
    /* DEU: the later PDF date wins even when given first */
    { "deu-new.pdf", "DEU", TF_STATUS_COMPLETE, "AAAAAAAAAAA", "2020-08-10T10:00:00Z", NULL },
    { "deu-old.pdf", "DEU", TF_STATUS_COMPLETE, "WWWWWWWWWWW", "2020-06-10T10:00:00Z", NULL },
    /* ITA: no PDF dates: file time decides */
    { "ita-late-file.pdf", "ITA", TF_STATUS_COMPLETE, "AAAAAAAAAAA", NULL, "2020-08-02T00:00:00Z" },
    { "ita-early-file.pdf", "ITA", TF_STATUS_COMPLETE, "WWWWWWWWWWW", NULL, "2020-08-01T00:00:00Z" },
    /* ESP: nothing to tell them apart: the order given */
    { "esp-a.pdf", "ESP", TF_STATUS_COMPLETE, "WWWWWWWWWWW", NULL, NULL },
    { "esp-b.pdf", "ESP", TF_STATUS_COMPLETE, "WWWWWWWWWWW", NULL, NULL },
    { "esp-c.pdf", "ESP", TF_STATUS_COMPLETE, "AAAAAAAAAAA", NULL, NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  g_autoptr (TfTally) t = tf_tally_count (form, states, (TfTallyInput *) b.inputs->data, b.inputs->len, NULL);
  const char *counted[] = { "fra-2.pdf", "deu-new.pdf", "ita-late-file.pdf", "esp-c.pdf" };
  cr_assert_eq (t->counted->len, G_N_ELEMENTS (counted));
  for (gsize i = 0; i < G_N_ELEMENTS (counted); i++)
    cr_expect_str_eq (t->counted->pdata[i], counted[i]);
  struct { const char *file, *by; } superseded[] = {
    { "fra-1.pdf", "fra-2.pdf" }, { "deu-old.pdf", "deu-new.pdf" },
    { "ita-early-file.pdf", "ita-late-file.pdf" },
    { "esp-a.pdf", "esp-c.pdf" }, { "esp-b.pdf", "esp-c.pdf" },
  };
  cr_assert_eq (t->superseded->len, G_N_ELEMENTS (superseded));
  for (gsize i = 0; i < G_N_ELEMENTS (superseded); i++)
    {
      const TfTallySuperseded *s = t->superseded->pdata[i];
      cr_expect_str_eq (s->file, superseded[i].file);
      cr_expect_str_eq (s->by, superseded[i].by);
    }
  const TfTallyText *x1054 = text (t, "x1054");
  cr_expect_eq (x1054->replies, 4);
  cr_expect_eq (x1054->assign, 4);
  batch_free (&b);
}

Test (tally, invalid_unknown_and_non_member_replies_are_uncounted)
{
  const Row rows[] = {
    { "ok.pdf", "FRA", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    { "photo.pdf", NULL, TF_STATUS_INVALID, NULL, NULL, NULL },
    { "nobody.pdf", NULL, TF_STATUS_INCOMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    /* Palau joined the ITU in 2024: not a Member State for Circular 246 */
    { "palau.pdf", "PLW", TF_STATUS_COMPLETE, "WWWWWWWWWWW", ON_TIME, NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  g_autoptr (TfTally) t = tf_tally_count (form, states, (TfTallyInput *) b.inputs->data, b.inputs->len, NULL);
  cr_assert_eq (t->counted->len, 1);
  cr_assert_eq (t->uncounted->len, 3);
  const TfTallyUncounted *u0 = t->uncounted->pdata[0], *u1 = t->uncounted->pdata[1],
                         *u2 = t->uncounted->pdata[2];
  cr_expect_str_eq (u0->file, "photo.pdf");
  cr_expect_not_null (strstr (u0->reason, "PNG"), "%s", u0->reason);
  cr_expect_str_eq (u1->file, "nobody.pdf");
  cr_expect_not_null (strstr (u1->reason, "does not say which Member State"), "%s", u1->reason);
  cr_expect_str_eq (u2->file, "palau.pdf");
  cr_expect_not_null (strstr (u2->reason, "not an ITU Member State on 2020-04-22"), "%s", u2->reason);
  cr_expect_eq (text (t, "x1054")->withhold, 0);
  batch_free (&b);
}

Test (tally, late_replies_are_listed_and_counted_only_when_asked)
{
  const Row rows[] = {
    { "fra.pdf", "FRA", TF_STATUS_COMPLETE, "AAAAAAAAAAA", ON_TIME, NULL },
    /* one minute after 23:59 UTC on 13 August 2020 */
    { "deu-late.pdf", "DEU", TF_STATUS_COMPLETE, "WWWWWWWWWWW", "2020-08-14T00:00:00Z", NULL },
    /* no PDF date: the file's time says late */
    { "ita-late.pdf", "ITA", TF_STATUS_COMPLETE, "WWWWWWWWWWW", NULL, "2020-09-01T00:00:00Z" },
    /* exactly at the deadline is on time */
    { "esp.pdf", "ESP", TF_STATUS_COMPLETE, "WWWWWWWWWWW", "2020-08-13T23:59:00Z", NULL },
  };
  Batch b = batch_new (form, rows, G_N_ELEMENTS (rows));
  g_autoptr (TfTally) t = tf_tally_count (form, states, (TfTallyInput *) b.inputs->data, b.inputs->len, NULL);
  cr_expect_eq (t->late->len, 2);
  cr_expect (list_has (t->late, "deu-late.pdf") && list_has (t->late, "ita-late.pdf"));
  cr_expect_eq (t->counted->len, 2);
  cr_expect_not (list_has (t->counted, "deu-late.pdf"));
  cr_expect_eq (text (t, "x1054")->withhold, 1);

  TfTallyOptions options = TF_TALLY_OPTIONS_INIT;
  options.count_late = TRUE;
  g_autoptr (TfTally) all = tf_tally_count (form, states, (TfTallyInput *) b.inputs->data, b.inputs->len, &options);
  cr_expect_eq (all->late->len, 2, "late replies are still listed as late");
  cr_expect_eq (all->counted->len, 4);
  cr_expect_eq (text (all, "x1054")->withhold, 3);
  batch_free (&b);
}
