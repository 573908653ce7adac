#include "read/reader.h"

struct TfReader
{
  TfForm *form;
  TfLayout *layout;
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
  tf_layout_free (reader->layout);
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
  reader->layout = tf_layout_new_default (reader->form, error);
  if (reader->layout == NULL)
    return NULL;
  reader->states = o->member_states_path
    ? tf_member_states_load (o->member_states_path, o->member_state_names_path, error)
    : tf_member_states_load_default (error);
  if (reader->states == NULL)
    return NULL;
  reader->checker = tf_reply_checker_new (reader->form, reader->layout, reader->states,
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
  return reader->layout;
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
