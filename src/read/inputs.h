/* inputs.h — the files a run reads, from what the command line names.
 *
 * Each argument in turn: a file as given (whatever it is: the reader says
 * why it cannot be read); a folder searched recursively for *.pdf (any
 * case), its files in the byte order of their paths, a symbolic link loop
 * followed once. A folder, or a folder inside it, that cannot be listed is
 * an input too, in its place in that order, with the reason: it gets a
 * record (read/raw_reply.h: TF_READ_FOLDER_UNREADABLE).
 *
 * Ownership: tf_inputs_list() returns a new list, free with
 * tf_inputs_free(); everything in it is owned by it.
 */
#ifndef TF_INPUTS_H
#define TF_INPUTS_H

#include <glib.h>

typedef struct {
  char *path;               /* as given or found, for opening */
  char *display;            /* valid UTF-8, for the record and messages */
  char *unlisted;           /* a folder that cannot be listed: why (the
                               system's reason); NULL for a file */
} TfInput;

typedef struct {
  GPtrArray *items;         /* of TfInput*, in reading order */
  GPtrArray *empty_folders; /* of char* (display names): folders named on
                               the command line that hold no PDF */
} TfInputs;

TfInputs *tf_inputs_list (const char *const *args);
void tf_inputs_free (TfInputs *inputs);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfInputs, tf_inputs_free)

#endif
