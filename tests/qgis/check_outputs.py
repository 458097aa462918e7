#!/usr/bin/python3
"""Opens every naqsha output in real QGIS (Debian python3-qgis, headless) and checks that it is ready to use.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/check_outputs.py OUTDIR [--expect EXPECT.json] [--png OUT.png]

For each layer (control, incidents, incidents_province, incidents_by_district, districts, provinces):
  - <layer>.geojson and <layer>.qml: the layer is valid, in EPSG:4326, and QGIS applies the .qml;
  - naqsha.gpkg|layername=<layer>: valid, EPSG:4326, the same feature count, the default style from
    layer_styles applied (control categorised on status, incidents graduated by killed), DATE fields;
  - naqsha.qgz: loads with every layer valid from the GeoPackage by relative path, EPSG:4326, the view
    on Afghanistan, and the temporal controller set (control from start_date/end_date, incidents from
    their dates, incidents_by_district from the slice dates).
With --expect (written by tests/layers/write_sample_layers): exact feature counts, and rendered pixels:
the project's control layer is drawn with QgsMapRendererParallelJob at each date, and the pixel at each
listed district's pole of inaccessibility must have the colour of its status (or stay blank).
Without --expect (any run's output) the checks that need no knowledge of the input still run.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import argparse
import csv
import datetime
import json
import os
import sys
import zipfile

from qgis.core import (
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QSize, Qt, QTime, QVariant
from qgis.PyQt.QtGui import QColor

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from checks import close_colours, run_in_qgis  # noqa: E402 (after the flag that keeps the tree clean)

LAYERS = ["incidents", "incidents_province", "provinces", "districts", "incidents_by_district", "control"]
TEMPORAL = {
    "control": ("start_date", "end_date"),
    "incidents": ("date", "date_end"),
    "incidents_province": ("date", "date_end"),
    "incidents_by_district": ("slice_start", "slice_end"),
}
DATE_FIELDS = {"control": ["start_date", "end_date"], "incidents": ["date", "date_end", "first_published"],
               "incidents_by_district": ["slice_start", "slice_end"]}
STATUSES = {"government", "contested", "taliban", "unconfirmed"}
AFGHANISTAN = QgsRectangle(60.5, 29.4, 74.9, 38.5)


def check_style(c, layer, name, where, reload_for_temporal=False):
    renderer = layer.renderer()
    kind = renderer.type() if renderer else None
    if name == "control":
        if c.check(kind == "categorizedSymbol", f"{where}: control renderer is {kind}, not categorised"):
            c.check(renderer.classAttribute() == "status", f"{where}: control is classified on {renderer.classAttribute()}")
            values = {cat.value() for cat in renderer.categories()}
            c.check(values == STATUSES, f"{where}: control categories are {sorted(values)}")
    elif name in ("incidents", "incidents_by_district"):
        field = "killed_best" if name == "incidents" else "events"
        if c.check(kind == "graduatedSymbol", f"{where}: {name} renderer is {kind}, not graduated"):
            c.check(field in renderer.classAttribute(), f"{where}: {name} graduated on {renderer.classAttribute()}")
            c.check(len(renderer.ranges()) >= 4, f"{where}: {name} has {len(renderer.ranges())} classes")
    else:
        c.check(kind == "singleSymbol", f"{where}: {name} renderer is {kind}")
    if name == "provinces":
        c.check(layer.labelsEnabled(), f"{where}: province labels are off")
    if name in TEMPORAL:
        if reload_for_temporal:
            # QGIS 3.22 drops the temporal part of a default style applied while a layer is created
            # (qgis/QGIS#42223); the same style loaded again applies it. The project carries it anyway.
            layer.loadDefaultStyle()
        props = layer.temporalProperties()
        start, end = TEMPORAL[name]
        c.check(props.isActive(), f"{where}: {name} is not temporal")
        c.check(props.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields,
                f"{where}: {name} temporal mode is {props.mode()}")
        c.check((props.startField(), props.endField()) == (start, end),
                f"{where}: {name} temporal fields are {props.startField()}, {props.endField()}")


def check_layer(c, layer, name, where):
    if not c.check(layer.isValid(), f"{where}: {name} is not a valid layer"):
        return None
    c.check(layer.crs().authid() == "EPSG:4326", f"{where}: {name} is in {layer.crs().authid()}")
    return layer.featureCount()


def check_files(c, outdir, expect):
    gpkg = os.path.join(outdir, "naqsha.gpkg")
    for name in LAYERS:
        geojson = os.path.join(outdir, name + ".geojson")
        c.check(os.path.exists(os.path.join(outdir, name + ".qml")), f"{name}.qml is missing")
        from_json = QgsVectorLayer(geojson, name, "ogr")
        n_json = check_layer(c, from_json, name, geojson)
        if n_json is not None:
            check_style(c, from_json, name, geojson, reload_for_temporal=True)
        from_gpkg = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        n_gpkg = check_layer(c, from_gpkg, name, gpkg)
        if n_gpkg is None:
            continue
        check_style(c, from_gpkg, name, f"{gpkg} (default style from layer_styles)", reload_for_temporal=True)
        c.check(n_json == n_gpkg, f"{name}: {n_json} features in GeoJSON, {n_gpkg} in the GeoPackage")
        if expect:
            want = expect["counts"][name]
            c.check(n_gpkg == want, f"{name}: {n_gpkg} features, expected {want}")
        for field in DATE_FIELDS.get(name, []):
            idx = from_gpkg.fields().indexOf(field)
            if c.check(idx >= 0, f"{gpkg}: {name} has no field {field}"):
                c.check(from_gpkg.fields().at(idx).type() == QVariant.Date,
                        f"{gpkg}: {name}.{field} is {from_gpkg.fields().at(idx).typeName()}, not a date")
    if expect:
        districts = QgsVectorLayer(f"{gpkg}|layername=districts", "districts", "ogr")
        c.check(districts.featureCount() == 399 or expect["counts"]["districts"] != 399, "districts: not 399")


def check_project(c, outdir):
    path = os.path.join(outdir, "naqsha.qgz")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        c.check(names == ["naqsha.qgs"], f"{path}: holds {names}")
        qgs = z.read(names[0]).decode("utf-8")
    c.check("./naqsha.gpkg|layername=" in qgs and os.path.abspath(outdir) not in qgs,
            f"{path}: layers do not point at ./naqsha.gpkg by a relative path")
    project = QgsProject.instance()
    if not c.check(project.read(path), f"{path}: QGIS cannot read the project"):
        return None
    c.check(project.crs().authid() == "EPSG:4326", f"{path}: project CRS is {project.crs().authid()}")
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    c.check(sorted(layers) == sorted(LAYERS), f"{path}: layers are {sorted(layers)}")
    for name, layer in layers.items():
        if c.check(layer.isValid(), f"{path}: layer {name} is not valid"):
            c.check(layer.crs().authid() == "EPSG:4326", f"{path}: {name} is in {layer.crs().authid()}")
            check_style(c, layer, name, path)
    time_range = project.timeSettings().temporalRange()
    c.check(time_range.begin().isValid() and time_range.begin() <= time_range.end(),
            f"{path}: the temporal controller has no range")
    check_time_frame(c, project, outdir, path)
    view = project.viewSettings().defaultViewExtent()
    c.check(view.contains(AFGHANISTAN) and view.width() < 25,
            f"{path}: the default view {view.toString()} is not on Afghanistan")
    return project


def slice_start(label):
    """The first day of a slice of summary.csv: 2020-10-19 (day), 2020-W43, 2020-10, 2020-Q4."""
    if "-W" in label:
        year, week = label.split("-W")
        return datetime.date.fromisocalendar(int(year), int(week), 1)
    if "-Q" in label:
        year, quarter = label.split("-Q")
        return datetime.date(int(year), 3 * int(quarter) - 2, 1)
    parts = [int(p) for p in label.split("-")]
    return datetime.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)


def check_time_frame(c, project, outdir, where):
    """The project's time frame is the slices' (summary.csv, which a run writes), stepping by a slice."""
    summary = os.path.join(outdir, "summary.csv")
    if not os.path.exists(summary):
        return
    with open(summary, newline="") as f:
        rows = list(csv.DictReader(f))
    if not c.check(rows, f"{outdir}/summary.csv: no rows"):
        return
    settings = project.timeSettings()
    time_range = settings.temporalRange()
    begin = time_range.begin().date().toString(Qt.ISODate)
    end = time_range.end().date().toString(Qt.ISODate)
    c.check(begin == slice_start(rows[0]["slice"]).isoformat(),
            f"{where}: time range starts {begin}, the first slice ({rows[0]['slice']}) does not")
    c.check(end == rows[-1]["date"], f"{where}: time range ends {end}, the map date is {rows[-1]['date']}")
    label = rows[0]["slice"]
    unit, step = ((QgsUnitTypes.TemporalWeeks, 1) if "-W" in label else
                  (QgsUnitTypes.TemporalMonths, 3) if "-Q" in label else
                  (QgsUnitTypes.TemporalDays, 1) if label.count("-") == 2 else (QgsUnitTypes.TemporalMonths, 1))
    c.check(settings.timeStepUnit() == unit and settings.timeStep() == step,
            f"{where}: time step {settings.timeStep()} {settings.timeStepUnit()} is not one slice ({label})")


def day_range(iso):
    day = QDate.fromString(iso, Qt.ISODate)
    return QgsDateTimeRange(QDateTime(day, QTime(0, 0), Qt.UTC), QDateTime(day.addDays(1), QTime(0, 0), Qt.UTC),
                            True, False)


def render(project, iso_date, layers):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(project.crs())
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputSize(QSize(1600, 1000))
    settings.setExtent(project.viewSettings().defaultViewExtent())
    settings.setIsTemporal(True)
    settings.setTemporalRange(day_range(iso_date))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return settings, job.renderedImage()


def render_control(project, iso_date):
    return render(project, iso_date, project.mapLayersByName("control"))


def save_project_png(project, path):
    """The whole project as a user first sees it (checked layers, at the end of its time range)."""
    checked = project.layerTreeRoot().checkedLayers()
    last_day = project.timeSettings().temporalRange().end().date().toString(Qt.ISODate)
    settings, image = render(project, last_day, checked)
    image.save(path)


def check_pixels(c, project, outdir, expect, png):
    gpkg = os.path.join(outdir, "naqsha.gpkg")
    districts = QgsVectorLayer(f"{gpkg}|layername=districts", "districts", "ogr")
    spots = {}
    for feature in districts.getFeatures(QgsFeatureRequest()):
        spots[feature["pcode"]] = feature.geometry().poleOfInaccessibility(0.0005)[0].asPoint()
    wanted = [(p["date"], p["pcode"], QColor(p["color"])) for p in expect.get("pixels", [])]
    wanted += [(b["date"], b["pcode"], QColor(255, 255, 255)) for b in expect.get("blank", [])]
    images = {}
    for date, pcode, colour in wanted:
        if date not in images:
            images[date] = render_control(project, date)
        settings, image = images[date]
        if not c.check(pcode in spots, f"pixels: no district {pcode}"):
            continue
        at = settings.mapToPixel().transform(spots[pcode])
        got = image.pixelColor(int(round(at.x())), int(round(at.y())))
        c.check(close_colours(got, colour), f"pixels: {pcode} on {date} is {got.name()}, expected {colour.name()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--expect", help="JSON with counts, pixels and blank districts")
    parser.add_argument("--png", help="save the whole project, rendered at its last day, here")
    args = parser.parse_args()
    expect = None
    if args.expect:
        with open(args.expect, encoding="utf-8") as f:
            expect = json.load(f)

    def checks(c):
        try:
            check_files(c, args.outdir, expect)
            project = check_project(c, args.outdir)
            if project is not None and expect:
                check_pixels(c, project, args.outdir, expect, args.png)
            if project is not None and args.png:
                save_project_png(project, args.png)
        finally:
            QgsProject.instance().clear()

    return run_in_qgis(checks)


if __name__ == "__main__":
    sys.exit(main())
