#pragma once
// Owning handles for GDAL/OGR objects, so every early return and exception releases them.
#include "base/calendar.hpp"

#include <gdal_priv.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

namespace naqsha::geo {

struct gdal_dataset_closer {
    void operator()(GDALDataset* ds) const { if (ds != nullptr) GDALClose(ds); }
};
using gdal_dataset = std::unique_ptr<GDALDataset, gdal_dataset_closer>;

struct ogr_feature_deleter {
    void operator()(OGRFeature* f) const { OGRFeature::DestroyFeature(f); }
};
using ogr_feature = std::unique_ptr<OGRFeature, ogr_feature_deleter>;

struct ogr_transform_deleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using ogr_transform = std::unique_ptr<OGRCoordinateTransformation, ogr_transform_deleter>;

// Registers GDAL drivers once per process; cheap to call repeatedly.
void ensure_gdal_registered();

// Sets a GDAL configuration option for this thread until the end of the scope, then restores the one
// before it.
class scoped_config_option {
public:
    scoped_config_option(const char* key, const char* value);
    ~scoped_config_option();
    scoped_config_option(const scoped_config_option&) = delete;
    scoped_config_option& operator=(const scoped_config_option&) = delete;

private:
    std::string key_;
    std::string previous_;
    bool had_previous_ = false;
};

// GDAL's clock for this thread until the end of the scope: midnight UTC of `day` (OGR_CURRENT_DATE).
// A GeoPackage stamps its tables with the time they were written; a fixed day keeps equal content in
// equal bytes.
class scoped_gdal_clock {
public:
    explicit scoped_gdal_clock(day_number day);

private:
    scoped_config_option option_;
};

} // namespace naqsha::geo
