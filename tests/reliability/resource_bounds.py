#!/usr/bin/env python3
"""Resource bounds (docs/reliability.md): what naqsha promises about memory as the input grows.

  extract_memory_flat   peak RSS of `naqsha extract` over N and 8N articles: the readers stream, so the
                        larger corpus may not need much more memory than the small one
  run_memory_bounded    the same for `naqsha run --no-tiles`, which keeps every event of the store in
                        memory: growth is allowed, but well below proportional
  article_size_limit    an article over max_article_bytes (extract/article.hpp), as a text file and as
                        an NDJSON line, is rejected with a message naming it; one at the limit is read;
                        the rest of the batch goes on (exit 1)

The corpora are generated at run time under --work from the seeds and ISAF press releases
(bench/make_corpus.py) and never committed.

    resource_bounds.py --naqsha build/naqsha --work DIR NAME     run one check (ctest runs each separately)
    resource_bounds.py --list                                    the check names
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from checklist import EXIT_PARTIAL, EXIT_SUCCESS, SOURCE, Checklist, check, main

SMALL = 400         # articles in the small corpus; the large one has 8 times as many
MB = 1024 * 1024
bound = Checklist()


def max_article_bytes():
    """The limit as extract/article.hpp states it, so the test follows the header."""
    header = (SOURCE / "extract" / "article.hpp").read_text()
    expression = re.search(r"max_article_bytes\s*=\s*([0-9\s*]+);", header).group(1)
    value = 1
    for factor in expression.split("*"):
        value *= int(factor)
    return value


class Context:
    def __init__(self, naqsha, work, shared):
        self.naqsha = str(Path(naqsha).resolve())
        self.work = Path(work).resolve()
        self.shared = Path(shared).resolve()
        self.cache = self.work / "cache"

    def measure(self, *args, expect=EXIT_SUCCESS):
        """Runs naqsha; returns (peak RSS in bytes, seconds, stderr). os.wait4 gives this child's own
        rusage (RUSAGE_CHILDREN would be the maximum over every child so far)."""
        command = [self.naqsha, "--cache-dir", str(self.cache), *map(str, args)]
        started = time.monotonic()
        with open(self.work / "stderr.txt", "w+b") as err:
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        seconds = time.monotonic() - started
        peak = usage.ru_maxrss * 1024  # kilobytes on Linux
        print("$", " ".join(command), f"-> exit {process.returncode}, {peak / MB:.1f} MB peak, {seconds:.1f} s")
        check(process.returncode == expect, f"expected exit {expect}, got {process.returncode}\n{stderr[-2000:]}")
        return peak, seconds, stderr

    def corpora(self):
        """NDJSON corpora of SMALL and 8 * SMALL articles (the small one the first lines of the large)."""
        large = self.work / "large.ndjson"
        subprocess.run(["/usr/bin/python3", SOURCE / "bench" / "make_corpus.py", "--articles", str(8 * SMALL),
                        "--seed", "7", "--shared", self.shared, "--out", large], check=True, stdout=subprocess.DEVNULL)
        small = self.work / "small.ndjson"
        with open(large, encoding="utf-8") as f, open(small, "w", encoding="utf-8") as out:
            for _ in range(SMALL):
                out.write(f.readline())
        return small, large


def check_flat(name, small, large, allowed_ratio, floor):
    """`large` (8 times the input) may exceed `small` by `allowed_ratio`, or by `floor` bytes, whichever
    is more: below the floor, allocator and page-cache noise would decide the ratio."""
    ratio = large / small
    print(f"{name}: peak RSS {small / MB:.1f} MB for {SMALL} articles, {large / MB:.1f} MB for {8 * SMALL} "
          f"(x{ratio:.2f}; allowed x{allowed_ratio} or +{floor / MB:.0f} MB)")
    check(large <= max(small * allowed_ratio, small + floor),
          f"{name}: peak memory grows with the corpus: {small / MB:.1f} MB -> {large / MB:.1f} MB for 8x the articles")


@bound
def extract_memory_flat(ctx):
    small, large = ctx.corpora()
    ctx.measure("-q", "extract", "-o", ctx.work / "warm.ndjson", small)  # builds the gazetteer cache
    peaks = [ctx.measure("-q", "extract", "-o", ctx.work / "events.ndjson", corpus)[0] for corpus in (small, large)]
    check_flat("naqsha extract", *peaks, allowed_ratio=1.5, floor=16 * MB)


@bound
def run_memory_bounded(ctx):
    small, large = ctx.corpora()
    peaks = []
    for corpus in (small, large):
        out = ctx.work / ("out-" + corpus.stem)
        peaks.append(ctx.measure("-q", "run", "--articles", corpus, "--out", out, "--no-tiles", "--fresh")[0])
    check_flat("naqsha run --no-tiles", *peaks, allowed_ratio=1.5, floor=32 * MB)


@bound
def article_size_limit(ctx):
    limit = max_article_bytes()
    sentence = "Taliban fighters attacked a checkpoint in Kunduz province on Monday. "
    text = (sentence * (limit // len(sentence) + 1))[:limit]
    batch = ctx.work / "batch"
    batch.mkdir()
    shutil.copytree(ctx.shared / "corpus" / "seeds", batch / "seeds")
    (batch / "at_limit.txt").write_text(text, encoding="ascii")
    (batch / "over_limit.txt").write_text(text + "x", encoding="ascii")
    # As NDJSON: the line stays under the line limit, the decoded text is one byte over.
    with open(batch / "lines.ndjson", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "before", "text": sentence}) + "\n")
        f.write(json.dumps({"id": "over", "text": text + "x"}) + "\n")
        f.write(json.dumps({"id": "after", "text": sentence}) + "\n")
    for command in (["extract", "-o", ctx.work / "events.ndjson", batch],
                    ["run", "--articles", batch, "--out", ctx.work / "out", "--no-tiles"]):
        _, _, err = ctx.measure("-q", *command, expect=EXIT_PARTIAL)
        rejected = [line for line in err.splitlines() if "rejected" in line and line.startswith("naqsha: ")]
        for where in (batch / "over_limit.txt", f"{batch / 'lines.ndjson'}:2"):
            check(any(f"{where}: " in line for line in rejected), f"{command[0]}: {where} is not named as too large:\n{err}")
        check(len(rejected) == 2, f"{command[0]}: other inputs were rejected too:\n{err}")
        check(str(batch / "at_limit.txt") not in err, f"{command[0]}: an article at the limit was rejected")
    articles = {json.loads(line)["article"] for line in (ctx.work / "events.ndjson").read_text().splitlines()}
    check({"at_limit", "before", "after"} <= articles, f"events missing: only {sorted(articles)}")


if __name__ == "__main__":
    sys.exit(main(bound, __doc__, Context))
