/* The emitted form's fields as three independent tools list them:
 * pdftk-java (dump_data_fields_utf8), pypdf (tests/fillers/list_fields_pypdf.py)
 * and qpdf (--json). Each must list exactly the contract's terminal fields
 * (docs/fields.md) with their types, flags and on-states; where the tool shows
 * them, every widget's appearance states, its annotation flags, /AS,
 * /NeedAppearances false and a /DA font present in /DR. Both the blank form
 * and one pre-filled through the library API are checked.
 *
 * A tool that is not installed is skipped with the reason; CI installs all
 * of them (scripts/setup.sh --tests). */
#include <criterion/criterion.h>

#include "form/fields.h"
#include "emit_support.h"
#include "test_util.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#define PYTHON "/usr/bin/python3"
#define LIST_PYPDF TAPFORM_SOURCE_DIR "/tests/fillers/list_fields_pypdf.py"

#define FF_READ_ONLY 1
#define FF_MULTILINE 4096
#define FF_RADIO_GROUP 49152   /* Radio (1 << 15) + NoToggleToOff (1 << 14) */
#define ANNOT_HIDDEN 2
#define ANNOT_PRINT 4

/* One widget of a field, as a tool shows it. */
typedef struct {
  gint64 flags;          /* annotation /F, -1 when the tool does not show it */
  GPtrArray *ap_states;  /* keys of /AP /N (with Off); NULL: not a dictionary */
  gboolean ap_stream;    /* /AP /N is a stream (a text widget) */
  char *as;              /* /AS name without slash, NULL if none */
} Widget;

/* One terminal field. */
typedef struct {
  char *type;            /* "Tx", "Btn" */
  gint64 flags;
  char *value;           /* NULL when the field has none; radio: no slash */
  GPtrArray *states;     /* on-states the tool lists (without Off), NULL unknown */
  GPtrArray *widgets;    /* of Widget*; empty when the tool shows none */
  char *da_font;         /* font named by /DA, NULL when unknown */
} Field;

typedef struct {
  const char *tool;
  GHashTable *fields;    /* full name → Field* */
  int need_appearances;  /* -1 unknown */
  GPtrArray *dr_fonts;   /* font names of /AcroForm /DR; NULL unknown */
  gboolean shows_widgets;
} Listing;

static void
widget_free (gpointer p)
{
  Widget *w = p;
  if (w->ap_states)
    g_ptr_array_unref (w->ap_states);
  g_free (w->as);
  g_free (w);
}

static void
field_free (gpointer p)
{
  Field *f = p;
  g_free (f->type);
  g_free (f->value);
  if (f->states)
    g_ptr_array_unref (f->states);
  g_ptr_array_unref (f->widgets);
  g_free (f->da_font);
  g_free (f);
}

static Listing *
listing_new (const char *tool)
{
  Listing *l = g_new0 (Listing, 1);
  l->tool = tool;
  l->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, field_free);
  l->need_appearances = -1;
  return l;
}

static void
listing_free (Listing *l)
{
  g_hash_table_unref (l->fields);
  if (l->dr_fonts)
    g_ptr_array_unref (l->dr_fonts);
  g_free (l);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listing, listing_free)

static Field *
listing_field (Listing *l, const char *name)
{
  Field *f = g_hash_table_lookup (l->fields, name);
  if (f == NULL)
    {
      f = g_new0 (Field, 1);
      f->flags = -1;
      f->widgets = g_ptr_array_new_with_free_func (widget_free);
      g_hash_table_insert (l->fields, g_strdup (name), f);
    }
  return f;
}

static gboolean
strv_has (GPtrArray *a, const char *s)
{
  for (guint i = 0; a && i < a->len; i++)
    if (g_str_equal (a->pdata[i], s))
      return TRUE;
  return FALSE;
}

static void
add_unique (GPtrArray *a, const char *s)
{
  if (!strv_has (a, s))
    g_ptr_array_add (a, g_strdup (s));
}

static char *
strip_slash (const char *s)
{
  return s == NULL ? NULL : g_strdup (s[0] == '/' ? s + 1 : s);
}

