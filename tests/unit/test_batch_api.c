/* test_batch_api.c — the batch as a library (batch.h, worker.h,
 * channel.h): frames, the worker's loop run in this process (so
 * that LeakSanitizer sees it), untrusted answers, results in order,
 * progress, stopping early, a window of one, and failures. */
#include "batch/batch.h"
#include "batch/channel.h"
#include "batch/worker.h"
#include "common/tf_error.h"
#include "read/read_pdf.h"

#include "batch_support.h"
#include "test_util.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- frames ------------------------------------------------------------ */

static void
pair (int sv[2])
{
  cr_assert_eq (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0, "%s",
                g_strerror (errno));
}

Test (batch_api, frames_come_out_whole_whatever_the_reads)
{
  int sv[2];
  pair (sv);
  g_autofree guint8 *big = g_malloc (70000);
  for (gsize i = 0; i < 70000; i++)
    big[i] = (guint8) (i * 7);
  cr_assert (tf_channel_write (sv[0], "abc", 3, NULL));
  cr_assert (tf_channel_write (sv[0], "", 0, NULL));
  cr_assert (tf_channel_write (sv[0], big, 70000, NULL));
  close (sv[0]);

  g_autoptr (TfChannelReader) reader = tf_channel_reader_new (1 << 20);
  g_autoptr (GPtrArray) frames = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  int r;
  while ((r = tf_channel_reader_fill (reader, sv[1], NULL)) != 0)
    {
      cr_assert_neq (r, -2);
      GBytes *frame;
      while ((frame = tf_channel_reader_pop (reader)) != NULL)
        g_ptr_array_add (frames, frame);
    }
  close (sv[1]);
  cr_assert_eq (frames->len, 3);
  gsize len;
  const char *data = g_bytes_get_data (frames->pdata[0], &len);
  cr_expect (len == 3 && memcmp (data, "abc", 3) == 0);
  cr_expect_eq (g_bytes_get_size (frames->pdata[1]), 0);
  data = g_bytes_get_data (frames->pdata[2], &len);
  cr_expect (len == 70000 && memcmp (data, big, 70000) == 0);
}

Test (batch_api, a_frame_too_long_or_cut_short_is_an_error)
{
  int sv[2];
  pair (sv);
  cr_assert (tf_channel_write (sv[0], "0123456789abcdef", 16, NULL));
  g_autoptr (TfChannelReader) reader = tf_channel_reader_new (8);
  g_autoptr (GError) error = NULL;
  int r = tf_channel_reader_fill (reader, sv[1], &error);
  if (r == 1)
    r = tf_channel_reader_fill (reader, sv[1], &error);
  cr_expect_eq (r, -2);
  cr_expect (g_error_matches (error, TF_ERROR, TF_ERROR_IO));
  cr_expect_null (tf_channel_reader_pop (reader));
  close (sv[0]);
  close (sv[1]);

  /* Blocking reads: a clean end is no error, a cut frame is one. */
  g_clear_error (&error);
  pair (sv);
  close (sv[0]);
  g_autoptr (GBytes) none = tf_channel_read (sv[1], 1000, &error);
  cr_expect_null (none);
  cr_expect_null (error, "a clean end is no error");
  close (sv[1]);

  pair (sv);
  guint32 header = 100;
  cr_assert_eq (write (sv[0], &header, sizeof header), (ssize_t) sizeof header);
  cr_assert_eq (write (sv[0], "xy", 2), 2);
  close (sv[0]);
  g_autoptr (GBytes) cut = tf_channel_read (sv[1], 1000, &error);
  cr_expect_null (cut);
  cr_expect (g_error_matches (error, TF_ERROR, TF_ERROR_IO));
  close (sv[1]);
}

/* ---- the worker, in this process --------------------------------------- */

