/* fuzz_record.c — libFuzzer target over the record parser
 * (out/record_parse.h), which reads back what a register keeps — a file
 * anyone may have edited: bytes → tf_record_from_json() → when taken,
 * written again (record_json.h) and parsed again, which must give the
 * same bytes. Any bytes must give a record or an error, never a crash.
 * Seeds: the records of samples/replies (EXPECTED.jsonl, one a file).
 * Build and run: fuzz/run.sh.
 */
#include "out/record_json.h"
#include "out/record_parse.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static TfForm *form;
  if (form == NULL && (form = tf_form_load_default (NULL)) == NULL)
    abort ();
  GError *error = NULL;
  TfReply *reply = tf_record_from_json (form, (const char *) data, (gssize) size, &error);
  if (reply == NULL)
    {
      g_clear_error (&error);
      return 0;
    }
  char *json = tf_record_to_json (reply, NULL);
  TfReply *again = tf_record_from_json (form, json, -1, &error);
  if (again == NULL)
    abort ();                   /* what it wrote, it must take */
  char *twice = tf_record_to_json (again, NULL);
  if (strcmp (json, twice) != 0)
    abort ();                   /* and write the same again */
  g_free (twice);
  g_free (json);
  tf_reply_free (again);
  tf_reply_free (reply);
  return 0;
}
