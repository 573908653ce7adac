/* test_member_states.c — the shipped Member State data, its loader, the
 * date filter, name matching, and the generated names file. */
#include "common/tf_error.h"
#include "form/member_state_match.h"
#include "form/member_states.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define STATES_PATH TAPFORM_SOURCE_DIR "/forms/member-states.json"
#define NAMES_PATH TAPFORM_SOURCE_DIR "/forms/member-state-names.json"
#define ISO_3166_PATH "/usr/share/iso-codes/json/iso_3166-1.json"

/* Circular 246 is dated 2020-04-22; Palau joined on 2024-09-19. */
#define CIRCULAR_246_DATE "2020-04-22"

static TfMemberStates *
load_shipped (void)
{
  g_autoptr (GError) error = NULL;
  TfMemberStates *states = tf_member_states_load (STATES_PATH, NAMES_PATH, &error);
  cr_assert_not_null (states, "loading the shipped files: %s", error ? error->message : "?");
  return states;
}

static gboolean
on_date (const TfMemberStates *states, const char *code, const char *date)
{
  const TfMemberState *state = tf_member_states_find_code (states, code);
  cr_assert_not_null (state, "%s is in the data", code);
  return tf_member_state_is_member_on (state, date);
}

/* ---- the shipped data ------------------------------------------------ */

Test (member_states, shipped_file_lists_194_states)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  cr_assert_eq (tf_member_states_count (states), 194);
}

Test (member_states, exactly_193_members_for_circular_246)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  g_autoptr (GPtrArray) members = tf_member_states_on (states, CIRCULAR_246_DATE);
  cr_assert_eq (members->len, 193);
  cr_assert_not (on_date (states, "PLW", CIRCULAR_246_DATE), "Palau was not a member in 2020");
  cr_assert (on_date (states, "VAT", CIRCULAR_246_DATE), "Vatican was a member in 2020");
  for (guint i = 0; i < members->len; i++)
    cr_assert_str_neq (((const TfMemberState *) members->pdata[i])->code, "PLW");
}

Test (member_states, exactly_194_members_after_palau_joined)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  g_autoptr (GPtrArray) members = tf_member_states_on (states, "2024-10-01");
  cr_assert_eq (members->len, 194);
  cr_assert_not (on_date (states, "PLW", "2024-09-18"));
  cr_assert (on_date (states, "PLW", "2024-09-19"), "joined on that day counts");
}

Test (member_states, filter_keeps_file_order)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  g_autoptr (GPtrArray) members = tf_member_states_on (states, CIRCULAR_246_DATE);
  guint j = 0;
  for (guint i = 0; i < tf_member_states_count (states); i++)
    if (tf_member_states_get (states, i) == members->pdata[j])
      j++;
  cr_assert_eq (j, members->len, "every member appears, in file order");
}

Test (member_states, every_code_is_in_iso_codes)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_file (parser, ISO_3166_PATH, &error), "%s",
             error ? error->message : "");
  JsonArray *countries = json_object_get_array_member (
      json_node_get_object (json_parser_get_root (parser)), "3166-1");
  g_autoptr (GHashTable) alpha3 = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (countries); i++)
    g_hash_table_add (alpha3, (gpointer) json_object_get_string_member (
                                  json_array_get_object_element (countries, i), "alpha_3"));

  g_autoptr (TfMemberStates) states = load_shipped ();
  for (guint i = 0; i < tf_member_states_count (states); i++)
    {
      const char *code = tf_member_states_get (states, i)->code;
      cr_assert (g_hash_table_contains (alpha3, code), "%s is not in %s", code, ISO_3166_PATH);
    }
}

Test (member_states, every_itu_name_is_unique)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < tf_member_states_count (states); i++)
    {
      const char *name = tf_member_states_get (states, i)->name;
      cr_assert_not (g_hash_table_contains (seen, name), "\"%s\" appears twice", name);
      g_hash_table_add (seen, (gpointer) name);
    }
}

