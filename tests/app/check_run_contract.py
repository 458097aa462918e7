#!/usr/bin/env python3
"""The contract of `naqsha run` as users and scripts meet it (issue 6):

- one exit code per failure class (docs/cli.md#exit-codes), each with a message naming what failed;
- no progress bars (carriage returns, ETA) when stderr is not a terminal, and none with --quiet;
- events.csv parses with ACLED's column set, events_ucdp.csv with UCDP GED's best/low/high;
- preview.png is a real PNG; control.gif and the web viewer are written, and --no-animation leaves the
  GIF out (issue 16).

Usage: check_run_contract.py NAQSHA WORKDIR [--no-oom]
"""
import csv
import os
import shutil
import subprocess
import sys

ACLED_COLUMNS = ["event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
                 "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
                 "fatalities"]
ACLED_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
                     "Strategic developments"}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(naqsha, args, env=None, **kw):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([naqsha] + args, capture_output=True, text=True, env=full_env, **kw)


def main():
    naqsha, work = sys.argv[1], sys.argv[2]
    no_oom = "--no-oom" in sys.argv
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    # 0: success, with the outputs a user expects, and no progress bars on a non-terminal.
    out = os.path.join(work, "out")
    r = run(naqsha, ["run", "--out", out, "--no-tiles", "--published", "2020-10-22"])
    check(r.returncode == 0, f"run on the sample corpus exits 0 (got {r.returncode}: {r.stderr.strip()})")
    check("\r" not in r.stderr and "ETA" not in r.stderr, "no progress bar when stderr is not a terminal")
    for name in ["naqsha.gpkg", "naqsha.qgz", "events.csv", "events_ucdp.csv", "preview.png", "summary.csv",
                 "control.geojson", "incidents.geojson", "districts.geojson", "provinces.geojson", "control.gif",
                 "viewer/index.html", "viewer/data.js"]:
        check(os.path.isfile(os.path.join(out, name)), f"run writes {name}")
        check(name in r.stdout or name == "viewer/data.js", f"run says where {name} went")
    with open(os.path.join(out, "preview.png"), "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "preview.png is a PNG")

    with open(os.path.join(out, "events.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0].keys()) if rows else []
    for column in ACLED_COLUMNS:
        check(column in header, f"events.csv has ACLED's column {column}")
    check(len(rows) >= 3, f"events.csv has the seeds' dated events (got {len(rows)})")
    for row in rows:
        check(row["event_type"] in ACLED_EVENT_TYPES, f"ACLED event_type {row['event_type']!r}")
        check(row["time_precision"] in {"1", "2", "3"}, f"ACLED time_precision {row['time_precision']!r}")
        check(row["geo_precision"] in {"1", "2", "3"}, f"ACLED geo_precision {row['geo_precision']!r}")
        check(row["fatalities"].isdigit(), f"ACLED fatalities is a count: {row['fatalities']!r}")
        check(len(row["event_date"]) == 10 and row["year"] == row["event_date"][:4], "event_date and year agree")
    baharak = [r for r in rows if r["admin2"] == "Baharak" and r["admin1"] == "Takhar"]
    check(len(baharak) == 1, "one Baharak (Takhar) event in events.csv")
    with open(os.path.join(out, "events_ucdp.csv"), newline="", encoding="utf-8") as f:
        ucdp = list(csv.DictReader(f))
    for row in ucdp:
        check(int(row["low"]) <= int(row["best"]) <= int(row["high"]), "UCDP low <= best <= high")

    # --quiet: nothing on stdout, nothing but errors on stderr. --no-animation: no control.gif (issue 16).
    r = run(naqsha, ["-q", "run", "--out", out, "--no-tiles", "--no-animation", "--published", "2020-10-22"])
    check(r.returncode == 0 and r.stdout == "", "--quiet prints nothing on success")
    check(not os.path.exists(os.path.join(out, "control.gif")), "--no-animation writes no control.gif")
    check(os.path.isfile(os.path.join(out, "viewer", "index.html")), "the viewer is still written")

    # 1: partial failure: a bad article among good ones; the good ones are still mapped.
    batch = os.path.join(work, "batch")
    os.makedirs(batch)
    with open(os.path.join(batch, "good.txt"), "w") as f:
        f.write("KABUL, Afghanistan (Jan. 25, 2013) An Afghan and coalition security force killed two insurgents "
                "in Nad-e Ali district, Helmand province, yesterday.\n")
    with open(os.path.join(batch, "binary.txt"), "wb") as f:
        f.write(bytes(range(256)) * 8)
    r = run(naqsha, ["run", "--articles", batch, "--out", os.path.join(work, "partial"), "--no-tiles"])
    check(r.returncode == 1, f"a rejected article gives exit 1 (got {r.returncode})")
    check("binary.txt" in r.stderr, "the rejected article is named")
    check(os.path.isfile(os.path.join(work, "partial", "events.csv")), "the rest of the batch is still mapped")

    # 2: bad arguments, naming the argument.
    for args, what in [(["run", "--slice", "fortnight"], "--slice"), (["run", "--at", "2020-13-45"], "2020-13-45"),
                       (["run", "--no-such-option"], "--no-such-option"), (["frobnicate"], "frobnicate")]:
        r = run(naqsha, args + ["--out", os.path.join(work, "never")] if args[0] == "run" else args)
        check(r.returncode == 2, f"{' '.join(args)} gives exit 2 (got {r.returncode})")
        check(what in r.stderr, f"the message for {' '.join(args)} names {what}: {r.stderr.strip()!r}")

    # 3: unreadable boundary data, naming the directory or file.
    missing = os.path.join(work, "no-boundaries")
    r = run(naqsha, ["run", "--out", os.path.join(work, "never"), "--no-tiles"],
            env={"NAQSHA_GAZETTEER_DATA": missing, "NAQSHA_CACHE_DIR": os.path.join(work, "cache")})
    check(r.returncode == 3, f"missing boundary data gives exit 3 (got {r.returncode})")
    check(missing in r.stderr, f"the message names the boundary data path: {r.stderr.strip()!r}")

    # 4: output not writable (a file where the output directory should go), naming it.
    blocker = os.path.join(work, "a-file")
    with open(blocker, "w") as f:
        f.write("not a directory\n")
    target = os.path.join(blocker, "out")
    r = run(naqsha, ["run", "--out", target, "--no-tiles"])
    check(r.returncode == 4, f"an unwritable output gives exit 4 (got {r.returncode})")
    check(blocker in r.stderr, f"the message names the output path: {r.stderr.strip()!r}")

    # 5: internal error: the process runs out of memory (not under ASan, which needs its own address space).
    if not no_oom:
        limited = "ulimit -v 180000; exec \"$0\" \"$@\""
        r = subprocess.run(["sh", "-c", limited, naqsha, "run", "--out", os.path.join(work, "oom"), "--no-tiles"],
                           capture_output=True, text=True)
        check(r.returncode == 5, f"running out of memory gives exit 5 (got {r.returncode}: {r.stderr.strip()[-200:]!r})")
        check("internal error" in r.stderr, "the message says it is an internal error")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("run contract: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
