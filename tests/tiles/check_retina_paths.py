#!/usr/bin/env python3
"""The --retina paths the docs name are the paths `naqsha tiles --retina` writes (issue 19: the docs
once named {y}@2x.png inside the 256 px slice directory, which the program never wrote).

Reads every path with "@2x" in docs/tiles.md's code blocks and in the --retina line of `naqsha manual`
(the source of docs/cli.md), renders one seed's run with --retina, and checks that each path, with its
placeholders as wildcards, matches at least one file.

Usage: check_retina_paths.py NAQSHA DOCS_TILES_MD SEED_ARTICLE WORKDIR
"""
import glob
import os
import re
import shutil
import subprocess
import sys

naqsha, tiles_md, seed, work = sys.argv[1:5]
shutil.rmtree(work, ignore_errors=True)
out = os.path.join(work, "out")


def run(args):
    r = subprocess.run([naqsha] + args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"naqsha {' '.join(args)}: exit {r.returncode}\n{r.stderr}")


run(["-q", "run", "--no-tiles", "--articles", seed, "--out", out])
run(["-q", "tiles", "--retina", "--zoom", "0-2", "--gpkg", os.path.join(out, "naqsha.gpkg"), "--out", out])


def as_glob(path):
    path = re.sub(r"^(out|OUT)/", "", path)
    path = re.sub(r"<[a-z]+>|\{[a-z]\}", "*", path)
    return os.path.join(out, path)


code_lines, in_code = [], False
with open(tiles_md, encoding="utf-8") as f:
    for line in f:
        if line.startswith("```"):
            in_code = not in_code
        elif in_code:
            code_lines.append(line)
documented = [("docs/tiles.md", line.split()[0]) for line in code_lines
              if line.startswith("out/tiles/") and "@2x" in line.split()[0]]
manual = subprocess.run([naqsha, "manual"], capture_output=True, text=True).stdout
retina_row = next(line for line in manual.splitlines() if line.startswith("| `--retina`"))
documented += [("docs/cli.md", p) for p in re.findall(r"OUT/tiles/\S*@2x\S*?(?=,|\s|$)", retina_row)]

failures = [f"{doc}: {path} matches no file written" for doc, path in documented if not glob.glob(as_glob(path))]
if len([d for d, _ in documented if d == "docs/tiles.md"]) < 5 or len([d for d, _ in documented if d == "docs/cli.md"]) < 3:
    failures.append(f"expected the five --retina paths in docs/tiles.md and three in docs/cli.md, found {documented}")
# and nothing the docs leave out: no 512 px tile outside an @2x directory
stray = [p for p in glob.glob(os.path.join(out, "tiles", "*", "*", "*", "*", "*@2x.png")) if "@2x" not in p.split(os.sep)[-4]]
if stray:
    failures.append(f"@2x tiles outside an @2x slice directory: {stray[:3]}")
for f in failures:
    print("FAIL", f)
if failures:
    sys.exit(1)
print(f"retina paths: {len(documented)} documented paths written")
