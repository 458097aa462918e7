# Every dependency is a Debian package; scripts/setup installs them.
find_package(GDAL CONFIG REQUIRED)
find_package(PROJ CONFIG REQUIRED)
find_package(GEOS CONFIG REQUIRED)
find_package(Boost 1.74 REQUIRED)
find_package(fmt REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(PNG REQUIRED)
find_package(GIF 5 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(AGG REQUIRED IMPORTED_TARGET libagg)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
if(NAQSHA_TESTS)
  find_package(doctest REQUIRED)
endif()

# The allocator of the program and of the extraction benchmark: the C library's, or mimalloc on
# request. Extraction allocates and frees millions of small blocks (sentence analyses, event drafts,
# place signatures), and mimalloc's paths take about a third of the instructions of glibc's: 5 % of
# extraction's instructions (docs/benchmarks.md). It is off by default because under a limit on
# address space (`ulimit -v`) Debian's mimalloc exits with status 1 ("Out of memory allocating
# bitmask", from libnuma) before naqsha can report the failure as its documented exit 5
# (docs/cli.md; tests cli_run_contract and data_safety.exit_code_table). Linked, its malloc and free
# take the place of libc's for the whole process. Never under the sanitizers, which bring their own.
option(NAQSHA_MIMALLOC "Use mimalloc (libmimalloc-dev) as the allocator of naqsha and bench_extract" OFF)
add_library(naqsha_allocator INTERFACE)
if(NAQSHA_MIMALLOC AND NOT NAQSHA_SANITIZE AND NOT NAQSHA_TSAN AND NOT NAQSHA_FUZZ)
  find_package(mimalloc CONFIG QUIET)
  if(mimalloc_FOUND)
    target_link_libraries(naqsha_allocator INTERFACE mimalloc)
  else()
    message(STATUS "mimalloc not found (scripts/setup installs libmimalloc-dev): the C library's allocator, slower")
  endif()
endif()
# Otherwise the C library's malloc under operator new and delete that keep each thread's small freed
# blocks for its next allocations of their size (base/block_cache.cpp): about 170 instructions an
# allocation and its free become about 50 (docs/benchmarks.md). Compiled into each executable that
# links naqsha_allocator, so that its operator new is the program's.
option(NAQSHA_BLOCK_CACHE "Keep small freed blocks per thread under operator new (base/block_cache.cpp)" ON)
if(NAQSHA_BLOCK_CACHE AND NOT (NAQSHA_MIMALLOC AND mimalloc_FOUND) AND NOT NAQSHA_SANITIZE AND NOT NAQSHA_TSAN
   AND NOT NAQSHA_FUZZ)
  target_sources(naqsha_allocator INTERFACE ${CMAKE_SOURCE_DIR}/base/block_cache.cpp)
endif()
