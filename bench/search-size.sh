#!/usr/bin/env bash
# Search index benchmark: generates archives with ../shared/bench/gen_corpus.py, builds them, and reports
# each language's index size and the bytes that sample queries fetch in headless Chromium (script +
# manifest + shards + result documents, uncompressed; the page itself excluded).
#
#   bench/search-size.sh [PAIRS...]      default: 1000 5000
#
# Needs python3, Maven, Debian's chromium and chromium-driver. Work files go to ${BENCH_DIR:-/tmp/pressroom-search-bench}.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gen="${GEN_CORPUS:-$here/../shared/bench/gen_corpus.py}"
[ -f "$gen" ] || gen=/work/shared/bench/gen_corpus.py
work="${BENCH_DIR:-/tmp/pressroom-search-bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)

cd "$here"
mvn -q -B -o -DskipTests package
mkdir -p "$work"
for n in "${sizes[@]}"; do
  dir="$work/corpus-$n"
  rm -rf "$dir"
  python3 "$gen" "$n" "$dir" >/dev/null
  rm -rf "$dir/ours/templates"
  cp -r "$here/templates" "$dir/ours/templates"
  start=$(date +%s.%N)
  java -jar target/pressroom.jar build --source "$dir/ours" --output "$dir/site" --now 2026-11-01 >/dev/null
  end=$(date +%s.%N)
  echo "### $n pairs (build $(printf '%.1f' "$(echo "$end - $start" | bc)") s)"
  mvn -q -B -o test -Dtest=SearchSizeBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.site="$dir/site" -Dbench.out="$dir/search-size.md" >/dev/null
  cat "$dir/search-size.md"
  echo
done
