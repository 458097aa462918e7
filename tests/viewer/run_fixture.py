#!/usr/bin/env python3
"""`naqsha run` on the five seed reports into a fresh directory, for the viewer and server tests (the
Baharak event with its two sources, contested on 2020-10-21, month slices). The default sample corpus
adds news-dev's items, one of which reports Baharak too. Usage: run_fixture.py NAQSHA SEEDS_DIR OUT_DIR"""
import shutil
import subprocess
import sys

naqsha, seeds, out = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.rmtree(out, ignore_errors=True)
r = subprocess.run([naqsha, "-q", "run", "--articles", seeds, "--out", out], capture_output=True, text=True)
if r.returncode != 0:
    sys.exit(f"naqsha run failed with {r.returncode}: {r.stderr}")
