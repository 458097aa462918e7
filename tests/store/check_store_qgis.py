#!/usr/bin/python3
"""Opens the event store's tables of a `naqsha run` output in real QGIS (python3-qgis, headless).

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/store/check_store_qgis.py OUTDIR

Checks: every store table (articles, mentions, events, event_sources, area_claims, summary,
naqsha_store_info) loads as a valid QGIS layer with the row count SQLite sees; date columns arrive as
QDate; the summary's shares (each status and unknown) sum to 1 per row; every event_sources row points
at an event; summary.csv has the same rows as the summary table.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import csv
import os
import sqlite3
import sys

from qgis.core import QgsApplication, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

TABLES = ["articles", "mentions", "events", "event_sources", "area_claims", "summary", "naqsha_store_info"]
DATE_COLUMNS = {"articles": ["published"], "mentions": ["date", "date_end"], "events": ["date", "date_end"],
                "summary": ["date"]}
STATUSES = ["government", "contested", "taliban", "unconfirmed", "unknown"]


def run_checks(out):
    gpkg = os.path.join(out, "naqsha.gpkg")
    failures, passed = [], 0

    def check(ok, what):
        nonlocal passed
        if ok:
            passed += 1
        else:
            failures.append(what)

    db = sqlite3.connect(gpkg)
    for table in TABLES:
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
        check(layer.isValid(), f"{table}: not a valid QGIS layer")
        if not layer.isValid():
            continue
        rows = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        check(layer.featureCount() == rows, f"{table}: QGIS counts {layer.featureCount()} rows, SQLite {rows}")
        fields = layer.fields()
        for column in DATE_COLUMNS.get(table, []):
            index = fields.indexOf(column)
            check(index >= 0 and fields.at(index).type() == QVariant.Date, f"{table}.{column}: not a DATE field in QGIS")

    for row in db.execute("SELECT date, " + ", ".join(
            "+".join(f"{s}_{m}" for s in STATUSES) for m in ("population_share", "area_share")) + " FROM summary"):
        check(abs(row[2] - 1) < 1e-6, f"summary {row[0]}: area shares sum to {row[2]}")
        check(row[1] == 0 or abs(row[1] - 1) < 1e-6, f"summary {row[0]}: population shares sum to {row[1]}")
    orphans = db.execute("SELECT count(*) FROM event_sources WHERE event_id NOT IN (SELECT event_id FROM events)").fetchone()[0]
    check(orphans == 0, f"event_sources: {orphans} rows name no event")
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        csv_rows = list(csv.DictReader(f))
    table_rows = db.execute("SELECT date, slice FROM summary ORDER BY fid").fetchall()
    check([(r["date"], r["slice"]) for r in csv_rows] == table_rows, "summary.csv and the summary table differ")

    return passed, failures


def main():
    app = QgsApplication([], False)
    app.initQgis()
    # The layers live only inside run_checks, so none outlives QGIS (which would crash at exit).
    passed, failures = run_checks(sys.argv[1])
    for f in failures:
        print("FAIL", f)
    print(f"{passed} passed, {len(failures)} failed")
    app.exitQgis()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
