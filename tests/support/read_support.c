#include "read_support.h"

#include "read_schema.h"

#include "common/tf_data.h"
#include "out/record_json.h"
#include "read/read_pdf.h"

#include <criterion/criterion.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#define PYTHON "/usr/bin/python3"
#define SCHEMA_PATH TAPFORM_SOURCE_DIR "/docs/reply-record.schema.json"

ReadTestReader *
read_test_reader_new (void)
{
  g_autoptr (GError) error = NULL;
  ReadTestReader *r = g_new0 (ReadTestReader, 1);
  /* The source tree's data, whatever $TAPFORM_DATADIR says. */
  TfReaderOptions options = TF_READER_OPTIONS_INIT;
  options.form_path = TAPFORM_SOURCE_DIR "/" TF_FORM_DEFAULT_DEFINITION;
  options.member_states_path = TAPFORM_SOURCE_DIR "/forms/member-states.json";
  options.member_state_names_path = TAPFORM_SOURCE_DIR "/forms/member-state-names.json";
  r->reader = tf_reader_open (&options, &error);
  cr_assert_not_null (r->reader, "opening the reader: %s", error ? error->message : "");
  r->form = tf_reader_form (r->reader);
  r->layout = tf_reader_layout (r->reader);
  r->states = tf_reader_member_states (r->reader);
  r->emit = emit_test_form_new (options.form_path);
  r->schema = read_schema_load (SCHEMA_PATH, &error);
  cr_assert_not_null (r->schema, "loading the schema: %s", error ? error->message : "");
  return r;
}

void
read_test_reader_free (ReadTestReader *r)
{
  if (r == NULL)
    return;
  emit_test_form_free (r->emit);
  tf_reader_free (r->reader);
  json_node_unref (r->schema);
  g_free (r);
}

static const char *
lookup_value (const char *const *values, const char *name)
{
  for (guint i = 0; values != NULL && values[i] != NULL && values[i + 1] != NULL; i += 2)
    if (g_str_equal (values[i], name))
      return values[i + 1];
  return NULL;
}

static TfRawReply *
raw_new (const ReadTestReader *r, const TfLayout *layout, const char *language,
         const char *const *values)
{
  TfRawReply *raw = tf_raw_reply_new (TF_READ_OK, NULL);
  raw->sha256 = g_strdup ("0000000000000000000000000000000000000000000000000000000000000000");
  raw->n_pages = layout->n_pages;
  for (guint i = 0; i < layout->widgets->len; i++)
    {
      const TfWidget *w = layout->widgets->pdata[i];
      const char *value = lookup_value (values, w->field);
      if (w->kind == TF_WIDGET_TEXT || w->kind == TF_WIDGET_HIDDEN_TEXT)
        {
          if (g_str_equal (w->field, "form.id"))
            value = r->form->id_version;
          if (g_str_equal (w->field, "form.language") && value == NULL)
            value = language;
          tf_raw_reply_add_field (raw, w->field, TF_RAW_TEXT, value);
          continue;
        }
      tf_raw_reply_add_field (raw, w->field, TF_RAW_RADIO, NULL);
      gboolean on = value != NULL && g_str_equal (value, tf_answer_state (w->answer));
      tf_raw_reply_add_radio (raw, w->field, w->tooltip, w->page, &w->rect, on);
    }
  return raw;
}

TfRawReply *
read_test_raw_new (const ReadTestReader *r, const char *const *values)
{
  /* As the forms sent before there were languages: no form.language. */
  return raw_new (r, r->layout, NULL, values);
}

TfRawReply *
read_test_raw_new_in (const ReadTestReader *r, TfLanguage language, const char *const *values)
{
  return raw_new (r, tf_reader_layout_in (r->reader, language), tf_language_code (language),
                  values);
}

TfRawRadio *
read_test_raw_radio (const ReadTestReader *r, TfRawReply *raw, const char *group,
                     const char *state)
{
  guint k = 0;
  for (guint i = 0; i < r->layout->widgets->len; i++)
    {
      const TfWidget *w = r->layout->widgets->pdata[i];
      if (w->kind != TF_WIDGET_BOX && w->kind != TF_WIDGET_CIRCLE)
        continue;
      if (g_str_equal (w->field, group) && g_str_equal (tf_answer_state (w->answer), state))
        return raw->radios->pdata[k];
      k++;
    }
  cr_assert_fail ("no widget %s of %s", state, group);
  return NULL;
}

char *
read_test_emit (const ReadTestReader *r, const char *dir, const char *name,
              const char *member_state)
{
  char *path = g_build_filename (dir, name, NULL);
  emit_test_write_path (r->emit, path, member_state, NULL);
  return path;
}

