#pragma once
// RFC 4180 CSV: fields quoted only when they must be, CRLF-free (LF line ends, as pandas and R expect).
// Text cells are made safe to open in a spreadsheet: control characters become spaces, and a cell
// that would read as a formula (= + - @) starts with a single quote (OWASP, CSV injection).
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::exports {

// Where finished rows go, about a megabyte at a time.
using csv_sink = std::function<void(std::string_view)>;

class csv_writer {
public:
    csv_writer(const std::vector<std::string_view>& header, csv_sink sink);
    csv_writer& field(std::string_view value);
    csv_writer& field(int value);
    csv_writer& field(double value, int decimals);
    csv_writer& empty();
    void end_row();
    // Hands over the rows not yet handed over.
    void finish();

private:
    void separator();
    csv_sink sink_;
    std::string text_;
    std::size_t columns_ = 0;
    std::size_t in_row_ = 0;
};

} // namespace naqsha::exports
