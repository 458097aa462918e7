// The program's operator new and delete: the C library's malloc and free, with a cache per thread of
// small freed blocks handed out again to the next allocation of their size. Extraction allocates and
// frees about a hundred small blocks an article (sentence analyses, event drafts, place signatures,
// strings), most of them freed at the article's end and asked for again by the next article; glibc's
// own per-thread cache keeps only seven blocks of a size, so most of those frees and allocations took
// its slower paths, about 170 instructions an allocation and its free (docs/benchmarks.md). Here one
// is about fifty.
//
// Every block is a block of malloc's, of a size a whole number of granules (16 bytes), and a block is
// filed by the size malloc_usable_size gives it, or by the size a sized delete names: so a block from
// anywhere (another thread, a library's new, an allocation made before this cache was used) is only
// ever handed out for a size it holds, and any block the cache does not keep goes back to free. A thread keeps at most
// `kept_bytes` of blocks per size and gives them all back to free when it ends. Compiled into the
// executables (naqsha_allocator, cmake/naqsha_dependencies.cmake), never under the sanitizers, which
// bring their own operator new.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <new>

namespace {

constexpr std::size_t granule = 16;
constexpr std::size_t classes = 33;                      // class c holds blocks of c granules: up to 512 bytes
constexpr std::size_t largest = (classes - 1) * granule;
constexpr std::size_t kept_bytes = std::size_t{64} << 10; // per class and thread

struct free_block {
    free_block* next;
};

// Trivial, so that reaching it costs no guard: the thread's lists.
struct block_lists {
    free_block* head[classes];
    std::uint32_t count[classes];
    bool active;     // the thread keeps blocks: its reaper is set up and has not run
    bool registered; // its reaper was set up
};
constinit thread_local block_lists lists{};

// Gives a thread's kept blocks back to free when the thread ends.
struct reaper {
    ~reaper() {
        lists.active = false;
        for (std::size_t c = 0; c < classes; ++c) {
            for (free_block* b = lists.head[c]; b;) {
                free_block* next = b->next;
                std::free(b);
                b = next;
            }
            lists.head[c] = nullptr;
            lists.count[c] = 0;
        }
    }
};

// How many blocks of each class a thread keeps (none of class 0, which no allocation asks for).
constexpr auto kept = [] {
    std::array<std::uint32_t, classes> k{};
    for (std::size_t c = 1; c < classes; ++c) k[c] = static_cast<std::uint32_t>(kept_bytes / (c * granule));
    return k;
}();

[[gnu::noinline]] void* allocate_slow(std::size_t size) {
    // a small block is asked of malloc at its class's full size, so that it files under that class
    if (size <= largest) size = size == 0 ? granule : (size + granule - 1) & ~(granule - 1);
    for (;;) {
        if (void* p = std::malloc(size)) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

// The thread's first block to keep: sets up its reaper (once; a thread whose reaper has run frees).
[[gnu::noinline]] void release_slow(void* p, std::size_t c) {
    if (c - 1 < classes - 1 && !lists.registered) {
        lists.registered = true;
        lists.active = true;
        thread_local reaper r; // its destructor runs at the thread's end
        (void)r;
        auto* b = static_cast<free_block*>(p);
        b->next = lists.head[c];
        lists.head[c] = b;
        ++lists.count[c];
        return;
    }
    std::free(p);
}

inline void* allocate(std::size_t size) {
    if (size <= largest) {
        const std::size_t c = size == 0 ? 1 : (size + granule - 1) / granule;
        if (free_block* b = lists.head[c]) {
            lists.head[c] = b->next;
            --lists.count[c];
            return b;
        }
    }
    return allocate_slow(size);
}

// A block goes to class c (c granules, at most what it holds) or back to free.
inline void release_as(void* p, std::size_t c) {
    if (c - 1 < classes - 1 && lists.count[c] < kept[c] && lists.active) { // 1 <= c < classes
        auto* b = static_cast<free_block*>(p);
        b->next = lists.head[c];
        lists.head[c] = b;
        ++lists.count[c];
        return;
    }
    release_slow(p, c);
}

inline void release(void* p) {
    if (!p) return;
    release_as(p, malloc_usable_size(p) / granule);
}

// A sized delete names the size its block was asked for, and every block of a size up to `largest`
// holds that size rounded up to whole granules (allocate_slow asks malloc for so much, and a cached
// block of the class holds at least as much): the class follows from the size without asking malloc
// (malloc_usable_size was about a third of a release).
inline void release_sized(void* p, std::size_t size) {
    if (!p) return;
    release_as(p, size == 0 ? 1 : (size + granule - 1) / granule);
}

} // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t size) noexcept { release_sized(p, size); }
void operator delete[](void* p, std::size_t size) noexcept { release_sized(p, size); }