Test (member_states, shipped_entries_hold_their_fields)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  const TfMemberState *deu = tf_member_states_find_code (states, "deu");
  cr_assert_not_null (deu, "lookup by code ignores case");
  cr_assert_str_eq (deu->code, "DEU");
  cr_assert_str_eq (deu->name, "Germany (Federal Republic of)");
  cr_assert_null (deu->joined);
  cr_assert_str_eq (deu->alpha2, "DE");
  cr_assert (g_strv_contains ((const char *const *) deu->names, "Allemagne"));
  cr_assert_not_null (deu->aliases);

  const TfMemberState *tur = tf_member_states_find_code (states, "TUR");
  cr_assert_str_eq (tur->name, "Türkiye");
  cr_assert (g_strv_contains ((const char *const *) tur->aliases, "Turkey"));
  cr_assert_str_eq (tf_member_states_find_code (states, "PLW")->joined, "2024-09-19");

  cr_assert_null (tf_member_states_find_code (states, "XXX"));
  cr_assert_null (tf_member_states_find_code (states, "FR"));
  cr_assert_null (tf_member_states_find_code (states, ""));
}

Test (member_states, loads_without_names_file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfMemberStates) states = tf_member_states_load (STATES_PATH, NULL, &error);
  cr_assert_not_null (states, "%s", error ? error->message : "");
  const TfMemberState *fra = tf_member_states_find_code (states, "FRA");
  cr_assert_not_null (fra->names);
  cr_assert_null (fra->names[0]);
  cr_assert_null (fra->alpha2);
  cr_assert_eq (tf_member_state_match (states, "France", NULL), fra);
  cr_assert_null (tf_member_state_match (states, "Allemagne", NULL), "translations come from the names file");
}

/* ---- refused files --------------------------------------------------- */

typedef struct {
  const char *label;
  const char *states;       /* content of the states file */
  const char *names;        /* content of the names file, or NULL */
  const char *expect;       /* substring of the message, after "FILE: " */
} BadCase;

static const BadCase bad_cases[] = {
  { "syntax", "{\n  \"member_states\": [\n    {\"code\": \"FRA\" \"name\": \"France\"}\n  ]\n}\n",
    NULL, "line 3: " },
  { "missing code", "{\n  \"member_states\": [\n    {\"code\": \"FRA\", \"name\": \"France\"},\n    {\"name\": \"Spain\"}\n  ]\n}\n",
    NULL, "line 4: missing member \"code\"" },
  { "lowercase code", "{\n  \"member_states\": [\n    {\"code\": \"fra\", \"name\": \"France\"}\n  ]\n}\n",
    NULL, "line 3: code \"fra\" is not an ISO 3166-1 alpha-3 code" },
  { "alpha-2 code", "{\"member_states\": [\n{\"code\": \"FR\", \"name\": \"France\"}]}\n",
    NULL, "line 2: code \"FR\"" },
  { "missing name", "{\"member_states\": [\n{\"code\": \"FRA\"}]}\n",
    NULL, "line 2: missing member \"name\"" },
  { "duplicate code", "{\"member_states\": [\n{\"code\": \"FRA\", \"name\": \"France\"},\n\n{\"code\": \"FRA\", \"name\": \"French Republic\"}]}\n",
    NULL, "line 4: duplicate code \"FRA\"" },
  { "impossible date", "{\"member_states\": [\n{\"code\": \"PLW\", \"name\": \"Palau\", \"joined\": \"2024-02-30\"}]}\n",
    NULL, "line 2: PLW: joined \"2024-02-30\" is not a date" },
  { "date in another format", "{\"member_states\": [\n{\"code\": \"PLW\", \"name\": \"Palau\", \"joined\": \"19/09/2024\"}]}\n",
    NULL, "line 2: PLW: joined \"19/09/2024\" is not a date" },
  { "misspelt member", "{\"member_states\": [\n{\"code\": \"PLW\", \"name\": \"Palau\", \"joind\": \"2024-09-19\"}]}\n",
    NULL, "line 2: unknown member \"joind\"" },
  { "aliases not strings", "{\"member_states\": [\n{\"code\": \"TUR\", \"name\": \"Türkiye\", \"aliases\": [1]}]}\n",
    NULL, "line 2: aliases[0]: expected a non-empty string" },
  { "no list", "{\"states\": []}\n", NULL, "line 1: missing member \"member_states\"" },
  { "not an object", "[]\n", NULL, "expected a JSON object" },
  { "empty", "", NULL, "expected a JSON object" },
  { "names syntax", "{\"member_states\": [{\"code\": \"FRA\", \"name\": \"France\"}]}\n",
    "{\n  \"names\": {\n    \"FRA\": [\"France\",]\n  }\n}\n", "line 3: " },
  { "names not strings", "{\"member_states\": [{\"code\": \"FRA\", \"name\": \"France\"}]}\n",
    "{\n  \"names\": {\n    \"FRA\": [\"France\", 2]\n  }\n}\n", "line 3: names.FRA[1]: expected a non-empty string" },
  { "bad alpha-2", "{\"member_states\": [{\"code\": \"FRA\", \"name\": \"France\"}]}\n",
    "{\"names\": {}, \"alpha_2\": {\"FRA\": \"FRA\"}}\n", "line 1: alpha_2.FRA: \"FRA\" is not an ISO 3166-1 alpha-2 code" },
};

