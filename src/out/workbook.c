/* workbook.c — the .xlsx workbook; see workbook.h. Every string goes
 * through put_string() (worksheet_write_string): nothing here ever calls
 * a formula or link writer. */
#include "out/workbook.h"

#include "common/tf_error.h"
#include "common/tf_output.h"
#include "form/fields.h"
#include "tally/chase_format.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* A cell holds at most this many characters (Excel's limit). */
#define CELL_MAX 32767
/* Columns are as wide as their widest cell, within these (characters). */
#define WIDTH_MIN 6.0
#define WIDTH_MAX 60.0
#define DATE_WIDTH 17.0

typedef struct {
  lxw_format *header;
  lxw_format *date;
  lxw_format *percent;
  lxw_format *missed;           /* a text that misses the threshold */
  lxw_format *missed_percent;
  lxw_format *invalid;          /* a status cell */
  lxw_format *incomplete;
  lxw_format *label;
} Formats;

/* One sheet being written: its next row and the width each column needs. */
typedef struct {
  lxw_worksheet *ws;
  const Formats *f;
  lxw_row_t row;
  GArray *widths;               /* of double, per column */
} Sheet;

static void
need_width (Sheet *s, lxw_col_t col, double width)
{
  if (s->widths->len <= col)
    g_array_set_size (s->widths, col + 1);
  double *w = &g_array_index (s->widths, double, col);
  *w = MAX (*w, width);
}

/* The widest line of `text`, in characters. */
static double
text_width (const char *text)
{
  glong widest = 0, line = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
        }
      else
        line++;
    }
  return MAX (widest, line);
}

static void
put_string (Sheet *s, lxw_col_t col, const char *text, lxw_format *format)
{
  if (text == NULL)
    {
      if (format != NULL)
        worksheet_write_blank (s->ws, s->row, col, format);
      return;
    }
  g_autofree char *cut = NULL;
  if (g_utf8_strlen (text, -1) > CELL_MAX)
    {
      g_autofree char *head = g_utf8_substring (text, 0, CELL_MAX - 1);
      cut = g_strconcat (head, "…", NULL);
      text = cut;
    }
  worksheet_write_string (s->ws, s->row, col, text, format);
  need_width (s, col, text_width (text) + 1);
}

static void
put_number (Sheet *s, lxw_col_t col, double value, lxw_format *format)
{
  worksheet_write_number (s->ws, s->row, col, value, format);
  g_autofree char *shown = g_strdup_printf ("%g", value);
  need_width (s, col, strlen (shown) + 2);
}

static void
put_boolean (Sheet *s, lxw_col_t col, gboolean value, lxw_format *format)
{
  worksheet_write_boolean (s->ws, s->row, col, value, format);
  need_width (s, col, 7);
}

static void
put_date (Sheet *s, lxw_col_t col, GDateTime *date)
{
  if (date == NULL)
    return;
  g_autoptr (GDateTime) utc = g_date_time_to_utc (date);
  lxw_datetime dt = { g_date_time_get_year (utc), g_date_time_get_month (utc),
                      g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                      g_date_time_get_minute (utc), g_date_time_get_seconds (utc) };
  worksheet_write_datetime (s->ws, s->row, col, &dt, s->f->date);
  need_width (s, col, DATE_WIDTH);
}

/* Starts a sheet with its header row. */
static Sheet
sheet_new (lxw_workbook *wb, const Formats *f, const char *name, const char *const *headers)
{
  Sheet s = { workbook_add_worksheet (wb, name), f, 0,
              g_array_new (FALSE, TRUE, sizeof (double)) };
  for (lxw_col_t c = 0; headers[c] != NULL; c++)
    put_string (&s, c, headers[c], f->header);
  s.row = 1;
  return s;
}

/* Ends a sheet whose table spans `columns` columns and rows up to
 * `last_row` (included): frozen header, filter, widths; printed a page
 * wide when `fit`. */
static void
sheet_finish (Sheet *s, lxw_col_t columns, lxw_row_t last_row, gboolean fit)
{
  worksheet_freeze_panes (s->ws, 1, 0);
  /* Printed (or exported to PDF): A4 landscape, the header row on every
   * page, a page wide unless that makes it too small to read. */
  worksheet_set_paper (s->ws, 9);
  worksheet_set_landscape (s->ws);
  if (fit)
    worksheet_fit_to_pages (s->ws, 1, 0);
  worksheet_repeat_rows (s->ws, 0, 0);
  worksheet_autofilter (s->ws, 0, 0, MAX (last_row, 1), columns - 1);
  for (lxw_col_t c = 0; c < s->widths->len; c++)
    {
      /* Room for the filter's button beside a header. */
      double w = g_array_index (s->widths, double, c) + (c < columns ? 2 : 0);
      worksheet_set_column (s->ws, c, c, CLAMP (w, WIDTH_MIN, WIDTH_MAX), NULL);
    }
  g_array_unref (s->widths);
}

