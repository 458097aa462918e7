#pragma once
// RFC 4180 CSV: fields quoted only when they must be, CRLF-free (LF line ends, as pandas and R expect).
// Text cells are made safe to open in a spreadsheet: control characters become spaces, and a cell
// that would read as a formula (= + - @) starts with a single quote (OWASP, CSV injection).
#include <string>
#include <string_view>
#include <vector>

namespace naqsha::exports {

class csv_writer {
public:
    explicit csv_writer(const std::vector<std::string_view>& header);
    csv_writer& field(std::string_view value);
    csv_writer& field(int value);
    csv_writer& field(double value, int decimals);
    csv_writer& empty();
    void end_row();
    const std::string& text() const { return text_; }

private:
    void separator();
    std::string text_;
    std::size_t columns_ = 0;
    std::size_t in_row_ = 0;
};

} // namespace naqsha::exports
