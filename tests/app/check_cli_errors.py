#!/usr/bin/env python3
"""Errors and options as a new user meets them (issue 19), one row per case:
the arguments, the exit code docs/cli.md#exit-codes promises, and what the output must say.

Usage: check_cli_errors.py NAQSHA SHARED_DIR WORKDIR
"""
import os
import re
import shutil
import subprocess
import sys

naqsha, shared, work = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
empty = os.path.join(work, "empty")
os.makedirs(empty)
never = os.path.join(work, "never")  # an output no failing command may create
never_file = os.path.join(work, "never.ndjson")

# (arguments, exit code, regular expression the stdout+stderr must match)
ROWS = [
    # --data: the shared folder, as the README says, or its gazetteer-data/
    (["--data", shared, "gazetteer", "stats"], 0, r"districts +399"),
    (["--data", os.path.join(shared, "gazetteer-data"), "gazetteer", "stats"], 0, r"districts +399"),
    (["--data", "/nonexistent", "gazetteer", "stats"], 3, r"/nonexistent/ocha-agcho-2018/.*: file not found"),
    # global options after the command as well as before it
    (["gazetteer", "stats", "--data", shared], 0, r"districts +399"),
    (["gazetteer", "lookup", "Baharak", "--province", "Takhar", "-q"], 0, r"AF1803"),
    (["gazetteer", "lookup", "Baharak", "-v", "--cache-dir", os.path.join(work, "cache")], 0, r"AF1803"),
    # inputs without a single article: said, with their own exit code, and nothing written
    (["run", "--articles", empty, "--out", never, "--no-tiles"], 9, r"no article found in " + re.escape(empty)),
    (["extract", empty, "-o", never_file], 9, r"no article found in " + re.escape(empty)),
    # an input path that names nothing is a bad argument
    (["tiles", "--gpkg", os.path.join(work, "missing.gpkg"), "--out", os.path.join(work, "tiles-out")], 2,
     r"--gpkg .*missing\.gpkg: no such file"),
    # misspelt options and commands: the nearest declared names
    (["run", "--artcles", empty], 2, r"--artcles: did you mean --articles\?"),
    (["run", "--articles", empty, "--outt", never], 2, r"--outt: did you mean --out\?"),
    (["extrct", empty], 2, r"extrct: did you mean extract\?"),
    (["gazetteer", "lookup", "Baharak", "--provnce", "Takhar"], 2, r"--provnce: did you mean --province\?"),
    (["tiles", "--retnia"], 2, r"--retnia: did you mean --retina\?"),
    (["run", "--qiet"], 2, r"--qiet: did you mean --quiet\?"),
    # one thread option: -j,--jobs, 0 for every core; tiles --threads still read, and named deprecated
    (["tiles", "--threads", "1", "--gpkg", os.path.join(work, "missing.gpkg"), "--out", os.path.join(work, "tiles-out")], 2,
     r"--threads is deprecated; use -j/--jobs"),
    (["tiles", "-j", "300"], 2, r"-j"),
]

failures = 0
for args, code, pattern in ROWS:
    r = subprocess.run([naqsha] + args, capture_output=True, text=True)
    output = r.stdout + r.stderr
    problems = []
    if r.returncode != code:
        problems.append(f"exit {r.returncode}, expected {code}")
    if not re.search(pattern, output):
        problems.append(f"output does not match {pattern!r}")
    for path in [never, never_file]:
        if os.path.exists(path):
            problems.append(f"{path} was created")
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    if problems:
        failures += 1
        print(f"FAIL naqsha {' '.join(args)}: {'; '.join(problems)}\n{output.strip()}\n")

# Every command that starts threads calls the option -j,--jobs with the default 0 (every core).
manual = subprocess.run([naqsha, "manual"], capture_output=True, text=True).stdout
for command in ["run", "extract", "tiles"]:
    section = manual.split(f"## `naqsha {command}`")[1].split("\n## ")[0]
    row = re.search(r"^\| `-j,--jobs UINT:UINT in \[0 - 256\]` \| [^|]*\(0: every core\)[^|]*\| `0` \|$", section, re.M)
    if not row:
        failures += 1
        print(f"FAIL naqsha {command}: no -j,--jobs row with range 0-256 and default 0 in the manual")
    if "--threads" in section:
        failures += 1
        print(f"FAIL naqsha {command}: the deprecated --threads is listed in the manual")

if failures:
    print(f"{failures} check(s) failed")
    sys.exit(1)
print(f"cli errors and options: {len(ROWS) + 3} checks passed")
