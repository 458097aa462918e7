#!/usr/bin/env python3
"""Runs one fuzz harness: --replay (builds without libFuzzer: every seed and regression input once),
--short (the test suite's run: a fixed random seed, a few seconds) or --long (scripts/fuzz: a
persistent corpus, millions of executions, final statistics printed for docs/reliability.md)."""
import argparse
import collections
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_seeds  # noqa: E402

HERE = Path(__file__).resolve().parent

# Per harness: the largest input worth trying (bytes) and the per-input time limit (s, sanitizers on).
HARNESSES = {
    "gazetteer_names": {"max_len": 1024, "timeout": 10},
    "article_reader": {"max_len": 16384, "timeout": 20},
    "extractor": {"max_len": 16384, "timeout": 30},
    "ndjson": {"max_len": 16384, "timeout": 20},
}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--replay", action="store_true")
    mode.add_argument("--short", action="store_true")
    mode.add_argument("--long", action="store_true")
    ap.add_argument("--harness", required=True, choices=sorted(HARNESSES))
    ap.add_argument("--binary", required=True)
    ap.add_argument("--work", required=True, help="working directory (seeds, corpus, crash inputs)")
    ap.add_argument("--shared", help="the shared data directory configured at build time")
    ap.add_argument("--runs", type=int, default=20000)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--summary", help="append the one-line result to this file")
    ap.add_argument("--seed", type=int, default=1, help="libFuzzer's random seed (0: from the clock)")
    args = ap.parse_args()

    options = HARNESSES[args.harness]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    seeds = work / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    count = fuzz_seeds.generate(args.harness, seeds, args.shared)
    committed = [d for d in (HERE / "seeds" / args.harness, HERE / "regressions" / args.harness) if d.is_dir()]
    print(f"{args.harness}: {count} corpus seeds, committed inputs from {', '.join(map(str, committed)) or 'none'}",
          flush=True)

    if args.replay:
        return subprocess.call([args.binary, *map(str, committed), str(seeds)])

    corpus = work / "corpus"
    if args.short:
        shutil.rmtree(corpus, ignore_errors=True)  # each test run starts from the seeds alone
    corpus.mkdir(exist_ok=True)
    crashes = work / "crashes"
    crashes.mkdir(exist_ok=True)
    command = [args.binary,
               f"-runs={args.runs}", f"-max_total_time={args.seconds}", f"-seed={args.seed}",
               f"-max_len={options['max_len']}", f"-timeout={options['timeout']}", "-rss_limit_mb=2560",
               f"-artifact_prefix={crashes}/", "-print_final_stats=1"]
    dictionary = HERE / "dict" / f"{args.harness}.dict"
    if dictionary.exists():
        command.append(f"-dict={dictionary}")
    command += [str(corpus), *map(str, committed), str(seeds)]
    print(" ".join(command), flush=True)
    started = time.monotonic()
    # Streamed (a long run reports progress as it goes); the statistics are parsed from the tail.
    tail = collections.deque(maxlen=400)
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, errors="replace") as fuzzer:
        for line in fuzzer.stderr:
            tail.append(line)
            if not args.short or not line.startswith(("#", "INFO:")):
                sys.stderr.write(line)
    returncode = fuzzer.returncode
    elapsed = time.monotonic() - started
    log = "".join(tail)
    stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", log, re.M))
    done = re.findall(r"^#\d+\s+DONE\s+cov: (\d+) ft: (\d+) corp: (\d+)", log, re.M)
    if stats:
        cov, features, corpus_size = done[-1] if done else ("?", "?", "?")
        summary = (f"{args.harness}: {stats.get('number_of_executed_units')} executions, "
                   f"{stats.get('average_exec_per_sec')} exec/s, {elapsed:.0f} s, coverage {cov} edges / "
                   f"{features} features, corpus {corpus_size} inputs, slowest input "
                   f"{stats.get('slowest_unit_time_sec')} s, peak RSS {stats.get('peak_rss_mb')} MB")
        print(summary, flush=True)
        if args.summary:
            with open(args.summary, "a") as f:
                f.write(summary + ("" if returncode == 0 else f" FAILED exit {returncode}") + "\n")
    if returncode != 0:
        found = sorted(crashes.iterdir())
        print(f"{args.harness}: FAILED (exit {returncode}); inputs kept: {', '.join(map(str, found))}",
              flush=True)
    return returncode


if __name__ == "__main__":
    sys.exit(main())