/* Runs argv (no shell). Returns stdout; fails the test on a non-zero exit. */
static char *
run (const char *const *argv)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;
  cr_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                           &out, &err, &status, &error),
             "cannot run %s: %s", argv[0], error ? error->message : "");
  cr_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0,
             "%s %s failed (status %d): %s", argv[0], argv[1], status, err);
  return out;
}

/* ---- pdftk-java: dump_data_fields_utf8 ---------------------------------- */

/* pdftk writes values with XML-like escapes (&apos; &quot; &amp; &lt; &gt;
 * and &#NN; for line ends). */
static char *
pdftk_unescape (const char *s)
{
  GString *out = g_string_new (NULL);
  while (*s)
    {
      static const struct { const char *from, *to; } esc[] = {
        { "&apos;", "'" }, { "&quot;", "\"" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
      };
      gboolean done = FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (esc) && !done; i++)
        if (g_str_has_prefix (s, esc[i].from))
          {
            g_string_append (out, esc[i].to);
            s += strlen (esc[i].from);
            done = TRUE;
          }
      if (!done && s[0] == '&' && s[1] == '#')
        {
          char *end = NULL;
          gunichar c = (gunichar) g_ascii_strtoull (s + 2, &end, 10);
          if (end && *end == ';')
            {
              g_string_append_unichar (out, c);
              s = end + 1;
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, *s++);
    }
  return g_string_free (out, FALSE);
}

static Listing *
list_pdftk (const char *pdf)
{
  const char *argv[] = { "pdftk", pdf, "dump_data_fields_utf8", NULL };
  g_autofree char *out = run (argv);
  Listing *l = listing_new ("pdftk");
  g_auto (GStrv) blocks = g_strsplit (out, "---\n", -1);
  for (char **b = blocks; *b; b++)
    {
      g_auto (GStrv) lines = g_strsplit (*b, "\n", -1);
      const char *type = NULL, *name = NULL, *flags = NULL, *value = NULL;
      g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
      for (char **line = lines; *line; line++)
        {
          char *colon = strstr (*line, ": ");
          if (colon == NULL && g_str_has_suffix (*line, ":"))
            colon = *line + strlen (*line) - 1;
          if (colon == NULL)
            continue;
          *colon = '\0';
          const char *v = colon[1] ? colon + 2 : "";
          if (g_str_equal (*line, "FieldType"))
            type = v;
          else if (g_str_equal (*line, "FieldName"))
            name = v;
          else if (g_str_equal (*line, "FieldFlags"))
            flags = v;
          else if (g_str_equal (*line, "FieldValue"))
            value = v;
          else if (g_str_equal (*line, "FieldStateOption") && !g_str_equal (v, "Off"))
            add_unique (states, v);
        }
      /* A block without a type is a non-terminal field (a name part). */
      if (name == NULL || type == NULL || type[0] == '\0')
        continue;
      Field *f = listing_field (l, name);
      f->type = g_strdup (g_str_equal (type, "Text") ? "Tx"
                          : g_str_equal (type, "Button") ? "Btn" : type);
      f->flags = flags ? g_ascii_strtoll (flags, NULL, 10) : -1;
      f->value = value ? pdftk_unescape (value) : NULL;
      if (g_str_equal (f->type, "Btn"))
        f->states = g_ptr_array_ref (states);
    }
  return l;
}

/* ---- pypdf: tests/fillers/list_fields_pypdf.py -------------------------- */

static GPtrArray *
json_strings (JsonArray *array)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    g_ptr_array_add (out, g_strdup (json_array_get_string_element (array, i)));
  return out;
}

static const char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_string (n) : NULL;
}

