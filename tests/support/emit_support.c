#include "emit_support.h"

#include "test_util.h"

#include <criterion/criterion.h>
#include <string.h>

EmitTestForm *
emit_test_form_new (const char *definition)
{
  return emit_test_form_new_in (definition, TF_LANG_DEFAULT);
}

EmitTestForm *
emit_test_form_new_in (const char *definition, TfLanguage language)
{
  g_autoptr (GError) error = NULL;
  EmitTestForm *f = g_new0 (EmitTestForm, 1);
  f->form = definition ? tf_form_load (definition, &error) : tf_form_load_default (&error);
  cr_assert_not_null (f->form, "loading the form: %s", error ? error->message : "");
  f->layout = tf_layout_new_default_in (f->form, language, &error);
  cr_assert_not_null (f->layout, "laying out the form: %s", error ? error->message : "");
  f->emitter = tf_emitter_new (f->form, f->layout);
  f->dir = tf_test_tmpdir ();
  return f;
}

void
emit_test_form_free (EmitTestForm *f)
{
  if (f == NULL)
    return;
  tf_emitter_free (f->emitter);
  tf_layout_free (f->layout);
  tf_form_free (f->form);
  tf_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f);
}

void
emit_test_write_path (const EmitTestForm *f, const char *path, const char *member_state,
                      GHashTable *values)
{
  g_autoptr (GError) error = NULL;
  TfEmitOptions options = TF_EMIT_OPTIONS_INIT;
  options.member_state = member_state;
  options.values = values;
  options.creation_time = EMIT_TEST_CREATION_TIME;
  cr_assert (tf_emitter_write (f->emitter, &options, path, &error), "writing %s: %s", path,
             error ? error->message : "");
}

char *
emit_test_write (const EmitTestForm *f, const char *name, const char *member_state,
                 GHashTable *values)
{
  char *path = g_build_filename (f->dir, name, NULL);
  emit_test_write_path (f, path, member_state, values);
  return path;
}

char *
emit_test_other_definition (const char *dir, const char *id)
{
  g_autofree char *def = NULL;
  g_autofree char *shipped = tf_test_source_path (TF_FORM_DEFAULT_DEFINITION);
  cr_assert (g_file_get_contents (shipped, &def, NULL, NULL), "cannot read %s", shipped);
  const char *from = "\"id\": \"tsb-246-annex2\"";
  char *at = strstr (def, from);
  cr_assert_not_null (at, "%s has no %s", shipped, from);
  g_autofree char *head = g_strndup (def, (gsize) (at - def));
  g_autofree char *other = g_strdup_printf ("%s\"id\": \"%s\"%s", head, id, at + strlen (from));
  g_autofree char *name = g_strdup_printf ("%s.json", id);
  return tf_test_write (dir, name, other);
}