/* The pikepdf filler: see read_support.h for the spec. */
static const char fill_script[] =
  "import json, sys, pikepdf\n"
  "spec = json.loads(sys.argv[1])\n"
  "pdf = pikepdf.open(sys.argv[2])\n"
  "af = pdf.Root.AcroForm\n"
  "def fqname(f):\n"
  "    parts = []\n"
  "    while f is not None:\n"
  "        if '/T' in f: parts.append(str(f.T))\n"
  "        f = f.get('/Parent')\n"
  "    return '.'.join(reversed(parts))\n"
  "fields = {}\n"
  "def walk(f):\n"
  "    if '/FT' in f or '/Kids' not in f:\n"
  "        fields[fqname(f)] = f\n"
  "        return\n"
  "    for k in f.Kids: walk(k)\n"
  "for f in af.Fields: walk(f)\n"
  "def widgets(f):\n"
  "    return list(f.Kids) if '/Kids' in f else [f]\n"
  "for name, states in spec.get('on_state', {}).items():\n"
  "    for kid, state in zip(widgets(fields[name]), states):\n"
  "        n = kid.AP.N\n"
  "        old = [k for k in n.keys() if k != '/Off'][0]\n"
  "        stream = n[old]\n"
  "        del n[old]\n"
  "        n['/' + state] = stream\n"
  "for name, value in spec.get('values', {}).items():\n"
  "    f = fields[name]\n"
  "    if f.FT == '/Tx':\n"
  "        f.V = pikepdf.String(value)\n"
  "    else:\n"
  "        f.V = pikepdf.Name('/' + value) if value else pikepdf.Name.Off\n"
  "        for kid in widgets(f):\n"
  "            on = [k for k in kid.AP.N.keys() if k != '/Off']\n"
  "            kid.AS = pikepdf.Name('/' + value) if value and ('/' + value) in on else pikepdf.Name.Off\n"
  "for name, tus in spec.get('tu', {}).items():\n"
  "    for kid, tu in zip(widgets(fields[name]), tus):\n"
  "        kid.TU = pikepdf.String(tu)\n"
  "for name, moves in spec.get('move', {}).items():\n"
  "    for kid, (dx, dy) in zip(widgets(fields[name]), moves):\n"
  "        r = [float(x) for x in kid.Rect]\n"
  "        kid.Rect = pikepdf.Array([r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy])\n"
  "for name in spec.get('remove', []):\n"
  "    f = fields[name]\n"
  "    ws = widgets(f)\n"
  "    for page in pdf.pages:\n"
  "        if '/Annots' in page.obj:\n"
  "            keep = [a for a in page.obj.Annots if not any(a.objgen == w.objgen for w in ws)]\n"
  "            page.obj.Annots = pikepdf.Array(keep)\n"
  "    parent = f.get('/Parent')\n"
  "    holder = parent.Kids if parent is not None else af.Fields\n"
  "    keep = [k for k in holder if k.objgen != f.objgen]\n"
  "    if parent is not None: parent.Kids = pikepdf.Array(keep)\n"
  "    else: af.Fields = pikepdf.Array(keep)\n"
  "if 'cropbox' in spec:\n"
  "    for page in pdf.pages: page.obj.CropBox = pikepdf.Array(spec['cropbox'])\n"
  "if spec.get('reverse'):\n"
  "    for f in fields.values():\n"
  "        if '/Kids' in f: f.Kids = pikepdf.Array(list(reversed(list(f.Kids))))\n"
  "    af.Fields = pikepdf.Array(list(reversed(list(af.Fields))))\n"
  "    for page in pdf.pages:\n"
  "        if '/Annots' in page.obj: page.obj.Annots = pikepdf.Array(list(reversed(list(page.obj.Annots))))\n"
  "for key, value in spec.get('info', {}).items():\n"
  "    pdf.docinfo[key] = pikepdf.String(value)\n"
  "save = spec.get('save', {})\n"
  "kw = {}\n"
  "if save.get('linearize'): kw['linearize'] = True\n"
  "if 'object_streams' in save: kw['object_stream_mode'] = getattr(pikepdf.ObjectStreamMode, save['object_streams'])\n"
  "pdf.save(sys.argv[3], **kw)\n";

void
read_test_fill (const char *in, const char *spec, const char *out)
{
  const char *argv[] = { PYTHON, "-c", fill_script, spec, in, out, NULL };
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;
  gboolean ran = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, &error);
  cr_assert (ran, "running pikepdf: %s", error ? error->message : "");
  cr_assert (g_spawn_check_wait_status (status, NULL), "pikepdf failed on %s:\n%s", spec,
             err ? err : "");
}

TfReply *
read_test_reply (const ReadTestReader *r, const char *path)
{
  g_autoptr (TfRawReply) raw = tf_read_file (path);
  return tf_reader_reply (r->reader, path, raw);
}

void
read_test_assert_schema (const ReadTestReader *r, const TfReply *reply)
{
  g_autofree char *json = tf_record_to_json (reply, NULL);
  g_autofree char *err = read_schema_check_text (r->schema, json);
  cr_assert_null (err, "record of %s against the schema: %s\n%s", reply->file, err, json);
}

gboolean
read_test_has_problem (const TfReply *reply, TfProblemCode code)
{
  return tf_reply_find_problem (reply, code) != NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
read_test_problem_codes (const TfReply *reply)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  for (guint i = 0; i < reply->problems->len; i++)
    g_ptr_array_add (codes, (gpointer) tf_problem_code_name (
                              ((const TfProblem *) reply->problems->pdata[i])->code));
  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_add (codes, NULL);
  return g_strjoinv (" ", (char **) codes->pdata);
}
