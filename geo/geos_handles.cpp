#include "geo/geos_handles.hpp"

#include "base/error.hpp"

namespace naqsha::geo {

geos_context::geos_context() : handle_(GEOS_init_r()) {
    if (handle_ == nullptr) throw error("GEOS: cannot create a context");
    GEOSContext_setErrorMessageHandler_r(handle_, &geos_context::on_message, this);
    GEOSContext_setNoticeMessageHandler_r(handle_, &geos_context::on_message, this);
}

geos_context::~geos_context() { GEOS_finish_r(handle_); }

void geos_context::on_message(const char* message, void* self) {
    static_cast<geos_context*>(self)->message_ = message != nullptr ? message : "";
}

} // namespace naqsha::geo
