/* seed_answers.c — writes the answer a worker gives for each PDF named
 * (tf_worker_read()) into OUT-DIR/<name>.answer: the seed corpus of
 * fuzz_answer. Usage: fuzz_seed_answers OUT-DIR FILE.pdf... */
#include "batch/worker.h"

#include <stdio.h>

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: fuzz_seed_answers OUT-DIR FILE.pdf...\n");
      return 2;
    }
  for (int i = 2; i < argc; i++)
    {
      GBytes *answer = tf_worker_read (argv[i]);
      char *base = g_path_get_basename (argv[i]);
      char *name = g_strconcat (base, ".answer", NULL);
      char *path = g_build_filename (argv[1], name, NULL);
      gsize len = 0;
      const char *data = g_bytes_get_data (answer, &len);
      if (!g_file_set_contents (path, data, (gssize) len, NULL))
        fprintf (stderr, "fuzz_seed_answers: cannot write %s\n", path);
      g_free (path);
      g_free (name);
      g_free (base);
      g_bytes_unref (answer);
    }
  return 0;
}
