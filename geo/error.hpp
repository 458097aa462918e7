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

// An output that cannot be written (permissions, full disk, not a directory).
class output_error : public error {
public:
    using error::error;
};

} // namespace naqsha