Test (member_states, bad_files_are_refused_with_file_and_line)
{
  g_autoptr (GError) tmp_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tapform-member-states-XXXXXX", &tmp_error);
  cr_assert_not_null (dir, "%s", tmp_error ? tmp_error->message : "");
  g_autofree char *states_path = g_build_filename (dir, "states.json", NULL);
  g_autofree char *names_path = g_build_filename (dir, "names.json", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      cr_assert (g_file_set_contents (states_path, c->states, -1, NULL));
      if (c->names != NULL)
        cr_assert (g_file_set_contents (names_path, c->names, -1, NULL));

      g_autoptr (GError) error = NULL;
      g_autoptr (TfMemberStates) states =
          tf_member_states_load (states_path, c->names ? names_path : NULL, &error);
      cr_assert_null (states, "%s: refused", c->label);
      cr_assert (g_error_matches (error, TF_ERROR, TF_ERROR_DEFINITION),
                 "%s: TF_ERROR_DEFINITION, got \"%s\"", c->label, error ? error->message : "none");

      const char *file = c->names ? names_path : states_path;
      g_autofree char *expected = g_strdup_printf ("%s: %s", file, c->expect);
      cr_assert (g_str_has_prefix (error->message, expected),
                 "%s: message \"%s\" does not start with \"%s\"", c->label, error->message, expected);
    }
  g_unlink (states_path);
  g_unlink (names_path);
  g_rmdir (dir);
}

Test (member_states, unreadable_file_is_an_io_error)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfMemberStates) states =
      tf_member_states_load ("/nonexistent/member-states.json", NULL, &error);
  cr_assert_null (states);
  cr_assert (g_error_matches (error, TF_ERROR, TF_ERROR_IO));
  cr_assert (g_str_has_prefix (error->message, "/nonexistent/member-states.json: "), "%s", error->message);
}

/* ---- matching -------------------------------------------------------- */

typedef struct {
  const char *written;
  const char *code;
} MatchCase;

