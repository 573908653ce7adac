/* fuzz_reader.h — what the reply fuzz targets share: the reader of the
 * shipped Circular 246 form (read/reader.h), opened once (libFuzzer's
 * initialization) as tapform-read opens it, and a record made of a raw
 * reply. */
#ifndef TF_FUZZ_READER_H
#define TF_FUZZ_READER_H

#include "read/raw_reply.h"

/* Opens the reader; aborts, naming `target`, when the shipped data does
 * not load (a fuzzer without it would only test the error path). */
void fuzz_reader_open (const char *target);

/* Checks `raw` (borrowed) as a reply from "fuzz.pdf" and writes its JSON
 * record, which is thrown away: only a crash, a leak or undefined
 * behaviour on the way counts. */
void fuzz_check_and_write (const TfRawReply *raw);

#endif
