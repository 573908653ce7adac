/* The emitted form filled by independent tools and read back by Poppler.
 *
 * For every filler of tests/fillers/fill (pdftk-java, mutool incremental and
 * full rewrite, pdf.js, pikepdf, Poppler glib, pypdf, PDFium) three
 * scenarios are filled into a form emitted with the library API, and
 * tests/fillers/roundtrip-check.py reads the result with Poppler glib: every
 * field must read back exactly as effective.py says (the scenario, minus the
 * tool's documented losses in known-losses.json). One scenario is filled
 * into a form pre-filled with the member state, as the secretariat sends
 * it, which must survive the fill.
 *
 * Two controls show the check can fail: a fill checked against another
 * scenario, and pypdf's radio answers checked as if nothing were lost.
 * tests/fillers/run-matrix.sh runs every scenario with every tool. */
#include <criterion/criterion.h>

#include "emit_support.h"
#include "test_util.h"

#include <string.h>
#include <sys/wait.h>

#define FILLERS TAPFORM_SOURCE_DIR "/tests/fillers"
#define FILL FILLERS "/fill"
#define CHECK FILLERS "/roundtrip-check.py"
#define PYTHON "/usr/bin/python3"
#define SCENARIO(name) FILLERS "/scenarios/" name ".json"

#define PREFILLED_MEMBER_STATE "Viet Nam (Socialist Republic of)"

typedef struct {
  EmitTestForm *emit;
  char *dir;                /* borrowed from emit */
  char *blank;
  char *prefilled;
  char *base;       /* fill spec of what `prefilled` holds */
} Fixture;

static Fixture fx;

static void
setup (void)
{
  fx.emit = emit_test_form_new (NULL);
  fx.dir = fx.emit->dir;
  fx.blank = emit_test_write (fx.emit, "blank.pdf", NULL, NULL);
  fx.prefilled = emit_test_write (fx.emit, "prefilled.pdf", PREFILLED_MEMBER_STATE, NULL);
  fx.base = tf_test_write (fx.dir, "base.json",
                           "{\"fields\": {\"sender.member_state\": \"" PREFILLED_MEMBER_STATE "\"}}");
}

static void
teardown (void)
{
  emit_test_form_free (fx.emit);
  g_free (fx.blank);
  g_free (fx.prefilled);
  g_free (fx.base);
}

/* Runs argv (no shell); returns the exit status, -1 if it died. *err gets
 * stderr and stdout together. */
static int
run (const char *const *argv, char **err)
{
  g_autofree char *out = NULL;
  g_autofree char *errors = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &errors,
                           &status, &error),
             "cannot run %s: %s", argv[0], error ? error->message : "");
  if (err)
    *err = g_strconcat (errors ? errors : "", out ? out : "", NULL);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
need (const char *tool)
{
  const char *argv[] = { FILL, "--available", tool, NULL };
  g_autofree char *why = NULL;
  if (run (argv, &why) != 0)
    cr_skip_test ("%s", g_strstrip (why));
}

/* Fills `spec` into `form` with `tool`; returns the filled file's path. */
static char *
fill (const char *tool, const char *form, const char *spec, const char *tag)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", tool, tag);
  char *out = g_build_filename (fx.dir, name, NULL);
  const char *argv[] = { FILL, tool, form, spec, out, NULL };
  g_autofree char *err = NULL;
  int status = run (argv, &err);
  cr_assert_eq (status, 0, "fill %s %s failed (%d):\n%s", tool, spec, status, err);
  cr_assert (g_file_test (out, G_FILE_TEST_IS_REGULAR), "fill %s wrote no %s", tool, out);
  return out;
}

/* roundtrip-check.py of `pdf` (a form in `language`) against `spec` as
 * filled by `as_tool`; returns its exit status, *err its messages. */
static int
check_in (const char *pdf, const char *language, const char *spec, const char *as_tool,
          const char *base, char **err)
{
  const char *argv[] = { PYTHON, CHECK, pdf, "--language", language, "--spec", spec,
                         "--tool", as_tool, base ? "--base" : NULL, base, NULL };
  return run (argv, err);
}

static int
check (const char *pdf, const char *spec, const char *as_tool, const char *base, char **err)
{
  return check_in (pdf, "en", spec, as_tool, base, err);
}

