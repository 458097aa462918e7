#pragma once
// RAII over the reentrant GEOS C API: one context per thread of work, geometries owned by handles
// that know their context.
#include <geos_c.h>

#include <memory>
#include <string>

namespace naqsha::geo {

class geos_context {
public:
    geos_context();
    ~geos_context();
    geos_context(const geos_context&) = delete;
    geos_context& operator=(const geos_context&) = delete;

    GEOSContextHandle_t get() const { return handle_; }
    // The last error or notice GEOS reported through this context.
    const std::string& last_message() const { return message_; }

private:
    static void on_message(const char* message, void* self);
    GEOSContextHandle_t handle_;
    std::string message_;
};

struct geos_geometry_deleter {
    GEOSContextHandle_t context = nullptr;
    void operator()(GEOSGeometry* g) const { if (g != nullptr) GEOSGeom_destroy_r(context, g); }
};
using geos_geometry = std::unique_ptr<GEOSGeometry, geos_geometry_deleter>;

inline geos_geometry make_geos_geometry(const geos_context& ctx, GEOSGeometry* g) {
    return geos_geometry(g, geos_geometry_deleter{ctx.get()});
}

} // namespace naqsha::geo
