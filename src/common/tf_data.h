/* tf_data.h — where the shipped data (forms/, fonts/) is found.
 *
 * The tools run from the build tree, from an installed prefix, or from
 * anywhere with TAPFORM_DATADIR set; this module is the one place that
 * knows the search order.
 */
#ifndef TF_DATA_H
#define TF_DATA_H

#include <glib.h>

/* Returns a newly allocated path to the data file `relative` (e.g.
 * "forms/tsb-246-annex2.json"), caller frees with g_free(). Looks in, in
 * order: $TAPFORM_DATADIR; <exe>/../share/tapform; the source tree the
 * tools were built from; the install data directory. Fails with
 * TF_ERROR_NOT_FOUND listing where it looked. */
char *tf_data_find (const char *relative, GError **error);

#endif
