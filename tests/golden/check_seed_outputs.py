#!/usr/bin/env python3
"""The five seeds' run outputs, byte for byte, against the golden files in seeds/ (README.md).

The seeds are run as test_run_seeds runs them: 001, 003 and 004 (dated in their text), then 000 and
002 with the publication dates their text lacks, into one output, without tiles. The layers, CSV
exports, QGIS styles and the viewer's data have golden copies, and a difference is shown as a unified
diff a reviewer can read (a GeoJSON feature as its properties and a summary of its geometry, a CSV
row as its columns, data.js as indented JSON). The large and binary outputs have SHA-256 sums in
seeds/SHA256SUMS.

Usage: check_seed_outputs.py NAQSHA [--update] [--seeds DIR] [--golden DIR] [--work DIR]
"""
import argparse
import csv
import difflib
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
RUNS = [
    (["001_7f9b9c3711d5355b.txt", "003_71abac885cfa549a.txt", "004_4892badbc86e319f.txt"], None),
    (["000_c905fdbc4c1957c1.txt"], "2019-01-01"),  # "told VOA Tuesday"
    (["002_b89b20759bfda383.txt"], "2018-05-11"),  # "Local officials said on Friday"
]
# Outputs with a golden copy: text a reviewer reads. The boundary layers (megabytes of the gazetteer's
# polygons, no seed in them) and binary files are summed instead.
COPY_MAX_BYTES = 1 << 20
COPY_SUFFIXES = (".csv", ".geojson", ".qml")
COPY_FILES = ("viewer/data.js",)
# Leaflet's files are Debian's (libjs-leaflet), copied as they are: their bytes are not naqsha's.
NOT_OURS = ("viewer/leaflet.js", "viewer/leaflet.css", "viewer/leaflet-copyright.txt")
# Outputs not checked here: rasters, whose pixels test_preview and test_control_animation check, and
# the GeoPackage, whose tables test_run_seeds reads; their bytes are not part of this contract.
UNCHECKED = ("preview.png", "control.gif", "naqsha.gpkg")
SUMS = "SHA256SUMS"


def shared_seeds():
    shared = os.environ.get("NAQSHA_SHARED") or os.path.join(os.path.dirname(REPO), "shared")
    return os.path.join(shared, "corpus", "seeds")


def run_seeds(naqsha, seeds, out):
    for names, published in RUNS:
        args = [naqsha, "-q", "run", "--no-tiles", "--out", out, "--articles"] + [os.path.join(seeds, n) for n in names]
        if published:
            args += ["--published", published]
        r = subprocess.run(args, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"{' '.join(args)}: exit {r.returncode}\n{r.stderr}")


def outputs(out):
    files = []
    for root, _, names in os.walk(out):
        for name in names:
            files.append(os.path.relpath(os.path.join(root, name), out).replace(os.sep, "/"))
    return sorted(f for f in files if f not in UNCHECKED and f not in NOT_OURS)


def has_copy(rel, size):
    return rel in COPY_FILES or (rel.endswith(COPY_SUFFIXES) and size <= COPY_MAX_BYTES)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def geometry_summary(geometry):
    if not geometry:
        return "null"
    coordinates = json.dumps(geometry.get("coordinates"), separators=(",", ":"))
    points = coordinates.count("[") - coordinates.count("[[")
    return f"{geometry.get('type')} {points} points, sha256 {hashlib.sha256(coordinates.encode()).hexdigest()[:16]}"


def readable_lines(rel, text):
    """The file as lines that show what changed: one per GeoJSON feature, indented JSON for data.js."""
    try:
        if rel.endswith(".geojson"):
            doc = json.loads(text)
            lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in doc.items() if key != "features"]
            for n, feature in enumerate(doc.get("features", []), 1):
                properties = feature.get("properties") or {}
                lines.append(f"feature {n}: {properties.get('id') or properties.get('pcode') or ''}")
                lines += [f"  {key}: {json.dumps(value, ensure_ascii=False)}" for key, value in properties.items()]
                lines.append("  geometry: " + geometry_summary(feature.get("geometry")))
            return [line + "\n" for line in lines]
        if rel.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(text)))
            lines = []
            for n, row in enumerate(rows[1:], 1):
                lines.append(f"row {n}: {row[0] if row else ''}")
                lines += [f"  {name}: {value}" for name, value in zip(rows[0], row)]
            return [",".join(rows[0]) + "\n"] + [line + "\n" for line in lines] if rows else []
        if rel.endswith(".js") and "= {" in text:
            head, _, body = text.partition("= ")
            data = json.loads(body.rstrip().rstrip(";"))
            return [head + "=\n"] + [line + "\n" for line in json.dumps(data, indent=1, ensure_ascii=False).split("\n")]
    except ValueError:
        pass
    return text.splitlines(True)


