#!/usr/bin/env bash
# `naqsha run` on a large synthetic corpus (bench/make_corpus.py), from extraction to layers: wall
# time and peak memory (GNU time), first from scratch, then again on the unchanged corpus (every
# article reused from the store). Goal (docs/benchmarks.md): 100,000 articles in under 60 s and 1 GB.
#   bench/run_bench.sh [ARTICLES] [extra naqsha run options, e.g. --no-tiles]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
shift || true
source bench/corpus.sh
out=$work/run-out
rm -rf "$out"

measure() {
  local label=$1
  shift
  /usr/bin/time -v build/naqsha --quiet run --articles "$corpus" --out "$out" "$@" 2> "$work/time.txt" || {
    cat "$work/time.txt"
    exit 1
  }
  local wall rss cpu
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  cpu=$(grep -E "User time|System time" "$work/time.txt" | awk '{s += $NF} END {printf "%.1f", s}')
  printf '%-28s wall %s   CPU %s s   peak RSS %d MB\n' "$label" "$wall" "$cpu" $((rss / 1024))
}

measure "first run (extract all)" "$@"
measure "second run (all reused)" "$@"
sqlite3 "$out/naqsha.gpkg" "SELECT 'store: ' || (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM mentions) || ' mentions, ' || (SELECT count(*) FROM events) || ' events'"
du -sh "$out"
