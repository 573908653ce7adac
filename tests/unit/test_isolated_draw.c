/* test_isolated_draw.c — drawing in a child process (the review report's
 * pictures of reply pages): the picture comes back; a drawing that
 * crashes, hangs or allocates without end costs that picture only, with a
 * message, and leaves no child behind. */
#include "common/tf_asan.h"
#include "report/isolated_draw.h"

#include "batch/batch.h"
#include "common/tf_error.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void
draw_red_square (cairo_t *cr, double width, double height, gpointer user_data)
{
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, width / 4, height / 4, width / 2, height / 2);
  cairo_fill (cr);
}

static void
draw_crash (cairo_t *cr, double width, double height, gpointer user_data)
{
  raise (SIGSEGV);
}

static void
draw_hang (cairo_t *cr, double width, double height, gpointer user_data)
{
  for (;;)
    pause ();
}

static void
draw_bomb (cairo_t *cr, double width, double height, gpointer user_data)
{
  /* 512 MiB, far past the limit (g_malloc aborts there); then, under
   * AddressSanitizer, which has no address space limit, it waits for the
   * time limit instead of taking the machine's memory. */
  for (int i = 0; i < 32; i++)
    {
      char *p = g_malloc (16 << 20);
      memset (p, 1, 16 << 20);
    }
  for (;;)
    pause ();
}

static guint32
pixel (cairo_surface_t *image, int x, int y)
{
  const unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  return *(const guint32 *) (data + y * stride + 4 * x) & 0xFFFFFF;
}

static void
assert_no_child_left (void)
{
  cr_assert_eq (waitpid (-1, NULL, WNOHANG), -1, "a drawing process was left behind");
}

Test (isolated_draw, the_picture_comes_back_at_its_scale)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *image = tf_isolated_draw (100, 50, 2.0, 10, 0, draw_red_square, NULL, &error);
  cr_assert_not_null (image, "%s", error ? error->message : "");
  cr_expect_eq (cairo_image_surface_get_width (image), 200);
  cr_expect_eq (cairo_image_surface_get_height (image), 100);
  cr_expect_eq (pixel (image, 100, 50), 0xFF0000u, "the middle is red");
  cr_expect_eq (pixel (image, 5, 5), 0xFFFFFFu, "the corner is white");
  cairo_surface_destroy (image);
  assert_no_child_left ();
}

Test (isolated_draw, a_crash_costs_the_picture_only)
{
  g_autoptr (GError) error = NULL;
  cairo_surface_t *image = tf_isolated_draw (100, 50, 1.0, 10, 0, draw_crash, NULL, &error);
  cr_assert_null (image);
  cr_assert (g_error_matches (error, TF_ERROR, TF_ERROR_PDF));
  cr_expect_not_null (strstr (error->message, "crashed"), "%s", error->message);
  /* AddressSanitizer catches the signal and exits with a status instead. */
  if (!tf_sanitized ())
    cr_expect_not_null (strstr (error->message, "signal 11"), "%s", error->message);
  assert_no_child_left ();
}

Test (isolated_draw, a_hang_is_stopped_at_the_time_limit, .timeout = 30)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *image = tf_isolated_draw (100, 50, 1.0, 0.5, 0, draw_hang, NULL, &error);
  double took = (g_get_monotonic_time () - start) / 1e6;
  cr_assert_null (image);
  cr_expect_not_null (strstr (error->message, "longer than 0.5 s"), "%s", error->message);
  cr_expect (took >= 0.5 && took < 10, "took %.2f s", took);
  assert_no_child_left ();
}

Test (isolated_draw, a_runaway_allocation_is_stopped, .timeout = 60)
{
  g_autoptr (GError) error = NULL;
  /* The memory limit, or under AddressSanitizer (no address space limit)
   * the time limit, stops it. */
  cairo_surface_t *image = tf_isolated_draw (100, 50, 1.0, 3, 64u << 20, draw_bomb, NULL, &error);
  cr_assert_null (image);
  cr_expect (strstr (error->message, "crashed") || strstr (error->message, "longer than"),
             "%s", error->message);
  assert_no_child_left ();
}
