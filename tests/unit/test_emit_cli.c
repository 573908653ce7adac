/* tapform-emit as a user runs it: defaults, messages, exit codes, per
 * Member State, and installed with cmake --install. */
#include <criterion/criterion.h>

#include "test_util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs tapform-emit in `cwd` with `args`; returns the exit status. */
Test (emit_cli, no_argument_writes_the_circular_246_form_here)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *err = NULL;
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (dir, NULL), NULL, &err), 0, "%s", err);
  g_autofree char *pdf = g_build_filename (dir, "annex2-circular-246.pdf", NULL);
  g_autofree char *head = NULL;
  gsize length = 0;
  cr_assert (g_file_get_contents (pdf, &head, &length, NULL), "no %s", pdf);
  cr_expect (length > 1000 && memcmp (head, "%PDF-", 5) == 0);
  cr_expect_not_null (strstr (err, "wrote annex2-circular-246.pdf"), "%s", err);
  tf_test_rmtree (dir);
}

Test (emit_cli, help_answers)
{
  g_autofree char *out = NULL;
  const char *args[] = { "--help", NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (NULL, args), &out, NULL), 0);
  const char *expect[] = { "--member-state", "--all-member-states", "--output", "--form",
                           "--language", "Exit status", "annex2-circular-246.pdf" };
  for (gsize i = 0; i < G_N_ELEMENTS (expect); i++)
    cr_expect_not_null (strstr (out, expect[i]), "--help lacks %s", expect[i]);
}

Test (emit_cli, usage_errors_exit_2_with_one_message_shape)
{
  g_autofree char *err = NULL;
  const char *bad_option[] = { "--colour", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_EMIT (NULL, bad_option), NULL, &err), 2);
  cr_expect (g_str_has_prefix (err, "tapform-emit: "), "%s", err);

  g_free (g_steal_pointer (&err));
  const char *clash[] = { "--all-member-states", "x", "-m", "France", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_EMIT (NULL, clash), NULL, &err), 2);
  cr_expect_not_null (strstr (err, "does not go with"), "%s", err);
}

Test (emit_cli, a_broken_definition_is_named_with_its_line)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *def = tf_test_write (dir, "broken.json", "{\n  \"form\": {\n    \"id\": \"x\",\n  }\n}\n");
  g_autofree char *err = NULL;
  const char *args[] = { "-f", def, "-o", "out.pdf", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_EMIT (dir, args), NULL, &err), 2);
  g_autofree char *want = g_strdup_printf ("tapform-emit: %s: line ", def);
  cr_expect (g_str_has_prefix (err, want), "%s", err);
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  cr_expect_not (g_file_test (out, G_FILE_TEST_EXISTS), "a form was written anyway");
  tf_test_rmtree (dir);
}

Test (emit_cli, an_unwritable_output_exits_3_naming_the_file)
{
  g_autofree char *err = NULL;
  const char *args[] = { "-o", "/nonexistent/dir/form.pdf", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_EMIT (NULL, args), NULL, &err), 3);
  cr_expect (g_str_has_prefix (err, "tapform-emit: "), "%s", err);
  cr_expect_not_null (strstr (err, "/nonexistent/dir/form.pdf"), "%s", err);
}

Test (emit_cli, an_unknown_member_state_is_prefilled_with_a_warning)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *err = NULL;
  const char *args[] = { "-m", "Frnace", "-o", "x.pdf", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_EMIT (dir, args), NULL, &err), 0, "%s", err);
  cr_expect_not_null (strstr (err, "warning: \"Frnace\" is not a Member State name"), "%s", err);
  cr_expect_not_null (strstr (err, "did you mean \"France\""), "%s", err);

  g_autofree char *pdf = g_build_filename (dir, "x.pdf", NULL);
  g_autofree char *fields = NULL;
  const char *pdftk[] = { "pdftk", pdf, "dump_data_fields_utf8", NULL };
  if (tf_test_have ("pdftk"))
    {
      cr_assert_eq (tf_test_run (pdftk, &fields, NULL), 0);
      cr_expect_not_null (strstr (fields, "FieldName: sender.member_state\n"
                                          "FieldNameAlt: Sender: Member State\n"
                                          "FieldFlags: 0\nFieldValue: Frnace\n"), "%s", fields);
    }
  tf_test_rmtree (dir);
}

