/* read_fillers.h — end to end with the independent fillers of tests/fillers/.
 *
 * read_fillers_check_tool(TOOL) emits the form with the library, fills it
 * with TOOL (tests/fillers/fill) for every scenario of
 * tests/fillers/scenarios/ (at least 12), reads every result with the
 * library, validates each record against docs/reply-record.schema.json,
 * and asserts that it equals the truth exactly: the values
 * tests/fillers/effective.py says a correct reader must see (the scenario
 * less the tool's known losses), and the problems and status derived from
 * those values independently of the checker. Skips the test when TOOL is
 * not available here. Split over two test programs (test_read_fillers*.c)
 * so that each stays well inside ctest's time limit.
 */
#ifndef READ_FILLERS_H
#define READ_FILLERS_H

void read_fillers_check_tool (const char *tool);

/* The same for the Arabic, Chinese, French, Russian and Spanish versions:
 * each emitted in its language, filled by TOOL with senders in Arabic,
 * Chinese, Cyrillic and accented Latin (and the mixed scenario), read
 * back exactly, its record's language that of the form. */
void read_fillers_check_tool_languages (const char *tool);

#endif
