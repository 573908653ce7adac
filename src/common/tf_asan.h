/* tf_asan.h — TF_ASAN is defined when this file is compiled with
 * AddressSanitizer (GCC says so with __SANITIZE_ADDRESS__, clang with
 * __has_feature). Code that limits or watches memory behaves differently
 * then: ASan reserves terabytes of address space and keeps freed memory. */
#ifndef TF_ASAN_H
#define TF_ASAN_H

#if defined(__SANITIZE_ADDRESS__)
#define TF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TF_ASAN 1
#endif
#endif

#endif