Test (emit_cli, all_member_states_writes_193_forms_named_by_alpha3, .timeout = 120)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *err = NULL;
  const char *args[] = { "--all-member-states", "forms", NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (dir, args), NULL, &err), 0, "%s", err);
  g_autofree char *forms = g_build_filename (dir, "forms", NULL);
  g_autoptr (GDir) d = g_dir_open (forms, 0, NULL);
  cr_assert_not_null (d);
  guint n = 0;
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      n++;
      cr_expect (strlen (name) == 7 && g_str_has_suffix (name, ".pdf")
                 && g_ascii_isupper (name[0]) && g_ascii_isupper (name[1])
                 && g_ascii_isupper (name[2]), "%s", name);
    }
  cr_expect_eq (n, 193);
  /* Palau joined in 2024: not in the 2020 consultation. */
  g_autofree char *plw = g_build_filename (forms, "PLW.pdf", NULL);
  g_autofree char *civ = g_build_filename (forms, "CIV.pdf", NULL);
  cr_expect_not (g_file_test (plw, G_FILE_TEST_EXISTS));
  cr_expect_not_null (strstr (err, "wrote 193 of 193 forms"), "%s", err);

  g_autofree char *text = NULL;
  const char *totext[] = { "pdftotext", civ, "-", NULL };
  cr_assert_eq (tf_test_run (totext, &text, NULL), 0);
  cr_expect_not_null (strstr (text, "Côte d'Ivoire (Republic of)"), "%s", text);
  tf_test_rmtree (dir);
}

Test (emit_cli, runs_installed_from_any_folder, .timeout = 120)
{
  g_autofree char *prefix = tf_test_tmpdir ();
  g_autofree char *out = NULL, *err = NULL;
  const char *install[] = { "cmake", "--install", TAPFORM_BINARY_DIR, "--prefix", prefix, NULL };
  cr_assert_eq (tf_test_run (install, &out, &err), 0, "%s%s", out, err);

  g_autofree char *tool = g_build_filename (prefix, "bin", "tapform-emit", NULL);
  g_autofree char *work = tf_test_tmpdir ();
  /* No hint from the environment: the tool finds its share/ folder. */
  const char *env[] = { "TAPFORM_DATADIR", NULL };
  const char *args[] = { "-m", "Brazil (Federative Republic of)", NULL };
  TfTestRun run = { .program = tool, .args = args, .cwd = work, .env = env };
  g_autofree char *err2 = NULL;
  cr_expect_eq (tf_test_run_program (&run, NULL, &err2), 0, "%s", err2);
  g_autofree char *pdf = g_build_filename (work, "annex2-circular-246.pdf", NULL);
  cr_expect (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_autofree char *font = g_build_filename (prefix, "share", "tapform", "fonts",
                                            "TapformSans-Regular.ttf", NULL);
  cr_expect (g_file_test (font, G_FILE_TEST_IS_REGULAR), "the font was not installed");
  tf_test_rmtree (work);
  tf_test_rmtree (prefix);
}

Test (emit_cli, a_member_state_with_accents_works_in_the_c_locale)
{
  g_autofree char *dir = tf_test_tmpdir ();
  const char *env[] = { "LC_ALL=C", NULL };
  const char *args[] = { "-q", "-m", "Côte d'Ivoire", "-o", "civ.pdf", NULL };
  TfTestRun run = { .program = "tapform-emit", .args = args, .cwd = dir, .env = env };
  g_autofree char *err = NULL;
  cr_expect_eq (tf_test_run_program (&run, NULL, &err), 0, "%s", err);
  g_autofree char *pdf = g_build_filename (dir, "civ.pdf", NULL);
  g_autofree char *text = NULL;
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  cr_assert_eq (tf_test_run (totext, &text, NULL), 0);
  cr_expect_not_null (strstr (text, "Côte d'Ivoire"), "%s", text);
  tf_test_rmtree (dir);
}

Test (emit_cli, dash_writes_to_standard_output)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "-o", "-", NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (NULL, args), &out, &err), 0, "%s", err);
  cr_expect (out != NULL && g_str_has_prefix (out, "%PDF-"), "no PDF on standard output");
}

