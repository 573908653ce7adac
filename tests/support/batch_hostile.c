#include "batch_hostile.h"

#include <criterion/criterion.h>
#include <string.h>

/* ---- a minimal PDF writer: objects, one or more xref tables ------------ */

typedef struct {
  GString *s;
  GArray *offsets;          /* of gsize, by object number; 0: none */
} Pdf;

static void
pdf_start (Pdf *p)
{
  p->s = g_string_new ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  p->offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_array_set_size (p->offsets, 1);
}

static void
pdf_mark (Pdf *p, guint num)
{
  if (p->offsets->len <= num)
    g_array_set_size (p->offsets, num + 1);
  g_array_index (p->offsets, gsize, num) = p->s->len;
}

static void
pdf_obj (Pdf *p, guint num, const char *body)
{
  pdf_mark (p, num);
  g_string_append_printf (p->s, "%u 0 obj\n%s\nendobj\n", num, body);
}

static void
pdf_stream (Pdf *p, guint num, const char *extra, const guint8 *data, gsize len)
{
  pdf_mark (p, num);
  g_string_append_printf (p->s, "%u 0 obj\n<< /Length %" G_GSIZE_FORMAT " %s >>\nstream\n",
                          num, len, extra);
  g_string_append_len (p->s, (const char *) data, (gssize) len);
  g_string_append (p->s, "\nendstream\nendobj\n");
}

/* Writes an xref table of every object; returns its offset. */
static gsize
pdf_xref (Pdf *p)
{
  gsize at = p->s->len;
  g_string_append_printf (p->s, "xref\n0 %u\n0000000000 65535 f \n", p->offsets->len);
  for (guint i = 1; i < p->offsets->len; i++)
    {
      gsize off = g_array_index (p->offsets, gsize, i);
      if (off == 0)
        g_string_append (p->s, "0000000000 65535 f \n");
      else
        g_string_append_printf (p->s, "%010" G_GSIZE_FORMAT " 00000 n \n", off);
    }
  return at;
}

static char *
pdf_save (Pdf *p, const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  cr_assert (g_file_set_contents (path, p->s->str, (gssize) p->s->len, NULL), "writing %s", path);
  g_string_free (p->s, TRUE);
  g_array_unref (p->offsets);
  return path;
}

static char *
pdf_finish (Pdf *p, const char *dir, const char *name)
{
  gsize xref = pdf_xref (p);
  g_string_append_printf (p->s, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%"
                          G_GSIZE_FORMAT "\n%%%%EOF\n", p->offsets->len, xref);
  return pdf_save (p, dir, name);
}

static const char page_body[] =
  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

/* ---- the files --------------------------------------------------------- */

