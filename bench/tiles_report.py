"""Summarises a scripts/bench-tiles run: results.json, a Markdown table for docs/benchmarks.md, and the
side-by-side PNG docs/tiles-naqsha-vs-mapnik.png (one tile, naqsha left, Mapnik right, over white).

Usage: /usr/bin/python3 bench/tiles_report.py WORK_DIR MAX_ZOOM
"""
import json
import os
import sys

from PIL import Image, ImageDraw

work, max_zoom = sys.argv[1], int(sys.argv[2])
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

times = {}
with open(os.path.join(work, "times")) as f:
    for line in f:
        name, wall, rss, user, system = line.split()
        times[name] = {"seconds": float(wall), "peak_rss_mib": int(rss) / 1024, "cpu_seconds": float(user) + float(system)}

naqsha = json.load(open(os.path.join(work, "naqsha.json")))
mapnik = json.load(open(os.path.join(work, "mapnik.json")))
gdal_tiles = int(open(os.path.join(work, "gdal.count")).read())
slices = json.load(open(os.path.join(work, "slices12.json")))
slices_full = json.load(open(os.path.join(work, "slices12_noreuse.json")))

rows = [
    ("naqsha (AGG, 2 threads)", naqsha["tiles_written"], times["naqsha"]),
    ("Mapnik 3.1 (python3-mapnik, 2 processes)", mapnik["tiles"], times["mapnik"]),
    ("gdal_rasterize + gdal2tiles.py --processes=2", gdal_tiles, times["gdal"]),
]
result = {"max_zoom": max_zoom, "load": os.getloadavg(), "runs": {}}
for name, tiles, t in rows:
    result["runs"][name] = {"tiles": tiles, "seconds": t["seconds"], "tiles_per_second": tiles / t["seconds"],
                            "cpu_seconds": t["cpu_seconds"], "peak_rss_mib": round(t["peak_rss_mib"], 1)}
ours = result["runs"][rows[0][0]]
for name, _, _ in rows[1:]:
    r = result["runs"][name]
    # The same pyramid (extent, zooms, layer): how many times longer the peer takes, in wall and CPU time.
    r["naqsha_speedup"] = r["seconds"] / ours["seconds"]
    r["naqsha_cpu_speedup"] = r["cpu_seconds"] / ours["cpu_seconds"]
one = times["naqsha"]["seconds"]
result["slices"] = {
    "one_slice_seconds": one,
    "twelve_slices_seconds": times["slices12"]["seconds"],
    "twelve_slices_no_reuse_seconds": times["slices12_noreuse"]["seconds"],
    "twelve_slices_rendered": slices["tiles_rendered"],
    "twelve_slices_written": slices["tiles_written"],
    "twelve_slices_reused": slices["tiles_reused"],
    "cost_vs_12x_one_slice": times["slices12"]["seconds"] / (12 * one),
}
result["naqsha_detail"] = naqsha
json.dump(result, open(os.path.join(work, "results.json"), "w"), indent=2)

print("\n| renderer | tiles | wall s | tiles/s | CPU s | peak RSS MiB | naqsha faster (wall / CPU) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, _, _ in rows:
    r = result["runs"][name]
    speed = "%.1fx / %.1fx" % (r["naqsha_speedup"], r["naqsha_cpu_speedup"]) if "naqsha_speedup" in r else ""
    print("| %s | %d | %.2f | %.0f | %.2f | %.0f | %s |" % (name, r["tiles"], r["seconds"], r["tiles_per_second"],
                                                          r["cpu_seconds"], r["peak_rss_mib"], speed))
s = result["slices"]
print("\n12 monthly slices: %.2f s with reuse (%d of %d tiles rendered), %.2f s without; one slice %.2f s; "
      "12 slices cost %.2fx of 12 single runs" % (s["twelve_slices_seconds"], s["twelve_slices_rendered"],
                                                  s["twelve_slices_written"], s["twelve_slices_no_reuse_seconds"], one,
                                                  s["cost_vs_12x_one_slice"]))

# Side by side: a tile around Kabul at the deepest zoom <= 8 both rendered.
z = min(max_zoom, 8)
import math
lon, lat = 69.2, 34.55
n = 1 << z
tx = int((lon + 180) / 360 * n)
ty = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
paths = [os.path.join(work, "naqsha", "tiles", "control", "2021-01-31", str(z), str(tx), "%d.png" % ty),
         os.path.join(work, "mapnik", str(z), str(tx), "%d.png" % ty),
         os.path.join(work, "gdal2tiles", str(z), str(tx), "%d.png" % ty)]
labels = ["naqsha (AGG)", "Mapnik 3.1", "gdal2tiles"]
scale = 2
tile = 256 * scale
canvas = Image.new("RGB", (3 * tile + 4 * 12, tile + 40), "white")
draw = ImageDraw.Draw(canvas)
for i, (path, label) in enumerate(zip(paths, labels)):
    x0 = 12 + i * (tile + 12)
    if os.path.exists(path):
        img = Image.open(path).convert("RGBA").resize((tile, tile), Image.NEAREST)
        bg = Image.new("RGBA", img.size, "white")
        bg.alpha_composite(img)
        canvas.paste(bg.convert("RGB"), (x0, 30))
    draw.text((x0, 8), "%s  z%d/%d/%d (pixels doubled)" % (label, z, tx, ty), fill="black")
out = os.path.join(repo, "docs", "tiles-naqsha-vs-mapnik.png")
canvas.save(out)
print("side by side:", out)
