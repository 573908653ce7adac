#include "batch/progress_display.h"

#include "batch/progress.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define PROGRESS_DELAY (500 * G_TIME_SPAN_MILLISECOND)
#define PROGRESS_PERIOD (100 * G_TIME_SPAN_MILLISECOND)

struct TfProgressDisplay
{
  gboolean enabled;
  gboolean drawn;           /* a line is on the screen */
  gint64 start;
  gint64 drawn_at;
  guint total;
};

TfProgressDisplay *
tf_progress_display_new (gboolean enabled, guint total)
{
  TfProgressDisplay *d = g_new0 (TfProgressDisplay, 1);
  d->enabled = enabled;
  d->total = total;
  d->start = g_get_monotonic_time ();
  return d;
}

void
tf_progress_display_free (TfProgressDisplay *display)
{
  g_free (display);
}

gboolean
tf_progress_display_enabled (const TfProgressDisplay *display)
{
  return display->enabled;
}

static guint
terminal_width (void)
{
  struct winsize ws;
  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
    return ws.ws_col;
  return 80;
}

void
tf_progress_display_update (TfProgressDisplay *d, guint done, guint total)
{
  if (!d->enabled)
    return;
  gint64 now = g_get_monotonic_time ();
  if (now - d->start < PROGRESS_DELAY || (d->drawn && now - d->drawn_at < PROGRESS_PERIOD))
    return;
  g_autofree char *line = tf_progress_line (done, total, (now - d->start) / 1e6,
                                            terminal_width () - 1);
  fprintf (stderr, "\r\033[K%s", line);
  fflush (stderr);
  d->drawn = TRUE;
  d->drawn_at = now;
}

void
tf_progress_display_erase (TfProgressDisplay *display)
{
  if (!display->drawn)
    return;
  fputs ("\r\033[K", stderr);
  fflush (stderr);
  display->drawn = FALSE;
}

void
tf_progress_display_finish (TfProgressDisplay *display, guint complete, guint incomplete,
                            guint invalid)
{
  tf_progress_display_erase (display);
  if (!display->enabled)
    return;
  g_autofree char *line = tf_progress_summary (
    display->total, (g_get_monotonic_time () - display->start) / 1e6, complete, incomplete,
    invalid);
  fprintf (stderr, "%s\n", line);
}
