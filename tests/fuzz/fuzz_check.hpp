#pragma once
// Property checks inside fuzz harnesses. A violated property is a bug just like a crash, so it
// aborts: libFuzzer (or the replay driver) then saves or names the input that caused it.
#include <cstdio>
#include <cstdlib>

#define NAQSHA_FUZZ_FAIL(what)                                                                             \
    do {                                                                                                   \
        std::fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, what);                \
        std::abort();                                                                                      \
    } while (false)

#define NAQSHA_FUZZ_CHECK(condition)                                                                       \
    do {                                                                                                   \
        if (!(condition)) NAQSHA_FUZZ_FAIL(#condition);                                                    \
    } while (false)
