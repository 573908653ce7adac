/* channel.h — length-prefixed frames over a stream socket, between a batch
 * (batch.h) and its worker processes (worker.h).
 *
 * A frame is a 4-byte length in host byte order (both ends are the same
 * program on the same machine) followed by that many bytes. Writes never
 * raise SIGPIPE (MSG_NOSIGNAL): a peer that died is an EPIPE error.
 *
 * Two ways to read: tf_channel_read() blocks for one whole frame (the
 * worker, which has nothing else to do); a TfChannelReader collects bytes
 * as a non-blocking socket yields them and hands out whole frames (the
 * batch, which watches several workers at once).
 */
#ifndef TF_CHANNEL_H
#define TF_CHANNEL_H

#include <glib.h>

/* No frame is larger than this: a longer length is a protocol error. */
#define TF_CHANNEL_MAX_FRAME (256u << 20)

/* Writes one frame of `len` bytes (blocking until all is written).
 * FALSE with TF_ERROR_IO (the system's reason) on failure. */
gboolean tf_channel_write (int fd, const void *data, gsize len, GError **error);

/* Reads one whole frame (blocking). Returns it as new bytes; NULL with no
 * error when the peer closed the channel before a frame began; NULL with
 * TF_ERROR_IO on a read error, a frame cut short or a frame longer than
 * `max` bytes. */
GBytes *tf_channel_read (int fd, gsize max, GError **error);

typedef struct TfChannelReader TfChannelReader;

/* A reader of frames of at most `max` bytes. Free with
 * tf_channel_reader_free(). */
TfChannelReader *tf_channel_reader_new (gsize max);
void tf_channel_reader_free (TfChannelReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TfChannelReader, tf_channel_reader_free)

/* Reads what `fd` (non-blocking) has now. Returns 1 when bytes were read,
 * 0 when the peer closed the channel, -1 when nothing was there (EAGAIN)
 * and -2 on a read error or a frame longer than the maximum (`error` then
 * says which). */
int tf_channel_reader_fill (TfChannelReader *reader, int fd, GError **error);

/* The next whole frame collected, as new bytes, or NULL when none is
 * complete yet. */
GBytes *tf_channel_reader_pop (TfChannelReader *reader);

/* Forgets any partial frame (a worker was replaced). */
void tf_channel_reader_reset (TfChannelReader *reader);

#endif
