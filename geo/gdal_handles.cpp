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

} // namespace naqsha::geo