static const MatchCase match_cases[] = {
  { "Germany (Federal Republic of)", "DEU" },
  { "germany", "DEU" },
  { "GERMANY", "DEU" },
  { "  Germany. ", "DEU" },
  { "Allemagne", "DEU" },
  { "Германия", "DEU" },
  { "ألمانيا", "DEU" },
  { "德国", "DEU" },
  { "德國", "DEU" },
  { "Alemania", "DEU" },
  { "Federal Republic of Germany", "DEU" },
  { "République fédérale d'Allemagne", "DEU" },
  { "DEU", "DEU" },
  { "de", "DEU" },
  { "Côte d'Ivoire", "CIV" },
  { "Cote d'Ivoire", "CIV" },
  { "Côte d’Ivoire", "CIV" },
  { "cote divoire", "CIV" },
  { "Côte d'Ivoire (Republic of)", "CIV" },
  { "Republic of Côte d'Ivoire", "CIV" },
  { "Ivory Coast", "CIV" },
  { "Korea (Republic of)", "KOR" },
  { "Republic of Korea", "KOR" },
  { "South Korea", "KOR" },
  { "대한민국", NULL },  /* Korean is not an ITU language: not in the data */
  { "Democratic People's Republic of Korea", "PRK" },
  { "North Korea", "PRK" },
  { "Türkiye", "TUR" },
  { "Turkiye", "TUR" },
  { "Turkey", "TUR" },
  { "China (People's Republic of)", "CHN" },
  { "People's Republic of China", "CHN" },
  { "中国", "CHN" },
  { "Iran (Islamic Republic of)", "IRN" },
  { "Iran", "IRN" },
  { "United Kingdom of Great Britain and Northern Ireland", "GBR" },
  { "UK", "GBR" },
  { "United Kingdom", "GBR" },
  { "USA", "USA" },
  { "the United States", "USA" },
  { "Vatican", "VAT" },
  { "Holy See", "VAT" },
  { "Bolivia (Plurinational State of)", "BOL" },
  { "Bolivia", "BOL" },
  { "Bolivie (État plurinational de)", "BOL" },
  { "Congo", "COG" },  /* iso-codes' name outranks the short form of the DRC's */
  { "Republic of the Congo", "COG" },
  { "DR Congo", "COD" },
  { "The Gambia", "GMB" },
  { "Guinea-Bissau", "GNB" },
  { "Guinea Bissau", "GNB" },
  { "St. Kitts & Nevis", "KNA" },
  { "Trinidad & Tobago", "TTO" },
  { "Swaziland", "SWZ" },
  { "Czech Republic", "CZE" },
  { "Czechia", "CZE" },
  { "Palau", "PLW" },
  { "Korea", NULL },   /* both Koreas: ambiguous, never silently one */
  { "Corée", NULL },
  { "", NULL },
  { "  ", NULL },
  { NULL, NULL },
};

Test (member_state_match, written_names_match_the_right_state)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  for (gsize i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      const MatchCase *c = &match_cases[i];
      const TfMemberState *found = tf_member_state_match (states, c->written, NULL);
      if (c->code == NULL)
        cr_assert_null (found, "\"%s\" should match nothing, got %s",
                        c->written ? c->written : "(null)", found ? found->code : "");
      else
        {
          cr_assert_not_null (found, "\"%s\" should match %s", c->written, c->code);
          cr_assert_str_eq (found->code, c->code, "\"%s\"", c->written);
        }
    }
}

Test (member_state_match, deutschland_only_if_the_data_has_it)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  const TfMemberState *deu = tf_member_states_find_code (states, "DEU");
  gboolean in_data = g_strv_contains ((const char *const *) deu->names, "Deutschland")
                     || g_strv_contains ((const char *const *) deu->aliases, "Deutschland");
  const TfMemberState *found = tf_member_state_match (states, "Deutschland", NULL);
  if (in_data)
    cr_assert_eq (found, deu);
  else
    cr_assert (found == NULL || found == deu, "never another state");
}

Test (member_state_match, every_itu_name_and_code_matches_its_own_state)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  for (guint i = 0; i < tf_member_states_count (states); i++)
    {
      const TfMemberState *state = tf_member_states_get (states, i);
      cr_assert_eq (tf_member_state_match (states, state->name, NULL), state, "%s", state->name);
      cr_assert_eq (tf_member_state_match (states, state->code, NULL), state, "%s", state->code);
      cr_assert_eq (tf_member_state_match (states, state->alpha2, NULL), state, "%s", state->alpha2);
    }
}

