/* member_state_match.h — recognizing a Member State as an administration
 * wrote it ("Allemagne", "Republic of Korea", "cote divoire", "DE").
 *
 * Every known name of every state becomes a normalized key (see
 * tf_member_state_normalize()), computed once when the states are loaded;
 * a written name matches when its key equals one of them. Known names are:
 * the ITU name; its rewritings "Republic of Korea" and "Korea" for
 * "Korea (Republic of)" (likewise iso-codes' "Korea, Republic of"); the
 * iso-codes names and their Arabic, Chinese, French, Russian and Spanish
 * translations; the aliases; the alpha-3 and alpha-2 codes written alone.
 *
 * Ambiguity is never resolved silently. A name as written (ranked first)
 * outranks a shortened rewriting ("Korea" from "Korea (Republic of)"), so
 * iso-codes' "Congo" stays the Republic of the Congo although "Congo" is
 * also the short form of "Congo, The Democratic Republic of the". When two
 * different states give the same key at the same rank ("Korea", "Corée"),
 * the key is dropped: such a name matches nothing.
 *
 * Ownership: every TfMemberState returned is borrowed from the
 * TfMemberStates passed in.
 */
#ifndef TF_MEMBER_STATE_MATCH_H
#define TF_MEMBER_STATE_MATCH_H

#include "form/member_states.h"

#include <glib.h>

/* How a written name was recognized, for callers that record it (e.g. in a
 * reply's problems). tf_member_state_match() recognizes only
 * TF_MATCH_EXACT: its non-NULL result is always that kind; a fuzzy kind
 * would be added here, not as a silent change of behaviour. */
typedef enum {
  TF_MATCH_NONE,   /* no known name has the same key */
  TF_MATCH_EXACT,  /* normalized equality with some known name */
} TfMatchKind;

/* The state whose name matches `written` (UTF-8, any script), or NULL when
 * none does, `written` is NULL, empty or not valid UTF-8, or its key is
 * ambiguous. On NULL, *suggestion (if suggestion is not NULL) is set to the
 * state with the closest key by edit distance (a swap of two neighbouring
 * letters counts as one edit) — at most one edit per four characters of
 * the written key, codes excluded, the first in file order on a tie — or
 * to NULL when nothing is that close; on a match it is set
 * to NULL. Both results are borrowed. */
const TfMemberState *tf_member_state_match (const TfMemberStates *states,
                                            const char *written,
                                            const TfMemberState **suggestion);

/* The matching key of `text`: NFKD, combining marks removed, case folded,
 * apostrophes dropped ("d'Ivoire" = "dIvoire"), any other punctuation a
 * word break, "&" read as "and" and "St" as "Saint", a leading "the"
 * dropped, then the words joined without spaces ("Guinea-Bissau" =
 * "Guinea Bissau" = "GuineaBissau"). Returns a new string (g_free()), empty
 * when nothing is left, or NULL when `text` is not valid UTF-8. */
char *tf_member_state_normalize (const char *text);

/* For tf_member_states_load() only: builds the key index of `states`
 * (a GPtrArray of TfMemberState *, which must outlive the index), and
 * frees it. */
TfMemberStateIndex *tf_member_state_index_new (const GPtrArray *states);
void tf_member_state_index_free (TfMemberStateIndex *index);

#endif