static void
write_tally (lxw_workbook *wb, const Formats *f, const TfTally *tally, const TfForm *form)
{
  static const char *const headers[] = { "key", "recommendation", "replies", "assign",
                                         "withhold", "unanswered", "support",
                                         "meets_threshold", NULL };
  Sheet s = sheet_new (wb, f, "Tally", headers);
  for (guint i = 0; i < tally->texts->len; i++, s.row++)
    {
      const TfTallyText *t = tally->texts->pdata[i];
      lxw_format *plain = t->meets_threshold ? NULL : f->missed;
      put_string (&s, 0, t->text->key, plain);
      put_string (&s, 1, t->text->designation, plain);
      const guint counts[] = { t->replies, t->assign, t->withhold, t->unanswered };
      for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
        put_number (&s, 2 + c, counts[c], plain);
      lxw_format *pct = t->meets_threshold ? f->percent : f->missed_percent;
      if (t->has_support)
        put_number (&s, 6, t->support, pct);
      else if (plain != NULL)
        worksheet_write_blank (s.ws, s.row, 6, plain);
      put_boolean (&s, 7, t->meets_threshold, plain);
    }
  lxw_row_t last = s.row - 1;

  /* What the tally was made with, and how many replies went where. */
  s.row++;
  put_string (&s, 0, "form", f->label);
  put_string (&s, 1, tally->form, NULL);
  s.row++;
  put_string (&s, 0, "threshold", f->label);
  put_number (&s, 1, tally->threshold, f->percent);
  s.row++;
  put_string (&s, 0, "deadline", f->label);
  put_date (&s, 1, form->deadline);
  s.row++;
  put_string (&s, 0, "count_late", f->label);
  put_boolean (&s, 1, tally->count_late, NULL);
  s.row++;
  const struct { const char *label; guint n; } lists[] = {
    { "counted", tally->counted->len }, { "superseded", tally->superseded->len },
    { "uncounted", tally->uncounted->len }, { "late", tally->late->len },
  };
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++, s.row++)
    {
      put_string (&s, 0, lists[i].label, f->label);
      put_number (&s, 1, lists[i].n, NULL);
    }
  sheet_finish (&s, 8, last, TRUE);
}

static const char *
fate_name (TfTallyFate fate)
{
  switch (fate)
    {
    case TF_TALLY_COUNTED: return "counted";
    case TF_TALLY_SUPERSEDED: return "superseded";
    case TF_TALLY_UNCOUNTED: return "uncounted";
    case TF_TALLY_LATE: return "late";
    }
  return NULL;
}

static gboolean
is_member_state (const TfSenderField *field)
{
  return g_str_equal (field->field, "member_state");
}

static lxw_format *
status_format (const Formats *f, TfStatus status)
{
  return status == TF_STATUS_INVALID ? f->invalid
       : status == TF_STATUS_INCOMPLETE ? f->incomplete : NULL;
}

