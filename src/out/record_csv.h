/* record_csv.h — reply records as CSV for spreadsheets: one row per reply,
 * fixed columns (they depend on the form only, never on the replies):
 *
 *   file, status, member_state, member_state_code,
 *   sender_name, sender_title, sender_address, sender_fax, sender_email
 *     (every sender field of the form but member_state, in its order),
 *   <key>_authority, <key>_comments for each text, in the form's order,
 *   problems   the problem codes, "; "-separated, each followed by its
 *              field when it has one: "authority-missing text.x1148.authority"
 *   messages   the problems' messages, one per line
 *   form, sha256
 *
 * Answers are written as in JSON ("assign", "withhold", "none",
 * "attached"); null is an empty cell.
 *
 * Quoting is RFC 4180: every row ends with CRLF; a cell holding a comma, a
 * double quote, CR or LF is enclosed in double quotes, and its double
 * quotes are doubled. Line ends inside a value stay LF.
 *
 * Formula neutralization: a cell whose value starts with "=", "+", "-",
 * "@", TAB or CR is written with a single quote (') in front, so that a
 * spreadsheet shows it as text and never runs it ("=HYPERLINK(...)"
 * becomes "'=HYPERLINK(...)", "+41 22 730 5111" becomes "'+41 22 730
 * 5111"). The quote is part of the cell's text: strip one leading quote
 * from those cells to get the value back. JSON output is never altered.
 */
#ifndef TF_RECORD_CSV_H
#define TF_RECORD_CSV_H

#include "form/form.h"
#include "reply/reply.h"

#include <glib.h>

/* Appends one cell (quoted and neutralized as above; NULL is empty). */
void tf_csv_append_cell (GString *out, const char *value);

/* Appends the header row (with its CRLF). */
void tf_csv_append_header (GString *out, const TfForm *form);

/* Appends the row of `reply` (with its CRLF). The columns are `form`'s,
 * whatever `reply` holds. */
void tf_csv_append_row (GString *out, const TfForm *form, const TfReply *reply);

/* The UTF-8 byte order mark that makes Excel read the file as UTF-8. */
#define TF_CSV_BOM "\xEF\xBB\xBF"

#endif
