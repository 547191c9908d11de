#!/usr/bin/env bash
# Pressroom build benchmark: generates synthetic archives with the shared generator and times
# clean builds and rebuilds with /usr/bin/time (wall, CPU, peak RSS).
#
#   bench/run.sh [N ...]        default: 1000 5000
#
# Environment: SHARED (default ../shared beside the project), WORK (default /tmp/pressroom-bench),
# RUNS (runs per measurement, default 3; the median is shown), CMD (the build command, default the
# ./pressroom launcher; e.g. CMD="java -jar /tmp/old/pressroom.jar" to measure an older version in the
# same run), PRESSROOM_JAVA_OPTS (extra JVM options for the launcher, e.g. -Xmx1g), LABEL (a name
# for the command in the table), SCENARIOS (default "clean nochange edit template"), KEEP_OLD_SITES
# (set: the old sites moved aside before clean builds are left under WORK, not deleted at the end).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$here/../shared}"
work="${WORK:-/tmp/pressroom-bench}"
runs="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

(cd "$here" && mvn -q -B -DskipTests package)
cmd="${CMD:-$here/pressroom}"
label="${LABEL:-$(basename "${cmd%% *}")}"
scenarios=" ${SCENARIOS:-clean nochange edit template} "

# one measurement: prints "wall cpu rss_kb"
measure() {
  local log; log="$(mktemp)"
  /usr/bin/time -f '%e %U %S %M' -o "$log" $cmd build --source "$1" --now 2026-11-01 >/dev/null
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

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(free -h | awk '/^Mem:/ { print $2 }') RAM, load average$(uptime | sed 's/.*load average//')"
java -version 2>&1 | head -1
echo "command: $cmd ${PRESSROOM_JAVA_OPTS:-}"
printf '| command | pairs | scenario | wall s | CPU s | peak RSS MB | pages | pages/s |\n|---|---:|---|---:|---:|---:|---:|---:|\n'
for n in "${sizes[@]}"; do
  dir="$work/$n"
  if [ ! -d "$dir/ours/content" ]; then
    rm -rf "$dir"
    python3 "$shared/bench/gen_corpus.py" "$n" "$dir" >/dev/null
  fi
  src="$dir/ours"
  rm -rf "$src/templates" && cp -r "$here/templates" "$src/templates"
  first="$(find "$src/content/releases" -name '*.ko.md' | sort | sed -n 1p)"
  cp "$first" "$dir/first.ko.md.orig"
  pages() { find "$src/site" -name '*.html' | wc -l; }
  row() {
    read -r wall cpu rss <<<"$2"
    local p; p="$(pages)"
    awk -v n="$n" -v s="$1" -v w="$wall" -v c="$cpu" -v r="$rss" -v p="$p" \
      -v l="$label" 'BEGIN { printf "| %s | %d | %s | %.2f | %.2f | %.0f | %d | %.0f |\n", l, n, s, w, c, r / 1024, p, p / w }'
  }
  # the old site is moved aside, not deleted, before a clean build (deleting is not what is measured)
  [[ $scenarios != *" clean "* ]] || row "clean build" "$(median_of "[ ! -d '$src/site' ] || mv '$src/site' \"$dir/trash-\$RANDOM\$RANDOM\"; rm -rf '$src/.pressroom'" "$src")"
  [ -d "$src/site" ] || measure "$src" >/dev/null
  [[ $scenarios != *" nochange "* ]] || row "no-change rebuild" "$(median_of ":" "$src")"
  [[ $scenarios != *" edit "* ]] || row "one release edited" "$(median_of "cp '$dir/first.ko.md.orig' '$first'; printf '\nEdited %s.\n' \$RANDOM >> '$first'" "$src")"
  [[ $scenarios != *" template "* ]] || row "one template edited" "$(median_of "printf '<#-- %s -->\n' \$RANDOM >> '$src/templates/release.ftlh'" "$src")"
  cp "$dir/first.ko.md.orig" "$first"
done
# old sites are deleted only now: on ext4, creating files soon after deleting many is slow (the
# allocator skips recently freed inodes), which would slow the next clean builds measured; on this
# machine's disk that lasts minutes (BENCHMARKS.md). KEEP_OLD_SITES=1 leaves them, for a series of runs.
[ -n "${KEEP_OLD_SITES:-}" ] || for n in "${sizes[@]}"; do rm -rf "$work/$n"/trash-*; done
