/* chase_format.h — the chase list (chase.h) as a text for people, as CSV
 * and as JSON. Each function returns a new string (g_free).
 *
 * Text: a heading with the counts, then one line per Member State (code,
 * name, reason), and under a state with a reply the reply's file, date,
 * sender and errors; then the replies that count for no Member State.
 *
 * CSV (RFC 4180, CRLF, neutralized as out/record_csv.h says), one row
 * per entry, then one per uncounted reply:
 *   member_state_code, member_state, reason (no-reply, incomplete, late,
 *   or uncounted for a reply that counts for no Member State), late
 *   (true/false), file, sender_name, sender_email, received (ISO 8601,
 *   UTC), problems (the codes, "; "-separated, each with its field),
 *   messages (one per line; for an uncounted reply, why it does not count)
 *
 * JSON, a contract (README, "The chase list"):
 *   {"form": "tsb-246-annex2@1", "reference": "TSB Circular 246",
 *    "date": "2020-04-22", "deadline": "2020-08-13T23:59:00Z",
 *    "count_late": false, "member_states": 193, "complete": 9,
 *    "chase": [{"member_state_code": "IND", "member_state": "India (Republic of)",
 *               "reason": "incomplete", "late": false,
 *               "file": "…", "sender_name": "…", "sender_email": "…",
 *               "received": "2020-07-10T10:00:00Z",
 *               "problems": [{"severity", "code", "field", "message"}]}, …],
 *    "uncounted": [{"file": "…", "reason": "…"}]}
 * with null for what a no-reply entry has not (file, sender, received).
 */
#ifndef TF_CHASE_FORMAT_H
#define TF_CHASE_FORMAT_H

#include "tally/chase.h"

typedef enum {
  TF_CHASE_TEXT,
  TF_CHASE_CSV,
  TF_CHASE_JSON,
} TfChaseFormat;

/* "text", "csv", "json" → format; FALSE for another name. */
gboolean tf_chase_format_from_name (const char *name, TfChaseFormat *format);

char *tf_chase_to_text (const TfChase *chase);
char *tf_chase_to_csv (const TfChase *chase);
char *tf_chase_to_json (const TfChase *chase);
char *tf_chase_format (const TfChase *chase, TfChaseFormat format);

/* A date as the chase list writes it in CSV and JSON: ISO 8601, UTC,
 * to the second ("2020-07-10T10:00:00Z"); NULL for NULL. New. */
char *tf_chase_date_text (GDateTime *date);

#endif
