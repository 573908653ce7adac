#include "fuzz_reader.h"

#include "out/record_json.h"
#include "read/reader.h"

#include <stdlib.h>

/* Kept for the whole run: libFuzzer never ends a target normally. */
static TfReader *reader;

void
fuzz_reader_open (const char *target)
{
  GError *error = NULL;
  reader = tf_reader_open (NULL, &error);
  if (reader == NULL)
    {
      g_printerr ("%s: %s\n", target, error->message);
      abort ();
    }
}

void
fuzz_check_and_write (const TfRawReply *raw)
{
  TfReply *reply = tf_reader_reply (reader, "fuzz.pdf", raw);
  char *json = tf_record_to_json (reply, NULL);
  g_free (json);
  tf_reply_free (reply);
}
