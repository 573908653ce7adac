/* tf_asan.h — TF_ASAN is defined when this file is compiled with
 * AddressSanitizer (GCC says so with __SANITIZE_ADDRESS__, clang with
 * __has_feature), and tf_sanitized() says so at run time. Code that limits
 * or watches memory behaves differently then: ASan reserves terabytes of
 * address space and keeps freed memory. */
#ifndef TF_ASAN_H
#define TF_ASAN_H

#if defined(__SANITIZE_ADDRESS__)
#define TF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TF_ASAN 1
#endif
#endif

#include <glib.h>

/* Whether this build runs under AddressSanitizer: then no address space
 * limit can be set (tf_memory.h), and tests that depend on one skip. */
static inline gboolean
tf_sanitized (void)
{
#ifdef TF_ASAN
  return TRUE;
#else
  return FALSE;
#endif
}

#endif
