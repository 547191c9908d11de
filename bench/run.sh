#!/usr/bin/env bash
# Pressroom build benchmark: generates synthetic archives with the shared generator and times
# clean builds and rebuilds with /usr/bin/time (wall, CPU, peak RSS).
#
#   bench/run.sh [N ...]        default: 1000 5000
#
# Environment: SHARED (default ../shared beside the project), WORK (default /tmp/pressroom-bench),
# JAVA_OPTS (extra JVM options, e.g. -Xmx1g), RUNS (runs per measurement, default 3; the median is shown).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
work="${WORK:-/tmp/pressroom-bench}"
runs="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

(cd "$here" && mvn -q -B -DskipTests package)
jar="$here/target/pressroom.jar"

# one measurement: prints "wall cpu rss_kb"
measure() {
  local log; log="$(mktemp)"
  /usr/bin/time -f '%e %U %S %M' -o "$log" java ${JAVA_OPTS:-} -jar "$jar" build --source "$1" --now 2026-11-01 >/dev/null
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$log"
  rm -f "$log"
}

# median of RUNS measurements of a command that prepares the change before each run
median_of() {
  local prepare="$1" src="$2"; local rows=()
  for _ in $(seq "$runs"); do
    eval "$prepare"
    rows+=("$(measure "$src")")
  done
  printf '%s\n' "${rows[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)'
}

printf '| pairs | scenario | wall s | CPU s | peak RSS MB | pages | pages/s |\n|---:|---|---:|---:|---:|---:|---:|\n'
for n in "${sizes[@]}"; do
  dir="$work/$n"
  if [ ! -d "$dir/ours/content" ]; then
    rm -rf "$dir"
    python3 "$shared/bench/gen_corpus.py" "$n" "$dir" >/dev/null
  fi
  src="$dir/ours"
  rm -rf "$src/templates" && cp -r "$here/templates" "$src/templates"
  first="$(find "$src/content/releases" -name '*.ko.md' | sort | head -1)"
  cp "$first" "$dir/first.ko.md.orig"
  pages() { find "$src/site" -name '*.html' | wc -l; }
  row() {
    read -r wall cpu rss <<<"$2"
    local p; p="$(pages)"
    awk -v n="$n" -v s="$1" -v w="$wall" -v c="$cpu" -v r="$rss" -v p="$p" \
      'BEGIN { printf "| %d | %s | %.2f | %.2f | %.0f | %d | %.0f |\n", n, s, w, c, r / 1024, p, p / w }'
  }
  row "clean build" "$(median_of "rm -rf '$src/site' '$src/.pressroom'" "$src")"
  row "no-change rebuild" "$(median_of ":" "$src")"
  row "one release edited" "$(median_of "cp '$dir/first.ko.md.orig' '$first'; printf '\nEdited %s.\n' \$RANDOM >> '$first'" "$src")"
  row "one template edited" "$(median_of "printf '<#-- %s -->\n' \$RANDOM >> '$src/templates/release.ftlh'" "$src")"
  cp "$dir/first.ko.md.orig" "$first"
done