static Listing *
list_pypdf (const char *pdf)
{
  const char *argv[] = { PYTHON, LIST_PYPDF, pdf, NULL };
  g_autofree char *out = run (argv);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_data (parser, out, -1, &error), "pypdf listing: %s",
             error ? error->message : "");
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  Listing *l = listing_new ("pypdf");
  l->shows_widgets = TRUE;
  JsonNode *na = json_object_get_member (root, "need_appearances");
  l->need_appearances = JSON_NODE_HOLDS_NULL (na) ? -1 : json_node_get_boolean (na);
  l->dr_fonts = json_strings (json_object_get_array_member (root, "dr_fonts"));

  JsonObject *fields = json_object_get_object_member (root, "fields");
  g_autoptr (GList) names = json_object_get_members (fields);
  for (GList *n = names; n; n = n->next)
    {
      JsonObject *fo = json_object_get_object_member (fields, n->data);
      Field *f = listing_field (l, n->data);
      f->type = g_strdup (member_string (fo, "type"));
      f->flags = json_object_get_int_member (fo, "flags");
      f->value = strip_slash (member_string (fo, "value"));
      f->da_font = g_strdup (member_string (fo, "da_font"));
      JsonArray *widgets = json_object_get_array_member (fo, "widgets");
      for (guint i = 0; i < json_array_get_length (widgets); i++)
        {
          JsonObject *wo = json_array_get_object_element (widgets, i);
          Widget *w = g_new0 (Widget, 1);
          w->flags = json_object_get_int_member (wo, "flags");
          JsonNode *ap = json_object_get_member (wo, "ap_states");
          w->ap_states = JSON_NODE_HOLDS_ARRAY (ap) ? json_strings (json_node_get_array (ap)) : NULL;
          w->ap_stream = json_object_get_boolean_member (wo, "ap_stream");
          w->as = g_strdup (member_string (wo, "as"));
          g_ptr_array_add (f->widgets, w);
        }
      if (g_strcmp0 (f->type, "Btn") == 0)
        {
          f->states = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < f->widgets->len; i++)
            {
              Widget *w = f->widgets->pdata[i];
              for (guint j = 0; w->ap_states && j < w->ap_states->len; j++)
                if (!g_str_equal (w->ap_states->pdata[j], "Off"))
                  add_unique (f->states, w->ap_states->pdata[j]);
            }
        }
    }
  return l;
}

/* ---- qpdf --json (version 2) -------------------------------------------- */

/* The value of "obj:N G R" in qpdf's object list; NULL if absent. */
static JsonObject *
qpdf_object (JsonObject *objects, const char *ref)
{
  g_autofree char *key = g_strconcat ("obj:", ref, NULL);
  JsonObject *o = json_object_has_member (objects, key)
                    ? json_object_get_object_member (objects, key) : NULL;
  if (o == NULL)
    return NULL;
  if (json_object_has_member (o, "value"))
    return json_object_get_object_member (o, "value");
  if (json_object_has_member (o, "stream"))
    return json_object_get_object_member (json_object_get_object_member (o, "stream"), "dict");
  return NULL;
}

/* A dictionary entry, following one indirect reference ("12 0 R"). */
static JsonNode *
qpdf_get (JsonObject *objects, JsonObject *dict, const char *key, JsonObject **as_dict)
{
  *as_dict = NULL;
  if (dict == NULL || !json_object_has_member (dict, key))
    return NULL;
  JsonNode *n = json_object_get_member (dict, key);
  if (JSON_NODE_HOLDS_OBJECT (n))
    *as_dict = json_node_get_object (n);
  else if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
           && g_str_has_suffix (json_node_get_string (n), " R"))
    *as_dict = qpdf_object (objects, json_node_get_string (n));
  return n;
}

static gboolean
qpdf_is_stream (JsonObject *objects, JsonNode *n)
{
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return FALSE;
  g_autofree char *key = g_strconcat ("obj:", json_node_get_string (n), NULL);
  return json_object_has_member (objects, key)
         && json_object_has_member (json_object_get_object_member (objects, key), "stream");
}

/* The font named by a /DA string ("u:/TfSans 10 Tf 0 g"). */
static char *
da_font (const char *da)
{
  if (da == NULL)
    return NULL;
  g_auto (GStrv) words = g_strsplit_set (g_str_has_prefix (da, "u:") ? da + 2 : da, " \t", -1);
  for (guint i = 0; words[i] && words[i + 1] && words[i + 2]; i++)
    if (words[i][0] == '/' && g_str_equal (words[i + 2], "Tf"))
      return g_strdup (words[i] + 1);
  return NULL;
}