Test (batch_api, the_worker_answers_each_request_in_order)
{
  int sv[2];
  pair (sv);
  g_autofree char *good = tf_test_source_path ("samples/replies/gbr-complete.pdf");
  const char *missing = "/nonexistent/tapform/reply.pdf";
  cr_assert (tf_channel_write (sv[0], good, strlen (good), NULL));
  cr_assert (tf_channel_write (sv[0], missing, strlen (missing), NULL));
  shutdown (sv[0], SHUT_WR);
  g_autoptr (GError) error = NULL;
  cr_assert (tf_worker_serve (sv[1], NULL, &error), "%s", error ? error->message : "");
  close (sv[1]);

  /* Each file: its prelude, then its answer. */
  g_autoptr (GBytes) pa = tf_channel_read (sv[0], TF_CHANNEL_MAX_FRAME, &error);
  g_autoptr (GBytes) a = tf_channel_read (sv[0], TF_CHANNEL_MAX_FRAME, &error);
  g_autoptr (GBytes) pb = tf_channel_read (sv[0], TF_CHANNEL_MAX_FRAME, &error);
  g_autoptr (GBytes) b = tf_channel_read (sv[0], TF_CHANNEL_MAX_FRAME, &error);
  g_autoptr (GBytes) end = tf_channel_read (sv[0], TF_CHANNEL_MAX_FRAME, &error);
  close (sv[0]);
  cr_assert (pa && a && pb && b);
  cr_expect_null (end);
  cr_expect_null (error);

  TfWorkerPrelude prelude;
  cr_assert (tf_worker_prelude_parse (pa, &prelude, &error), "%s", error ? error->message : "");
  g_autofree char *sha = batch_sha256 (good);
  cr_expect_str_eq (prelude.sha256, sha);
  cr_expect_not_null (prelude.modified);
  tf_worker_prelude_clear (&prelude);
  cr_assert (tf_worker_prelude_parse (pb, &prelude, &error));
  cr_expect_null (prelude.sha256, "the missing file has no checksum");
  cr_expect_null (prelude.modified);
  tf_worker_prelude_clear (&prelude);
  cr_expect_not (tf_worker_prelude_parse (a, &prelude, &error), "an answer is no prelude");
  tf_worker_prelude_clear (&prelude);
  g_clear_error (&error);

  g_autoptr (TfRawReply) raw_a = tf_worker_answer_parse (a, &error);
  cr_assert_not_null (raw_a, "%s", error ? error->message : "");
  g_autoptr (TfRawReply) direct = tf_read_file (good);
  g_autoptr (GVariant) va = tf_raw_reply_serialize (raw_a);
  g_autoptr (GVariant) vd = tf_raw_reply_serialize (direct);
  cr_expect (g_variant_equal (va, vd), "the worker's answer is not what tf_read_file read");
  g_autoptr (TfRawReply) raw_b = tf_worker_answer_parse (b, &error);
  cr_assert_not_null (raw_b);
  cr_expect_eq (raw_b->outcome, TF_READ_UNREADABLE);
}

Test (batch_api, untrusted_answers_parse_or_fail_never_crash)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
  cr_expect_null (tf_worker_answer_parse (empty, &error));
  cr_expect_not_null (error);

  /* Another type, boxed as the protocol says. */
  g_autoptr (GVariant) other = g_variant_ref_sink (g_variant_new_variant (g_variant_new_string ("x")));
  g_autoptr (GBytes) other_bytes = g_variant_get_data_as_bytes (other);
  g_clear_error (&error);
  cr_expect_null (tf_worker_answer_parse (other_bytes, &error));
  cr_expect (g_error_matches (error, TF_ERROR, TF_ERROR_PDF));

  /* A real answer, then every byte of it flipped in turn, then noise. */
  g_autofree char *good = tf_test_source_path ("samples/replies/gbr-complete.pdf");
  g_autoptr (GBytes) answer = tf_worker_read (good);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (answer, &len);
  g_autofree guint8 *copy = g_memdup2 (data, len);
  for (gsize i = 0; i < len; i += 3)
    {
      copy[i] ^= 0x5A;
      g_autoptr (GBytes) bent = g_bytes_new (copy, len);
      g_autoptr (GError) e = NULL;
      g_autoptr (TfRawReply) raw = tf_worker_answer_parse (bent, &e);
      cr_expect ((raw == NULL) != (e == NULL));
      copy[i] ^= 0x5A;
    }
  g_autoptr (GRand) rand = g_rand_new_with_seed (246);
  for (guint n = 0; n < 200; n++)
    {
      gsize size = g_rand_int_range (rand, 0, 2048);
      g_autofree guint8 *noise = g_malloc (MAX (size, 1));
      for (gsize i = 0; i < size; i++)
        noise[i] = (guint8) g_rand_int (rand);
      g_autoptr (GBytes) bytes = g_bytes_new (noise, size);
      g_autoptr (GError) e = NULL;
      g_autoptr (TfRawReply) raw = tf_worker_answer_parse (bytes, &e);
      cr_expect ((raw == NULL) != (e == NULL));
    }
}

