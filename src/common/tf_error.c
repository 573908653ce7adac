#include "tf_error.h"

G_DEFINE_QUARK (tapform-error-quark, tf_error)
