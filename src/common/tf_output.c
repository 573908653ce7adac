#include "common/tf_output.h"

#include "common/tf_error.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

struct TfOutput
{
  FILE *fp;
  char *path;               /* NULL: standard output */
  char *tmp;                /* NULL: written in place (through, or stdout) */
  char *name;               /* for messages */
};

gboolean
tf_output_writes_through (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_SYMLINK)
         || (g_file_test (path, G_FILE_TEST_EXISTS)
             && !g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
output_free (TfOutput *output)
{
  g_free (output->path);
  g_free (output->tmp);
  g_free (output->name);
  g_free (output);
}

static void
set_write_error (GError **error, const TfOutput *output, int saved)
{
  g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: cannot write: %s", output->name,
               g_strerror (saved));
}

TfOutput *
tf_output_open (const char *path, GError **error)
{
  TfOutput *output = g_new0 (TfOutput, 1);
  if (path == NULL || g_str_equal (path, "-"))
    {
      output->fp = stdout;
      output->name = g_strdup ("standard output");
      return output;
    }
  output->path = g_strdup (path);
  output->name = g_filename_display_name (path);
  if (tf_output_writes_through (path))
    {
      output->fp = fopen (path, "wb");
      if (output->fp != NULL)
        return output;
      set_write_error (error, output, errno);
      output_free (output);
      return NULL;
    }
  output->tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp (output->tmp);
  if (fd < 0 || (output->fp = fdopen (fd, "wb")) == NULL)
    {
      set_write_error (error, output, errno);
      if (fd >= 0)
        {
          close (fd);
          g_unlink (output->tmp);
        }
      output_free (output);
      return NULL;
    }
  /* mkstemp makes it 0600: give the output the mode a new file gets. */
  mode_t mask = umask (0);
  umask (mask);
  fchmod (fd, 0666 & ~mask);
  return output;
}

FILE *
tf_output_stream (TfOutput *output)
{
  return output->fp;
}

gboolean
tf_output_is_stdout (const TfOutput *output)
{
  return output->path == NULL;
}

const char *
tf_output_name (const TfOutput *output)
{
  return output->name;
}

gboolean
tf_output_commit (TfOutput *output, GError **error)
{
  gboolean ok;
  int saved = 0;
  if (output->path == NULL)
    {
      ok = fflush (stdout) == 0 && !ferror (stdout);
      saved = errno;
    }
  else
    {
      gboolean written = !ferror (output->fp);
      saved = errno;
      if (fclose (output->fp) != 0)
        {
          written = FALSE;
          saved = errno;
        }
      ok = written;
      if (ok && output->tmp != NULL && g_rename (output->tmp, output->path) != 0)
        {
          ok = FALSE;
          saved = errno;
        }
      if (!ok && output->tmp != NULL)
        g_unlink (output->tmp);
    }
  if (!ok)
    set_write_error (error, output, saved ? saved : EIO);
  output_free (output);
  return ok;
}

void
tf_output_abort (TfOutput *output)
{
  if (output == NULL)
    return;
  if (output->path == NULL)
    fflush (stdout);
  else
    {
      fclose (output->fp);
      if (output->tmp != NULL)
        g_unlink (output->tmp);
    }
  output_free (output);
}

gboolean
tf_output_write_bytes (const char *path, GBytes *bytes, GError **error)
{
  TfOutput *output = tf_output_open (path, error);
  if (output == NULL)
    return FALSE;
  gsize size = 0;
  const void *data = g_bytes_get_data (bytes, &size);
  if (fwrite (data, 1, size, output->fp) != size)
    {
      set_write_error (error, output, errno);
      tf_output_abort (output);
      return FALSE;
    }
  return tf_output_commit (output, error);
}

cairo_status_t
tf_output_cairo_write (void *stream, const unsigned char *data, unsigned int length)
{
  return fwrite (data, 1, length, stream) == length ? CAIRO_STATUS_SUCCESS
                                                    : CAIRO_STATUS_WRITE_ERROR;
}
