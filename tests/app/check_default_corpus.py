#!/usr/bin/env python3
"""`naqsha run` with no --articles maps the sample corpus (issue 19): the five seed reports and the
1,932 dated news items of ../shared/corpus/news-dev, by quarter, with tiles to zoom 8.

Usage: check_default_corpus.py NAQSHA WORKDIR
"""
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def main():
    naqsha, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    out = os.path.join(work, "out")
    env = dict(os.environ)
    env.pop("NAQSHA_CORPUS", None)
    r = subprocess.run([naqsha, "run", "--out", out], capture_output=True, text=True, env=env)
    check(r.returncode == 0, f"the default run exits 0 (got {r.returncode}: {r.stderr.strip()[-400:]})")
    if r.returncode != 0:
        return

    db = sqlite3.connect(os.path.join(out, "naqsha.gpkg"))
    articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    seeds = db.execute("SELECT count(*) FROM articles WHERE path LIKE '%seeds%'").fetchone()[0]
    news = db.execute("SELECT count(*) FROM articles WHERE path LIKE '%items.jsonl%'").fetchone()[0]
    check(seeds == 5, f"the five seed reports are read (got {seeds})")
    check(news == 1932, f"the 1,932 news items are read (got {news})")
    check(articles == seeds + news, f"nothing else is read (got {articles})")
    # the items carry their day as "date": each is dated by it, not left off the map
    undated = db.execute("SELECT count(*) FROM articles WHERE path LIKE '%items.jsonl%' AND "
                         "(published IS NULL OR published = '')").fetchone()[0]
    check(undated == 0, f"every news item is dated by its \"date\" (undated: {undated})")
    first_year = db.execute("SELECT min(substr(date, 1, 4)) FROM events WHERE background = 0").fetchone()[0]
    check(first_year is not None and first_year <= "2003", f"incidents start in 2002 or 2003 (got {first_year})")

    with open(os.path.join(out, "summary.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    check(rows and all("-Q" in row["slice"] for row in rows), "the default slices are quarters")
    check(len(rows) > 60, f"18 years of quarters (got {len(rows)})")
    with open(os.path.join(out, "control.geojson")) as f:
        control = json.load(f)["features"]
    taliban = {f["properties"]["pcode"] for f in control if f["properties"]["status"] == "taliban"}
    check(len(taliban) >= 5, f"the items' district falls are on the map (taliban districts: {sorted(taliban)})")

    tiles = os.path.join(out, "tiles")
    zooms = set()
    for name in os.listdir(tiles):
        if name.endswith(".mbtiles"):
            zooms.update(z for (z,) in sqlite3.connect(os.path.join(tiles, name)).execute(
                "SELECT DISTINCT zoom_level FROM tiles"))
    check(zooms and max(zooms) == 8, f"the sample corpus's tiles stop at zoom 8 (got {sorted(zooms)})")
    for where in ("preview.png", "naqsha.qgz"):
        check(where in r.stdout, f"the run says where {where} went")


main()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("default corpus: ok")
