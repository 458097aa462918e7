#!/usr/bin/python3
"""`naqsha compare` end to end, on the output of `naqsha run` on the seed reports.

    check_compare_cli.py NAQSHA RUN_DIR WORK_DIR

Copies RUN_DIR/naqsha.gpkg into WORK_DIR/out (the run's output stays as it is), reads the run's control
layer with SQLite, and makes a reference from it by P-code: the first district naqsha rates at the map
date with the same state, every other one with another, and three districts naqsha does not rate.
The figures naqsha prints (districts compared, accuracy, Cohen's kappa, the confusion matrix totals) are
checked against the ones this script works out itself, and so is the compare layer, district by
district. Leaves WORK_DIR/out (compare.gpkg, compare.geojson, compare.qml, compare.png) and
WORK_DIR/expect.json for tests/qgis/check_compare.py. Then the failures: each exit code and message of
docs/cli.md that a bad reference or a bad option brings about.
Prints one line per failure and "N passed, M failed"; exits 1 on any failure.
"""
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "qgis"))
from checks import Checks  # noqa: E402 (the shared tally lives beside the QGIS checks)

# docs/compare.md: the colour of each agreement, in the compare layer's style and compare.png.
VERDICT_COLOURS = {"agree": "#d9d9d9", "naqsha_more_taliban": "#e66101", "naqsha_more_government": "#5e3c99",
                   "naqsha_no_state": "#fff7bc", "reference_no_state": "#c6dbef"}
STATES = ["government", "contested", "taliban", "unconfirmed"]
RANK = {"government": 0, "contested": 1, "unconfirmed": 2, "taliban": 3}
# Districts in three provinces far from the seeds' north-east; any the run does rate is skipped.
REFERENCE_ONLY = ["AF0101", "AF2401", "AF3301", "AF2701", "AF0501"]


def states_on(gpkg, date):
    """{pcode: status} of the intervals covering `date`; of overlapping ones, the one begun last."""
    db = sqlite3.connect(gpkg)
    chosen = {}
    for pcode, status, start, end in db.execute("SELECT pcode, status, start_date, end_date FROM control"):
        if (start or "") <= date and (not end or end >= date):
            if pcode not in chosen or start >= chosen[pcode][1]:
                chosen[pcode] = (status, start)
    map_date = db.execute("SELECT value FROM naqsha_store_info WHERE key = 'map_date'").fetchone()[0]
    db.close()
    return {p: s for p, (s, _) in chosen.items()}, map_date


def kappa(pairs):
    n = len(pairs)
    observed = sum(1 for a, b in pairs if a == b) / n
    chance = sum((sum(1 for a, _ in pairs if a == k) / n) * (sum(1 for _, b in pairs if b == k) / n) for k in STATES)
    return None if chance == 1 else (observed - chance) / (1 - chance)


