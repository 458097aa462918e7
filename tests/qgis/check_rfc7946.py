#!/usr/bin/python3
"""Checks GeoJSON files against RFC 7946, as naqsha promises to write them.

    check_rfc7946.py DIR_OR_FILE...          every *.geojson must pass
    check_rfc7946.py --self-test DIR         every *.geojson in DIR must FAIL (files broken on purpose),
                                             each for the reason its name starts with

Checks: a FeatureCollection of Features; no `crs` member (RFC 7946 section 4); positions are
[longitude, latitude] in WGS 84 range with at most 7 decimals; linear rings are closed with at least 4
positions, exterior rings counter-clockwise and holes clockwise (section 3.1.6); a `bbox`, when present,
has 4 numbers; properties whose name is or ends in `date`/`_start`/`_end`/`published` are ISO 8601
calendar days or null. Only the standard library is used.
Prints one line per problem and "N passed, M failed"; exits 1 when a file that must pass fails (or,
with --self-test, when a broken file passes).
"""
import decimal
import json
import os
import re
import sys

MAX_DECIMALS = 7
ISO_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
DATE_NAME = re.compile(r"(^|_)(date|start|end|published)$")


def decimals(number):
    exponent = number.as_tuple().exponent
    return -exponent if exponent < 0 else 0


def signed_area(ring):
    return sum(float(x0) * float(y1) - float(x1) * float(y0)
               for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:])) / 2.0


def check_position(p, where, problems):
    if not isinstance(p, list) or len(p) < 2:
        problems.append(f"{where}: position {p!r} is not [lon, lat]")
        return
    lon, lat = p[0], p[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        problems.append(f"{where}: position {lon}, {lat} is outside WGS 84 longitude/latitude")
    for value in p:
        if decimals(value) > MAX_DECIMALS:
            problems.append(f"{where}: coordinate {value} has more than {MAX_DECIMALS} decimals")
            return


def check_ring(ring, exterior, where, problems):
    for p in ring:
        check_position(p, where, problems)
    if len(ring) < 4:
        problems.append(f"{where}: ring has {len(ring)} positions, fewer than 4")
        return
    if ring[0] != ring[-1]:
        problems.append(f"{where}: ring is not closed")
    area = signed_area(ring)
    if exterior and area <= 0:
        problems.append(f"{where}: exterior ring is clockwise (RFC 7946 3.1.6 wants counter-clockwise)")
    if not exterior and area >= 0:
        problems.append(f"{where}: hole is counter-clockwise (RFC 7946 3.1.6 wants clockwise)")


def check_geometry(g, where, problems):
    if g is None:
        return
    kind, coords = g.get("type"), g.get("coordinates")
    polygons = []
    if kind == "Point":
        check_position(coords, where, problems)
    elif kind in ("MultiPoint", "LineString"):
        for p in coords:
            check_position(p, where, problems)
    elif kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon":
        polygons = coords
    else:
        problems.append(f"{where}: unexpected geometry type {kind}")
    for poly in polygons:
        for i, ring in enumerate(poly):
            check_ring(ring, i == 0, where, problems)


def check_file(path):
    problems = []
    with open(path, encoding="utf-8") as f:
        doc = json.load(f, parse_float=decimal.Decimal, parse_int=decimal.Decimal)
    if doc.get("type") != "FeatureCollection":
        problems.append(f"{path}: not a FeatureCollection")
    if "crs" in doc:
        problems.append(f"{path}: has a `crs` member (RFC 7946 section 4 removed it)")
    if "bbox" in doc and len(doc["bbox"]) != 4:
        problems.append(f"{path}: bbox does not have 4 numbers")
    for n, feature in enumerate(doc.get("features", [])):
        where = f"{path}: feature {n}"
        if feature.get("type") != "Feature":
            problems.append(f"{where}: not a Feature")
        if "crs" in feature:
            problems.append(f"{where}: has a `crs` member")
        check_geometry(feature.get("geometry"), where, problems)
        for key, value in (feature.get("properties") or {}).items():
            if DATE_NAME.search(key) and value is not None and not (isinstance(value, str) and ISO_DAY.match(value)):
                problems.append(f"{where}: property {key} = {value!r} is not an ISO 8601 day")
    return problems


def geojson_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".geojson"):
                    yield os.path.join(path, name)
        else:
            yield path


def main(argv):
    self_test = argv[:1] == ["--self-test"]
    paths = argv[1:] if self_test else argv
    files = list(geojson_files(paths))
    passed = failed = 0
    if not files:
        print("no GeoJSON files found in", " ".join(paths))
        failed = 1
    for path in files:
        problems = check_file(path)
        if self_test:
            # Each broken file is named for what is wrong with it: crs-..., clockwise-..., decimals-...
            reason = {"crs": "crs", "clockwise": "clockwise", "hole": "hole", "decimals": "decimals",
                      "date": "ISO 8601", "open": "not closed", "range": "outside"}
            expected = reason[os.path.basename(path).split("-")[0]]
            ok = any(expected in p for p in problems)
            if not ok:
                print(f"FAIL: {path} should have been rejected for '{expected}', got {problems}")
        else:
            ok = not problems
            for p in problems[:20]:
                print("FAIL:", p)
            if len(problems) > 20:
                print(f"FAIL: {path}: ... and {len(problems) - 20} more problems")
        passed, failed = (passed + 1, failed) if ok else (passed, failed + 1)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
