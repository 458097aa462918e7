#!/usr/bin/env python3
"""Scores `naqsha extract` on the ISAF development set with the protocol in corpus/README.md.

Each release is extracted as one article (all of them in one NDJSON run). From its events the
primary ones (background false) are compared with the hand-coded labels:

  date      the earliest primary event date (a range by its start) equals start_date
  province  the set of provinces of the primary events equals the labelled province (as a P-code);
            rows labelled '', '??' or with a region name are skipped
  killed    the sum of killed.low over primary events equals min_killed (no events: 0)
  captured  the sum of captured.low over primary events equals min_captured

Usage: score_isaf.py [--naqsha build/naqsha] [--data corpus/isaf-dev/isaf_dev.jsonl]
                     [--failures FIELD] [--check] [--json]
With --check the exit status is 1 when a figure falls below its floor (the goal of issue 3, or
the level reached so far where that is lower).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

GOALS = {"date": 0.92, "province": 0.985, "killed": 0.98, "captured": 0.95}
# What --check enforces: the goal, or the level reached so far where it is lower (see
# docs/extraction.md for why some rows cannot be matched). Raise these as the extractor improves.
FLOORS = {"date": 0.741, "province": 0.991, "killed": 0.983, "captured": 0.933}


def shared_dir(repo):
    return os.environ.get("NAQSHA_SHARED", os.path.join(repo, "..", "shared"))


def province_codes(naqsha, names):
    """Label spelling -> province P-code, read by the gazetteer (one scan of all the labels as
    "<Name> province" lines); None for regions and unknowns."""
    names = sorted(n for n in names if n not in ("", "??"))
    lines, starts, offset = [], [], 0
    for name in names:
        line = " ".join(w[:1].upper() + w[1:] for w in name.split()) + " province.\n"
        starts.append(offset)
        lines.append(line)
        offset += len(line.encode("utf-8"))
    out = subprocess.run([naqsha, "-q", "gazetteer", "scan", "--json"], input="".join(lines),
                         capture_output=True, text=True, check=True).stdout
    codes = {"": None, "??": None}
    for name in names:
        codes[name] = None
    for line in out.splitlines():
        m = json.loads(line)
        i = max(k for k, s in enumerate(starts) if s <= m["begin"])
        if m["begin"] != starts[i]:
            continue  # only a mention of the whole label counts
        provinces = [c for c in m["candidates"] if c["level"] == "province"]
        if provinces and codes[names[i]] is None:
            codes[names[i]] = provinces[0]["pcode"]
    return codes


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--naqsha", default=os.path.join(repo, "build", "naqsha"))
    ap.add_argument("--data", default=os.path.join(shared_dir(repo), "corpus", "isaf-dev", "isaf_dev.jsonl"))
    ap.add_argument("--failures", choices=["date", "province", "killed", "captured"], action="append", default=[],
                    help="print every row this field gets wrong")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure falls below its floor")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    rows = [json.loads(line) for line in open(args.data, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.ndjson")
        with open(articles, "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                f.write(json.dumps({"id": str(i), "text": r["text"]}) + "\n")
        events_path = os.path.join(tmp, "events.ndjson")
        run = subprocess.run([args.naqsha, "-q", "extract", "--format", "ndjson", "-o", events_path, articles],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stderr)
            sys.exit(f"score_isaf: naqsha extract exited with {run.returncode}")
        events = {}
        for line in open(events_path, encoding="utf-8"):
            e = json.loads(line)
            events.setdefault(e["article"], []).append(e)

    labels = {p for r in rows for p in r["labels"]["province"]}
    codes = province_codes(args.naqsha, labels)

    correct = {k: 0 for k in GOALS}
    scored = {k: 0 for k in GOALS}
    failures = {k: [] for k in GOALS}
    for i, r in enumerate(rows):
        lab = r["labels"]
        primary = [e for e in events.get(str(i), []) if not e["background"]]
        # date
        dates = sorted(e["date"] for e in primary if e["date"])
        got = dates[0] if dates else None
        scored["date"] += 1
        if got == lab["start_date"]:
            correct["date"] += 1
        else:
            failures["date"].append((i, lab["start_date"], got))
        # province
        wanted = [codes.get(p) for p in lab["province"]]
        if len(wanted) == 1 and wanted[0]:
            scored["province"] += 1
            got_p = sorted({e["province"]["pcode"] for e in primary if e["province"]})
            if got_p == [wanted[0]]:
                correct["province"] += 1
            else:
                failures["province"].append((i, wanted[0], got_p))
        # killed, captured
        for field, label in (("killed", "min_killed"), ("captured", "min_captured")):
            total = sum(e[field]["low"] for e in primary if e[field])
            scored[field] += 1
            if total == lab[label]:
                correct[field] += 1
            else:
                failures[field].append((i, lab[label], total))

    figures = {k: correct[k] / scored[k] if scored[k] else 0.0 for k in GOALS}
    if args.json:
        print(json.dumps({"rows": len(rows), "scored": scored, "correct": correct, "accuracy": figures}, indent=2))
    else:
        print(f"isaf-dev: {len(rows)} releases")
        for k in GOALS:
            mark = "ok" if figures[k] >= GOALS[k] else "BELOW GOAL"
            print(f"  {k:9s} {correct[k]:4d}/{scored[k]:<4d} {100 * figures[k]:6.2f}%   goal {100 * GOALS[k]:.1f}%  {mark}")
    for field in args.failures:
        print(f"\n{field} failures ({len(failures[field])}):")
        for i, want, got in failures[field]:
            text = " ".join(rows[i]["text"].split())[:160]
            print(f"  #{i}: label {want!r} got {got!r}  | {text}")
    if args.check:
        low = [k for k in GOALS if figures[k] < min(GOALS[k], FLOORS[k])]
        if low:
            sys.exit("score_isaf: below the floor: " + ", ".join(low))


if __name__ == "__main__":
    main()
