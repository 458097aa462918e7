#pragma once
// A buffer a thread hands on from one piece of work to the next, empty, with its capacity: articles
// are read one after another, and allocating and freeing the same buffers for each costs about as
// much as the work on a short one (and a large block freed and taken again makes the C library's
// allocator tidy up its free lists each time).
#include <cstddef>

namespace naqsha {

// The thread's spare buffer of this type.
template <class Buffer>
Buffer& spare_buffer() {
    thread_local Buffer spare;
    return spare;
}

// A buffer of more items or bytes than these is let go rather than kept (a very long text's).
inline constexpr std::size_t kept_items = std::size_t{1} << 16;
inline constexpr std::size_t kept_bytes = std::size_t{4} << 20;

// Takes the thread's spare buffer into `buffer` (empty, as the spare always is).
template <class Buffer>
void take_spare(Buffer& buffer) {
    buffer.swap(spare_buffer<Buffer>());
}

// Empties `buffer` (destroying its items) and keeps it as the thread's spare, if it is larger than
// the spare held and not too large; the buffer it replaces is freed.
template <class Buffer>
void give_back(Buffer& buffer) {
    auto& spare = spare_buffer<Buffer>();
    if (buffer.capacity() > spare.capacity() && buffer.capacity() <= kept_items &&
        buffer.capacity() * sizeof(typename Buffer::value_type) <= kept_bytes) {
        buffer.clear();
        spare.swap(buffer);
    }
}

// The thread's spare buffer of its type for one scope, given back at the scope's end: for a function
// called many times an article that would otherwise allocate its working vectors afresh each time.
// Two borrowed at once of one type are two buffers; only one is kept afterwards.
template <class Buffer>
class borrowed_buffer {
public:
    borrowed_buffer() { take_spare(buffer_); }
    ~borrowed_buffer() { give_back(buffer_); }
    borrowed_buffer(const borrowed_buffer&) = delete;
    borrowed_buffer& operator=(const borrowed_buffer&) = delete;

    Buffer& operator*() { return buffer_; }

private:
    Buffer buffer_;
};

} // namespace naqsha
