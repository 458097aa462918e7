#!/usr/bin/env python3
"""`naqsha run` on the seeds (the default sample corpus) into a fresh directory, for the viewer and
server tests. Usage: run_fixture.py NAQSHA OUT_DIR"""
import shutil
import subprocess
import sys

naqsha, out = sys.argv[1], sys.argv[2]
shutil.rmtree(out, ignore_errors=True)
r = subprocess.run([naqsha, "-q", "run", "--out", out], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit(f"naqsha run failed with {r.returncode}: {r.stderr}")
