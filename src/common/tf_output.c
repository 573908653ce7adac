#include "common/tf_output.h"

gboolean
tf_output_writes_through (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_SYMLINK)
         || (g_file_test (path, G_FILE_TEST_EXISTS)
             && !g_file_test (path, G_FILE_TEST_IS_REGULAR));
}