/* ---- batches ----------------------------------------------------------- */

typedef struct {
  GPtrArray *indices;       /* of GUINT_TO_POINTER */
  GPtrArray *outcomes;      /* of GUINT_TO_POINTER (raw->outcome) */
  guint stop_at;            /* return FALSE on this index */
  guint progress_calls;
  guint last_done;
  guint total;
  gboolean progress_ordered;
} Seen;

static gboolean
on_result (const TfBatchResult *result, gpointer user_data)
{
  Seen *seen = user_data;
  g_ptr_array_add (seen->indices, GUINT_TO_POINTER (result->index));
  cr_assert_not_null (result->raw, "%s", result->path);
  g_ptr_array_add (seen->outcomes, GUINT_TO_POINTER (result->raw->outcome));
  if (result->raw->outcome > TF_READ_LAST_WORKER_OUTCOME)
    {
      /* A failed read still has what the worker's prelude told. */
      g_autofree char *sha = batch_sha256 (result->path);
      cr_expect_str_eq (result->raw->sha256, sha, "%s", result->path);
      cr_expect_not_null (result->raw->file_modified, "%s", result->path);
    }
  return result->index != seen->stop_at;
}

static void
on_progress (guint done, guint total, gpointer user_data)
{
  Seen *seen = user_data;
  seen->progress_calls++;
  /* A file done: one more; a tick while waiting: the same. */
  if (done < seen->last_done || done > seen->last_done + 1 || total != seen->total)
    seen->progress_ordered = FALSE;
  seen->last_done = done;
}

static Seen *
seen_new (void)
{
  Seen *seen = g_new0 (Seen, 1);
  seen->indices = g_ptr_array_new ();
  seen->outcomes = g_ptr_array_new ();
  seen->stop_at = G_MAXUINT;
  seen->progress_ordered = TRUE;
  return seen;
}

static void
seen_free (Seen *seen)
{
  g_ptr_array_unref (seen->indices);
  g_ptr_array_unref (seen->outcomes);
  g_free (seen);
}

static const char *const samples[] = {
  "samples/replies/gbr-complete.pdf", "samples/replies/esp-complete.pdf",
  "samples/replies/chn-chinese.pdf", "samples/replies/hostile-empty.pdf",
  "samples/replies/sau-arabic.pdf", "samples/replies/hostile-truncated.pdf",
  "samples/replies/ukr-cyrillic.pdf", "samples/replies/irl-quotes.pdf",
};

/* Copies the samples into `dir` as 0.pdf, 1.pdf...; returns the paths. */
static GPtrArray *
sample_paths (const char *dir, guint n)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.pdf", i);
      g_ptr_array_add (paths, batch_copy (samples[i % G_N_ELEMENTS (samples)], dir, name));
    }
  return paths;
}

static void
assert_no_child_left (void)
{
  int status;
  cr_expect_eq (waitpid (-1, &status, WNOHANG), -1, "a worker was not reaped");
  cr_expect_eq (errno, ECHILD);
}

Test (batch_api, results_come_in_order_with_progress, .timeout = 60)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autoptr (GPtrArray) paths = sample_paths (dir, 24);
  Seen *seen = seen_new ();
  seen->total = 24;
  TfBatchOptions o = TF_BATCH_OPTIONS_INIT;
  o.jobs = 3;
  o.progress = on_progress;
  g_autoptr (GError) error = NULL;
  cr_expect (tf_batch_read ((const char *const *) paths->pdata, paths->len, &o, on_result,
                            seen, &error));
  cr_expect_null (error);
  cr_assert_eq (seen->indices->len, 24);
  for (guint i = 0; i < 24; i++)
    {
      cr_expect_eq (GPOINTER_TO_UINT (seen->indices->pdata[i]), i);
      cr_expect_leq (GPOINTER_TO_UINT (seen->outcomes->pdata[i]), TF_READ_LAST_WORKER_OUTCOME,
                     "file %u", i);
    }
  /* hostile-empty is not a PDF; hostile-truncated is damaged. */
  cr_expect_eq (GPOINTER_TO_UINT (seen->outcomes->pdata[3]), TF_READ_NOT_PDF);
  cr_expect_eq (GPOINTER_TO_UINT (seen->outcomes->pdata[5]), TF_READ_DAMAGED);
  cr_expect_geq (seen->progress_calls, 24);
  cr_expect (seen->progress_ordered);
  cr_expect_eq (seen->last_done, 24);
  assert_no_child_left ();
  seen_free (seen);
  tf_test_rmtree (dir);
}

