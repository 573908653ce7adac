/* test_memory.c — a process's memory read from /proc, and the address
 * space limit that makes a runaway allocation fail instead of taking the
 * machine's memory. */
#include "common/tf_asan.h"
#include "batch/batch.h"
#include "common/tf_memory.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

Test (memory, this_process_has_some_and_resident_is_part_of_it)
{
  guint64 space = tf_memory_of (getpid (), TF_MEMORY_ADDRESS_SPACE);
  guint64 resident = tf_memory_of (getpid (), TF_MEMORY_RESIDENT);
  cr_expect_gt (resident, 1u << 20, "%" G_GUINT64_FORMAT, resident);
  cr_expect_leq (resident, space);
}

Test (memory, a_process_that_is_gone_has_none)
{
  pid_t pid = fork ();
  if (pid == 0)
    _exit (0);
  waitpid (pid, NULL, 0);
  cr_expect_eq (tf_memory_of (pid, TF_MEMORY_RESIDENT), 0);
}

Test (memory, past_the_limit_an_allocation_fails)
{
  if (tf_sanitized ())
    cr_skip_test ("no address space limit under AddressSanitizer (it reserves terabytes)");
  /* In a child: the limit cannot be lifted again. */
  pid_t pid = fork ();
  if (pid == 0)
    {
      guint64 before = tf_memory_of (getpid (), TF_MEMORY_ADDRESS_SPACE);
      guint64 limit = tf_memory_limit_address_space (64u << 20);
      if (limit < before + (64u << 20) - 4096 || limit > before + (65u << 20))
        _exit (2);
      void *small = malloc (8u << 20);
      void *large = malloc (256u << 20);
      _exit (small != NULL && large == NULL ? 0 : 3);
    }
  int status = 0;
  waitpid (pid, &status, 0);
  cr_assert (WIFEXITED (status));
  cr_expect_eq (WEXITSTATUS (status), 0, "2: wrong limit; 3: the allocation did not fail as it should");
  cr_expect_eq (tf_memory_limit_address_space (0), 0, "no extra: no limit");
}
