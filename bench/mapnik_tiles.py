"""Mapnik peer for the tile benchmark: renders the same control layer (the GeoJSON tiles_bench exports),
with the same palette and border widths, to the same list of XYZ tiles, 256 px, one PNG per tile.

Usage: /usr/bin/python3 bench/mapnik_tiles.py CONTROL.geojson PROVINCES.shp TILES.txt OUT_DIR [PROCESSES]
TILES.txt holds one "z x y" per line. Prints {"tiles": N, "seconds": S} as JSON.
"""
import json
import math
import multiprocessing
import os
import sys
import time

import mapnik

MERC = ("+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m "
        "+nadgrids=@null +wktext +no_defs +over")
WGS84 = "+proj=longlat +datum=WGS84 +no_defs"
HALF = 20037508.342789244

# render/palette/palette.hpp
STATUS_FILL = {"government": "#4575b4", "contested": "#fdae61", "taliban": "#d73027", "unconfirmed": "#c2a5cf"}
DISTRICT_BORDER, DISTRICT_WIDTH = "#5a5a5a", 0.5
PROVINCE_BORDER, PROVINCE_WIDTH = "#1e1e1e", 1.4


def map_xml(control, provinces):
    rules = "".join(
        '<Rule><Filter>[status] = \'%s\'</Filter><PolygonSymbolizer fill="%s"/></Rule>' % (s, c)
        for s, c in STATUS_FILL.items())
    return """<Map srs="{merc}" buffer-size="8">
  <Style name="fill">{rules}</Style>
  <Style name="district"><Rule><LineSymbolizer stroke="{db}" stroke-width="{dw}"/></Rule></Style>
  <Style name="province"><Rule><LineSymbolizer stroke="{pb}" stroke-width="{pw}"/></Rule></Style>
  <Layer name="control" srs="{wgs}"><StyleName>fill</StyleName><StyleName>district</StyleName>
    <Datasource><Parameter name="type">geojson</Parameter><Parameter name="file">{control}</Parameter></Datasource>
  </Layer>
  <Layer name="provinces" srs="{wgs}"><StyleName>province</StyleName>
    <Datasource><Parameter name="type">shape</Parameter><Parameter name="file">{provinces}</Parameter></Datasource>
  </Layer>
</Map>""".format(merc=MERC, wgs=WGS84, rules=rules, db=DISTRICT_BORDER, dw=DISTRICT_WIDTH, pb=PROVINCE_BORDER,
                 pw=PROVINCE_WIDTH, control=control, provinces=provinces)


_map = None
_out = None


def init(control, provinces, out):
    global _map, _out
    _map = mapnik.Map(256, 256)
    mapnik.load_map_from_string(_map, map_xml(control, provinces))
    _out = out


def render(tile):
    z, x, y = tile
    size = 2 * HALF / (1 << z)
    _map.zoom_to_box(mapnik.Box2d(x * size - HALF, HALF - (y + 1) * size, (x + 1) * size - HALF, HALF - y * size))
    image = mapnik.Image(256, 256)
    mapnik.render(_map, image)
    folder = os.path.join(_out, str(z), str(x))
    os.makedirs(folder, exist_ok=True)
    image.save(os.path.join(folder, "%d.png" % y), "png")
    return 1


def main():
    control, provinces, tile_list, out = sys.argv[1:5]
    processes = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    with open(tile_list) as f:
        tiles = [tuple(int(v) for v in line.split()) for line in f if line.strip()]
    start = time.monotonic()
    with multiprocessing.Pool(processes, initializer=init, initargs=(control, provinces, out)) as pool:
        done = sum(pool.imap_unordered(render, tiles, chunksize=16))
    print(json.dumps({"tiles": done, "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
