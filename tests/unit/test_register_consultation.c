/* test_register_consultation.c — samples/consultation (counted by hand:
 * tests/fixtures/consultation-tally.json) registered in three runs as its
 * replies might arrive: an early reply corrected later, the same file sent
 * twice under other names, an invalid one, a late one. The register's
 * tally and chase list are byte for byte those of the folder; the chase
 * list names exactly the Member States that still owe a complete reply. */
#include "register_support.h"
#include "test_util.h"

#include "tally/chase.h"
#include "tally/chase_format.h"
#include "tally/tally.h"

#include <criterion/criterion.h>
#include <string.h>

#define FOLDER "samples/consultation"

READ_TEST_FIXTURE
static GPtrArray *folder;       /* the replies as a folder read gives them */
static char *path;

static void
setup (void)
{
  read_fixture_setup ();
  folder = register_test_read_folder (r, FOLDER);
  path = g_build_filename (tmp, "consultation.sqlite", NULL);
}

static void
teardown (void)
{
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&folder, g_ptr_array_unref);
  read_fixture_teardown ();
}

TestSuite (register_consultation, .init = setup, .fini = teardown);

/* One run: opens the register, adds `names` (of the folder; "NAME=COPY"
 * adds NAME's bytes under the name COPY), expects `outcomes` ('A' added,
 * 'K' known), closes. */
static void
run (const char *const *names, const char *outcomes)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (names[i], "=", 2);
      const TfReply *reply = register_test_find (folder, FOLDER, parts[0]);
      g_autoptr (TfReply) copy = parts[1] ? register_test_renamed (r, reply, parts[1]) : NULL;
      TfRegisterOutcome got = register_test_add (reg, copy ? copy : reply);
      TfRegisterOutcome want = outcomes[i] == 'A' ? TF_REGISTER_ADDED : TF_REGISTER_KNOWN;
      cr_expect_eq (got, want, "%s: %d, want %c", names[i], got, outcomes[i]);
    }
  cr_assert_eq (strlen (outcomes), g_strv_length ((char **) names));
}

static char *
chase_json (GPtrArray *replies)
{
  g_autoptr (TfTally) tally = tf_tally_count_replies (r->form, r->states, replies, NULL);
  g_autoptr (TfChase) chase = tf_chase_list_replies (r->form, r->states, replies, tally);
  return tf_chase_format (chase, TF_CHASE_JSON);
}

static TfChase *
chase_of (GPtrArray *replies)
{
  g_autoptr (TfTally) tally = tf_tally_count_replies (r->form, r->states, replies, NULL);
  return tf_chase_list_replies (r->form, r->states, replies, tally);
}

static const TfChaseEntry *
entry (const TfChase *chase, const char *code)
{
  for (guint i = 0; i < chase->entries->len; i++)
    if (g_str_equal (((TfChaseEntry *) chase->entries->pdata[i])->code, code))
      return chase->entries->pdata[i];
  return NULL;
}

static GPtrArray *
load (void)
{
  g_autoptr (TfRegister) reg = register_test_open (r, path);
  return register_test_load (reg);
}

Test (register_consultation, three_runs_give_the_folders_tally_and_chase_list)
{
  const char *first[] = { "fra-first.pdf", "deu-v1.pdf", "ita.pdf", "scan.pdf", NULL };
  run (first, "AAAA");
  {
    g_autoptr (GPtrArray) so_far = load ();
    g_autoptr (TfChase) chase = chase_of (so_far);
    cr_expect_eq (chase->complete, 3, "France, Germany and Italy so far");
    cr_expect_eq (chase->entries->len, 190);
    cr_expect_eq (chase->uncounted->len, 1);
  }

  const char *second[] = { "fra.pdf", "deu-v2.pdf", "bra.pdf", "chn.pdf", "esp.pdf",
                           "ita.pdf=inbox/ita-again.pdf", "gbr.pdf", "fra-first.pdf", NULL };
  run (second, "AAAAAKAK");
  const char *third[] = { "ind.pdf", "jpn.pdf", "ken.pdf", "atlantis.pdf", "plw.pdf",
                          "rus-late.pdf", "scan.pdf=inbox/scan (1).pdf", NULL };
  run (third, "AAAAAAK");

  g_autoptr (GPtrArray) registered = load ();
  cr_assert_eq (registered->len, folder->len, "each file once");
  g_autofree char *want_tally = register_test_tally_json (r, folder);
  g_autofree char *got_tally = register_test_tally_json (r, registered);
  cr_expect_str_eq (got_tally, want_tally);
  g_autofree char *want_chase = chase_json (folder);
  g_autofree char *got_chase = chase_json (registered);
  cr_expect_str_eq (got_chase, want_chase);

  /* A fourth run of everything again adds nothing. */
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < folder->len; i++)
    g_ptr_array_add (all, g_path_get_basename (((TfReply *) folder->pdata[i])->file));
  g_ptr_array_add (all, NULL);
  g_autofree char *knowns = g_strnfill (folder->len, 'K');
  run ((const char *const *) all->pdata, knowns);
  g_autoptr (GPtrArray) again = load ();
  g_autofree char *again_tally = register_test_tally_json (r, again);
  cr_expect_str_eq (again_tally, want_tally);
}

