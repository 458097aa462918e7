#include "geo/gdal_handles.hpp"

#include <cpl_conv.h>
#include <mutex>

namespace naqsha::geo {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // naqsha reports its own errors with file names; GDAL's default handler would print to stderr.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

scoped_config_option::scoped_config_option(const char* key, const char* value) : key_(key) {
    if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr)) {
        previous_ = old;
        had_previous_ = true;
    }
    CPLSetThreadLocalConfigOption(key, value);
}

scoped_config_option::~scoped_config_option() {
    CPLSetThreadLocalConfigOption(key_.c_str(), had_previous_ ? previous_.c_str() : nullptr);
}

// (GDAL copies the value: the text need not outlive the call)
scoped_gdal_clock::scoped_gdal_clock(day_number day)
    : option_("OGR_CURRENT_DATE", (iso_date(day) + "T00:00:00.000Z").c_str()) {}

} // namespace naqsha::geo