char *
batch_hostile_prev_loop (const char *dir)
{
  Pdf p;
  pdf_start (&p);
  pdf_obj (&p, 1, "<< /Type /Catalog /Pages 2 0 R >>");
  pdf_obj (&p, 2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf_obj (&p, 3, page_body);
  /* Section B (one free entry), then section A (every object); startxref
   * names A, A's /Prev names B and B's /Prev names A. */
  gsize b = p.s->len;
  g_string_append_printf (p.s, "xref\n0 1\n0000000000 65535 f \ntrailer\n"
                          "<< /Size %u /Root 1 0 R /Prev ", p.offsets->len);
  gsize patch = p.s->len;
  g_string_append (p.s, "0000000000 >>\n");
  gsize a = pdf_xref (&p);
  g_string_append_printf (p.s, "trailer\n<< /Size %u /Root 1 0 R /Prev %" G_GSIZE_FORMAT
                          " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          p.offsets->len, b, a);
  char digits[11];
  g_snprintf (digits, sizeof digits, "%010" G_GSIZE_FORMAT, a);
  memcpy (p.s->str + patch, digits, 10);
  return pdf_save (&p, dir, "prev-loop.pdf");
}

char *
batch_hostile_nested_arrays (const char *dir, guint depth)
{
  Pdf p;
  pdf_start (&p);
  pdf_obj (&p, 1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>");
  pdf_obj (&p, 2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf_obj (&p, 3, page_body);
  GString *fields = g_string_sized_new (2 * depth + 32);
  g_string_append (fields, "<< /Fields ");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (fields, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (fields, ']');
  g_string_append (fields, " >>");
  pdf_obj (&p, 4, fields->str);
  g_string_free (fields, TRUE);
  return pdf_finish (&p, dir, "nested-arrays.pdf");
}

/* Bits, least significant first, as deflate packs them (RFC 1951 3.1.1). */
typedef struct {
  GByteArray *out;
  guint32 acc;
  guint n;
} Bits;

static void
put_bits (Bits *b, guint32 value, guint count)
{
  b->acc |= value << b->n;
  b->n += count;
  while (b->n >= 8)
    {
      guint8 byte = (guint8) (b->acc & 0xFF);
      g_byte_array_append (b->out, &byte, 1);
      b->acc >>= 8;
      b->n -= 8;
    }
}

/* A Huffman code: most significant bit first. */
static void
put_code (Bits *b, guint32 code, guint length)
{
  for (guint i = length; i-- > 0;)
    put_bits (b, (code >> i) & 1, 1);
}

GBytes *
batch_hostile_zeros_deflate (guint64 size)
{
  /* One dynamic-Huffman block whose literal/length code gives 1 bit to
   * length 258 (symbol 285) and whose distance code gives 1 bit to
   * distance 1: a literal 0, then 2 bits per 258 more zeros. */
  guint64 matches = size > 1 ? (size - 1) / 258 : 0;
  Bits b = { g_byte_array_sized_new ((guint) (matches / 4 + 64)), 0, 0 };
  static const guint8 zlib_header[] = { 0x78, 0x01 };
  g_byte_array_append (b.out, zlib_header, 2);
  put_bits (&b, 1, 1);           /* BFINAL */
  put_bits (&b, 2, 2);           /* BTYPE: dynamic Huffman */
  put_bits (&b, 286 - 257, 5);   /* HLIT: literal/length codes 0-285 */
  put_bits (&b, 2 - 1, 5);       /* HDIST: distance codes 0-1 */
  put_bits (&b, 18 - 4, 4);      /* HCLEN: 18 code length code lengths */
  /* Code lengths used: 1, 2 and 18 (a run of zeros). Their code: 18 → 0,
   * 1 → 10, 2 → 11. */
  static const guint order[18] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1 };
  for (guint i = 0; i < 18; i++)
    put_bits (&b, order[i] == 18 ? 1 : order[i] == 1 || order[i] == 2 ? 2 : 0, 3);
  /* Literal/length lengths: 0 → 2, 1-255 → 0, 256 → 2, 257-284 → 0,
   * 285 → 1; then distance lengths 1, 1. */
  put_code (&b, 3, 2);                                      /* 2 */
  put_code (&b, 0, 1), put_bits (&b, 138 - 11, 7);          /* 138 zeros */
  put_code (&b, 0, 1), put_bits (&b, 117 - 11, 7);          /* 117 zeros */
  put_code (&b, 3, 2);                                      /* 2 */
  put_code (&b, 0, 1), put_bits (&b, 28 - 11, 7);           /* 28 zeros */
  put_code (&b, 2, 2);                                      /* 1 */
  put_code (&b, 2, 2), put_code (&b, 2, 2);                 /* 1, 1 */
  /* The canonical codes: 285 → 0, 0 → 10, 256 → 11; distance 0 → 0. */
  put_code (&b, 2, 2);                                      /* literal 0 */
  for (guint64 i = 0; i < matches; i++)
    put_bits (&b, 0, 2);                                    /* 258 × 0 */
  put_code (&b, 3, 2);                                      /* end of block */
  if (b.n > 0)
    put_bits (&b, 0, 8 - b.n);
  /* Adler-32 of n zeros: a = 1, b = n mod 65521. */
  guint64 n = 1 + matches * 258;
  guint32 adler = (guint32) ((n % 65521) << 16 | 1);
  guint8 tail[4] = { adler >> 24, (adler >> 16) & 0xFF, (adler >> 8) & 0xFF, adler & 0xFF };
  g_byte_array_append (b.out, tail, 4);
  return g_byte_array_free_to_bytes (b.out);
}

char *
batch_hostile_flate_bomb (const char *dir, guint64 size)
{
  Pdf p;
  pdf_start (&p);
  pdf_obj (&p, 1, "<< /Type /Catalog /Pages 2 0 R /AcroForm 4 0 R >>");
  pdf_obj (&p, 2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  pdf_obj (&p, 3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [5 0 R] >>");
  pdf_obj (&p, 4, "<< /Fields [5 0 R] /DA (/F1 10 Tf 0 g) /DR << /Font << /F1 6 0 R >> >> >>");
  pdf_obj (&p, 5, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (form.id) "
                  "/V (tsb-246-annex2@1) /Rect [10 10 100 30] /P 3 0 R >>");
  pdf_obj (&p, 6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>");
  g_autoptr (GBytes) bomb = batch_hostile_zeros_deflate (size);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bomb, &len);
  pdf_stream (&p, 7, "/Filter /FlateDecode", data, len);
  return pdf_finish (&p, dir, "flate-bomb.pdf");
}

char *
batch_hostile_many_pages (const char *dir, guint pages)
{
  Pdf p;
  pdf_start (&p);
  pdf_obj (&p, 1, "<< /Type /Catalog /Pages 2 0 R >>");
  GString *kids = g_string_new ("<< /Type /Pages /Kids [");
  for (guint i = 0; i < pages; i++)
    g_string_append_printf (kids, "%u 0 R ", 3 + i);
  g_string_append_printf (kids, "] /Count %u >>", pages);
  pdf_obj (&p, 2, kids->str);
  g_string_free (kids, TRUE);
  for (guint i = 0; i < pages; i++)
    pdf_obj (&p, 3 + i, page_body);
  return pdf_finish (&p, dir, "many-pages.pdf");
}