/* qpdf's text value: "u:text" (JSON v2 string encoding), or a name. */
static char *
qpdf_value (JsonNode *n)
{
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  const char *s = json_node_get_string (n);
  return g_str_has_prefix (s, "u:") ? g_strdup (s + 2) : strip_slash (s);
}

static Listing *
list_qpdf (const char *pdf)
{
  const char *argv[] = { "qpdf", "--json=2", "--json-key=acroform", "--json-key=qpdf", pdf, NULL };
  g_autofree char *out = run (argv);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  cr_assert (json_parser_load_from_data (parser, out, -1, &error), "qpdf --json: %s",
             error ? error->message : "");
  JsonObject *root = json_node_get_object (json_parser_get_root (parser));
  JsonObject *objects = json_array_get_object_element (json_object_get_array_member (root, "qpdf"), 1);
  JsonObject *acroform = json_object_get_object_member (root, "acroform");
  Listing *l = listing_new ("qpdf");
  l->shows_widgets = TRUE;
  l->need_appearances = json_object_get_boolean_member (acroform, "needappearances");

  /* /DR of the catalog's /AcroForm. */
  JsonObject *trailer = json_object_get_object_member (json_object_get_object_member (objects, "trailer"), "value");
  JsonObject *catalog, *af, *dr, *fonts;
  qpdf_get (objects, trailer, "/Root", &catalog);
  qpdf_get (objects, catalog, "/AcroForm", &af);
  qpdf_get (objects, af, "/DR", &dr);
  qpdf_get (objects, dr, "/Font", &fonts);
  l->dr_fonts = g_ptr_array_new_with_free_func (g_free);
  if (fonts)
    {
      g_autoptr (GList) keys = json_object_get_members (fonts);
      for (GList *k = keys; k; k = k->next)
        g_ptr_array_add (l->dr_fonts, strip_slash (k->data));
    }

  /* One entry per widget: fields with several widgets appear repeatedly. */
  JsonArray *fields = json_object_get_array_member (acroform, "fields");
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *fo = json_array_get_object_element (fields, i);
      Field *f = listing_field (l, json_object_get_string_member (fo, "fullname"));
      g_free (f->type);
      f->type = strip_slash (json_object_get_string_member (fo, "fieldtype"));
      f->flags = json_object_get_int_member (fo, "fieldflags");
      g_free (f->value);
      f->value = qpdf_value (json_object_get_member (fo, "value"));

      JsonObject *annotation = json_object_get_object_member (fo, "annotation");
      Widget *w = g_new0 (Widget, 1);
      w->flags = json_object_get_int_member (annotation, "annotationflags");
      const char *as = json_object_get_string_member (annotation, "appearancestate");
      w->as = as && as[0] ? strip_slash (as) : NULL;
      JsonObject *dict = qpdf_object (objects, json_object_get_string_member (annotation, "object"));
      JsonObject *ap, *normal;
      qpdf_get (objects, dict, "/AP", &ap);
      JsonNode *n = qpdf_get (objects, ap, "/N", &normal);
      w->ap_stream = qpdf_is_stream (objects, n);
      if (normal && !w->ap_stream)
        {
          w->ap_states = g_ptr_array_new_with_free_func (g_free);
          g_autoptr (GList) keys = json_object_get_members (normal);
          for (GList *k = keys; k; k = k->next)
            g_ptr_array_add (w->ap_states, strip_slash (k->data));
        }
      g_ptr_array_add (f->widgets, w);

      /* /DA, inherited from the field's parents. */
      JsonObject *node = qpdf_object (objects, json_object_get_string_member (fo, "object"));
      for (int depth = 0; node && depth < 16 && f->da_font == NULL; depth++)
        {
          JsonObject *parent;
          if (json_object_has_member (node, "/DA"))
            f->da_font = da_font (json_object_get_string_member (node, "/DA"));
          qpdf_get (objects, node, "/Parent", &parent);
          node = parent;
        }

      if (g_str_equal (f->type, "Btn"))
        {
          if (f->states == NULL)
            f->states = g_ptr_array_new_with_free_func (g_free);
          for (guint j = 0; w->ap_states && j < w->ap_states->len; j++)
            if (!g_str_equal (w->ap_states->pdata[j], "Off"))
              add_unique (f->states, w->ap_states->pdata[j]);
        }
    }
  return l;
}

