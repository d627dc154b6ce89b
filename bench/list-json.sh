#!/usr/bin/env bash
# Benchmark: `minsky-sessions list --format json` over 100,000 sessions against `jq -c .`.
# Both are timed as whole processes (JVM start-up included) with hyperfine; ours runs with the JVM
# options the app ships with (target/app/jvm.options, as the installed launcher does).
# Target: our mean / jq's mean <= 0.5. Exit status: 0 PASS, 1 FAIL, 2 could not run.
# Usage: bench/list-json.sh [--records N] [--runs N]
#   --records N  records to generate and list (default 100000; fewer for quick trials)
#   --runs N     timed runs per command (default 10, or BENCH_RUNS; at least 2, 5 for real figures)
# Writes bench/out/list-json.summary.json (for bench/run-all.sh) besides hyperfine's export.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/lib.sh

N=100000
RUNS=${BENCH_RUNS:-10}
TARGET_RATIO=0.5
JAR=target/app/minsky-sessions.jar
OUT_DIR=bench/out
EXPORT=$OUT_DIR/list-json.json
SUMMARY=$OUT_DIR/list-json.summary.json

step() { printf '==> %s\n' "$*"; }
die() { printf 'list-json: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --records) N=${2:-}; shift 2 || die "--records needs a number" ;;
    --runs) RUNS=${2:-}; shift 2 || die "--runs needs a number" ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "--records must be a positive number (got '$N')"
[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 2 ] || die "--runs / BENCH_RUNS must be a number >= 2 (got '$RUNS')"
# The same data file as bench/migrate.sh for the same size.
label=$N; [ "$N" = 100000 ] && label=100k
DATA=bench/data/sessions-$label.json

# Tools: jq, hyperfine, GNU time (for peak RSS). apt only when something is missing.
missing=()
command -v jq >/dev/null || missing+=(jq)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
install_missing ${missing[@]+"${missing[@]}"}

if [ ! -f "$JAR" ]; then
  step "Building $JAR (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
fi

if [ -s "$DATA" ]; then
  step "Reusing $DATA"
else
  step "Generating $N sessions into $DATA"
  mkdir -p "$(dirname "$DATA")"
  python3 bench/gen-sessions.py "$N" --seed 42 --shape array >"$DATA.tmp"
  mv "$DATA.tmp" "$DATA"
fi
data_mib=$(du -m "$DATA" | cut -f1)
expected=$(jq length "$DATA")
echo "    $expected records, ${data_mib} MiB"
[ "$expected" = "$N" ] || die "$DATA has $expected records, not $N (delete it to re-generate)"

mkdir -p "$OUT_DIR"
rm -f "$SUMMARY"
# The JVM options the app ships with (the installer's launcher gets the same), one per line.
mapfile -t JVM_OPTS < <(jvm_options "$(dirname "$JAR")/jvm.options")
echo "    JVM options (from $(dirname "$JAR")/jvm.options): ${JVM_OPTS[*]:-none}"
ours=(java "${JVM_OPTS[@]}" -jar "$JAR" list --store "json:$DATA" --format json)

# One run of ours first: proves the command works and gives what it printed, and its peak RSS.
step "One run of ours under /usr/bin/time -v"
ours_out=$OUT_DIR/list-json.stdout.json
time_report=$OUT_DIR/list-json.time.txt
if ! /usr/bin/time -v -o "$time_report" "${ours[@]}" >"$ours_out" 2>"$OUT_DIR/list-json.stderr.txt"; then
  rc=$(sed -n 's/^Command exited with non-zero status //p' "$time_report")
  {
    echo "list-json: '${ours[*]}' failed (exit ${rc:-?}):"
    head -n 5 "$OUT_DIR/list-json.stderr.txt" | sed 's/^/    /'
    echo "The jar or its 'list --store json:PATH --format json' command is not usable yet; nothing was timed."
  } >&2
  exit 2
fi
got=$(jq 'if type == "array" then length else error("not a JSON array") end' "$ours_out" 2>/dev/null) \
  || die "ours did not print a JSON array of records (see $ours_out)"
[ "$got" = "$expected" ] || die "ours printed $got records, the file has $expected"
rss_kib=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$time_report")
echo "    printed $got records; peak RSS $((rss_kib / 1024)) MiB"
rm -f "$ours_out"

step "hyperfine: warmup 1, $RUNS runs each"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$EXPORT" \
  -n "minsky-sessions list --format json" "${ours[*]} > /dev/null" \
  -n "jq -c ." "jq -c . $DATA > /dev/null"

read -r ours_mean ours_sd jq_mean jq_sd < <(jq -r \
  '[.results[0].mean, .results[0].stddev, .results[1].mean, .results[1].stddev] | @tsv' "$EXPORT")
ratio=$(awk -v a="$ours_mean" -v b="$jq_mean" 'BEGIN { printf "%.2f", a / b }')
verdict=$(awk -v a="$ours_mean" -v b="$jq_mean" -v t="$TARGET_RATIO" 'BEGIN { print (a / b <= t ? "PASS" : "FAIL") }')
cores=$(nproc)

echo
echo "list --format json over $N sessions (${data_mib} MiB) vs jq, $RUNS runs, $cores cores"
awk -v m="$ours_mean" -v s="$ours_sd" 'BEGIN { printf "  ours: mean %.3f s  ± %.3f s\n", m, s }'
awk -v m="$jq_mean" -v s="$jq_sd" 'BEGIN { printf "  jq:   mean %.3f s  ± %.3f s\n", m, s }'
echo "  ratio ours/jq: $ratio   (target ratio <= $TARGET_RATIO)   $verdict"
echo "  peak RSS of ours: $((rss_kib / 1024)) MiB"
echo "  hyperfine results: $EXPORT"
echo
echo "Row for docs/benchmarks.md:"
awk -v d="$(date -u +%Y-%m-%d)" -v c="$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
    -v om="$ours_mean" -v jm="$jq_mean" -v r="$ratio" -v rss="$((rss_kib / 1024))" -v v="$verdict" \
  'BEGIN { printf "| %s | %s | %.3f s | %.3f s | %s | %s MiB | %s |\n", d, c, om, jm, r, rss, v }'

jq -n --arg date "$(date -u +%Y-%m-%d)" --arg commit "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  --argjson records "$N" --argjson runs "$RUNS" --argjson cores "$cores" --argjson data_mib "$data_mib" \
  --argjson om "$ours_mean" --argjson os "$ours_sd" --argjson jm "$jq_mean" --argjson js "$jq_sd" \
  --argjson rss "$((rss_kib / 1024))" --argjson ratio "$ratio" --argjson target "$TARGET_RATIO" \
  --arg verdict "$verdict" --arg jvm "${JVM_OPTS[*]:-}" --arg jqv "$(jq --version 2>/dev/null)" \
  '{benchmark: "list-json", date: $date, commit: $commit, records: $records, runs: $runs, cores: $cores,
    data_mib: $data_mib, jvm_options: $jvm,
    ours: {status: "measured", mean_s: $om, stddev_s: $os, peak_rss_mib: $rss},
    jq: {status: "measured", version: $jqv, mean_s: $jm, stddev_s: $js},
    ratio: $ratio, target: "ours/jq <= \($target)", verdict: $verdict}' >"$SUMMARY"
echo "Summary for tools: $SUMMARY"

[ "$verdict" = PASS ]