static void
write_replies (lxw_workbook *wb, const Formats *f, const TfWorkbookData *data)
{
  const TfForm *form = data->form;
  g_autoptr (GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  const char *first[] = { "file", "status", "member_state", "member_state_code" };
  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    g_ptr_array_add (headers, g_strdup (first[i]));
  for (guint i = 0; i < form->sender->len; i++)
    if (!is_member_state (form->sender->pdata[i]))
      g_ptr_array_add (headers, g_strdup_printf ("sender_%s",
                                                 ((TfSenderField *) form->sender->pdata[i])->field));
  for (guint i = 0; i < form->texts->len; i++)
    {
      const TfText *t = form->texts->pdata[i];
      g_ptr_array_add (headers, g_strdup_printf ("%s_authority", t->key));
      g_ptr_array_add (headers, g_strdup_printf ("%s_comments", t->key));
    }
  const char *last[] = { "problems", "messages", "form", "sha256", "language", "received",
                         "registered", "tally" };
  for (guint i = 0; i < G_N_ELEMENTS (last); i++)
    g_ptr_array_add (headers, g_strdup (last[i]));
  g_ptr_array_add (headers, NULL);
  Sheet s = sheet_new (wb, f, "Replies", (const char *const *) headers->pdata);

  for (guint r = 0; r < data->replies->len; r++, s.row++)
    {
      const TfReply *reply = data->replies->pdata[r];
      lxw_col_t c = 0;
      put_string (&s, c++, reply->file, NULL);
      put_string (&s, c++, tf_status_name (reply->status), status_format (f, reply->status));
      put_string (&s, c++, tf_reply_sender_value (reply, "member_state"), NULL);
      put_string (&s, c++, reply->member_state_code, NULL);
      for (guint i = 0; i < form->sender->len; i++)
        {
          const TfSenderField *field = form->sender->pdata[i];
          if (!is_member_state (field))
            put_string (&s, c++, tf_reply_sender_value (reply, field->field), NULL);
        }
      for (guint i = 0; i < form->texts->len; i++)
        {
          const TfText *t = form->texts->pdata[i];
          const TfReplyText *rt = NULL;
          for (guint j = 0; j < reply->texts->len && rt == NULL; j++)
            if (g_str_equal (((TfReplyText *) reply->texts->pdata[j])->key, t->key))
              rt = reply->texts->pdata[j];
          put_string (&s, c++, rt ? tf_answer_state (rt->authority) : NULL, NULL);
          put_string (&s, c++, rt ? tf_answer_state (rt->comments) : NULL, NULL);
        }
      g_autoptr (GString) codes = g_string_new (NULL);
      g_autoptr (GString) messages = g_string_new (NULL);
      for (guint i = 0; i < reply->problems->len; i++)
        {
          const TfProblem *p = reply->problems->pdata[i];
          if (i > 0)
            {
              g_string_append (codes, "; ");
              g_string_append_c (messages, '\n');
            }
          g_string_append (codes, tf_problem_code_name (p->code));
          if (p->field != NULL)
            g_string_append_printf (codes, " %s", p->field);
          g_string_append (messages, p->message);
        }
      put_string (&s, c++, codes->len ? codes->str : NULL, NULL);
      put_string (&s, c++, messages->len ? messages->str : NULL, NULL);
      put_string (&s, c++, reply->form, NULL);
      put_string (&s, c++, reply->sha256, NULL);
      put_string (&s, c++, reply->language, NULL);
      TfTallyInput input = { reply, reply->file_modified };
      put_date (&s, c++, tf_tally_input_date (&input));
      put_date (&s, c++, data->registered ? data->registered->pdata[r] : NULL);
      TfTallyFate fate = g_array_index (data->tally->fates, TfTallyFate, r);
      put_string (&s, c++, fate_name (fate), NULL);
    }
  sheet_finish (&s, headers->len - 1, s.row - 1, FALSE);
}

static void
write_problems (lxw_workbook *wb, const Formats *f, const TfWorkbookData *data)
{
  static const char *const headers[] = { "file", "member_state_code", "status", "severity",
                                         "code", "field", "message", NULL };
  Sheet s = sheet_new (wb, f, "Problems", headers);
  for (guint r = 0; r < data->replies->len; r++)
    {
      const TfReply *reply = data->replies->pdata[r];
      for (guint i = 0; i < reply->problems->len; i++, s.row++)
        {
          const TfProblem *p = reply->problems->pdata[i];
          put_string (&s, 0, reply->file, NULL);
          put_string (&s, 1, reply->member_state_code, NULL);
          put_string (&s, 2, tf_status_name (reply->status), status_format (f, reply->status));
          put_string (&s, 3, tf_severity_name (p->severity), NULL);
          put_string (&s, 4, tf_problem_code_name (p->code), NULL);
          put_string (&s, 5, p->field, NULL);
          put_string (&s, 6, p->message, NULL);
        }
    }
  sheet_finish (&s, 7, s.row - 1, TRUE);
}

static void
write_chase (lxw_workbook *wb, const Formats *f, const TfChase *chase)
{
  static const char *const headers[] = { "member_state_code", "member_state", "reason", "late",
                                         "file", "sender_name", "sender_email", "received",
                                         "problems", "messages", NULL };
  Sheet s = sheet_new (wb, f, "Chase", headers);
  for (guint i = 0; i < chase->entries->len; i++, s.row++)
    {
      const TfChaseEntry *e = chase->entries->pdata[i];
      put_string (&s, 0, e->code, NULL);
      put_string (&s, 1, e->name, NULL);
      put_string (&s, 2, tf_chase_reason_name (e->reason),
                  e->reason == TF_CHASE_NO_REPLY ? NULL : f->incomplete);
      put_boolean (&s, 3, e->late, NULL);
      put_string (&s, 4, e->file, NULL);
      put_string (&s, 5, e->sender_name, NULL);
      put_string (&s, 6, e->sender_email, NULL);
      put_date (&s, 7, e->received);
      g_autoptr (GString) codes = g_string_new (NULL);
      g_autoptr (GString) messages = g_string_new (NULL);
      for (guint p = 0; p < e->problems->len; p++)
        {
          const TfProblem *problem = e->problems->pdata[p];
          if (p > 0)
            {
              g_string_append (codes, "; ");
              g_string_append_c (messages, '\n');
            }
          g_string_append (codes, tf_problem_code_name (problem->code));
          if (problem->field != NULL)
            g_string_append_printf (codes, " %s", problem->field);
          g_string_append (messages, problem->message);
        }
      put_string (&s, 8, codes->len ? codes->str : NULL, NULL);
      put_string (&s, 9, messages->len ? messages->str : NULL, NULL);
    }
  for (guint i = 0; i < chase->uncounted->len; i++, s.row++)
    {
      const TfTallyUncounted *u = chase->uncounted->pdata[i];
      put_string (&s, 2, "uncounted", f->invalid);
      put_boolean (&s, 3, FALSE, NULL);
      put_string (&s, 4, u->file, NULL);
      put_string (&s, 9, u->reason, NULL);
    }
  sheet_finish (&s, 10, s.row - 1, TRUE);
}

static lxw_format *
new_format (lxw_workbook *wb, gboolean bold, lxw_color_t font, lxw_color_t fill,
            const char *number)
{
  lxw_format *format = workbook_add_format (wb);
  if (bold)
    format_set_bold (format);
  if (font != LXW_COLOR_BLACK)
    format_set_font_color (format, font);
  if (fill != LXW_COLOR_WHITE)
    {
      format_set_pattern (format, LXW_PATTERN_SOLID);
      format_set_bg_color (format, fill);
    }
  if (number != NULL)
    format_set_num_format (format, number);
  return format;
}

#define DARK_RED 0x9C0006
#define LIGHT_RED 0xFFC7CE
#define DARK_AMBER 0x9C5700
#define LIGHT_AMBER 0xFFEB9C
#define HEADER_FILL 0xDDEBF7

/* The creation date the workbook says: SOURCE_DATE_EPOCH, or now. */
static time_t
creation_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  return epoch ? (time_t) g_ascii_strtoll (epoch, NULL, 10) : 0;
}

