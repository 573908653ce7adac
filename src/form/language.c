#include "form/language.h"

static const struct {
  const char *code;
  const char *name;
} languages[TF_LANG_COUNT] = {
  [TF_LANG_AR] = { "ar", "Arabic" },
  [TF_LANG_EN] = { "en", "English" },
  [TF_LANG_ES] = { "es", "Spanish" },
  [TF_LANG_FR] = { "fr", "French" },
  [TF_LANG_RU] = { "ru", "Russian" },
  [TF_LANG_ZH] = { "zh", "Chinese" },
};

const char *
tf_language_code (TfLanguage language)
{
  return languages[language].code;
}

const char *
tf_language_name (TfLanguage language)
{
  return languages[language].name;
}

gboolean
tf_language_from_code (const char *code, TfLanguage *out)
{
  for (int i = 0; code != NULL && i < TF_LANG_COUNT; i++)
    if (g_str_equal (code, languages[i].code))
      {
        *out = (TfLanguage) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
tf_language_is_rtl (TfLanguage language)
{
  return language == TF_LANG_AR;
}

const char *
tf_language_codes (void)
{
  return "ar, en, es, fr, ru, zh";
}
