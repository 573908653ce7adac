/* tally_format.h — a tally as a table for people, as CSV, and as JSON.
 *
 * The JSON form is a contract (README, "The tally"):
 *   {"form": "...", "threshold": 0.7, "deadline": "...", "count_late": false,
 *    "texts": [{"key", "recommendation", "replies", "assign", "withhold",
 *               "unanswered", "support", "meets_threshold"}],
 *    "counted": [files], "superseded": [{"file", "by"}],
 *    "uncounted": [{"file", "reason"}], "late": [files]}
 * with "support" a fraction 0..1, or null when no reply answered the text.
 * Each function returns a new string (g_free).
 */
#ifndef TF_TALLY_FORMAT_H
#define TF_TALLY_FORMAT_H

#include "tally/tally.h"

typedef enum {
  TF_TALLY_TEXT,
  TF_TALLY_CSV,
  TF_TALLY_JSON,
} TfTallyFormat;

/* "text", "csv", "json" → format; FALSE for another name. */
gboolean tf_tally_format_from_name (const char *name, TfTallyFormat *format);

char *tf_tally_to_text (const TfTally *tally);
/* One row per text: key, recommendation, replies, assign, withhold,
 * unanswered, support (0..1, empty when null), meets_threshold. */
char *tf_tally_to_csv (const TfTally *tally);
char *tf_tally_to_json (const TfTally *tally);
char *tf_tally_format (const TfTally *tally, TfTallyFormat format);

#endif
