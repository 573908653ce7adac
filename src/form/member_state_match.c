/* member_state_match.c — normalized keys for every known name of every
 * Member State, built once at load, and the lookup of a written name. */
#include "form/member_state_match.h"

#include <string.h>

/* A name as written outranks a shortened rewriting of a name (see the
 * header): lower is stronger. */
enum { RANK_WRITTEN = 0, RANK_SHORTENED = 1 };

typedef struct {
  const TfMemberState *state;  /* NULL: two states share this key at `rank` */
  guint rank;
  gboolean is_code;            /* only a code gives this key: never suggested */
  gunichar *chars;             /* the key in UCS-4, for edit distances */
  glong length;
} KeyEntry;

struct TfMemberStateIndex {
  GHashTable *keys;   /* key (owned) → KeyEntry * (owned) */
  GPtrArray *order;   /* KeyEntry * (borrowed) in insertion order, so that
                         suggestions do not depend on hash order */
};

static void
key_entry_free (gpointer data)
{
  KeyEntry *entry = data;

  g_free (entry->chars);
  g_free (entry);
}

/* ------------------------------------------------------------------------
 * Normalization */

/* Apostrophes join rather than separate: "d'Ivoire" and "dIvoire" are the
 * same to whoever types them. */
static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BC;
}

static gboolean
is_combining_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);
  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
         || type == G_UNICODE_ENCLOSING_MARK;
}

/* Appends the finished `word` to `key` (a leading "the" dropped, "st" read
 * as "saint") and empties it. */
static void
flush_word (GString *key, GString *word, gboolean *first)
{
  if (word->len == 0)
    return;
  gboolean leading_the = *first && strcmp (word->str, "the") == 0;
  *first = FALSE;
  if (!leading_the)
    g_string_append (key, strcmp (word->str, "st") == 0 ? "saint" : word->str);
  g_string_truncate (word, 0);
}

char *
tf_member_state_normalize (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = g_utf8_casefold (decomposed, -1);
  g_autoptr (GString) key = g_string_new (NULL);
  g_autoptr (GString) word = g_string_new (NULL);
  gboolean first = TRUE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_combining_mark (c) || is_apostrophe (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      flush_word (key, word, &first);
      if (c == '&')
        {
          g_string_append (word, "and");
          flush_word (key, word, &first);
        }
    }
  flush_word (key, word, &first);
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* ------------------------------------------------------------------------
 * Building the index */

/* Records that `text` names `state` at `rank`. Per key, the strongest rank
 * wins; two different states at that rank make the key ambiguous. The
 * result does not depend on the order of the calls. */
static void
add_key (TfMemberStateIndex *index, const TfMemberState *state,
         const char *text, guint rank, gboolean is_code)
{
  g_autofree char *key = tf_member_state_normalize (text);
  if (key == NULL || key[0] == '\0')
    return;

  KeyEntry *entry = g_hash_table_lookup (index->keys, key);
  if (entry == NULL)
    {
      entry = g_new0 (KeyEntry, 1);
      entry->state = state;
      entry->rank = rank;
      entry->is_code = is_code;
      entry->chars = g_utf8_to_ucs4_fast (key, -1, &entry->length);
      g_hash_table_insert (index->keys, g_steal_pointer (&key), entry);
      g_ptr_array_add (index->order, entry);
    }
  else if (rank < entry->rank)
    {
      entry->state = state;
      entry->rank = rank;
      entry->is_code = is_code;
    }
  else if (rank == entry->rank && entry->state == state)
    entry->is_code = entry->is_code && is_code;
  else if (rank == entry->rank)
    entry->state = NULL;
}

/* Whether `qualifier` ends with a word that wants the name after it:
 * "Republic of", "Republic of the", "République de", "Estado Plurinacional
 * de", "República del". */
static gboolean
ends_with_connector (const char *qualifier)
{
  static const char *const connectors[] = { "of", "of the", "de", "de la", "de l",
                                            "del", "du", "des" };
  g_autofree char *folded = g_utf8_casefold (qualifier, -1);
  g_strstrip (g_strdelimit (folded, "'", ' '));

  for (gsize i = 0; i < G_N_ELEMENTS (connectors); i++)
    {
      gsize n = strlen (folded), m = strlen (connectors[i]);
      if (n >= m && strcmp (folded + n - m, connectors[i]) == 0
          && (n == m || folded[n - m - 1] == ' '))
        return TRUE;
    }
  return FALSE;
}

/* Records `name` and its rewritings: "X (Q of)" and "X, Q of" also as
 * "Q of X" (same rank) and as "X" alone (shortened). Fullwidth brackets and
 * commas become ASCII under NFKD; the Arabic comma is handled by hand. */
static void
add_name (TfMemberStateIndex *index, const TfMemberState *state, const char *name)
{
  add_key (index, state, name, RANK_WRITTEN, FALSE);

  g_autofree char *text = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  if (text == NULL)
    return;
  g_autofree char *head = NULL;
  g_autofree char *qualifier = NULL;
  char *open = strchr (text, '(');
  char *comma = strchr (text, ',');
  char *arabic_comma = strstr (text, "\u060C");

  if (open != NULL && strchr (open, ')') != NULL)
    {
      head = g_strndup (text, (gsize) (open - text));
      qualifier = g_strndup (open + 1, (gsize) (strchr (open, ')') - open - 1));
    }
  else if (comma != NULL || arabic_comma != NULL)
    {
      char *at = comma != NULL && (arabic_comma == NULL || comma < arabic_comma) ? comma : arabic_comma;
      head = g_strndup (text, (gsize) (at - text));
      qualifier = g_strdup (at + (at == comma ? 1 : strlen ("\u060C")));
    }
  else
    return;

  g_strstrip (head);
  g_strstrip (qualifier);
  if (head[0] == '\0')
    return;
  add_key (index, state, head, RANK_SHORTENED, FALSE);
  if (ends_with_connector (qualifier))
    {
      g_autofree char *reordered = g_strdup_printf ("%s %s", qualifier, head);
      add_key (index, state, reordered, RANK_WRITTEN, FALSE);
    }
}

TfMemberStateIndex *
tf_member_state_index_new (const GPtrArray *states)
{
  TfMemberStateIndex *index = g_new0 (TfMemberStateIndex, 1);
  index->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, key_entry_free);
  index->order = g_ptr_array_new ();

  for (guint i = 0; i < states->len; i++)
    {
      const TfMemberState *state = g_ptr_array_index ((GPtrArray *) states, i);

      add_name (index, state, state->name);
      for (char **n = state->names; *n != NULL; n++)
        add_name (index, state, *n);
      for (char **a = state->aliases; *a != NULL; a++)
        add_name (index, state, *a);
      add_key (index, state, state->code, RANK_WRITTEN, TRUE);
      if (state->alpha2 != NULL)
        add_key (index, state, state->alpha2, RANK_WRITTEN, TRUE);
    }
  return index;
}

