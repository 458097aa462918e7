#!/usr/bin/env python3
"""Crash safety of `naqsha run` (docs/reliability.md): SIGKILL at random points of real runs.

Two article sets: A (the corpus seeds plus generated articles) and B (A plus more). The known-good sets
are the output of an uninterrupted run of A (OLD) and of an uninterrupted run of B over it (NEW), every
file's SHA-256 recorded. Then, many times: restore OLD, start `naqsha run` on B, SIGKILL it after a
random delay (spread over the whole run; some exactly when the staging directory is complete and being
flushed and swapped in), and check that
  * the output directory, store included, is exactly OLD or exactly NEW (every file's checksum);
  * the next run completes, leaves no staging directory behind, and its output is exactly NEW.
A few kills also hit a first run into an absent output, which must stay absent or be complete.

    sigkill_run.py --naqsha build/naqsha --work DIR [--kills 20] [--articles 60] [--tiles] [--seed 1]

ctest runs it without tiles: a run then costs about 3 s of CPU instead of 5, which keeps 23 kills near
three minutes on a shared two-core machine. --tiles adds thousands of files to every output, so kills
also land while the previous set is being removed after the swap; worth a run by hand after changing
base/staged_directory.cpp.
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2]
RUN_OPTIONS = ["--slice", "quarter"]  # fewer tile sets and summaries than months: more kills per minute


def manifest(directory):
    """{relative path: sha256} of every file below `directory` (hidden ones too); None when absent."""
    directory = Path(directory)
    if not directory.exists():
        return None
    out = {}
    for root, dirs, files in os.walk(directory):
        for name in files:
            path = Path(root) / name
            h = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            out[str(path.relative_to(directory))] = h.hexdigest()
        if not files and not dirs and Path(root) != directory:
            out[str(Path(root).relative_to(directory)) + "/"] = "empty directory"
    return out


def describe_difference(found, expected):
    if found is None or expected is None:
        return f"found {'nothing' if found is None else len(found)} files, expected {'nothing' if expected is None else len(expected)}"
    missing = sorted(set(expected) - set(found))
    extra = sorted(set(found) - set(expected))
    changed = sorted(k for k in set(found) & set(expected) if found[k] != expected[k])
    return f"{len(missing)} missing {missing[:5]}, {len(extra)} extra {extra[:5]}, {len(changed)} changed {changed[:5]}"


class Runner:
    def __init__(self, naqsha, work, options):
        self.naqsha = naqsha
        self.work = work
        self.options = options
        self.env = dict(os.environ, NAQSHA_CACHE_DIR=str(work / "cache"))

    def command(self, articles, out):
        return [self.naqsha, "-q", "run", "--articles", *map(str, articles), "--out", str(out), *self.options]

    def run(self, articles, out):
        started = time.monotonic()
        process = subprocess.Popen(self.command(articles, out), env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
        self.last_pid = process.pid
        _, err = process.communicate()
        if process.returncode != 0:
            raise SystemExit(f"naqsha run (pid {process.pid}) failed (exit {process.returncode}):\n{err}")
        return time.monotonic() - started

    def start(self, articles, out):
        process = subprocess.Popen(self.command(articles, out), env=self.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        process.started = time.monotonic()
        return process


def staging_dirs(out):
    return sorted(p.name for p in out.parent.glob(out.name + ".naqsha-staging-*"))


def kill_after(process, delay):
    """SIGKILL `delay` seconds after the start; True when the process was still running to be killed."""
    try:
        process.wait(timeout=max(0.0, delay - (time.monotonic() - process.started)))
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return process.returncode == -signal.SIGKILL


def kill_at_swap(process, out, timeout, after_exchange=False):
    """SIGKILL as soon as the staging directory holds the output marker: commit() has begun (flush to
    disk, swap, removal of the previous set). With after_exchange, as soon as the output directory is
    another inode: the swap is done and the previous set is being removed from the staging name."""
    marker = out.parent / f"{out.name}.naqsha-staging-{process.pid}" / ".naqsha-output"
    inode = out.stat().st_ino if after_exchange else None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if out.stat().st_ino != inode if after_exchange else marker.exists():
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.0002 if after_exchange else 0.0005)
    process.wait()
    return process.returncode == -signal.SIGKILL


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--naqsha", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--shared", default=str(SOURCE.parent / "shared"))
    ap.add_argument("--kills", type=int, default=20, help="kills of a run over a previous output")
    ap.add_argument("--first-run-kills", type=int, default=3, help="kills of a run into an absent output")
    ap.add_argument("--articles", type=int, default=60,
                    help="generated articles besides the seeds (a run's cost is mostly layers and tiles, not articles)")
    ap.add_argument("--tiles", action="store_true", help="render tiles in every run (slower; many more files)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    test_started = time.monotonic()
    shared = Path(os.environ.get("NAQSHA_SHARED") or args.shared)
    work = Path(args.work).resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    rng = random.Random(args.seed)
    runner = Runner(str(Path(args.naqsha).resolve()), work, RUN_OPTIONS + ([] if args.tiles else ["--no-tiles"]))

    # The article sets: A = seeds + half the generated articles, B = seeds + all of them.
    generated = work / "generated.ndjson"
    subprocess.run(["/usr/bin/python3", SOURCE / "bench" / "make_corpus.py", "--articles", str(args.articles),
                    "--templates", "seed", "--max-weeks", "8", "--seed", str(args.seed), "--shared", shared,
                    "--out", generated], check=True, stdout=subprocess.DEVNULL)
    lines = generated.read_text(encoding="utf-8").splitlines(keepends=True)
    (work / "a.ndjson").write_text("".join(lines[:len(lines) // 2]), encoding="utf-8")
    seeds = shared / "corpus" / "seeds"
    set_a = [seeds, work / "a.ndjson"]
    set_b = [seeds, generated]

    # The known-good sets, from uninterrupted runs.
    pristine_old = work / "old"
    runner.run(set_a, pristine_old)
    old = manifest(pristine_old)
    reference = work / "reference"
    shutil.copytree(pristine_old, reference, symlinks=True)
    seconds = runner.run(set_b, reference)
    new = manifest(reference)
    fresh = work / "fresh"
    fresh_seconds = runner.run(set_b, fresh)
    new_fresh = manifest(fresh)
    shutil.rmtree(fresh)
    print(f"OLD: {len(old)} files; NEW: {len(new)} files; run of B over OLD {seconds:.1f} s, into nothing "
          f"{fresh_seconds:.1f} s", flush=True)
    if old == new:
        raise SystemExit("the two article sets give the same output: the test would prove nothing")

    # How long a run lasts changes with the machine's load: the kill delays are fractions of the latest
    # runs' durations, measured on the reruns after each kill and on runs that ended before their kill.
    durations = {"old": [seconds], "first-run": [fresh_seconds]}

    def expected(kind):
        recent = durations[kind][-3:]
        return sorted(recent)[len(recent) // 2]

    out = work / "out"
    outcomes = []
    plan = [("spread", i) for i in range(args.kills - args.kills // 4)] + [("swap", i) for i in range(args.kills // 4)]
    plan += [("first-run", i) for i in range(args.first_run_kills)]
    attempts = 0
    while plan:
        kind, i = plan[0]
        attempts += 1
        if attempts > 4 * (args.kills + args.first_run_kills):
            raise SystemExit("too many runs finished before they could be killed")
        shutil.rmtree(out, ignore_errors=True)
        for leftover in staging_dirs(out):
            shutil.rmtree(out.parent / leftover)
        if kind == "first-run":
            before, after, duration = None, new_fresh, expected("first-run")
        else:
            # Hard links: the run must never write into the previous output, and the check below
            # would catch it if it did.
            subprocess.run(["cp", "-al", str(pristine_old), str(out)], check=True)
            before, after, duration = old, new, expected("old")
        process = runner.start(set_b, out)
        if kind == "swap":
            # Alternately as commit() begins and right after the exchange, while the old set is removed.
            after_exchange = i % 2 == 1
            delay = "the removal of the old set" if after_exchange else "the flush"
            killed = kill_at_swap(process, out, timeout=10 * duration, after_exchange=after_exchange)
        else:
            # Stratified: the k-th kill lands in the k-th slice of the run, so they cover all of it.
            count = args.kills - args.kills // 4 if kind == "spread" else args.first_run_kills
            delay = (i + rng.random()) / count * duration
            killed = kill_after(process, delay)
            delay = f"{delay:.2f} s"
        if not killed:
            durations["first-run" if kind == "first-run" else "old"].append(time.monotonic() - process.started)
            print(f"  {kind} {i}: the run finished before the kill at {delay}; again", flush=True)
            continue
        plan.pop(0)
        state = manifest(out)
        if state == before:
            outcome = "old" if before is not None else "absent"
        elif state == after:
            outcome = "new"
        elif state == {} and before is None:
            outcome = "absent"  # an empty directory: nothing was written into it
        else:
            raise SystemExit(f"kill {kind} {i} at {delay}: the output is neither the old nor the new set: "
                             f"{describe_difference(state, before)} (against old); "
                             f"{describe_difference(state, after)} (against new)")
        # The next run completes and gives exactly what an uninterrupted run gives.
        rerun_seconds = runner.run(set_b, out)
        if outcome in ("old", "absent"):
            durations["first-run" if before is None else "old"].append(rerun_seconds)
        final = manifest(out)
        if final != after:
            raise SystemExit(f"kill {kind} {i} at {delay}: the run after it gave other results: "
                             f"{describe_difference(final, after)}")
        leftovers = staging_dirs(out)
        if leftovers:
            contents = {name: sorted(os.listdir(out.parent / name))[:8] for name in leftovers}
            raise SystemExit(f"kill {kind} {i} at {delay} (pid {process.pid}, then pid {runner.last_pid}): "
                             f"staging directories left behind: {contents}")
        outcomes.append((kind, delay, outcome))
        print(f"  {kind} {i}: killed at {delay}: {outcome} set; the next run completed with the new set", flush=True)

    # The runs read the previous output through hard links to the pristine copy: any write into it
    # instead of into the staging directory would show here.
    if manifest(pristine_old) != old:
        raise SystemExit("a run modified the previous output in place")
    summary = {}
    for kind, _, outcome in outcomes:
        summary.setdefault(kind, {}).setdefault(outcome, 0)
        summary[kind][outcome] += 1
    print(f"passed: {len(outcomes)} kills ({attempts} runs started) in {time.monotonic() - test_started:.0f} s: "
          f"{json.dumps(summary)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
