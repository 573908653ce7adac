/* Memory sizes as --max-memory takes them and messages print them
 * (common/tf_size.h). */
#include "common/tf_size.h"

#include <criterion/criterion.h>

Test (size, sizes_parse_with_binary_suffixes)
{
  static const struct { const char *text; guint64 bytes; } good[] = {
    { "1G", G_GUINT64_CONSTANT (1) << 30 }, { "512M", 512u << 20 }, { "512m", 512u << 20 },
    { "1.5GiB", 3u << 29 }, { "64k", 64u << 10 }, { "64KB", 64u << 10 },
    { "200000000", 200000000 }, { "0", 0 }, { "1 G", G_GUINT64_CONSTANT (1) << 30 },
    { "2T", G_GUINT64_CONSTANT (2) << 40 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint64 bytes = 1;
      cr_expect (tf_size_parse (good[i].text, &bytes), "%s", good[i].text);
      cr_expect_eq (bytes, good[i].bytes, "%s: %" G_GUINT64_FORMAT, good[i].text, bytes);
    }
  static const char *const bad[] = { "", "G", "-1M", "1X", "1GG", "abc", "1e400", "1G2" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint64 bytes = 0;
      cr_expect_not (tf_size_parse (bad[i], &bytes), "\"%s\" parsed", bad[i]);
    }
  cr_expect_not (tf_size_parse (NULL, &(guint64) { 0 }));
}

Test (size, sizes_print_for_people)
{
  static const struct { guint64 bytes; const char *text; } cases[] = {
    { G_GUINT64_CONSTANT (1) << 30, "1 GiB" }, { 64u << 20, "64 MiB" },
    { 3u << 29, "1.5 GiB" }, { 100, "100 bytes" }, { 0, "0 bytes" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tf_size_format (cases[i].bytes);
      cr_expect_str_eq (text, cases[i].text);
    }
}