def run(naqsha, *args):
    result = subprocess.run([naqsha, *map(str, args)], capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout, result.stderr


def main():
    naqsha, run_dir, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    c = Checks()
    shutil.rmtree(work, ignore_errors=True)
    out = work / "out"
    out.mkdir(parents=True)
    shutil.copy(run_dir / "naqsha.gpkg", out / "naqsha.gpkg")

    _, map_date = states_on(out / "naqsha.gpkg", "9999-12-31")
    ours, _ = states_on(out / "naqsha.gpkg", map_date)
    c.check(len(ours) >= 1, f"the seeds' run rates no district on its map date {map_date}")
    theirs = {}
    for i, (pcode, status) in enumerate(sorted(ours.items())):
        theirs[pcode] = status if i == 0 else ("government" if status != "government" else "taliban")
    reference_only = [p for p in REFERENCE_ONLY if p not in ours][:3]
    for pcode in reference_only:
        theirs[pcode] = "taliban"
    reference = work / "reference.csv"
    with open(reference, "w", encoding="utf-8") as f:
        f.write("pcode,status\n")
        for pcode, status in theirs.items():
            f.write(f"{pcode},{status}\n")

    pairs = [(ours[p], theirs[p]) for p in ours if p in theirs]
    agreed = sum(1 for a, b in pairs if a == b)
    k = kappa(pairs)
    code, stdout, stderr = run(naqsha, "compare", "--reference", reference, "--at", map_date, "--out", out)
    print(stdout)
    c.check(code == 0, f"compare exited {code}: {stderr}")
    c.check(f"Districts compared: {len(pairs)}\n" in stdout, f"not {len(pairs)} districts compared")
    c.check(f"Accuracy: {agreed / len(pairs):.3f} ({agreed} of {len(pairs)} agree)" in stdout, "accuracy")
    want_kappa = f"Cohen's kappa: {k:.3f}" if k is not None else "Cohen's kappa: undefined"
    c.check(want_kappa in stdout, f"expected {want_kappa!r}")
    c.check(f"the reference rates, naqsha has no state for: {len(reference_only)}" in stdout, "naqsha_no_state count")
    for name in ("compare.gpkg", "compare.geojson", "compare.qml", "compare.png"):
        c.check((out / name).is_file(), f"{name} not written")

    verdicts = {}
    for pcode in set(ours) | set(theirs):
        if pcode not in ours:
            verdicts[pcode] = "naqsha_no_state"
        elif pcode not in theirs:
            verdicts[pcode] = "reference_no_state"
        elif ours[pcode] == theirs[pcode]:
            verdicts[pcode] = "agree"
        else:
            verdicts[pcode] = ("naqsha_more_taliban" if RANK[ours[pcode]] > RANK[theirs[pcode]]
                               else "naqsha_more_government")
    db = sqlite3.connect(out / "compare.gpkg")
    layer = dict(db.execute("SELECT pcode, agreement FROM compare"))
    styled = db.execute("SELECT count(*) FROM layer_styles WHERE f_table_name = 'compare' AND useAsDefault").fetchone()[0]
    db.close()
    c.check(layer == verdicts, f"compare layer {layer}, expected {verdicts}")
    c.check(styled == 1, "compare.gpkg has no default style for the compare layer")
    with open(work / "expect.json", "w", encoding="utf-8") as f:
        json.dump({"features": len(verdicts), "colours": VERDICT_COLOURS,
                   "pixels": [{"pcode": p, "color": VERDICT_COLOURS[v]} for p, v in sorted(verdicts.items())]}, f)

    # The same again: the files are replaced, not appended to.
    code, _, stderr = run(naqsha, "-q", "compare", "--reference", reference, "--at", map_date, "--out", out)
    c.check(code == 0, f"a second compare exited {code}: {stderr}")
    db = sqlite3.connect(out / "compare.gpkg")
    c.check(db.execute("SELECT count(*) FROM compare").fetchone()[0] == len(verdicts), "a second compare added rows")
    db.close()

    # docs/cli.md#exit-codes: what a bad reference or option gives, in a copy of the run's output so that
    # the files above stay for the QGIS check.
    out = work / "failures"
    out.mkdir()
    shutil.copy(run_dir / "naqsha.gpkg", out / "naqsha.gpkg")
    unresolved = work / "unresolved.csv"
    unresolved.write_text("district,province,status\nBahorak,Takhar,Contested\nAtlantis,Takhar,Contested\n")
    no_run = work / "no-run"
    no_run.mkdir()
    failures = [
        (["--reference", reference, "--at", map_date, "--out", out, "--field", "nope"], 8,
         [str(reference), "no column 'nope'"]),
        (["--reference", work / "missing.csv", "--at", map_date, "--out", out], 8, [str(work / "missing.csv"), "no such file"]),
        (["--reference", reference, "--at", "2020-02-30", "--out", out], 2, ["--at '2020-02-30'"]),
        (["--reference", reference, "--at", map_date, "--out", out, "--classes", "1=maybe"], 2, ["--classes", "'maybe'"]),
        (["--reference", reference, "--at", map_date, "--out", no_run], 2, [str(no_run), "naqsha run"]),
        (["--reference", unresolved, "--at", map_date, "--out", out], 1, [f"{unresolved}:3", "Atlantis"]),
        (["--at", map_date, "--out", out], 2, ["--reference"]),
    ]
    for args, want, words in failures:
        code, _, stderr = run(naqsha, "compare", *args)
        c.check(code == want, f"compare {' '.join(map(str, args))}: exit {code}, expected {want}: {stderr}")
        for word in words:
            c.check(word in stderr, f"compare {' '.join(map(str, args))}: stderr does not say {word!r}: {stderr!r}")

    return c.summary()


if __name__ == "__main__":
    sys.exit(main())
