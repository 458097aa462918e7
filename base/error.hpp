#pragma once
// Typed exceptions thrown inside the libraries and caught once, in app/, where each class maps to an
// exit code (docs/cli.md#exit-codes).
#include <stdexcept>
#include <string>

namespace naqsha {

class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A command line that cannot be acted on.
class usage_error : public error {
public:
    using error::error;
};

// Boundary or gazetteer data that is missing, corrupt or unusable.
class data_error : public error {
public:
    using error::error;
};

// One input (an article, a line of NDJSON) that cannot be read; the rest of a batch goes on.
class input_error : public error {
public:
    using error::error;
};

// Inputs that hold no article at all (an empty directory, one with no .txt, .md or NDJSON file):
// nothing to map, and nothing is written. Not a partial failure: no input was rejected.
class no_input_error : public error {
public:
    using error::error;
};

// An output that cannot be written (permissions, full disk, not a directory).
class output_error : public error {
public:
    using error::error;
};

// A reference assessment (a control map published by someone else, or an analyst's own) that cannot
// be read onto the districts: unreadable, unknown columns, no name resolved, no polygon overlapping,
// no usable coordinate reference system, no status value naqsha can map.
class reference_error : public error {
public:
    using error::error;
};

// The event store of an earlier run that cannot be read (corrupt, truncated, from a newer naqsha, not a
// regular file). It is left as it is: replacing it would lose every article it holds, so only the
// user may decide to (`run --rebuild`).
class store_error : public error {
public:
    using error::error;
};

// The output is being written by another naqsha process.
class busy_error : public error {
public:
    using error::error;
};

// The process was asked to stop (SIGTERM, SIGINT) and has removed what it had begun to write.
class interrupted_error : public error {
public:
    interrupted_error(int signal, const std::string& what) : error(what), signal_(signal) {}
    int signal() const { return signal_; }

private:
    int signal_;
};

} // namespace naqsha
