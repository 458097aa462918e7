#!/usr/bin/env python3
"""The seeds' events.csv and events_ucdp.csv, byte for byte, against golden files checked by hand,
field by field, against the ACLED and UCDP GED codebooks (docs/exports.md#golden-files).

The five seeds are run as test_run_seeds runs them: 001, 003 and 004 (dated in their text), then 000
and 002 with the publication dates their text lacks, into one output.

Usage: check_seed_exports.py NAQSHA SEEDS_DIR GOLDEN_DIR WORKDIR [--update]
"""
import difflib
import os
import shutil
import subprocess
import sys

naqsha, seeds, golden, work = sys.argv[1:5]
update = "--update" in sys.argv
shutil.rmtree(work, ignore_errors=True)
out = os.path.join(work, "out")
RUNS = [
    (["001_7f9b9c3711d5355b.txt", "003_71abac885cfa549a.txt", "004_4892badbc86e319f.txt"], None),
    (["000_c905fdbc4c1957c1.txt"], "2019-01-01"),  # "told VOA Tuesday"
    (["002_b89b20759bfda383.txt"], "2018-05-11"),  # "Local officials said on Friday"
]
for names, published in RUNS:
    args = [naqsha, "-q", "run", "--no-tiles", "--out", out, "--articles"] + [os.path.join(seeds, n) for n in names]
    if published:
        args += ["--published", published]
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {r.returncode}\n{r.stderr}")

failures = 0
for name, golden_name in [("events.csv", "seeds_events.csv"), ("events_ucdp.csv", "seeds_events_ucdp.csv")]:
    with open(os.path.join(out, name), encoding="utf-8") as f:
        written = f.read()
    path = os.path.join(golden, golden_name)
    if update:
        with open(path, "w", encoding="utf-8") as f:
            f.write(written)
        print(f"updated {path}: check every changed field against the codebooks before committing it")
        continue
    with open(path, encoding="utf-8") as f:
        expected = f.read()
    if written != expected:
        failures += 1
        print(f"FAIL {name} differs from {path}:")
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), written.splitlines(True), path, name))
if failures:
    sys.exit(1)
print("seed exports match the golden files")