def show_difference(rel, expected, written):
    diff = list(difflib.unified_diff(readable_lines(rel, expected), readable_lines(rel, written), "golden/" + rel, "written/" + rel))
    if not diff:  # the same content in other bytes (number formatting, key order): show the lines
        diff = difflib.unified_diff(expected.splitlines(True), written.splitlines(True), "golden/" + rel, "written/" + rel)
        diff = [line if len(line) <= 400 else line[:400] + " …\n" for line in diff]
    sys.stdout.writelines(diff)


def read_sums(golden):
    sums = {}
    path = os.path.join(golden, SUMS)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                digest, rel = line.rstrip("\n").split("  ", 1)
                sums[rel] = digest
    return sums


def update(out, golden, written):
    shutil.rmtree(golden, ignore_errors=True)
    os.makedirs(golden)
    sums = []
    for rel in written:
        source = os.path.join(out, rel)
        if has_copy(rel, os.path.getsize(source)):
            os.makedirs(os.path.dirname(os.path.join(golden, rel)), exist_ok=True)
            shutil.copyfile(source, os.path.join(golden, rel))
        else:
            sums.append(f"{sha256(source)}  {rel}\n")
    with open(os.path.join(golden, SUMS), "w", encoding="utf-8") as f:
        f.writelines(sums)
    print(f"updated {golden}: read `git diff` of it, and check changed export fields against the codebooks (docs/exports.md)")


def check(out, golden, written):
    failures = []
    sums = read_sums(golden)
    expected_files = set(sums)
    for root, _, names in os.walk(golden):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), golden).replace(os.sep, "/")
            if rel != SUMS:
                expected_files.add(rel)
    for rel in sorted(expected_files - set(written)):
        failures.append(rel)
        print(f"FAIL {rel}: in the golden files, not written by the run")
    for rel in written:
        source = os.path.join(out, rel)
        if rel not in expected_files:
            failures.append(rel)
            print(f"FAIL {rel}: written by the run, not in the golden files")
        elif rel in sums:
            if sha256(source) != sums[rel]:
                failures.append(rel)
                print(f"FAIL {rel}: SHA-256 {sha256(source)}, golden {sums[rel]}")
        else:
            with open(source, encoding="utf-8") as f:
                written_text = f.read()
            with open(os.path.join(golden, rel), encoding="utf-8") as f:
                expected_text = f.read()
            if written_text != expected_text:
                failures.append(rel)
                print(f"FAIL {rel} differs from the golden file:")
                show_difference(rel, expected_text, written_text)
    if failures:
        print(f"\n{len(failures)} of {len(written)} seed outputs differ. After a deliberate change: "
              f"{os.path.relpath(__file__, REPO)} build/naqsha --update, then review `git diff tests/golden`.")
        sys.exit(1)
    print(f"{len(written)} seed outputs match the golden files")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("naqsha")
    parser.add_argument("--update", action="store_true", help="rewrite the golden files from this run")
    parser.add_argument("--seeds", default=shared_seeds(), help="the seed reports (default: ../shared/corpus/seeds)")
    parser.add_argument("--golden", default=os.path.join(HERE, "seeds"))
    parser.add_argument("--work", help="where to run (default: a temporary directory)")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="naqsha-golden-")
    shutil.rmtree(work, ignore_errors=True)
    out = os.path.join(work, "out")
    run_seeds(args.naqsha, args.seeds, out)
    written = outputs(out)
    (update if args.update else check)(out, args.golden, written)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
