# One place for compiler flags so every target is built the same way.
add_library(naqsha_flags INTERFACE)
target_compile_options(naqsha_flags INTERFACE -Wall -Wextra -Wshadow -Wnon-virtual-dtor)
# -Wconversion -Wsign-conversion since 2026-12-06 (issue 18): GCC 12 gave 16 warnings, every one an int
# or char used as size_t or unsigned char, each fixed with the cast or literal that says so. Clang 14's
# wider -Wconversion group (64-to-32 shortening, float and int narrowing, string literals as bool) then
# gave one, in a fuzz harness, over every source of the sanitizer build with the benches: on for both.
target_compile_options(naqsha_flags INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-Wconversion -Wsign-conversion>)
if(NAQSHA_WERROR)
  target_compile_options(naqsha_flags INTERFACE -Werror)
endif()
target_include_directories(naqsha_flags INTERFACE ${CMAKE_SOURCE_DIR})
target_compile_definitions(naqsha_flags INTERFACE
  NAQSHA_DEFAULT_SHARED_DIR="${NAQSHA_SHARED_DIR}"
  NAQSHA_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  NAQSHA_VERSION="${PROJECT_VERSION}")

if(NAQSHA_SANITIZE)
  set(naqsha_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_compile_options(naqsha_flags INTERFACE ${naqsha_san})
  target_link_options(naqsha_flags INTERFACE ${naqsha_san})
endif()
if(NAQSHA_TSAN)
  if(NAQSHA_SANITIZE)
    message(FATAL_ERROR "NAQSHA_TSAN and NAQSHA_SANITIZE exclude each other: ThreadSanitizer runs alone")
  endif()
  set(naqsha_tsan -fsanitize=thread -fno-omit-frame-pointer)
  target_compile_options(naqsha_flags INTERFACE ${naqsha_tsan})
  target_link_options(naqsha_flags INTERFACE ${naqsha_tsan})
endif()
if(NAQSHA_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NAQSHA_FUZZ needs clang (CXX=clang++)")
  endif()
  set(naqsha_coverage_ignore ${PROJECT_SOURCE_DIR}/tests/fuzz/coverage_ignore.txt)
  target_compile_options(naqsha_flags INTERFACE -fsanitize=fuzzer-no-link
    -fsanitize-coverage-ignorelist=${naqsha_coverage_ignore})
  # The compiler reads the list, but no build rule names it: its hash in a definition makes an edit
  # to it recompile what it instruments.
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${naqsha_coverage_ignore})
  file(SHA256 ${naqsha_coverage_ignore} naqsha_coverage_ignore_hash)
  string(SUBSTRING ${naqsha_coverage_ignore_hash} 0 16 naqsha_coverage_ignore_hash)
  target_compile_definitions(naqsha_flags INTERFACE NAQSHA_COVERAGE_IGNORE_HASH=${naqsha_coverage_ignore_hash})
endif()