Test (member_state_match, misspelling_gets_a_suggestion)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  const TfMemberState *suggestion = NULL;
  cr_assert_null (tf_member_state_match (states, "Germny", &suggestion));
  cr_assert_not_null (suggestion);
  cr_assert_str_eq (suggestion->code, "DEU");

  cr_assert_null (tf_member_state_match (states, "Frnace", &suggestion));
  cr_assert_not_null (suggestion, "two swapped letters are one edit");
  cr_assert_str_eq (suggestion->code, "FRA");

  cr_assert_null (tf_member_state_match (states, "Federal Republic of Germani", &suggestion));
  cr_assert_not_null (suggestion);
  cr_assert_str_eq (suggestion->code, "DEU");
}

Test (member_state_match, nonsense_gets_no_suggestion)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  const TfMemberState *suggestion = tf_member_states_get (states, 0);
  cr_assert_null (tf_member_state_match (states, "Atlantis", &suggestion));
  cr_assert_null (suggestion, "got %s", suggestion ? suggestion->code : "");

  suggestion = tf_member_states_get (states, 0);
  cr_assert_null (tf_member_state_match (states, "XQ", &suggestion));
  cr_assert_null (suggestion, "a short unknown code is not close to anything");
}

Test (member_state_match, match_clears_the_suggestion)
{
  g_autoptr (TfMemberStates) states = load_shipped ();
  const TfMemberState *suggestion = tf_member_states_get (states, 0);
  cr_assert_not_null (tf_member_state_match (states, "France", &suggestion));
  cr_assert_null (suggestion);
}

Test (member_state_match, normalize)
{
  static const char *const cases[][2] = {
    { "  The Côte d’Ivoire! ", "cotedivoire" },
    { "GUINEA-BISSAU", "guineabissau" },
    { "St. Lucia", "saintlucia" },
    { "Bosnia & Herzegovina", "bosniaandherzegovina" },
    { "Theland", "theland" },
    { "ＦＲＡＮＣＥ", "france" },
    { "", "" },
    { "?!", "" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = tf_member_state_normalize (cases[i][0]);
      cr_assert_str_eq (key, cases[i][1], "\"%s\"", cases[i][0]);
    }
  cr_assert_null (tf_member_state_normalize ("\xff\xfe"), "invalid UTF-8");
  cr_assert_null (tf_member_state_normalize (NULL));
}

/* ---- the generated names file ---------------------------------------- */

Test (member_states, names_file_regenerates_byte_for_byte)
{
  const char *python = "/usr/bin/python3";
  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    cr_skip_test ("%s is not available", python);
  if (!g_file_test (ISO_3166_PATH, G_FILE_TEST_IS_REGULAR))
    cr_skip_test ("iso-codes is not installed");

  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tapform-member-names-XXXXXX", &error);
  cr_assert_not_null (dir);
  g_autofree char *out = g_build_filename (dir, "member-state-names.json", NULL);
  const char *argv[] = { python, TAPFORM_SOURCE_DIR "/scripts/gen-member-state-names.py",
                         "--output", out, NULL };
  g_autofree char *child_err = NULL;
  int status = 0;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                           NULL, &child_err, &status, &error),
             "%s", error ? error->message : "");
  cr_assert (g_spawn_check_wait_status (status, NULL), "the script failed: %s", child_err);

  g_autofree char *generated = NULL, *committed = NULL;
  gsize generated_len = 0, committed_len = 0;
  cr_assert (g_file_get_contents (out, &generated, &generated_len, NULL));
  cr_assert (g_file_get_contents (NAMES_PATH, &committed, &committed_len, NULL));
  cr_assert_eq (generated_len, committed_len, "regenerate forms/member-state-names.json");
  cr_assert (memcmp (generated, committed, committed_len) == 0,
             "forms/member-state-names.json differs from what the script generates");
  g_unlink (out);
  g_rmdir (dir);
}