/* ---- the contract -------------------------------------------------------- */

typedef struct {
  EmitTestForm *emit;
  const TfForm *form;       /* borrowed from emit */
  char *blank;
  char *filled;
  GHashTable *prefill;   /* what the filled form was pre-filled with */
} Fixture;

static Fixture fx;

#define PREFILL_MEMBER_STATE "Côte d'Ivoire (République de)"

static void
setup (void)
{
  fx.emit = emit_test_form_new (NULL);
  fx.form = fx.emit->form;
  fx.blank = emit_test_write (fx.emit, "blank.pdf", NULL, NULL);

  fx.prefill = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (fx.prefill, "sender.name", "Анна \"Ann\" Шевченко & Co <x>");
  g_hash_table_insert (fx.prefill, "text.x1054.authority", "assign");
  g_hash_table_insert (fx.prefill, "text.x1054.comments", "none");
  g_hash_table_insert (fx.prefill, "text.x1751.authority", "withhold");
  fx.filled = emit_test_write (fx.emit, "filled.pdf", PREFILL_MEMBER_STATE, fx.prefill);
}

static void
teardown (void)
{
  emit_test_form_free (fx.emit);
  g_free (fx.blank);
  g_free (fx.filled);
  g_hash_table_unref (fx.prefill);
}

/* What the form was pre-filled with for `name`, NULL if nothing. */
static const char *
prefilled (gboolean filled, const char *name)
{
  if (!filled)
    return NULL;
  if (g_str_equal (name, "sender.member_state"))
    return PREFILL_MEMBER_STATE;
  return g_hash_table_lookup (fx.prefill, name);
}

static void
check_text (Listing *l, const char *name, gint64 flags, const char *value)
{
  Field *f = g_hash_table_lookup (l->fields, name);
  cr_assert_not_null (f, "%s does not list %s", l->tool, name);
  cr_expect_str_eq (f->type, "Tx", "%s: %s has type %s", l->tool, name, f->type);
  cr_expect_eq (f->flags, flags, "%s: %s has flags %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
                l->tool, name, f->flags, flags);
  const char *got = f->value && f->value[0] ? f->value : NULL;
  cr_expect (g_strcmp0 (got, value) == 0, "%s: %s has value \"%s\", not \"%s\"",
             l->tool, name, got ? got : "(none)", value ? value : "(none)");
  if (!l->shows_widgets)
    return;
  cr_expect_eq (f->widgets->len, 1, "%s: %s has %u widgets", l->tool, name, f->widgets->len);
  for (guint i = 0; i < f->widgets->len; i++)
    {
      Widget *w = f->widgets->pdata[i];
      cr_expect (w->ap_stream, "%s: the widget of %s has no /AP /N stream", l->tool, name);
    }
}

