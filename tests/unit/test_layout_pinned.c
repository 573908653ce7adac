/* The emitted form's widget geometry is pinned: replies already sent out
 * are read by the position of their widgets (beside their /TU), so a
 * change of layout under the same form version would make every ticked
 * box of those replies "unverified". Changing the layout on purpose means
 * bumping the form's version in its definition and then regenerating
 * tests/fixtures/layout-tsb-246-annex2.txt (and -ar, -es, -fr, -ru, -zh,
 * one per language version: each is read by its own layout) with
 *   TAPFORM_UPDATE_FIXTURES=1 build/tests/test_layout_pinned */
#include <criterion/criterion.h>

#include "form/form.h"
#include "layout/layout.h"
#include "test_util.h"

static char *
describe (const TfForm *form, const TfLayout *layout)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s, "# %s: page field tooltip x y w h\n", form->id_version);
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      g_string_append_printf (s, "%u %s \"%s\" %.2f %.2f %.2f %.2f\n", w->page, w->field,
                              w->tooltip, w->rect.x, w->rect.y, w->rect.w, w->rect.h);
    }
  return g_string_free (s, FALSE);
}

static void
check_pinned (const TfForm *form, TfLanguage language)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfLayout) layout = tf_layout_new_default_in (form, language, &error);
  cr_assert_not_null (layout, "%s", error ? error->message : "");
  g_autofree char *now = describe (form, layout);

  /* The default language keeps the name the fixture had before there were
   * languages. */
  g_autofree char *name = language == form->default_language
    ? g_strdup_printf ("tests/fixtures/layout-%s.txt", form->id)
    : g_strdup_printf ("tests/fixtures/layout-%s-%s.txt", form->id, tf_language_code (language));
  g_autofree char *path = tf_test_source_path (name);
  if (g_getenv ("TAPFORM_UPDATE_FIXTURES"))
    cr_assert (g_file_set_contents (path, now, -1, NULL));
  g_autofree char *pinned = NULL;
  cr_assert (g_file_get_contents (path, &pinned, NULL, NULL), "no %s", path);
  cr_expect_str_eq (now, pinned,
                    "the widgets of %s in %s moved: bump the form's version, then update %s",
                    form->id_version, tf_language_name (language), name);
}

Test (layout_pinned, widgets_stay_where_the_sent_forms_have_them)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TfForm) form = tf_form_load_default (&error);
  cr_assert_not_null (form, "%s", error ? error->message : "");
  for (int l = 0; l < TF_LANG_COUNT; l++)
    check_pinned (form, (TfLanguage) l);
}