Test (batch_api, nothing_to_read_is_fine)
{
  Seen *seen = seen_new ();
  cr_expect (tf_batch_read (NULL, 0, NULL, on_result, seen, NULL));
  cr_expect_eq (seen->indices->len, 0);
  assert_no_child_left ();
  seen_free (seen);
}

Test (batch_api, the_callback_can_stop_the_batch, .timeout = 60)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autoptr (GPtrArray) paths = sample_paths (dir, 40);
  Seen *seen = seen_new ();
  seen->stop_at = 2;
  TfBatchOptions o = TF_BATCH_OPTIONS_INIT;
  o.jobs = 2;
  g_autoptr (GError) error = NULL;
  cr_expect_not (tf_batch_read ((const char *const *) paths->pdata, paths->len, &o, on_result,
                                seen, &error));
  cr_expect_null (error, "stopping is not an error");
  cr_expect_eq (seen->indices->len, 3);
  assert_no_child_left ();
  seen_free (seen);
  tf_test_rmtree (dir);
}

Test (batch_api, failures_keep_their_place_even_with_a_window_of_one, .timeout = 60)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autoptr (GPtrArray) paths = sample_paths (dir, 6);
  /* 0: hangs; 2: crashes; 4: the reader exits. */
  g_setenv (TF_WORKER_FAULTS_ENV, "hang:0.pdf,crash:2.pdf,exit:4.pdf", TRUE);
  Seen *seen = seen_new ();
  TfBatchOptions o = TF_BATCH_OPTIONS_INIT;
  o.jobs = 3;
  o.window = 1;
  /* Not shorter: under AddressSanitizer a crash takes its time (the
   * report is symbolized), and must not pass for a hang. */
  o.timeout = 2;
  cr_expect (tf_batch_read ((const char *const *) paths->pdata, paths->len, &o, on_result,
                            seen, NULL));
  g_unsetenv (TF_WORKER_FAULTS_ENV);
  static const TfReadOutcome want[] = {
    /* 3 is not a PDF, 5 is cut short: see samples[]. */
    TF_READ_TIMED_OUT, TF_READ_OK, TF_READ_CRASHED, TF_READ_NOT_PDF, TF_READ_CRASHED,
    TF_READ_DAMAGED,
  };
  cr_assert_eq (seen->indices->len, 6);
  for (guint i = 0; i < 6; i++)
    {
      cr_expect_eq (GPOINTER_TO_UINT (seen->indices->pdata[i]), i);
      cr_expect_eq (GPOINTER_TO_UINT (seen->outcomes->pdata[i]), want[i], "file %u", i);
    }
  assert_no_child_left ();
  seen_free (seen);
  tf_test_rmtree (dir);
}

Test (batch_api, a_runaway_allocation_is_out_of_memory_not_a_crash, .timeout = 60)
{
  g_autofree char *dir = tf_test_tmpdir ();
  g_autoptr (GPtrArray) paths = sample_paths (dir, 3);
  g_setenv (TF_WORKER_FAULTS_ENV, "bomb:1.pdf", TRUE);
  Seen *seen = seen_new ();
  TfBatchOptions o = TF_BATCH_OPTIONS_INIT;
  o.jobs = 1;
  o.max_memory = 64u << 20;
  o.timeout = 20;
  cr_expect (tf_batch_read ((const char *const *) paths->pdata, paths->len, &o, on_result,
                            seen, NULL));
  g_unsetenv (TF_WORKER_FAULTS_ENV);
  cr_assert_eq (seen->indices->len, 3);
  cr_expect_eq (GPOINTER_TO_UINT (seen->outcomes->pdata[0]), TF_READ_OK);
  cr_expect_eq (GPOINTER_TO_UINT (seen->outcomes->pdata[1]), TF_READ_OUT_OF_MEMORY);
  cr_expect_eq (GPOINTER_TO_UINT (seen->outcomes->pdata[2]), TF_READ_OK,
                "the worker was replaced");
  seen_free (seen);
  tf_test_rmtree (dir);
}
