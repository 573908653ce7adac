#include "read/reader.h"

struct TfReader
{
  TfForm *form;
  TfLayout *layouts[TF_LANG_COUNT];   /* one per language of the form */
  TfMemberStates *states;
  TfReplyChecker *checker;
};

void
tf_reader_free (TfReader *reader)
{
  if (reader == NULL)
    return;
  /* The checker borrows the rest, the layout the form. */
  tf_reply_checker_free (reader->checker);
  tf_member_states_free (reader->states);
  for (int l = 0; l < TF_LANG_COUNT; l++)
    tf_layout_free (reader->layouts[l]);
  tf_form_free (reader->form);
  g_free (reader);
}

TfReader *
tf_reader_open (const TfReaderOptions *options, GError **error)
{
  TfReaderOptions defaults = TF_READER_OPTIONS_INIT;
  const TfReaderOptions *o = options ? options : &defaults;
  g_autoptr (TfReader) reader = g_new0 (TfReader, 1);
  reader->form = o->form_path ? tf_form_load (o->form_path, error)
                              : tf_form_load_default (error);
  if (reader->form == NULL)
    return NULL;
  /* Every language version's layout, each from its fonts' metrics: a
   * reply's widgets are checked against its own language's. */
  const TfLayout *layouts[TF_LANG_COUNT];
  guint n = 0;
  for (int l = 0; l < TF_LANG_COUNT; l++)
    {
      if (!tf_form_has_language (reader->form, l))
        continue;
      reader->layouts[l] = tf_layout_new_default_in (reader->form, l, error);
      if (reader->layouts[l] == NULL)
        return NULL;
      layouts[n++] = reader->layouts[l];
    }
  reader->states = o->member_states_path
    ? tf_member_states_load (o->member_states_path, o->member_state_names_path, error)
    : tf_member_states_load_default (error);
  if (reader->states == NULL)
    return NULL;
  reader->checker = tf_reply_checker_new_in (reader->form, layouts, n, reader->states,
                                             &o->checker, error);
  if (reader->checker == NULL)
    return NULL;
  return g_steal_pointer (&reader);
}

const TfForm *
tf_reader_form (const TfReader *reader)
{
  return reader->form;
}

const TfLayout *
tf_reader_layout (const TfReader *reader)
{
  return reader->layouts[reader->form->default_language];
}

const TfLayout *
tf_reader_layout_in (const TfReader *reader, TfLanguage language)
{
  return reader->layouts[language];
}

const TfMemberStates *
tf_reader_member_states (const TfReader *reader)
{
  return reader->states;
}

TfReply *
tf_reader_reply (const TfReader *reader, const char *file, const TfRawReply *raw)
{
  return tf_reply_check (reader->checker, file, raw);
}
