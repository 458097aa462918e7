#include "render/viewer/write_viewer.hpp"

#include "base/atomic_file.hpp"
#include "base/error.hpp"
#include "render/viewer/embedded_files.hpp"

namespace naqsha::viewer {

viewer_report write_viewer(const store::map_state& state, std::span<const gazetteer::district> districts,
                           std::span<const gazetteer::province> provinces, const std::filesystem::path& dir,
                           const viewer_data_options& options) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw output_error(dir.string() + ": cannot create the viewer's directory: " + ec.message());
    viewer_report report;
    for (const auto& file : viewer_files()) {
        write_file_atomically(dir / file.name, file.bytes);
        report.bytes += file.bytes.size();
    }
    atomic_file data(dir / "data.js");
    report.data = write_viewer_data(state, districts, provinces, options, [&](std::string_view piece) {
        data.write(piece);
        report.bytes += piece.size();
    });
    data.commit();
    report.index = dir / "index.html";
    return report;
}

} // namespace naqsha::viewer