static void
check_radio (Listing *l, const char *name, const char *const states[2], const char *value)
{
  Field *f = g_hash_table_lookup (l->fields, name);
  cr_assert_not_null (f, "%s does not list %s", l->tool, name);
  cr_expect_str_eq (f->type, "Btn", "%s: %s has type %s", l->tool, name, f->type);
  cr_expect_eq (f->flags, FF_RADIO_GROUP, "%s: %s has flags %" G_GINT64_FORMAT, l->tool, name,
                f->flags);
  cr_assert_not_null (f->states, "%s: no on-states for %s", l->tool, name);
  cr_expect (f->states->len == 2 && strv_has (f->states, states[0]) && strv_has (f->states, states[1]),
             "%s: %s has on-states {%s%s%s}, not {%s, %s}", l->tool, name,
             f->states->len > 0 ? (char *) f->states->pdata[0] : "",
             f->states->len > 1 ? ", " : "", f->states->len > 1 ? (char *) f->states->pdata[1] : "",
             states[0], states[1]);
  const char *got = f->value && !g_str_equal (f->value, "Off") && f->value[0] ? f->value : NULL;
  cr_expect (g_strcmp0 (got, value) == 0, "%s: %s has value %s, not %s", l->tool, name,
             got ? got : "(none)", value ? value : "(none)");
  if (!l->shows_widgets)
    return;
  /* Two widgets, one per option; each has exactly its on-state and Off,
   * and its /AS says whether it is the chosen one. */
  cr_expect_eq (f->widgets->len, 2, "%s: %s has %u widgets", l->tool, name, f->widgets->len);
  for (guint i = 0; i < f->widgets->len; i++)
    {
      Widget *w = f->widgets->pdata[i];
      cr_assert_not_null (w->ap_states, "%s: a widget of %s has no /AP /N states", l->tool, name);
      cr_expect (w->ap_states->len == 2 && strv_has (w->ap_states, "Off"),
                 "%s: a widget of %s has %u /AP /N states, not its on-state and Off",
                 l->tool, name, w->ap_states->len);
      const char *on = NULL;
      for (guint j = 0; j < w->ap_states->len; j++)
        if (!g_str_equal (w->ap_states->pdata[j], "Off"))
          on = w->ap_states->pdata[j];
      cr_expect (on && (g_str_equal (on, states[0]) || g_str_equal (on, states[1])),
                 "%s: a widget of %s has on-state %s", l->tool, name, on ? on : "(none)");
      const char *want_as = value && on && g_str_equal (on, value) ? on : "Off";
      cr_expect_str_eq (w->as ? w->as : "(none)", want_as, "%s: a widget of %s has /AS %s, not %s",
                        l->tool, name, w->as ? w->as : "(none)", want_as);
      cr_expect (w->flags & ANNOT_PRINT && !(w->flags & ANNOT_HIDDEN),
                 "%s: a widget of %s has /F %" G_GINT64_FORMAT, l->tool, name, w->flags);
    }
}

