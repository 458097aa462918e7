"""QGIS (headless) loads the tiles `naqsha tiles` wrote as raster layers and draws them.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_load.py FIXTURE_DIR
FIXTURE_DIR is what test_tiles_cli leaves behind (tiles/control/2021-02/..., tiles/*.mbtiles).
"""
import os
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsRasterLayer, QgsRectangle)
from qgis.PyQt.QtCore import QSize

fixture = os.path.abspath(sys.argv[1])
failures = []
passes = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    (passes if condition else failures).append(what)


def colour_at_kabul(layer):
    """Renders the layer around Kabul district (EPSG:3857) and returns the centre pixel's RGBA."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    # 69.17E 34.53N in EPSG:3857, +-2 km.
    x, y = 7700000.0, 4100700.0
    settings.setExtent(QgsRectangle(x - 2000, y - 2000, x + 2000, y + 2000))
    settings.setOutputSize(QSize(64, 64))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    c = job.renderedImage().pixelColor(32, 32)
    return c.red(), c.green(), c.blue(), c.alpha()


QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()

xyz_dir = os.path.join(fixture, "tiles", "control", "2021-02")
url = "type=xyz&url=file://" + xyz_dir + "/{z}/{x}/{y}.png&zmin=0&zmax=8"
xyz = QgsRasterLayer(url, "control 2021-02 (XYZ)", "wms")
check(xyz.isValid(), "XYZ directory loads as a valid raster layer: " + url)
if xyz.isValid():
    r, g, b, a = colour_at_kabul(xyz)
    check((r, g, b, a) == (215, 48, 39, 255), "XYZ layer draws Kabul district Taliban red, got %s" % ((r, g, b, a),))

for name, expect in (("control-2021-02.mbtiles", (215, 48, 39, 255)), ("control-2021-01.mbtiles", (69, 117, 180, 255))):
    path = os.path.join(fixture, "tiles", name)
    mb = QgsRasterLayer(path, name, "gdal")
    check(mb.isValid(), "MBTiles loads as a valid raster layer: " + path)
    if not mb.isValid():
        continue
    check(mb.crs().authid() == "EPSG:3857", "MBTiles CRS is EPSG:3857, got " + mb.crs().authid())
    check(mb.bandCount() == 4, "MBTiles has 4 bands (RGBA), got %d" % mb.bandCount())
    e = mb.extent()
    check(6.6e6 < e.xMinimum() < 6.8e6 and 8.3e6 < e.xMaximum() < 8.5e6, "MBTiles extent covers Afghanistan: " + e.toString())
    got = colour_at_kabul(mb)
    check(got == expect, "MBTiles layer draws Kabul district %s, got %s" % (expect, got))

for name in ("incidents-2021-01.mbtiles",):
    mb = QgsRasterLayer(os.path.join(fixture, "tiles", name), name, "gdal")
    check(mb.isValid(), "incident MBTiles loads as a valid raster layer")

print("%d passed, %d failed" % (len(passes), len(failures)))
sys.stdout.flush()
# QGIS 3.22's teardown (exitQgis and the interpreter's own) can crash after all work is done; the verdict
# is already printed, so leave without it.
os._exit(1 if failures else 0)
