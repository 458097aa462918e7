#include "render/layers/ogr_tables.hpp"

#include "base/error.hpp"

#include <cpl_error.h>

namespace naqsha::layers {
namespace {

OGRLinearRing to_ogr(const geo::ring& ring) {
    OGRLinearRing out;
    out.setNumPoints(static_cast<int>(ring.size()), FALSE);
    for (std::size_t i = 0; i < ring.size(); ++i) out.setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
    out.closeRings();
    return out;
}

OGRFieldType ogr_type(field_kind kind) {
    switch (kind) {
    case field_kind::text: return OFTString;
    case field_kind::integer: return OFTInteger64;
    case field_kind::real: return OFTReal;
    case field_kind::date: return OFTDate;
    case field_kind::boolean: return OFTInteger;
    }
    return OFTString;
}

struct value_setter {
    OGRFeature& feature;
    int index;
    void operator()(std::monostate) const { feature.SetFieldNull(index); }
    void operator()(const std::string& v) const { feature.SetField(index, v.c_str()); }
    void operator()(std::int64_t v) const { feature.SetField(index, static_cast<GIntBig>(v)); }
    void operator()(double v) const { feature.SetField(index, v); }
    void operator()(bool v) const { feature.SetField(index, v ? 1 : 0); }
    void operator()(const std::chrono::year_month_day& v) const {
        feature.SetField(index, int(v.year()), int(unsigned(v.month())), int(unsigned(v.day())), 0, 0, 0.0F, 0);
    }
};

} // namespace

const OGRMultiPolygon& ogr_geometry_cache::get(const geo::multipolygon& shape, bool simplified) {
    if (simplified && tolerance_ > 0) {
        auto& slot = simplified_[&shape];
        if (!slot) {
            std::unique_ptr<OGRGeometry> simple(get(shape, false).SimplifyPreserveTopology(tolerance_));
            if (simple && !simple->IsEmpty()) simple.reset(OGRGeometryFactory::forceToMultiPolygon(simple.release()));
            if (simple && !simple->IsEmpty() && wkbFlatten(simple->getGeometryType()) == wkbMultiPolygon)
                slot.reset(simple.release()->toMultiPolygon());
            else
                slot.reset(get(shape, false).clone()); // GEOS could not simplify it: keep it whole
        }
        return *slot;
    }
    auto& slot = full_[&shape];
    if (!slot) {
        slot = std::make_unique<OGRMultiPolygon>();
        for (const auto& poly : shape) {
            OGRPolygon part;
            auto outer = to_ogr(poly.outer);
            part.addRing(&outer);
            for (const auto& hole : poly.holes) {
                auto inner = to_ogr(hole);
                part.addRing(&inner);
            }
            slot->addGeometry(&part);
        }
    }
    return *slot;
}

const OGRSpatialReference& wgs84() {
    // One per thread: layers are written concurrently, and an SRS (its PROJ objects) is not safe to share.
    static thread_local const OGRSpatialReference srs = [] {
        OGRSpatialReference s;
        s.importFromEPSG(4326);
        s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return s;
    }();
    return srs;
}

std::string gdal_error_or(std::string_view fallback) {
    const char* msg = CPLGetLastErrorMsg();
    return msg != nullptr && *msg != '\0' ? std::string(msg) : std::string(fallback);
}

void write_ogr_layer(GDALDataset& dataset, const layer_table& table, CSLConstList creation_options,
                     ogr_geometry_cache& geometries, const std::string& where) {
    const auto& def = *table.definition;
    const std::string name(def.name);
    CPLErrorReset();
    OGRSpatialReference srs(wgs84());
    auto geometry_type = def.geometry == geometry_kind::point ? wkbPoint : wkbMultiPolygon;
    OGRLayer* layer = dataset.CreateLayer(name.c_str(), &srs, geometry_type, const_cast<char**>(creation_options));
    if (layer == nullptr)
        throw output_error(where + ": cannot create layer " + name + ": " + gdal_error_or("GDAL refused"));
    for (const auto& f : def.fields) {
        OGRFieldDefn defn(std::string(f.name).c_str(), ogr_type(f.kind));
        if (f.kind == field_kind::boolean) defn.SetSubType(OFSTBoolean);
        if (layer->CreateField(&defn) != OGRERR_NONE)
            throw output_error(where + ": cannot create field " + name + "." + std::string(f.name) + ": " +
                               gdal_error_or("GDAL refused"));
    }

    const bool transaction = dataset.StartTransaction(FALSE) == OGRERR_NONE;
    geo::ogr_feature feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    for (const auto& row : table.features) {
        feature->Reset();
        for (std::size_t i = 0; i < row.values.size(); ++i)
            std::visit(value_setter{*feature, static_cast<int>(i)}, row.values[i]);
        if (def.geometry == geometry_kind::point) {
            OGRPoint point(row.point.x, row.point.y);
            feature->SetGeometry(&point);
        } else {
            feature->SetGeometry(&geometries.get(*row.area, def.simplified));
        }
        if (layer->CreateFeature(feature.get()) != OGRERR_NONE) {
            // The reason first: a failed rollback (as after a full disk) would replace GDAL's last error.
            auto reason = gdal_error_or("GDAL refused");
            if (transaction) dataset.RollbackTransaction();
            throw output_error(where + ": cannot write a feature of " + name + ": " + reason);
        }
    }
    if (transaction && dataset.CommitTransaction() != OGRERR_NONE)
        throw output_error(where + ": cannot commit layer " + name + ": " + gdal_error_or("GDAL refused"));
}

} // namespace naqsha::layers
