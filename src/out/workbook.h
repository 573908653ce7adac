/* workbook.h — the workbook for the people who count (.xlsx, with
 * libxlsxwriter): opens in LibreOffice and Excel.
 *
 * Sheets, each with its header row frozen, a filter on it, and columns
 * as wide as what they hold (up to a limit):
 *
 *   Tally     one row per text, as the tally's CSV (tally_format.h): key,
 *             recommendation, replies, assign, withhold, unanswered as
 *             numbers, support as a number shown as a percentage (empty
 *             when no reply answered the text), meets_threshold as a
 *             boolean; a text that misses the threshold is marked (red,
 *             bold). Under it: the form, threshold, deadline and counts.
 *   Replies   one row per reply, the columns of the record CSV
 *             (out/record_csv.h), then received (the date the tally takes
 *             it as received), registered (when a register registered it;
 *             empty otherwise) — both dates — and tally (counted,
 *             superseded, uncounted, late).
 *   Problems  one row per problem of a reply: file, member_state_code,
 *             status, severity, code, field, message.
 *   Chase     the chase list as its CSV (chase_format.h), received a date,
 *             late a boolean.
 *
 * Dates are UTC, shown yyyy-mm-dd hh:mm. Every string — and every string
 * of a reply is untrusted — is written as a string cell: never a formula,
 * never a link, whatever it starts with; so, unlike CSV, nothing is
 * neutralized: a cell holds the value itself. (Control characters are
 * escaped by libxlsxwriter as the format wants; a text longer than a cell
 * holds, 32,767 characters, is cut, ending with "…".)
 *
 * The file is made in the temporary folder and then written to `path` as
 * common/tf_output.h says (replaced only once whole; a link or device
 * written through). SOURCE_DATE_EPOCH, when set, is the workbook's
 * creation date.
 */
#ifndef TF_WORKBOOK_H
#define TF_WORKBOOK_H

#include "form/form.h"
#include "tally/chase.h"
#include "tally/tally.h"

#include <glib.h>

/* What the workbook shows; all borrowed. */
typedef struct {
  const TfForm *form;
  GPtrArray *replies;       /* of TfReply*: the tally's inputs, in its order */
  GPtrArray *registered;    /* of GDateTime* (or NULL), one per reply: when
                               each was registered; NULL: not from a register */
  const TfTally *tally;     /* of `replies` */
  const TfChase *chase;     /* of `replies`; NULL: no Chase sheet */
} TfWorkbookData;

#define TF_WORKBOOK_DATA_INIT { NULL, NULL, NULL, NULL, NULL }

/* Writes the workbook of `data` to `path`. FALSE with TF_ERROR_IO ("PATH:
 * cannot write: why") when it cannot be made or written. */
gboolean tf_workbook_write (const char *path, const TfWorkbookData *data, GError **error);

#endif