static void
roundtrip (const char *tool)
{
  need (tool);
  static const struct { const char *spec, *tag; gboolean prefilled; } cases[] = {
    { SCENARIO ("mixed"), "mixed", FALSE },
    { SCENARIO ("sender-cyrillic"), "cyrillic", FALSE },
    { SCENARIO ("sender-without-member-state"), "prefilled", TRUE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = fill (tool, cases[i].prefilled ? fx.prefilled : fx.blank,
                                   cases[i].spec, cases[i].tag);
      g_autofree char *err = NULL;
      int status = check (out, cases[i].spec, tool, cases[i].prefilled ? fx.base : NULL, &err);
      cr_expect_eq (status, 0, "%s, %s: read back differs (%d):\n%s", tool, cases[i].tag,
                    status, err);
    }
}

/* Each other language version, filled with a sender in its own script,
 * read back by Poppler glib (not tapform), its form.language kept. */
static void
roundtrip_languages (const char *tool)
{
  need (tool);
  static const struct { TfLanguage language; const char *spec; } cases[] = {
    { TF_LANG_AR, SCENARIO ("sender-arabic") },
    { TF_LANG_ZH, SCENARIO ("sender-chinese") },
    { TF_LANG_RU, SCENARIO ("sender-cyrillic") },
    { TF_LANG_FR, SCENARIO ("sender-french") },
    { TF_LANG_ES, SCENARIO ("sender-spanish") },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *code = tf_language_code (cases[i].language);
      EmitTestForm *f = emit_test_form_new_in (NULL, cases[i].language);
      g_autofree char *name = g_strdup_printf ("blank-%s.pdf", code);
      g_autofree char *blank = emit_test_write (f, name, NULL, NULL);
      g_autofree char *out = fill (tool, blank, cases[i].spec, code);
      g_autofree char *err = NULL;
      int status = check_in (out, code, cases[i].spec, tool, NULL, &err);
      cr_expect_eq (status, 0, "%s, the %s form: read back differs (%d):\n%s", tool, code,
                    status, err);
      emit_test_form_free (f);
    }
}

TestSuite (fill_roundtrip, .init = setup, .fini = teardown, .timeout = 240);

Test (fill_roundtrip, languages_pdftk) { roundtrip_languages ("pdftk"); }
Test (fill_roundtrip, languages_mutool) { roundtrip_languages ("mutool"); }
Test (fill_roundtrip, languages_mutool_full) { roundtrip_languages ("mutool-full"); }
Test (fill_roundtrip, languages_pdfjs) { roundtrip_languages ("pdfjs"); }
Test (fill_roundtrip, languages_pikepdf) { roundtrip_languages ("pikepdf"); }
Test (fill_roundtrip, languages_poppler) { roundtrip_languages ("poppler"); }
Test (fill_roundtrip, languages_pypdf) { roundtrip_languages ("pypdf"); }
Test (fill_roundtrip, languages_pdfium) { roundtrip_languages ("pdfium"); }

Test (fill_roundtrip, pdftk) { roundtrip ("pdftk"); }
Test (fill_roundtrip, mutool_incremental) { roundtrip ("mutool"); }
Test (fill_roundtrip, mutool_full_rewrite) { roundtrip ("mutool-full"); }
Test (fill_roundtrip, pdfjs) { roundtrip ("pdfjs"); }
Test (fill_roundtrip, pikepdf) { roundtrip ("pikepdf"); }
Test (fill_roundtrip, poppler) { roundtrip ("poppler"); }
Test (fill_roundtrip, pypdf) { roundtrip ("pypdf"); }
Test (fill_roundtrip, pdfium) { roundtrip ("pdfium"); }

/* The check is not blind: a file filled with one scenario does not pass
 * for another, and it names the fields that differ. */
Test (fill_roundtrip, check_rejects_another_scenario)
{
  need ("pikepdf");
  g_autofree char *out = fill ("pikepdf", fx.blank, SCENARIO ("mixed"), "control");
  g_autofree char *err = NULL;
  cr_expect_eq (check (out, SCENARIO ("all-assign-none"), "pikepdf", NULL, &err), 1, "%s", err);
  cr_expect_not_null (strstr (err, "text.x1216.authority: reads \"withhold\", expected \"assign\""),
                      "%s", err);
  cr_expect_null (strstr (err, "sender.name:"), "%s", err);

  /* Nor does a pre-filled form pass for a blank one. */
  g_free (err);
  err = NULL;
  cr_expect_eq (check (fx.prefilled, SCENARIO ("empty"), "pikepdf", NULL, &err), 1, "%s", err);
  cr_expect_not_null (strstr (err, "sender.member_state: reads"), "%s", err);
}

/* pypdf's documented loss is real: read as if nothing were lost, its radio
 * answers are missing (if pypdf ever writes them, known-losses.json must
 * lose its entry). */
Test (fill_roundtrip, pypdf_radio_loss_is_real)
{
  need ("pypdf");
  g_autofree char *out = fill ("pypdf", fx.blank, SCENARIO ("all-assign-none"), "loss");
  g_autofree char *err = NULL;
  cr_expect_eq (check (out, SCENARIO ("all-assign-none"), "pikepdf", NULL, &err), 1, "%s", err);
  cr_expect_not_null (strstr (err, "text.x1054.authority: reads null, expected \"assign\""),
                      "%s", err);
  cr_expect_null (strstr (err, "sender."), "pypdf's text values should be exact:\n%s", err);
}

/* pdf.js, given text the field font has no glyph for (Arabic), used to
 * drop the field's appearance and set /NeedAppearances for the whole form
 * when its ToUnicode did not cover that text; every viewer then redrew
 * every widget (Poppler without ZapfDingbats drew the ticks empty). With
 * an identity ToUnicode over the BMP it keeps the form's appearances. */
Test (fill_roundtrip, pdfjs_keeps_appearances_with_arabic_text)
{
  need ("pdfjs");
  g_autofree char *out = fill ("pdfjs", fx.blank, SCENARIO ("sender-arabic"), "arabic-ap");
  static const char script[] =
    "import sys, pikepdf\n"
    "pdf = pikepdf.open(sys.argv[1])\n"
    "form = pdf.Root.AcroForm\n"
    "print(bool(form.get('/NeedAppearances', False)))\n"
    "print(sum(1 for page in pdf.pages for a in page.get('/Annots', []) if '/AP' not in a))\n";
  const char *argv[] = { PYTHON, "-c", script, out, NULL };
  g_autofree char *report = NULL;
  cr_assert_eq (run (argv, &report), 0, "%s", report);
  cr_expect_str_eq (report, "False\n0\n", "NeedAppearances, widgets without /AP:\n%s", report);
}
