/* tf_error.h — the one GError domain of tapform.
 *
 * Every fallible library function takes a trailing `GError **error` and
 * returns FALSE/NULL on failure with the error set; its message names the
 * file (or field) and the reason, ready to be printed after "tapform-xxx: ".
 * Nothing in the library prints or exits: the mains decide.
 */
#ifndef TF_ERROR_H
#define TF_ERROR_H

#include <glib.h>

#define TF_ERROR (tf_error_quark ())

typedef enum {
  TF_ERROR_IO,          /* a file could not be read or written */
  TF_ERROR_DEFINITION,  /* a form definition or data file is malformed */
  TF_ERROR_NOT_FOUND,   /* a name (member state, text key...) is unknown */
  TF_ERROR_PDF,         /* libHaru or Poppler refused or failed */
  TF_ERROR_USAGE,       /* a caller passed arguments that make no sense */
  TF_ERROR_FORMAT,      /* what tapform reads back (a reply record, a
                           register) is not what tapform writes, or was
                           written by a newer version */
} TfError;

GQuark tf_error_quark (void);

#endif
