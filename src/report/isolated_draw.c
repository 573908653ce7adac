#include "report/isolated_draw.h"

#include "common/tf_child.h"
#include "common/tf_error.h"
#include "common/tf_memory.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* No page picture is larger than this (a generous A4 at 4 px a point). */
#define PNG_MAX (64u << 20)

static cairo_status_t
write_to_fd (void *closure, const unsigned char *data, unsigned int length)
{
  int fd = *(const int *) closure;
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

G_GNUC_NORETURN static void
run_child (int fd, pid_t parent, double width, double height, double scale,
           guint64 max_memory, TfIsolatedDrawFunc draw, gpointer user_data)
{
  tf_child_die_with_parent (parent);
  tf_memory_limit_address_space (max_memory);
  cairo_surface_t *image = cairo_image_surface_create (
    CAIRO_FORMAT_RGB24, (int) (width * scale + 0.5), (int) (height * scale + 0.5));
  cairo_t *cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  draw (cr, width, height, user_data);
  cairo_destroy (cr);
  cairo_status_t status = cairo_surface_write_to_png_stream (image, write_to_fd, &fd);
  /* _exit: nothing of the parent's (stdio buffers, atexit) runs twice. */
  _exit (status == CAIRO_STATUS_SUCCESS ? 0 : 1);
}

/* Reads the child's PNG until it closes the pipe, the time is up (FALSE,
 * *timed_out) or it sends too much (FALSE). */
static gboolean
read_image (int fd, double timeout, GByteArray *png, gboolean *timed_out)
{
  gint64 deadline = timeout > 0 ? g_get_monotonic_time () + (gint64) (timeout * G_TIME_SPAN_SECOND)
                                : -1;
  for (;;)
    {
      int wait_ms = -1;
      if (deadline >= 0)
        {
          gint64 left = deadline - g_get_monotonic_time ();
          if (left <= 0)
            {
              *timed_out = TRUE;
              return FALSE;
            }
          wait_ms = (int) MIN ((left + 999) / 1000, G_MAXINT);
        }
      struct pollfd p = { fd, POLLIN, 0 };
      int ready = poll (&p, 1, wait_ms);
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready < 0)
        return FALSE;
      if (ready == 0)
        continue;
      guint8 buf[65536];
      ssize_t n = read (fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      if (n == 0)
        return TRUE;
      if (png->len + (gsize) n > PNG_MAX)
        return FALSE;
      g_byte_array_append (png, buf, (guint) n);
    }
}

typedef struct {
  const guint8 *data;
  gsize len;
  gsize at;
} PngReader;

static cairo_status_t
read_from_bytes (void *closure, unsigned char *data, unsigned int length)
{
  PngReader *r = closure;
  if (r->len - r->at < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, r->data + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
tf_isolated_draw (double width, double height, double scale, double timeout,
                  guint64 max_memory, TfIsolatedDrawFunc draw, gpointer user_data,
                  GError **error)
{
  int pipefd[2];
  if (pipe2 (pipefd, O_CLOEXEC) != 0)
    {
      int saved = errno;
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot start a drawing process: %s",
                   g_strerror (saved));
      return NULL;
    }
  pid_t parent = getpid ();
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0)
    {
      close (pipefd[0]);
      run_child (pipefd[1], parent, width, height, scale, max_memory, draw, user_data);
    }
  int saved = errno;
  close (pipefd[1]);
  if (pid < 0)
    {
      close (pipefd[0]);
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot start a drawing process: %s",
                   g_strerror (saved));
      return NULL;
    }

  g_autoptr (GByteArray) png = g_byte_array_new ();
  gboolean timed_out = FALSE;
  gboolean complete = read_image (pipefd[0], timeout, png, &timed_out);
  close (pipefd[0]);
  if (!complete)
    kill (pid, SIGKILL);
  int status = 0;
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  if (timed_out)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF,
                   "drawing its pages took longer than %g s and was stopped", timeout);
      return NULL;
    }
  if (!complete || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_autofree char *how = tf_child_ended_how (status);
      g_set_error (error, TF_ERROR, TF_ERROR_PDF,
                   "drawing its pages crashed the PDF renderer (%s)", how);
      return NULL;
    }
  PngReader reader = { png->data, png->len, 0 };
  cairo_surface_t *image = cairo_image_surface_create_from_png_stream (read_from_bytes, &reader);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_PDF, "the drawing process sent no image (%s)",
                   cairo_status_to_string (cairo_surface_status (image)));
      cairo_surface_destroy (image);
      return NULL;
    }
  return image;
}
