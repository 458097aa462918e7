#!/usr/bin/env python3
"""Scores `naqsha extract` on the labelled news items of news-dev under the protocol in
corpus/news-codebook.md ("How naqsha is scored on a set of items").

Every item is one article whose publication date is the item's `date`. naqsha's primary events
(background false) are compared with the labelled primary incidents:

  detection  an item with labelled incidents and at least one event is a hit; an item without
             labelled incidents but with events is a false alarm (precision and recall)
  non-Afghan items labelled non_afghan that get events (the goal is none)
  date       (hits) the earliest event date is the earliest labelled date, or one of its date_alt
  province   (hits whose labels name provinces) the set of event provinces equals the labelled set
  district   (each labelled incident with a district) some event of the item has that district,
             reported in all and by district_from
  killed     (hits) the sum of killed.low over events equals the sum of labelled killed (null = 0)
  control    (labelled seizure, withdrawal, recapture) an event of the same direction in the same
             district (or province where no district is labelled) within 2 days: recall, and the
             precision of naqsha's control events

Usage: score_news.py [--naqsha build/naqsha] [--corpus DIR] [--split all|work|check]
                     [--failures FIELD] [--check] [--json]

--split: `check` is a fixed third of the labelled items (chosen by a hash of the line number)
that rule writing does not look at, so that a change can be scored on items it was not fitted to;
`work` is the rest. With --check the exit status is 1 when a figure falls below its floor.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile

FIELDS = ["precision", "recall", "date", "province", "district", "killed", "control_recall", "control_precision"]
GOALS = {"precision": 0.97, "recall": 0.95, "date": 0.98, "province": 0.97, "district": 0.95, "killed": 0.95,
         "control_recall": 1.0, "control_precision": 1.0}
# What --check enforces on the whole labelled set: just under the level reached (docs/extraction.md),
# so that a change that loses ground fails. Raise these as the extractor improves.
FLOORS = {"precision": 0.97, "recall": 0.985, "date": 0.985, "province": 0.99, "district": 0.97, "killed": 0.995,
          "control_recall": 0.99, "control_precision": 0.99}
# Items labelled non_afghan that may get events before --check fails (the goal is none).
NON_AFGHAN_CEILING = 0

GAINS = {"seizure": "taliban", "withdrawal": "taliban", "recapture": "government"}


def shared_dir(repo):
    return os.environ.get("NAQSHA_SHARED", os.path.join(repo, "..", "shared"))


def in_check_split(line):
    # Knuth's multiplicative hash spreads neighbouring lines (and so years) over both halves.
    return (line * 2654435761) % (1 << 32) % 3 == 0


def day(iso):
    return datetime.date.fromisoformat(iso)


def event_gain(e):
    """Who gains the place an event says changed hands: its `control`, null when it names no side."""
    if e["type"] in ("district_seizure", "withdrawal", "government_recapture"):
        return e.get("control") or None
    return None


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--naqsha", default=os.path.join(repo, "build", "naqsha"))
    ap.add_argument("--corpus", default=os.path.join(shared_dir(repo), "corpus", "news-dev"))
    ap.add_argument("--split", choices=["all", "work", "check"], default="all")
    ap.add_argument("--failures", action="append", default=[],
                    choices=["detection", "non_afghan", "date", "province", "district", "killed", "control"],
                    help="print every item this field gets wrong")
    ap.add_argument("--check", action="store_true", help="exit 1 when a figure falls below its floor")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    items = [json.loads(line) for line in open(os.path.join(args.corpus, "items.jsonl"), encoding="utf-8")]
    labels = [json.loads(line) for line in open(os.path.join(args.corpus, "labels.jsonl"), encoding="utf-8") if line.strip()]
    if args.split != "all":
        labels = [r for r in labels if in_check_split(r["line"]) == (args.split == "check")]

    with tempfile.TemporaryDirectory() as tmp:
        articles = os.path.join(tmp, "articles.ndjson")
        with open(articles, "w", encoding="utf-8") as f:
            for r in labels:
                item = items[r["line"] - 1]
                f.write(json.dumps({"id": str(r["line"]), "published": item["date"], "text": item["text"]}) + "\n")
        events_path = os.path.join(tmp, "events.ndjson")
        run = subprocess.run([args.naqsha, "-q", "extract", "--format", "ndjson", "-o", events_path, articles],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sys.stderr.write(run.stderr)
            sys.exit(f"score_news: naqsha extract exited with {run.returncode}")
        events = {}
        for line in open(events_path, encoding="utf-8"):
            e = json.loads(line)
            events.setdefault(int(e["article"]), []).append(e)

    hits = misses = false_alarms = 0
    correct = {k: 0 for k in ("date", "province", "district", "killed")}
    scored = {k: 0 for k in ("date", "province", "district", "killed")}
    district_by = {}
    control_found = control_labelled = 0
    control_events = control_real = 0
    non_afghan_items = non_afghan_with_events = 0
    failures = {k: [] for k in ("detection", "non_afghan", "date", "province", "district", "killed", "control")}

    for r in labels:
        line = r["line"]
        incidents = [i for i in r["incidents"] if not i["background"]]
        primary = [e for e in events.get(line, []) if not e["background"]]
        if r["non_afghan"]:
            non_afghan_items += 1
            if primary:
                non_afghan_with_events += 1
                failures["non_afghan"].append((line, "no events", f"{len(primary)} events"))
        if incidents and primary:
            hits += 1
        elif incidents:
            misses += 1
            failures["detection"].append((line, f"{len(incidents)} incidents", "no event"))
        elif primary:
            false_alarms += 1
            failures["detection"].append((line, "no incident", f"{len(primary)} events"))

        # district: every labelled incident with a district, hit or not
        got_districts = {e["district"]["pcode"] for e in primary if e["district"]}
        for inc in incidents:
            if not inc["district"]:
                continue
            source = inc["district_from"] or "district"
            by = district_by.setdefault(source, [0, 0])
            by[1] += 1
            scored["district"] += 1
            if inc["district"] in got_districts:
                by[0] += 1
                correct["district"] += 1
            else:
                failures["district"].append((line, f"{inc['district']} ({source})", sorted(got_districts)))

        # control: recall over labelled changes
        for inc in incidents:
            gain = GAINS.get(inc["type"])
            if not gain:
                continue
            control_labelled += 1
            found = False
            for e in primary:
                if event_gain(e) != gain or not e["date"]:
                    continue
                if abs((day(e["date"]) - day(inc["date"])).days) > 2:
                    continue
                if inc["district"]:
                    found = found or (e["district"] and e["district"]["pcode"] == inc["district"])
                else:
                    found = found or (e["province"] and e["province"]["pcode"] == inc["province"])
            if found:
                control_found += 1
            else:
                failures["control"].append((line, f"{inc['type']} {inc['district'] or inc['province']} {inc['date']}",
                                            [(e["type"], (e["district"] or e["province"] or {}).get("pcode")) for e in primary]))
        # control: precision over naqsha's control events
        for e in primary:
            gain = event_gain(e)
            if not gain:
                continue
            control_events += 1
            real = False
            for inc in incidents:
                if GAINS.get(inc["type"]) != gain or not e["date"]:
                    continue
                if abs((day(e["date"]) - day(inc["date"])).days) > 2:
                    continue
                if inc["district"]:
                    real = real or (e["district"] and e["district"]["pcode"] == inc["district"])
                else:
                    real = real or (e["province"] and e["province"]["pcode"] == inc["province"])
            if real:
                control_real += 1
            else:
                failures["control"].append((line, "no such change", f"{e['type']} {(e['district'] or e['province'] or {}).get('pcode')}"))

        if not (incidents and primary):
            continue
        # date
        scored["date"] += 1
        first = min(i["date"] for i in incidents)
        allowed = {first}
        for i in incidents:
            if i["date"] == first:
                allowed.update(i["date_alt"])
        got_dates = sorted(e["date"] for e in primary if e["date"])
        if got_dates and got_dates[0] in allowed:
            correct["date"] += 1
        else:
            failures["date"].append((line, sorted(allowed), got_dates[0] if got_dates else None))
        # province
        wanted = sorted({i["province"] for i in incidents if i["province"]})
        if wanted:
            scored["province"] += 1
            got = sorted({e["province"]["pcode"] for e in primary if e["province"]})
            if got == wanted:
                correct["province"] += 1
            else:
                failures["province"].append((line, wanted, got))
        # killed
        scored["killed"] += 1
        want_k = sum(i["killed"] or 0 for i in incidents)
        got_k = sum(e["killed"]["low"] for e in primary if e["killed"])
        if want_k == got_k:
            correct["killed"] += 1
        else:
            failures["killed"].append((line, want_k, got_k))

    def share(a, b):
        return a / b if b else 0.0

    figures = {
        "precision": share(hits, hits + false_alarms),
        "recall": share(hits, hits + misses),
        "date": share(correct["date"], scored["date"]),
        "province": share(correct["province"], scored["province"]),
        "district": share(correct["district"], scored["district"]),
        "killed": share(correct["killed"], scored["killed"]),
        "control_recall": share(control_found, control_labelled),
        "control_precision": share(control_real, control_events),
    }
    counts = {
        "items": len(labels), "hits": hits, "misses": misses, "false_alarms": false_alarms,
        "scored": scored, "correct": correct,
        "district_by": {k: {"correct": v[0], "of": v[1]} for k, v in sorted(district_by.items())},
        "control": {"found": control_found, "labelled": control_labelled, "real": control_real, "events": control_events},
        "non_afghan": {"items": non_afghan_items, "with_events": non_afghan_with_events},
    }
    if args.json:
        print(json.dumps({"split": args.split, "counts": counts, "figures": figures}, indent=2))
    else:
        print(f"news-dev ({args.split}): {len(labels)} labelled items")
        rows = [
            ("detection P", f"{hits}/{hits + false_alarms}", figures["precision"], "precision"),
            ("detection R", f"{hits}/{hits + misses}", figures["recall"], "recall"),
            ("date", f"{correct['date']}/{scored['date']}", figures["date"], "date"),
            ("province", f"{correct['province']}/{scored['province']}", figures["province"], "province"),
            ("district", f"{correct['district']}/{scored['district']}", figures["district"], "district"),
            ("killed", f"{correct['killed']}/{scored['killed']}", figures["killed"], "killed"),
            ("control R", f"{control_found}/{control_labelled}", figures["control_recall"], "control_recall"),
            ("control P", f"{control_real}/{control_events}", figures["control_precision"], "control_precision"),
        ]
        for name, frac, value, key in rows:
            print(f"  {name:12s} {frac:>9s} {100 * value:6.1f}%   goal {100 * GOALS[key]:.0f}%")
        for source, (c, n) in sorted(district_by.items()):
            print(f"    district from {source:9s} {c}/{n}")
        print(f"  non-Afghan items with events: {non_afghan_with_events} of {non_afghan_items}")
    for field in args.failures:
        print(f"\n{field} failures ({len(failures[field])}):")
        for line, want, got in failures[field]:
            text = " ".join(items[line - 1]["text"].split())[:200]
            print(f"  line {line}: want {want} got {got}\n      {text}")
    if args.check:
        low = [k for k in FIELDS if figures[k] < FLOORS[k]]
        if non_afghan_with_events > NON_AFGHAN_CEILING:
            low.append("non-Afghan items with events")
        if low:
            sys.exit("score_news: below the floor: " + ", ".join(low))


if __name__ == "__main__":
    main()