Test (register_consultation, the_chase_list_names_who_still_owes_a_complete_reply)
{
  const char *everything[] = { "atlantis.pdf", "bra.pdf", "chn.pdf", "deu-v1.pdf",
                               "deu-v2.pdf", "esp.pdf", "fra-first.pdf", "fra.pdf", "gbr.pdf",
                               "ind.pdf", "ita.pdf", "jpn.pdf", "ken.pdf", "plw.pdf",
                               "rus-late.pdf", "scan.pdf", NULL };
  run (everything, "AAAAAAAAAAAAAAAA");
  g_autoptr (GPtrArray) registered = load ();
  g_autoptr (TfChase) chase = chase_of (registered);

  cr_expect_eq (chase->member_states, 193, "Palau joined in 2024");
  cr_expect_eq (chase->complete, 9);
  cr_expect_eq (chase->entries->len, 184);
  cr_expect_eq (tf_chase_count (chase, TF_CHASE_NO_REPLY), 182);
  cr_expect_eq (tf_chase_count (chase, TF_CHASE_INCOMPLETE), 1);
  cr_expect_eq (tf_chase_count (chase, TF_CHASE_LATE), 1);
  const char *complete[] = { "BRA", "CHN", "DEU", "ESP", "FRA", "GBR", "ITA", "JPN", "KEN",
                             "PLW" };
  for (guint i = 0; i < G_N_ELEMENTS (complete); i++)
    cr_expect_null (entry (chase, complete[i]), "%s is listed", complete[i]);
  g_autoptr (GPtrArray) members = tf_member_states_on (r->states, r->form->date);
  for (guint i = 0; i < members->len; i++)
    {
      const TfMemberState *s = members->pdata[i];
      gboolean done = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (complete); k++)
        done |= g_str_equal (s->code, complete[k]);
      cr_expect (done || entry (chase, s->code) != NULL, "%s is not listed", s->code);
    }

  const TfChaseEntry *ind = entry (chase, "IND");
  cr_assert_not_null (ind);
  cr_expect_eq (ind->reason, TF_CHASE_INCOMPLETE);
  cr_expect_str_eq (ind->file, FOLDER "/ind.pdf");
  cr_expect_str_eq (ind->sender_name, "Priya Sharma");
  cr_expect_str_eq (ind->sender_email, "standards@example.gov");
  cr_assert_eq (ind->problems->len, 1);
  const TfProblem *p = ind->problems->pdata[0];
  cr_expect_eq (p->code, TF_PROBLEM_AUTHORITY_MISSING);
  cr_expect_str_eq (p->field, "text.x1216.authority");
  g_autofree char *received = tf_chase_date_text (ind->received);
  cr_expect_str_eq (received, "2020-07-10T10:00:00Z");

  const TfChaseEntry *rus = entry (chase, "RUS");
  cr_assert_not_null (rus);
  cr_expect_eq (rus->reason, TF_CHASE_LATE);
  cr_expect (rus->late);
  cr_expect_str_eq (rus->sender_name, "Ivan Petrov");
  g_autofree char *late = tf_chase_date_text (rus->received);
  cr_expect_str_eq (late, "2020-08-20T10:00:00Z");

  const TfChaseEntry *afg = entry (chase, "AFG");
  cr_assert_not_null (afg);
  cr_expect_eq (afg->reason, TF_CHASE_NO_REPLY);
  cr_expect_null (afg->file);
  cr_expect_null (afg->received);

  cr_assert_eq (chase->uncounted->len, 3);
  const char *uncounted[] = { "atlantis.pdf", "plw.pdf", "scan.pdf" };
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *want = g_build_filename (FOLDER, uncounted[i], NULL);
      cr_expect_str_eq (((TfTallyUncounted *) chase->uncounted->pdata[i])->file, want);
    }
}
