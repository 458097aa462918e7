#!/usr/bin/env bash
# Extraction speed on one core (docs/benchmarks.md): extraction and place resolution of a corpus of
# at least 100 MB (bench/make_corpus.py, from the seeds and the ISAF releases) by bench_extract,
# side by side with the floor: one pass of `grep -F -f` over the same corpus with the gazetteer's
# name list. Goal: >= 20 MB/s.
#   bench/extract_bench.sh [ARTICLES]      default 110,000 articles (about 103 MB of NDJSON, 95 MB of text)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-110000}
source bench/corpus.sh

# Pinned to one core; the rates are per second of the benchmark thread's own CPU time.
taskset -c 0 build/bench/bench_extract --names "$work/gazetteer-names.txt" "$corpus" | tee "$work/extract.txt"

cat "$corpus" > /dev/null # the file cache is warm for both
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$work/grep-time.txt" \
  taskset -c 0 grep -F -c -f "$work/gazetteer-names.txt" "$corpus" > "$work/grep-count.txt" || true
end=$(date +%s.%N)
read -r user sys < "$work/grep-time.txt"
mb=$(du -m --apparent-size "$corpus" | cut -f1)
awk -v mb="$mb" -v u="$user" -v s="$sys" -v w="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" -v lines="$(cat "$work/grep-count.txt")" \
  'BEGIN { printf "grep -F -f names      %.2f CPU s (%.2f wall), %.1f MB/s over %d MB, %d matching lines\n", u + s, w, mb / (u + s), mb, lines }'
