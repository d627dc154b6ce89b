#!/usr/bin/env bash
# Benchmark: `minsky-sessions list --format json` over 100,000 sessions against `jq -c .`.
# Both are timed as whole processes (JVM start-up included) with hyperfine.
# Target: our mean / jq's mean <= 0.5. Exit status: 0 PASS, 1 FAIL, 2 could not run.
# Usage: bench/list-json.sh        (BENCH_RUNS=N to change the number of timed runs, default 10)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

N=100000
RUNS=${BENCH_RUNS:-10}
TARGET_RATIO=0.5
JAR=target/app/minsky-sessions.jar
DATA=bench/data/sessions-100k.json
OUT_DIR=bench/out
EXPORT=$OUT_DIR/list-json.json

step() { printf '==> %s\n' "$*"; }
die() { printf 'list-json: %s\n' "$*" >&2; exit 2; }

[[ "$RUNS" =~ ^[0-9]+$ ]] && [ "$RUNS" -ge 5 ] || die "BENCH_RUNS must be a number >= 5 (got '$RUNS')"

# Tools: jq, hyperfine, GNU time (for peak RSS). apt only when something is missing.
missing=()
command -v jq >/dev/null || missing+=(jq)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || die "needs root to install: ${missing[*]} (or install them first)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

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

mkdir -p "$OUT_DIR"
ours=(java -jar "$JAR" list --store "json:$DATA" --format json)

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

[ "$verdict" = PASS ]