/* A symlink (as /dev/stdout is) is written through, not replaced by a new
 * file: the atomic replace is for regular files only. */
Test (emit_cli, a_symlinked_output_is_written_through)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *target = tf_test_write (dir, "target.pdf", "old");
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  cr_assert_eq (symlink (target, link), 0);
  const char *args[] = { "-q", "-o", link, NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (dir, args), NULL, NULL), 0);
  cr_expect (g_file_test (link, G_FILE_TEST_IS_SYMLINK), "the symlink was replaced");
  g_autofree char *head = NULL;
  cr_assert (g_file_get_contents (target, &head, NULL, NULL));
  cr_expect (g_str_has_prefix (head, "%PDF-"), "the form did not go through the symlink");
  tf_test_rmtree (dir);
}

/* The value of form.language in `pdf`, as Poppler reads it (pdftk's dump
 * lists it too, but Poppler is always here). */
static char *
form_language (const char *pdf)
{
  static const char script[] =
    "import sys, gi\n"
    "gi.require_version('Poppler', '0.18')\n"
    "from gi.repository import GLib, Poppler\n"
    "doc = Poppler.Document.new_from_file(GLib.filename_to_uri(sys.argv[1]), None)\n"
    "for m in doc.get_page(0).get_form_field_mapping():\n"
    "    if m.field.get_name() == 'form.language':\n"
    "        print(m.field.text_get_text())\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, pdf, NULL };
  char *out = NULL;
  cr_assert_eq (tf_test_run (argv, &out, NULL), 0);
  return g_strstrip (out);
}

Test (emit_cli, language_writes_the_form_in_that_language)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *err = NULL;
  const char *args[] = { "--language", "fr", "-o", "fr.pdf", NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (dir, args), NULL, &err), 0, "%s", err);
  g_autofree char *pdf = g_build_filename (dir, "fr.pdf", NULL);
  g_autofree char *text = NULL;
  const char *totext[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  cr_assert_eq (tf_test_run (totext, &text, NULL), 0);
  cr_expect_not_null (strstr (text, "ANNEXE 2"), "%s", text);
  cr_expect_not_null (strstr (text, "UIT-T X.1054 révisée"), "%s", text);
  cr_expect_not_null (strstr (text, "la Commission d'études 17"), "%s", text);
  g_autofree char *language = form_language (pdf);
  cr_expect_str_eq (language, "fr");
  tf_test_rmtree (dir);
}

Test (emit_cli, an_unknown_language_is_a_usage_error)
{
  g_autofree char *err = NULL;
  const char *args[] = { "--language", "de", "-o", "/dev/null", NULL };
  cr_expect_eq (tf_test_run_program (TF_TEST_EMIT (NULL, args), NULL, &err), 2);
  cr_expect_not_null (strstr (err, "tapform-emit: --language must be one of ar, en, es, fr, ru, zh"),
                      "%s", err);
}

/* Each Member State's form in its language, English where none of its
 * official languages is one of the ITU's; --language forces one. */
Test (emit_cli, all_member_states_each_in_its_language, .timeout = 120)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autofree char *err = NULL;
  const char *args[] = { "--all-member-states", "forms", NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (dir, args), NULL, &err), 0, "%s", err);
  static const struct { const char *code, *language; } cases[] = {
    { "SAU", "ar" }, { "CHN", "zh" }, { "FRA", "fr" }, { "CHE", "fr" }, { "ESP", "es" },
    { "RUS", "ru" }, { "KAZ", "ru" }, { "GBR", "en" }, { "DEU", "en" }, { "JPN", "en" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = g_strdup_printf ("forms/%s.pdf", cases[i].code);
      g_autofree char *pdf = g_build_filename (dir, file, NULL);
      g_autofree char *language = form_language (pdf);
      cr_expect_str_eq (language, cases[i].language, "%s", cases[i].code);
    }
  const char *forced[] = { "--all-member-states", "en", "--language", "en", NULL };
  cr_assert_eq (tf_test_run_program (TF_TEST_EMIT (dir, forced), NULL, NULL), 0);
  g_autofree char *sau = g_build_filename (dir, "en", "SAU.pdf", NULL);
  g_autofree char *language = form_language (sau);
  cr_expect_str_eq (language, "en");
  tf_test_rmtree (dir);
}
