#!/usr/bin/python3
"""Opens the `compare` layer that `naqsha compare` wrote in real QGIS (Debian python3-qgis, headless).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/check_compare.py OUTDIR --expect EXPECT.json

EXPECT.json (written by tests/compare/check_compare_cli.py): {"features": N, "colours": {agreement: "#rrggbb"},
"pixels": [{"pcode", "color"}]}. For compare.geojson (with compare.qml beside it) and
compare.gpkg|layername=compare (with its default style from layer_styles): the layer is valid, in EPSG:4326,
has N features and the fields ours, theirs, agree, agreement and evidence; QGIS applies the style,
categorised on `agreement` with one category per agreement value in its documented colour. Then the
layer is drawn with QgsMapRendererParallelJob and the pixel at each listed district's pole of
inaccessibility must have the colour of its agreement.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import argparse
import json
import os
import sys

from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from checks import close_colours, run_in_qgis  # noqa: E402 (after the flag that keeps the tree clean)

FIELDS = ["pcode", "ours", "theirs", "agree", "agreement", "evidence", "reference_district"]
AFGHANISTAN = QgsRectangle(60.4, 29.3, 75.0, 38.6)


def check_layer(c, layer, where, expect):
    if not c.check(layer.isValid(), f"{where}: not a valid layer"):
        return False
    c.check(layer.crs().authid() == "EPSG:4326", f"{where}: in {layer.crs().authid()}")
    c.check(layer.featureCount() == expect["features"], f"{where}: {layer.featureCount()} features, expected {expect['features']}")
    names = [f.name() for f in layer.fields()]
    for field in FIELDS:
        c.check(field in names, f"{where}: no field {field}")
    renderer = layer.renderer()
    kind = renderer.type() if renderer else None
    if not c.check(kind == "categorizedSymbol", f"{where}: renderer is {kind}, not categorised (style not applied)"):
        return False
    c.check(renderer.classAttribute() == "agreement", f"{where}: classified on {renderer.classAttribute()}")
    colours = {cat.value(): cat.symbol().color().name() for cat in renderer.categories()}
    c.check(colours == expect["colours"], f"{where}: categories {colours}, expected {expect['colours']}")
    return True


def check_pixels(c, layer, where, expect):
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputSize(QSize(1600, 1000))
    settings.setExtent(AFGHANISTAN)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    spots = {f["pcode"]: f.geometry().poleOfInaccessibility(0.0005)[0].asPoint() for f in layer.getFeatures()}
    for want in expect["pixels"]:
        if not c.check(want["pcode"] in spots, f"{where}: no feature for {want['pcode']}"):
            continue
        at = settings.mapToPixel().transform(spots[want["pcode"]])
        got = image.pixelColor(int(round(at.x())), int(round(at.y())))
        colour = QColor(want["color"])
        c.check(close_colours(got, colour), f"{where}: {want['pcode']} drawn {got.name()}, expected {colour.name()}")


def check_outputs(c, outdir, expect):
    """The layers live only in here: QGIS crashes on exit if a layer outlives exitQgis()."""
    geojson = os.path.join(outdir, "compare.geojson")
    c.check(os.path.exists(os.path.join(outdir, "compare.qml")), "compare.qml is missing")
    gpkg = os.path.join(outdir, "compare.gpkg")
    for where, source in ((geojson, geojson), (f"{gpkg} (default style from layer_styles)", f"{gpkg}|layername=compare")):
        layer = QgsVectorLayer(source, "compare", "ogr")
        if check_layer(c, layer, where, expect):
            check_pixels(c, layer, where, expect)
        del layer


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--expect", required=True)
    args = parser.parse_args()
    with open(args.expect, encoding="utf-8") as f:
        expect = json.load(f)

    return run_in_qgis(lambda c: check_outputs(c, args.outdir, expect))


if __name__ == "__main__":
    sys.exit(main())
