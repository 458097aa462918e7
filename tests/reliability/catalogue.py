#!/usr/bin/env python3
"""The bad-input catalogue (docs/reliability.md): one case per kind of hostile input an analyst's
files or a scraper can hand naqsha. Each case builds its inputs at run time under --work (nothing big
is committed), runs the real naqsha binary and checks what a user sees: the exit code of
app/exit_codes.hpp, a message naming the file and the problem, the rest of the batch processed,
nothing already written lost or half-written.

    catalogue.py --naqsha build/naqsha --work DIR CASE     run one case (ctest runs each separately)
    catalogue.py --list                                    the case names
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

# app/exit_codes.hpp
EXIT_SUCCESS, EXIT_PARTIAL, EXIT_USAGE, EXIT_BOUNDARY_DATA, EXIT_OUTPUT, EXIT_INTERNAL = range(6)

SOURCE = Path(__file__).resolve().parents[2]
CASES = {}


def case(fn):
    CASES[fn.__name__] = fn
    return fn


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Context:
    def __init__(self, naqsha, work, shared):
        self.naqsha = str(Path(naqsha).resolve())
        self.work = Path(work).resolve()
        self.shared = Path(shared).resolve()

    def run(self, *args, expect, stdin=None, preexec_fn=None, prefix=()):
        """Runs naqsha with `args`; checks the exit code is `expect`. Returns (stdout, stderr) as text."""
        command = [*prefix, self.naqsha, *map(str, args)]
        result = subprocess.run(command, input=stdin, capture_output=True, preexec_fn=preexec_fn, timeout=600)
        out = result.stdout.decode("utf-8", "replace")
        err = result.stderr.decode("utf-8", "replace")
        print("$", " ".join(command), f"-> exit {result.returncode}")
        if err:
            print(err[-4000:], end="" if err.endswith("\n") else "\n")
        check(result.returncode == expect,
              f"expected exit {expect}, got {result.returncode}\nstderr: {err[-2000:]}")
        return out, err

    # -- boundary data ----------------------------------------------------------------------------
    def boundary_copy(self):
        """A gazetteer data directory that mirrors the shared one through symlinks, with the default
        set's directory made of per-file links, so a case can delete or replace single files."""
        data = self.work / "gazetteer-data"
        source = self.shared / "gazetteer-data"
        data.mkdir()
        for entry in source.iterdir():
            if entry.name == "ocha-agcho-2018":
                (data / entry.name).mkdir()
                for f in entry.iterdir():
                    (data / entry.name / f.name).symlink_to(f)
            else:
                (data / entry.name).symlink_to(entry)
        return data

    def gazetteer(self, data, *args, expect=EXIT_SUCCESS):
        return self.run("--data", data, "--cache-dir", self.work / "cache", "gazetteer", *args, expect=expect)


ADM2 = "ocha-agcho-2018/afg_admbnda_adm2_agcho_20180522"
ADM1 = "ocha-agcho-2018/afg_admbnda_adm1_agcho_20180522"


def system_python(script, *args):
    """GDAL's Python bindings are a Debian package, so helpers that need them run in /usr/bin/python3."""
    subprocess.run(["/usr/bin/python3", "-c", script, *map(str, args)], check=True)


def locate_all(ctx, data, points):
    """naqsha gazetteer locate for each point (the gazetteer comes from a per-data-set cache)."""
    found = []
    for x, y in points:
        out, _ = ctx.run("--data", data, "--cache-dir", ctx.work / ("cache-" + data.name), "-q", "gazetteer",
                         "locate", "--json", "--", f"{x:.9f}", f"{y:.9f}", expect=EXIT_SUCCESS)
        found.append(json.loads(out))
    return found


# Interior points of every district of the default set, from GDAL (not from naqsha).
INTERIOR_POINTS = r"""
import sys
from osgeo import ogr
ds = ogr.Open(sys.argv[1])
with open(sys.argv[2], "w") as out:
    for f in ds.GetLayer(0):
        p = f.GetGeometryRef().PointOnSurface()
        out.write(f"{f.GetField('ADM2_PCODE')} {p.GetX():.9f} {p.GetY():.9f}\n")
"""


def interior_points(ctx):
    listing = ctx.work / "interior-points.txt"
    system_python(INTERIOR_POINTS, ctx.shared / "gazetteer-data" / (ADM2 + ".shp"), listing)
    rows = [line.split() for line in listing.read_text().splitlines()]
    return [(pcode, float(x), float(y)) for pcode, x, y in rows]


@case
def shapefile_missing_dbf(ctx):
    data = ctx.boundary_copy()
    (data / (ADM2 + ".dbf")).unlink()
    _, err = ctx.gazetteer(data, "--no-cache", "stats", expect=EXIT_BOUNDARY_DATA)
    check(str(data / (ADM2 + ".dbf")) in err, "the message does not name the missing .dbf")
    check("missing" in err, "the message does not say the file is missing")


