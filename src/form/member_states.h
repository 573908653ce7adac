/* member_states.h — the ITU Member States, loaded from forms/member-states.json.
 *
 * Only Member States may reply to a TAP consultation, and who they are
 * depends on the date: 193 when Circular 246 was sent in 2020, 194 since
 * Palau joined on 2024-09-19. This module loads the list (and, optionally,
 * the iso-codes names generated into forms/member-state-names.json) and
 * answers "who was a member on that date". Recognizing a name as written
 * by an administration is member_state_match.h.
 *
 * Ownership: tf_member_states_load() returns a new TfMemberStates that the
 * caller frees with tf_member_states_free() (or g_autoptr). Every
 * TfMemberState pointer any function here returns is borrowed from it and
 * lives as long as it; never free or modify one.
 */
#ifndef TF_MEMBER_STATES_H
#define TF_MEMBER_STATES_H

#include <glib.h>

/* One Member State. All strings are UTF-8 and owned by the TfMemberStates.
 * Invariants after a successful load: code and name are never NULL;
 * aliases and names are never NULL (possibly empty, NULL-terminated). */
typedef struct {
  char *code;      /* ISO 3166-1 alpha-3, three uppercase letters: "FRA" */
  char *name;      /* English name as the ITU writes it: "France" */
  char *joined;    /* "YYYY-MM-DD" it joined the ITU, or NULL: a member
                      before 1990 (the data says nothing earlier) */
  char **aliases;  /* common English names not in iso-codes: "Turkey" */
  char **names;    /* iso-codes names and their ar/zh/fr/ru/es
                      translations; empty when loaded without names_path */
  char *alpha2;    /* ISO 3166-1 alpha-2 ("FR") from the names file, or
                      NULL when loaded without names_path */
} TfMemberState;

/* The loaded list, in file order. Opaque. */
typedef struct TfMemberStates TfMemberStates;

/* Loads the Member States from states_path (forms/member-states.json) and,
 * when names_path is not NULL, their iso-codes names from names_path
 * (forms/member-state-names.json); codes of the names file that are not in
 * states_path are ignored, so the names file may cover more.
 *
 * Returns a new TfMemberStates (free with tf_member_states_free()), or NULL
 * with `error` set: TF_ERROR_IO when a file cannot be read,
 * TF_ERROR_DEFINITION when one is malformed — bad JSON, a missing code or
 * name, a code that is not three uppercase letters, a duplicate code, a bad
 * date, an unknown member — with a message "FILE: line L: what is wrong"
 * (or "FILE: what is wrong" where json-glib gives no line). */
TfMemberStates *tf_member_states_load (const char *states_path,
                                       const char *names_path,
                                       GError **error);

/* Loads the shipped forms/member-states.json and forms/member-state-names.json,
 * found with tf_data_find(). Same ownership and errors as above. */
TfMemberStates *tf_member_states_load_default (GError **error);

/* Frees `states` and every TfMemberState in it. NULL is allowed. */
void tf_member_states_free (TfMemberStates *states);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfMemberStates, tf_member_states_free)

/* How many states the file lists, members today or not. */
guint tf_member_states_count (const TfMemberStates *states);

/* The state at `index` (0 <= index < count), in file order. Borrowed. */
const TfMemberState *tf_member_states_get (const TfMemberStates *states,
                                           guint index);

/* Whether `state` was a Member State on `iso_date` ("YYYY-MM-DD"): TRUE
 * when it has no joined date or joined <= iso_date. */
gboolean tf_member_state_is_member_on (const TfMemberState *state,
                                       const char *iso_date);

/* The states that were members on `iso_date`, in file order. Returns a new
 * GPtrArray the caller frees with g_ptr_array_unref(); its elements are
 * borrowed `const TfMemberState *` (the array frees none of them). */
GPtrArray *tf_member_states_on (const TfMemberStates *states,
                                const char *iso_date);

/* The state whose alpha-3 code is `alpha3`, in any case ("fra", "FRA"),
 * or NULL if none. Borrowed. */
const TfMemberState *tf_member_states_find_code (const TfMemberStates *states,
                                                 const char *alpha3);

/* For member_state_match.c only: the name index that tf_member_states_load()
 * built once (see member_state_match.h). Borrowed. */
typedef struct TfMemberStateIndex TfMemberStateIndex;
const TfMemberStateIndex *tf_member_states_get_index (const TfMemberStates *states);

#endif