static void
check_listing (Listing *l, gboolean filled)
{
  static const char *const authority[2] = { "assign", "withhold" };
  static const char *const comments[2] = { "none", "attached" };
  const TfForm *form = fx.form;
  guint expected = 0;

  for (guint i = 0; i < form->sender->len; i++)
    {
      const TfSenderField *s = form->sender->pdata[i];
      g_autofree char *name = tf_field_sender (s);
      check_text (l, name, s->multiline ? FF_MULTILINE : 0, prefilled (filled, name));
      Field *f = g_hash_table_lookup (l->fields, name);
      for (guint j = 0; l->shows_widgets && j < f->widgets->len; j++)
        {
          Widget *w = f->widgets->pdata[j];
          cr_expect (w->flags & ANNOT_PRINT && !(w->flags & ANNOT_HIDDEN),
                     "%s: the widget of %s has /F %" G_GINT64_FORMAT, l->tool, name, w->flags);
        }
      expected++;
    }
  cr_expect_eq (form->sender->len, 6, "the contract has six sender fields, the definition %u",
                form->sender->len);

  check_text (l, TF_FIELD_FORM_ID, FF_READ_ONLY, form->id_version);
  cr_expect_str_eq (form->id_version, "tsb-246-annex2@1");
  check_text (l, TF_FIELD_FORM_LANGUAGE, FF_READ_ONLY, "en");
  const char *hidden[] = { TF_FIELD_FORM_ID, TF_FIELD_FORM_LANGUAGE };
  for (gsize h = 0; h < G_N_ELEMENTS (hidden); h++)
    {
      Field *id = g_hash_table_lookup (l->fields, hidden[h]);
      for (guint j = 0; l->shows_widgets && id != NULL && j < id->widgets->len; j++)
        {
          Widget *w = id->widgets->pdata[j];
          cr_expect (w->flags & ANNOT_HIDDEN, "%s: the widget of %s is not hidden (/F %"
                     G_GINT64_FORMAT ")", l->tool, hidden[h], w->flags);
        }
      expected++;
    }

  for (guint i = 0; i < form->texts->len; i++)
    {
      const TfText *t = form->texts->pdata[i];
      g_autofree char *a = tf_field_group (t, TF_GROUP_AUTHORITY);
      g_autofree char *c = tf_field_group (t, TF_GROUP_COMMENTS);
      check_radio (l, a, authority, prefilled (filled, a));
      check_radio (l, c, comments, prefilled (filled, c));
      expected += 2;
    }
  cr_expect_eq (form->texts->len, 11, "Circular 246 has 11 texts, the definition %u",
                form->texts->len);

  /* Exactly the contract's terminal fields: nothing more. */
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, l->fields);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      const char *name = key;
      gboolean known = g_str_equal (name, TF_FIELD_FORM_ID)
                       || g_str_equal (name, TF_FIELD_FORM_LANGUAGE)
                       || g_str_has_prefix (name, "sender.")
                       || g_str_has_prefix (name, "text.");
      cr_expect (known, "%s lists a field outside the contract: %s", l->tool, name);
    }
  cr_expect_eq (g_hash_table_size (l->fields), expected, "%s lists %u terminal fields, not %u",
                l->tool, g_hash_table_size (l->fields), expected);

  if (l->need_appearances >= 0)
    cr_expect_eq (l->need_appearances, 0, "%s: /NeedAppearances is true", l->tool);
  if (l->dr_fonts != NULL)
    {
      guint with_da = 0;
      g_hash_table_iter_init (&it, l->fields);
      gpointer value;
      while (g_hash_table_iter_next (&it, &key, &value))
        {
          Field *f = value;
          if (f->da_font == NULL)
            continue;
          with_da++;
          cr_expect (strv_has (l->dr_fonts, f->da_font), "%s: %s's /DA names /%s, not in /DR",
                     l->tool, (char *) key, f->da_font);
        }
      cr_expect_eq (with_da, expected, "%s: only %u of %u fields have a /DA with a font",
                    l->tool, with_da, expected);
    }
}

static void
need (const char *program)
{
  if (!tf_test_have (program))
    cr_skip_test ("%s is not installed (scripts/setup.sh --tests installs it)", program);
}

static void
need_pypdf (void)
{
  const char *argv[] = { PYTHON, "-c", "import pypdf", NULL };
  int status = 0;
  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE)
      || !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                        NULL, NULL, &status, NULL)
      || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    cr_skip_test ("pypdf is not importable by " PYTHON " (Debian: python3-pypdf)");
}

TestSuite (emit_fields, .init = setup, .fini = teardown, .timeout = 120);

Test (emit_fields, pdftk_lists_the_contract_blank)
{
  need ("pdftk");
  g_autoptr (Listing) l = list_pdftk (fx.blank);
  check_listing (l, FALSE);
}

Test (emit_fields, pdftk_lists_the_contract_prefilled)
{
  need ("pdftk");
  g_autoptr (Listing) l = list_pdftk (fx.filled);
  check_listing (l, TRUE);
}

Test (emit_fields, pypdf_lists_the_contract_blank)
{
  need_pypdf ();
  g_autoptr (Listing) l = list_pypdf (fx.blank);
  check_listing (l, FALSE);
}

Test (emit_fields, pypdf_lists_the_contract_prefilled)
{
  need_pypdf ();
  g_autoptr (Listing) l = list_pypdf (fx.filled);
  check_listing (l, TRUE);
}

Test (emit_fields, qpdf_lists_the_contract_blank)
{
  need ("qpdf");
  g_autoptr (Listing) l = list_qpdf (fx.blank);
  check_listing (l, FALSE);
}

Test (emit_fields, qpdf_lists_the_contract_prefilled)
{
  need ("qpdf");
  g_autoptr (Listing) l = list_qpdf (fx.filled);
  check_listing (l, TRUE);
}
