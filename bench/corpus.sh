# Sourced by the bench scripts: sets $work (build/bench) and $corpus, the synthetic corpus of $n
# articles (bench/make_corpus.py), built once and kept under build/ (derived from ../shared: never
# committed).
work=build/bench
mkdir -p "$work"
corpus=$work/corpus-$n.jsonl
if [[ ! -f $corpus ]]; then
  echo "== building $corpus"
  /usr/bin/python3 bench/make_corpus.py --articles "$n" --out "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
echo "== corpus: $n articles, $(du -m "$corpus" | cut -f1) MB"