gboolean
tf_workbook_write (const char *path, const TfWorkbookData *data, GError **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *tmp = NULL;
  int fd = g_file_open_tmp ("tapform-XXXXXX.xlsx", &tmp, error);
  if (fd < 0)
    {
      g_prefix_error (error, "%s: cannot write: ", shown);
      return FALSE;
    }
  close (fd);

  lxw_workbook *wb = workbook_new (tmp);
  if (wb == NULL)
    {
      g_unlink (tmp);
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: cannot write: out of memory", shown);
      return FALSE;
    }
  g_autofree char *title = g_strdup_printf ("Replies to %s (%s)", data->form->reference,
                                            data->form->id_version);
  lxw_doc_properties properties = { .title = title, .author = "tapform",
                                    .created = creation_date () };
  workbook_set_properties (wb, &properties);
  Formats f = {
    .header = new_format (wb, TRUE, LXW_COLOR_BLACK, HEADER_FILL, NULL),
    .date = new_format (wb, FALSE, LXW_COLOR_BLACK, LXW_COLOR_WHITE, "yyyy-mm-dd hh:mm"),
    .percent = new_format (wb, FALSE, LXW_COLOR_BLACK, LXW_COLOR_WHITE, "0.0%"),
    .missed = new_format (wb, TRUE, DARK_RED, LIGHT_RED, NULL),
    .missed_percent = new_format (wb, TRUE, DARK_RED, LIGHT_RED, "0.0%"),
    .invalid = new_format (wb, FALSE, DARK_RED, LIGHT_RED, NULL),
    .incomplete = new_format (wb, FALSE, DARK_AMBER, LIGHT_AMBER, NULL),
    .label = new_format (wb, TRUE, LXW_COLOR_BLACK, LXW_COLOR_WHITE, NULL),
  };
  write_tally (wb, &f, data->tally, data->form);
  write_replies (wb, &f, data);
  write_problems (wb, &f, data);
  if (data->chase != NULL)
    write_chase (wb, &f, data->chase);
  lxw_error status = workbook_close (wb);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      g_set_error (error, TF_ERROR, TF_ERROR_IO, "%s: cannot write: %s", shown,
                   lxw_strerror (status));
      return FALSE;
    }
  g_autoptr (GMappedFile) made = g_mapped_file_new (tmp, FALSE, error);
  g_unlink (tmp);
  if (made == NULL)
    {
      g_prefix_error (error, "%s: cannot write: ", shown);
      return FALSE;
    }
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (made);
  return tf_output_write_bytes (path, bytes, error);
}
