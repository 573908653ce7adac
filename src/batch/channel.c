#include "batch/channel.h"

#include "common/tf_error.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

typedef guint32 FrameLength;

static gboolean
write_all (int fd, const guint8 *data, gsize len, GError **error)
{
  while (len > 0)
    {
      ssize_t put = send (fd, data, len, MSG_NOSIGNAL);
      if (put < 0 && errno == EINTR)
        continue;
      if (put < 0)
        {
          int saved = errno;
          g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot write to the channel: %s",
                       g_strerror (saved));
          return FALSE;
        }
      data += put;
      len -= (gsize) put;
    }
  return TRUE;
}

gboolean
tf_channel_write (int fd, const void *data, gsize len, GError **error)
{
  if (len > TF_CHANNEL_MAX_FRAME)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "a frame of %" G_GSIZE_FORMAT
                   " bytes is too long for the channel", len);
      return FALSE;
    }
  FrameLength header = (FrameLength) len;
  /* One send for a small frame: the header and the bytes in one packet. */
  if (len <= 4096)
    {
      guint8 buf[sizeof header + 4096];
      memcpy (buf, &header, sizeof header);
      if (len > 0)
        memcpy (buf + sizeof header, data, len);
      return write_all (fd, buf, sizeof header + len, error);
    }
  return write_all (fd, (const guint8 *) &header, sizeof header, error)
         && write_all (fd, data, len, error);
}

/* Reads exactly `len` bytes. Returns 1 when read, 0 at end of file before
 * any byte, -1 (error set) otherwise. */
static int
read_exactly (int fd, guint8 *buf, gsize len, GError **error)
{
  gsize got = 0;
  while (got < len)
    {
      ssize_t n = read (fd, buf + got, len - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot read from the channel: %s",
                       g_strerror (saved));
          return -1;
        }
      if (n == 0)
        {
          if (got == 0)
            return 0;
          g_set_error (error, TF_ERROR, TF_ERROR_IO, "the channel closed inside a frame");
          return -1;
        }
      got += (gsize) n;
    }
  return 1;
}

GBytes *
tf_channel_read (int fd, gsize max, GError **error)
{
  FrameLength header;
  int r = read_exactly (fd, (guint8 *) &header, sizeof header, error);
  if (r <= 0)
    return NULL;
  if (header > max)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "a frame of %u bytes is longer than %"
                   G_GSIZE_FORMAT, header, max);
      return NULL;
    }
  guint8 *data = g_malloc (MAX (header, 1));
  if (header > 0 && read_exactly (fd, data, header, error) != 1)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TF_ERROR, TF_ERROR_IO, "the channel closed inside a frame");
      g_free (data);
      return NULL;
    }
  return g_bytes_new_take (data, header);
}

struct TfChannelReader
{
  gsize max;
  GByteArray *buf;
};

TfChannelReader *
tf_channel_reader_new (gsize max)
{
  TfChannelReader *reader = g_new0 (TfChannelReader, 1);
  reader->max = max;
  reader->buf = g_byte_array_sized_new (16384);
  return reader;
}

void
tf_channel_reader_free (TfChannelReader *reader)
{
  if (reader == NULL)
    return;
  g_byte_array_unref (reader->buf);
  g_free (reader);
}

void
tf_channel_reader_reset (TfChannelReader *reader)
{
  g_byte_array_set_size (reader->buf, 0);
}

/* The length of the frame that begins the buffer, or G_MAXSIZE when the
 * header is not all there. */
static gsize
pending_length (const TfChannelReader *reader)
{
  if (reader->buf->len < sizeof (FrameLength))
    return G_MAXSIZE;
  FrameLength header;
  memcpy (&header, reader->buf->data, sizeof header);
  return header;
}

int
tf_channel_reader_fill (TfChannelReader *reader, int fd, GError **error)
{
  gsize want = pending_length (reader);
  if (want != G_MAXSIZE && want > reader->max)
    {
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "a frame of %" G_GSIZE_FORMAT
                   " bytes is longer than %" G_GSIZE_FORMAT, want, reader->max);
      return -2;
    }
  /* Room for what the frame still needs (at least 64 KiB at a time). */
  gsize room = 65536;
  if (want != G_MAXSIZE && want + sizeof (FrameLength) > reader->buf->len)
    room = MAX (room, want + sizeof (FrameLength) - reader->buf->len);
  guint old = reader->buf->len;
  g_byte_array_set_size (reader->buf, old + (guint) room);
  ssize_t n;
  do
    n = recv (fd, reader->buf->data + old, room, MSG_DONTWAIT);
  while (n < 0 && errno == EINTR);
  int saved = errno;
  g_byte_array_set_size (reader->buf, old + (guint) MAX (n, 0));
  if (n > 0)
    return 1;
  if (n == 0)
    return 0;
  if (saved == EAGAIN || saved == EWOULDBLOCK)
    return -1;
  g_set_error (error, TF_ERROR, TF_ERROR_IO, "cannot read from the channel: %s",
               g_strerror (saved));
  return -2;
}

GBytes *
tf_channel_reader_pop (TfChannelReader *reader)
{
  gsize want = pending_length (reader);
  if (want == G_MAXSIZE || want > reader->max
      || reader->buf->len < sizeof (FrameLength) + want)
    return NULL;
  GBytes *frame = g_bytes_new (reader->buf->data + sizeof (FrameLength), want);
  g_byte_array_remove_range (reader->buf, 0, (guint) (sizeof (FrameLength) + want));
  return frame;
}
