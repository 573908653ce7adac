/* Every script typed into the form shows: no empty glyph in any language
 * version's field font, for any script its fillers type.
 *
 * - The glyphs: for the texts of tests/fillers/scripts.json (Latin, Greek,
 *   Cyrillic, Arabic and punctuation in every version, Chinese in the
 *   Chinese one), every character's code goes through the field font's
 *   CIDToGIDMap to a glyph whose outline is embedded
 *   (tests/fillers/field-glyphs.py: pikepdf and fontTools read the
 *   FontFile2). The English form has no Chinese: the control.
 * - The ink: the form pre-filled with those texts (tapform's own
 *   appearances), and filled with them by Poppler (its appearances, drawn
 *   with the same field font), rendered by pdftoppm, mutool draw and
 *   PDFium: every filled field has ink where its text is, an empty one
 *   none (tests/fillers/ink-check.py). */
#include <criterion/criterion.h>

#include "emit_support.h"
#include "test_util.h"

#include <json-glib/json-glib.h>
#include <sys/wait.h>

#define FILLERS TAPFORM_SOURCE_DIR "/tests/fillers"
#define PYTHON "/usr/bin/python3"

static JsonParser *scripts;

static const char *
text_of (const char *script)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (scripts));
  return json_object_get_string_member (json_object_get_object_member (root, "texts"), script);
}

static void
setup (void)
{
  scripts = json_parser_new ();
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_file (scripts, FILLERS "/scripts.json", &error), "%s",
             error ? error->message : "");
}

static void
teardown (void)
{
  g_clear_object (&scripts);
}

TestSuite (field_glyphs, .init = setup, .fini = teardown, .timeout = 600);

static int
run (GPtrArray *argv, char **err)
{
  g_ptr_array_add (argv, NULL);
  g_autofree char *out = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;
  cr_assert (g_spawn_sync (FILLERS, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL,
                           NULL, &out, err, &status, &error),
             "cannot run %s: %s", (char *) argv->pdata[0], error ? error->message : "");
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static gboolean
have_pdfium (void)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, FILLERS "/fill");
  g_ptr_array_add (argv, "--available");
  g_ptr_array_add (argv, "pdfium");
  g_autofree char *err = NULL;
  return run (argv, &err) == 0;
}

/* field-glyphs.py `pdf` on the texts of `scripts`; its exit status. */
static int
glyphs (const char *pdf, const char *const *names, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, PYTHON);
  g_ptr_array_add (argv, FILLERS "/field-glyphs.py");
  g_ptr_array_add (argv, (gpointer) pdf);
  for (const char *const *n = names; *n; n++)
    g_ptr_array_add (argv, (gpointer) text_of (*n));
  return run (argv, err);
}

static void
ink (const char *pdf, const char *const *fields)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, PYTHON);
  g_ptr_array_add (argv, FILLERS "/ink-check.py");
  g_ptr_array_add (argv, "--renderer");
  g_ptr_array_add (argv, "pdftoppm");
  g_ptr_array_add (argv, "--renderer");
  g_ptr_array_add (argv, "mutool");
  if (have_pdfium ())
    {
      g_ptr_array_add (argv, "--renderer");
      g_ptr_array_add (argv, "pdfium");
    }
  g_ptr_array_add (argv, (gpointer) pdf);
  for (const char *const *f = fields; *f; f++)
    g_ptr_array_add (argv, (gpointer) *f);
  g_autofree char *err = NULL;
  int status = run (argv, &err);
  cr_expect_eq (status, 0, "%s: %s", pdf, err);
}

/* The fields and the scripts typed into them: each field a script (the
 * address several), the Member State in Chinese in the Chinese form. */
static GHashTable *
values_in (TfLanguage language)
{
  GHashTable *v = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (v, "sender.name", g_strdup (text_of ("latin")));
  g_hash_table_insert (v, "sender.title", g_strdup (text_of ("cyrillic")));
  g_hash_table_insert (v, "sender.address",
                       g_strdup_printf ("%s\n%s", text_of ("arabic"), text_of ("greek")));
  g_hash_table_insert (v, "sender.fax", g_strdup (text_of ("punctuation")));
  g_hash_table_insert (v, "sender.email", g_strdup (text_of ("arabic")));
  g_hash_table_insert (v, "sender.member_state",
                       g_strdup (language == TF_LANG_ZH ? text_of ("chinese") : text_of ("greek")));
  return v;
}

static const char *const every_version[] = { "latin", "greek", "cyrillic", "arabic",
                                             "punctuation", NULL };
static const char *const chinese_version[] = { "latin", "greek", "cyrillic", "arabic",
                                               "punctuation", "chinese", NULL };
static const char *const filled_fields[] = { "sender.name", "sender.title", "sender.address",
                                             "sender.fax", "sender.email",
                                             "sender.member_state", NULL };

static void
check_language (TfLanguage language)
{
  const char *code = tf_language_code (language);
  EmitTestForm *f = emit_test_form_new_in (NULL, language);
  g_autofree char *blank = emit_test_write (f, "blank.pdf", NULL, NULL);

  g_autofree char *err = NULL;
  int status = glyphs (blank, language == TF_LANG_ZH ? chinese_version : every_version, &err);
  cr_expect_eq (status, 0, "%s: empty glyphs in the field font:\n%s", code, err);

  /* Pre-filled by tapform: its own appearances. */
  g_autoptr (GHashTable) values = values_in (language);
  g_autofree char *prefilled = emit_test_write (f, "prefilled.pdf", NULL, values);
  ink (prefilled, filled_fields);

  /* Filled by Poppler, as Evince or Okular would. */
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "fields");
  json_builder_begin_object (b);
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, values);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      json_builder_set_member_name (b, k);
      json_builder_add_string_value (b, v);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  g_autofree char *spec_text = json_generator_to_data (gen, NULL);
  g_autofree char *spec = tf_test_write (f->dir, "spec.json", spec_text);
  g_autofree char *filled = g_build_filename (f->dir, "poppler.pdf", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, FILLERS "/fill");
  g_ptr_array_add (argv, "poppler");
  g_ptr_array_add (argv, blank);
  g_ptr_array_add (argv, spec);
  g_ptr_array_add (argv, filled);
  g_autofree char *fill_err = NULL;
  cr_assert_eq (run (argv, &fill_err), 0, "%s: fill poppler: %s", code, fill_err);
  ink (filled, filled_fields);
  emit_test_form_free (f);
}

Test (field_glyphs, arabic) { check_language (TF_LANG_AR); }
Test (field_glyphs, chinese) { check_language (TF_LANG_ZH); }
Test (field_glyphs, english) { check_language (TF_LANG_EN); }
Test (field_glyphs, french) { check_language (TF_LANG_FR); }
Test (field_glyphs, russian) { check_language (TF_LANG_RU); }
Test (field_glyphs, spanish) { check_language (TF_LANG_ES); }

/* The controls: the English form has no Chinese glyphs, and an empty
 * field has no ink. Both checks can fail. */
Test (field_glyphs, the_checks_can_fail)
{
  EmitTestForm *f = emit_test_form_new_in (NULL, TF_LANG_EN);
  g_autofree char *blank = emit_test_write (f, "blank.pdf", NULL, NULL);
  const char *chinese[] = { "chinese", NULL };
  g_autofree char *err = NULL;
  cr_expect_eq (glyphs (blank, chinese, &err), 1, "Chinese found in the English field font");
  const char *empty[] = { "sender.name:empty", "sender.address:empty", NULL };
  ink (blank, empty);
  emit_test_form_free (f);
}