@case
def shapefile_missing_prj(ctx):
    data = ctx.boundary_copy()
    (data / (ADM2 + ".prj")).unlink()
    _, err = ctx.gazetteer(data, "--no-cache", "stats", expect=EXIT_BOUNDARY_DATA)
    check(str(data / (ADM2 + ".shp")) in err, "the message does not name the shapefile")
    check(".prj" in err and "coordinate reference system" in err, "the message does not explain the missing CRS")


@case
def boundaries_in_utm_42n(ctx):
    """The whole default set reprojected to UTM zone 42N (EPSG:32642), as national agencies often
    publish it: naqsha reprojects it back and finds the same district for every district's interior."""
    data = ctx.boundary_copy()
    for layer in (ADM2, ADM1):
        for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg", ".shp.xml"):
            (data / (layer + ext)).unlink(missing_ok=True)
        subprocess.run(["ogr2ogr", "-t_srs", "EPSG:32642", "-lco", "ENCODING=UTF-8", data / (layer + ".shp"),
                        ctx.shared / "gazetteer-data" / (layer + ".shp")], check=True)
    check("UTM_Zone_42N" in (data / (ADM2 + ".prj")).read_text(), "ogr2ogr did not write a UTM 42N .prj")
    out, _ = ctx.gazetteer(data, "stats", "--json")
    stats = json.loads(out)
    check(stats["districts"] == 399 and stats["provinces"] == 34, f"loaded {stats['districts']} districts")
    points = interior_points(ctx)[::16]  # 25 districts from every province group
    found = locate_all(ctx, data, [(x, y) for _, x, y in points])
    wrong = [f"{pcode}: {f and f.get('pcode')}" for (pcode, _, _), f in zip(points, found)
             if not f or f.get("pcode") != pcode]
    check(not wrong, f"{len(wrong)} of {len(points)} interior points in the wrong district: {wrong[:10]}")


# Turns one district of a shapefile into a self-intersecting polygon: two neighbouring vertices of
# its outer ring are swapped at the first place where that makes GEOS call it invalid.
BOWTIE = r"""
import sys
from osgeo import ogr
ogr.UseExceptions()
ds = ogr.Open(sys.argv[1], update=1)
layer = ds.GetLayer(0)
for f in layer:
    if f.GetField("ADM2_PCODE") != sys.argv[2]:
        continue
    g = f.GetGeometryRef()
    ring = g.GetGeometryRef(0)
    for i in range(1, ring.GetPointCount() - 2):
        a, b = ring.GetPoint_2D(i), ring.GetPoint_2D(i + 1)
        ring.SetPoint_2D(i, *b)
        ring.SetPoint_2D(i + 1, *a)
        if not g.IsValid():
            break
        ring.SetPoint_2D(i, *a)
        ring.SetPoint_2D(i + 1, *b)
    assert not g.IsValid()
    f.SetGeometry(g)
    layer.SetFeature(f)
    print(f"{sys.argv[2]}: vertices {i} and {i + 1} swapped")
"""


@case
def self_intersecting_polygon(ctx):
    data = ctx.boundary_copy()
    for ext in (".shp", ".shx", ".dbf"):
        target = data / (ADM2 + ext)
        target.unlink()
        shutil.copyfile(ctx.shared / "gazetteer-data" / (ADM2 + ext), target)
        target.chmod(0o644)
    system_python(BOWTIE, data / (ADM2 + ".shp"), "AF1803")
    out, _ = ctx.gazetteer(data, "stats", "--json")
    stats = json.loads(out)
    check(stats["districts"] == 399, f"loaded {stats['districts']} districts")
    repairs = [r for r in stats["repairs"] if "AF1803" in r]
    check(len(repairs) == 1 and "Self-intersection" in repairs[0], f"repair not reported: {stats['repairs']}")
    baharak = next(p for p in interior_points(ctx) if p[0] == "AF1803")
    found = locate_all(ctx, data, [baharak[1:]])
    check(found[0] and found[0]["pcode"] == "AF1803", f"the repaired district is not found: {found}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--naqsha")
    ap.add_argument("--work")
    ap.add_argument("--shared", default=str(SOURCE.parent / "shared"))
    ap.add_argument("--list", action="store_true")
    ap.add_argument("case", nargs="?", choices=sorted(CASES))
    args = ap.parse_args()
    if args.list:
        print("\n".join(CASES))
        return 0
    if not (args.naqsha and args.work and args.case):
        ap.error("--naqsha, --work and a case are required")
    shared = os.environ.get("NAQSHA_SHARED") or args.shared
    work = Path(args.work) / args.case
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        CASES[args.case](Context(args.naqsha, work, shared))
    except Failure as e:
        print(f"FAILED {args.case}: {e}")
        return 1
    print(f"passed {args.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