void
tf_member_state_index_free (TfMemberStateIndex *index)
{
  if (index == NULL)
    return;
  g_ptr_array_unref (index->order);
  g_hash_table_unref (index->keys);
  g_free (index);
}

/* ------------------------------------------------------------------------
 * Lookup */

/* Edit distance between a[0..n) and b[0..m) — insertions, deletions,
 * substitutions and swaps of two neighbours ("Frnace"), each one edit
 * (optimal string alignment) — or limit + 1 as soon as it must exceed
 * `limit`. `rows` holds 3 * (n + 1) entries. */
static guint
edit_distance (const gunichar *a, glong n, const gunichar *b, glong m,
               guint limit, guint *rows)
{
  guint *before = rows, *prev = rows + n + 1, *cur = rows + 2 * (n + 1);
  guint prev_min = 0;

  for (glong i = 0; i <= n; i++)
    prev[i] = (guint) i;
  for (glong j = 1; j <= m; j++)
    {
      cur[0] = (guint) j;
      guint row_min = cur[0];
      for (glong i = 1; i <= n; i++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          cur[i] = MIN (MIN (prev[i] + 1, cur[i - 1] + 1), prev[i - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            cur[i] = MIN (cur[i], before[i - 2] + 1);
          row_min = MIN (row_min, cur[i]);
        }
      /* A swap reaches back two rows, so both must be past the limit. */
      if (row_min > limit && prev_min > limit)
        return limit + 1;
      prev_min = row_min;
      guint *spare = before;
      before = prev;
      prev = cur;
      cur = spare;
    }
  return MIN (prev[n], limit + 1);
}

/* The state whose key is closest to `key`, within one edit per four
 * characters, or NULL. */
static const TfMemberState *
nearest (const TfMemberStateIndex *index, const char *key)
{
  glong n = 0;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (key, -1, &n);
  guint limit = (guint) (n / 4);
  if (limit == 0)
    return NULL;

  g_autofree guint *rows = g_new (guint, 3 * (n + 1));
  const TfMemberState *best_state = NULL;
  guint best = limit + 1;

  for (guint i = 0; i < index->order->len; i++)
    {
      const KeyEntry *entry = g_ptr_array_index (index->order, i);
      if (entry->state == NULL || entry->is_code)
        continue;
      /* The length difference alone is a lower bound of the distance. */
      if ((guint) ABS (entry->length - n) >= best)
        continue;
      guint d = edit_distance (chars, n, entry->chars, entry->length, best - 1, rows);
      if (d < best)
        {
          best = d;
          best_state = entry->state;
        }
    }
  return best_state;
}

const TfMemberState *
tf_member_state_match (const TfMemberStates *states, const char *written,
                       const TfMemberState **suggestion)
{
  g_return_val_if_fail (states != NULL, NULL);

  if (suggestion != NULL)
    *suggestion = NULL;
  g_autofree char *key = tf_member_state_normalize (written);
  if (key == NULL || key[0] == '\0')
    return NULL;

  const TfMemberStateIndex *index = tf_member_states_get_index (states);
  const KeyEntry *entry = g_hash_table_lookup (index->keys, key);
  if (entry != NULL && entry->state != NULL)
    return entry->state;
  if (suggestion != NULL)
    *suggestion = nearest (index, key);
  return NULL;
}
