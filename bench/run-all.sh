#!/usr/bin/env bash
# Runs every benchmark in bench/ and regenerates the summary table at the top of docs/benchmarks.md
# (each figure, ours, the reference measured in the same run, the ratio, the target, the verdict,
# the date and the commit). The hand-written sections below the marker line are kept as they are.
#
# Usage: bench/run-all.sh [--records N] [--runs N] [--ops N] [--only NAMES] [--no-docs]
#   --records N   records per data set (default 100000: the figures the targets are about;
#                 fewer for a quick trial, which the table then says)
#   --runs N      timed runs per command for list-json.sh and migrate.sh (default: theirs, 10 and 5)
#   --ops N       rounds per store for store-latency.sh (default: its own, 200)
#   --only NAMES  comma-separated subset: list-json,migrate,store-latency,gui (default: all); the
#                 summary keeps the other rows from their last run (each row names its date and commit)
#   --no-docs     run and print, but leave docs/benchmarks.md alone
#
# Installs what it compares against when missing (Debian packages, needs root): jq, sqlite3,
# pgloader, postgresql-client-15, hyperfine, time. PostgreSQL: MINSKY_BENCH_POSTGRES_URL, else
# MINSKY_TEST_POSTGRES_URL, else the URL in the file named by MINSKY_BENCH_POSTGRES_URL_FILE (a role
# that may create databases); without one the PostgreSQL figures are reported as skipped. The URL
# reaches the scripts through the environment only; it is never printed.
# GUI benchmarks: every executable bench/gui-*.sh is run with --records N (and --runs N when given)
# and must write bench/out/gui-*.json as {"figures": [{"figure", "ours", "reference", "ratio",
# "target", "verdict", "date", "commit"}]}.
# Exit status: 0 every benchmark ran and met its targets, 1 a target was missed, 2 a benchmark could
# not run.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/lib.sh

RECORDS=100000
RUNS=""
OPS=""
ONLY="list-json,migrate,store-latency,gui"
DOCS=1
DOC=docs/benchmarks.md
OUT=bench/out

die() { printf 'run-all: %s\n' "$*" >&2; exit 2; }
step() { printf '\n======== %s ========\n' "$*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS=${2:-}; shift 2 || die "--records needs a number" ;;
    --runs) RUNS=${2:-}; shift 2 || die "--runs needs a number" ;;
    --ops) OPS=${2:-}; shift 2 || die "--ops needs a number" ;;
    --only) ONLY=${2:-}; shift 2 || die "--only needs names" ;;
    --no-docs) DOCS=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$RECORDS" =~ ^[1-9][0-9]*$ ]] || die "--records must be a positive number (got '$RECORDS')"
[ -z "$RUNS" ] || [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number (got '$RUNS')"
[ -z "$OPS" ] || [[ "$OPS" =~ ^[1-9][0-9]*$ ]] || die "--ops must be a positive number (got '$OPS')"
wanted() { [[ ",$ONLY," == *",$1,"* ]]; }

# ---- what the benchmarks compare against (Debian 12 packages) --------------------------------------
missing=()
command -v jq >/dev/null || missing+=(jq)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v pgloader >/dev/null || missing+=(pgloader)
{ command -v psql && command -v createdb && command -v dropdb && command -v pg_isready; } >/dev/null || missing+=(postgresql-client-15)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
install_missing ${missing[@]+"${missing[@]}"}

# ---- PostgreSQL: one URL for every script, through the environment only ----------------------------
if [ -z "${MINSKY_BENCH_POSTGRES_URL:-}" ] && [ -n "${MINSKY_TEST_POSTGRES_URL:-}" ]; then
  MINSKY_BENCH_POSTGRES_URL=$MINSKY_TEST_POSTGRES_URL
fi
if [ -z "${MINSKY_BENCH_POSTGRES_URL:-}" ] && [ -n "${MINSKY_BENCH_POSTGRES_URL_FILE:-}" ]; then
  [ -r "$MINSKY_BENCH_POSTGRES_URL_FILE" ] || die "cannot read MINSKY_BENCH_POSTGRES_URL_FILE ($MINSKY_BENCH_POSTGRES_URL_FILE)"
  MINSKY_BENCH_POSTGRES_URL=$(head -n 1 "$MINSKY_BENCH_POSTGRES_URL_FILE")
fi
if [ -n "${MINSKY_BENCH_POSTGRES_URL:-}" ]; then
  export MINSKY_BENCH_POSTGRES_URL
  # shown as user@host:port/db only, whatever form the password takes in the URL
  shown=$(eval "$(pg_env "$MINSKY_BENCH_POSTGRES_URL")" && pg_url_without_password) \
    || die "the PostgreSQL URL (MINSKY_BENCH_POSTGRES_URL, MINSKY_TEST_POSTGRES_URL or the file) is not a postgresql:// URL"
  echo "PostgreSQL: $shown"
else
  echo "PostgreSQL: no URL (MINSKY_BENCH_POSTGRES_URL / MINSKY_TEST_POSTGRES_URL / MINSKY_BENCH_POSTGRES_URL_FILE): its figures are skipped"
fi

# ---- the app, rebuilt when older than its sources (the scripts themselves only build a missing jar)
JAR=target/app/minsky-sessions.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src/main -newer "$JAR" -type f -print -quit)" ]; then
  step "Building $JAR: ./mvnw -B -q package -DskipTests"
  ./mvnw -B -q package -DskipTests
fi

mkdir -p "$OUT"
declare -A STATUS=()
run() { # NAME SUMMARY-FILE COMMAND...: runs one benchmark, keeps going whatever its exit status
  local name=$1 summary=$2; shift 2
  rm -f "$summary"
  step "$name: $*"
  local rc=0 t0=$SECONDS
  "$@" || rc=$?
  STATUS[$name]=$rc
  echo "-------- $name: exit $rc in $((SECONDS - t0)) s"
}

records_args=(--records "$RECORDS")
runs_args=(); [ -n "$RUNS" ] && runs_args=(--runs "$RUNS")
ops_args=(); [ -n "$OPS" ] && ops_args=(--ops "$OPS")

wanted list-json && run list-json "$OUT/list-json.summary.json" bench/list-json.sh "${records_args[@]}" "${runs_args[@]}"
wanted migrate && run migrate "$OUT/migrate.json" bench/migrate.sh "${records_args[@]}" "${runs_args[@]}"
wanted store-latency && run store-latency "$OUT/store-latency.json" bench/store-latency.sh "${records_args[@]}" "${ops_args[@]}"
if wanted gui; then
  for g in bench/gui-*.sh; do
    [ -x "$g" ] || continue
    n=$(basename "$g" .sh)
    run "$n" "$OUT/$n.json" "$g" "${records_args[@]}" "${runs_args[@]}"
  done
fi
[ ${#STATUS[@]} -gt 0 ] || die "no benchmark selected by --only '$ONLY'"

# ---- the summary table -------------------------------------------------------------------------------
statuses=""
for k in "${!STATUS[@]}"; do statuses+="$k=${STATUS[$k]} "; done
step "Summary"
doc_arg=""; [ "$DOCS" = 1 ] && doc_arg=$DOC
python3 bench/summary.py --out "$OUT" --records "$RECORDS" --statuses "$statuses" ${doc_arg:+--doc "$doc_arg"}

worst=0
for k in "${!STATUS[@]}"; do
  rc=${STATUS[$k]}
  if [ "$rc" -ge 2 ] || [ "$rc" -lt 0 ]; then worst=2; elif [ "$rc" = 1 ] && [ $worst -lt 1 ]; then worst=1; fi
done
exit $worst
