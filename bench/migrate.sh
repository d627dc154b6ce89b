#!/usr/bin/env bash
# Benchmark: `minsky-sessions migrate` over 100,000 sessions, as whole processes, against the tools a
# user would otherwise reach for, side by side in one run (hyperfine, a fresh target before every run):
#
#   JSON -> SQLite      ours (verification included)  vs  sqlite3's own import (json_each/json_extract
#                       into the same table, one transaction).  Target: ours <= 1.5 x sqlite3.
#   SQLite -> PostgreSQL ours (verification included) vs  pgloader copying the same SQLite file (no
#                       verification).                  Target: ours faster than pgloader.
#                       Also psql \copy of the same rows from CSV: the floor for loading PostgreSQL
#                       (reported, no target).
#   Peak RSS of ours (GNU time, %M) under 512 MiB in both directions.
#
# Usage: bench/migrate.sh [--records N] [--runs N] [--references-only]
#   --records N        records to generate and migrate (default 100000; fewer for quick trials)
#   --runs N           timed runs per command (default 5)
#   --references-only  time only sqlite3, pgloader and psql \copy (no jar, no build)
# PostgreSQL: MINSKY_BENCH_POSTGRES_URL, else MINSKY_TEST_POSTGRES_URL (postgresql://role[:pw]@host:port/db,
# a role that may create databases). Without either, the PostgreSQL half is skipped.
# MINSKY_BENCH_JAR=PATH times another jar than target/app/minsky-sessions.jar (never built here).
# Exit status: 0 every target met (or, with --references-only, every reference measured), 1 a target
# missed, 2 something could not be measured (for example the jar has no `migrate` command yet; the
# references are still timed and reported).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/lib.sh

RECORDS=100000
RUNS=5
REFS_ONLY=0
TARGET_SQLITE_RATIO=1.5   # ours / sqlite3 <= this
TARGET_PG_RATIO=1.0       # ours / pgloader < this
TARGET_RSS_MIB=512        # peak RSS of ours < this
JAR=${MINSKY_BENCH_JAR:-target/app/minsky-sessions.jar}   # another build of the app, to compare
# The JVM options the app ships with (the installer's launcher uses the same file), so the figures
# are those of what users run; `java -jar` alone would let the heap grow to a quarter of the RAM.
JVM_OPTS_FILE=$(dirname "$JAR")/jvm.options
OUT_DIR=bench/out
WORK=$OUT_DIR/migrate     # targets, generated scripts, logs of the check runs
SUMMARY=$OUT_DIR/migrate.json

step() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf 'migrate bench: %s\n' "$*" >&2; exit 2; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS=${2:-}; shift 2 || die "--records needs a number" ;;
    --runs) RUNS=${2:-}; shift 2 || die "--runs needs a number" ;;
    --references-only) REFS_ONLY=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$RECORDS" =~ ^[1-9][0-9]*$ ]] || die "--records must be a positive number (got '$RECORDS')"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] && [ "$RUNS" -ge 2 ] || die "--runs must be a number >= 2 (got '$RUNS')"

# Data sets, cached in bench/data (git-ignored). 100,000 records share list-json.sh's file.
label=$RECORDS; [ "$RECORDS" = 100000 ] && label=100k
DATA=bench/data/sessions-$label.json        # gen-sessions.py, array shape, seed 42, no invalid records
SRC_DB=bench/data/sessions-$label.sqlite    # the SQLite source of SQLite -> PostgreSQL
CSV=bench/data/sessions-$label.csv          # the same rows as CSV, for psql \copy

# ---- tools --------------------------------------------------------------------------------------
# Debian 12 packages: sqlite3, pgloader, postgresql-client (psql, createdb, dropdb), hyperfine,
# time (/usr/bin/time), jq. apt only when something is missing.
missing=()
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v pgloader >/dev/null || missing+=(pgloader)
{ command -v psql && command -v createdb && command -v dropdb; } >/dev/null || missing+=(postgresql-client-15)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null || missing+=(python3)
install_missing ${missing[@]+"${missing[@]}"}

# ---- PostgreSQL connection (the password only ever travels in PGPASSWORD) --------------------------
PG_URL=${MINSKY_BENCH_POSTGRES_URL:-${MINSKY_TEST_POSTGRES_URL:-}}
PG=0
BENCH_DB=minsky_bench_migrate_$$
if [ -n "$PG_URL" ]; then
  # Split the URL into libpq's variables; psql, createdb, dropdb and pgloader read them from the
  # environment, and ours gets the URL without the password (it reads PGPASSWORD as libpq does).
  exports=$(pg_env "$PG_URL") || die "MINSKY_BENCH_POSTGRES_URL / MINSKY_TEST_POSTGRES_URL is not a postgresql:// URL"
  eval "$exports"
  unset exports PG_URL
  MAINT_DB=$PGDATABASE
  # What is shown, and what ours is given: no password in it (hyperfine and ps would show it).
  OURS_PG_URL=$(pg_url_without_password "$BENCH_DB")
  PG_SHOWN=${OURS_PG_URL%%\?*}
  mkdir -p "$WORK"
  if ! pg_isready -q -h "${PGHOST:-localhost}" -p "$PGPORT" 2>/dev/null \
       || ! psql -X -q -d "$MAINT_DB" -c 'SELECT 1' >/dev/null 2>"$WORK/pgcheck.txt"; then
    msg=$(head -n 1 "$WORK/pgcheck.txt" 2>/dev/null || true)
    die "PostgreSQL at ${PGHOST:-localhost}:$PGPORT is not usable as ${PGUSER:-?} (${msg:-not ready}); start it (e.g. pg_ctlcluster 15 main start) or fix the URL"
  fi
  PG=1
fi

mkdir -p "$OUT_DIR" "$WORK" bench/data
rm -f "$WORK"/result-*.json
cleanup() {
  if [ "$PG" = 1 ]; then dropdb --if-exists --maintenance-db="$MAINT_DB" "$BENCH_DB" 2>/dev/null || true; fi
  rm -f "$WORK"/*.db "$WORK"/*.db-wal "$WORK"/*.db-shm "$WORK"/source.sqlite*
}
trap cleanup EXIT

# ---- the command under test ---------------------------------------------------------------------
OURS=0
ours_reason=""
if [ "$REFS_ONLY" = 1 ]; then
  ours_reason="--references-only"
else
  if [ ! -f "$JAR" ] && [ -z "${MINSKY_BENCH_JAR:-}" ]; then
    step "Building $JAR (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests
  fi
  # `migrate --help` must print the migrate command's own usage (picocli prints the top-level help
  # and exits 0 for an unknown command followed by --help, so the exit status alone says nothing).
  if [ ! -f "$JAR" ]; then
    ours_reason="$JAR does not exist"
  elif java -jar "$JAR" migrate --help 2>/dev/null | grep -q 'minsky-sessions migrate'; then
    OURS=1
  else
    ours_reason="$JAR has no 'migrate' command yet (java -jar $JAR migrate --help does not show its usage)"
  fi
fi

# ---- data ---------------------------------------------------------------------------------------
# Only valid records (gen-sessions.py without --invalid): ours skips and reports invalid ones and
# exits 1, the references would load them, so they would time different work.
if [ -s "$DATA" ]; then
  step "Reusing $DATA"
else
  step "Generating $RECORDS sessions into $DATA"
  python3 bench/gen-sessions.py "$RECORDS" --seed 42 --shape array >"$DATA.tmp"
  mv "$DATA.tmp" "$DATA"
fi
expected=$(jq length "$DATA")
[ "$expected" = "$RECORDS" ] || die "$DATA has $expected records, not $RECORDS (delete it to re-generate)"
data_mib=$(du -m "$DATA" | cut -f1)
note "$expected records, ${data_mib} MiB"

SQLITE_SCHEMA=(".read src/main/resources/dbmigration/sqlite/1.0__sessions_table.sql" ".read bench/migrate/sqlite-1.1.sql")
# pgloader's SQL splitter ends a statement at a ';' inside a '--' comment, so both PostgreSQL
# references get the two schema files without their comments (the same statements).
PG_SCHEMA=$WORK/postgres-schema.sql
sed '/^[[:space:]]*--/d' src/main/resources/dbmigration/postgres/1.0__sessions_table.sql bench/migrate/postgres-1.1.sql >"$PG_SCHEMA"

sqlite_import() { # TARGET.db: the sqlite3 reference import of $DATA (schema 1.0 + 1.1, then the rows)
  printf '%s\0' sqlite3 -bail "$1" ".parameter set \$file '$DATA'" "${SQLITE_SCHEMA[@]}" ".read bench/migrate/json-to-sqlite.sql"
}
mapfile -d '' -t cmd_sqlite3 < <(sqlite_import "$WORK/sqlite3.db")

if [ -s "$SRC_DB" ] && [ "$(sqlite3 "$SRC_DB" 'SELECT count(*) FROM sessions' 2>/dev/null)" = "$RECORDS" ]; then
  step "Reusing $SRC_DB"
else
  step "Building the SQLite source $SRC_DB with the sqlite3 import"
  rm -f "$SRC_DB" "$SRC_DB"-wal "$SRC_DB"-shm
  mapfile -d '' -t c < <(sqlite_import "$SRC_DB")
  "${c[@]}" >/dev/null
  sqlite3 "$SRC_DB" 'PRAGMA journal_mode = DELETE' >/dev/null  # one self-contained file
fi
if [ ! -s "$CSV" ] || [ "$CSV" -ot "$SRC_DB" ]; then
  step "Writing the same rows as CSV to $CSV"
  sqlite3 -csv "$SRC_DB" "SELECT session, repoName, repoUrl, createdAt, taskId, branch, repoPath, prBranch,
    prApproved, prState, backendType, pullRequest, extra_fields FROM sessions" >"$CSV.tmp"
  mv "$CSV.tmp" "$CSV"
fi

# ---- checks: every row there, with the same content -----------------------------------------------
# Rows as JSON arrays, normalised by jq and sorted, then hashed. createdAt is compared as text for
# SQLite targets and as the instant in millisecond form for PostgreSQL (timestamptz keeps the instant).
KNOWN='.session, .repoName, .repoUrl, .createdAt, .taskId, .branch, .repoPath, .prBranch, .prApproved, .prState, .backendType, .pullRequest'
digest() { jq -c . | LC_ALL=C sort | sha256sum | cut -c1-16; }
digest_json() {
  jq -c ".[] | [.session, .repoName, .repoUrl, .createdAt, .taskId, .branch, .repoPath, .prBranch,
    (.prApproved | if . == null then null else tostring end), (.prState | if . == null then null else tojson end),
    .backendType, (.pullRequest | if . == null then null else tojson end),
    (del($KNOWN) | if length == 0 then null else tojson end)]" "$DATA" | digest
}
digest_sqlite() { # FILE text|instant
  local created=createdAt
  [ "$2" = instant ] && created="strftime('%Y-%m-%dT%H:%M:%fZ', createdAt)"
  sqlite3 "$1" "SELECT json_array(session, repoName, repoUrl, $created, taskId, branch, repoPath, prBranch,
    prApproved, prState, backendType, pullRequest, extra_fields) FROM sessions" | digest
}
digest_pg() {
  psql -X -A -t -q -d "$BENCH_DB" -c "SELECT json_build_array(session, repo_name, repo_url,
    to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), task_id, branch, repo_path,
    pr_branch, pr_approved, pr_state, backend_type, pull_request, extra_fields) FROM sessions" | digest
}
count_sqlite() { sqlite3 "$1" 'SELECT count(*) FROM sessions'; }
count_pg() { psql -X -A -t -q -d "$BENCH_DB" -c 'SELECT count(*) FROM sessions'; }

# result KEY STATUS [MEAN SD RSS_KIB ROWS NOTE]: one contender's figures, assembled into $SUMMARY at the end,
# with its timed runs in round order (TIMES[KEY]) when it was timed.
result() {
  jq -n --arg status "$2" --arg mean "${3:-}" --arg sd "${4:-}" --arg rss "${5:-}" --arg rows "${6:-}" --arg note "${7:-}" \
    --arg times "${TIMES[$1]:-}" \
    '{status: $status, mean_s: ($mean | tonumber? // null), stddev_s: ($sd | tonumber? // null),
      times_s: (if $times == "" then null else ($times | split(",") | map(tonumber)) end),
      peak_rss_mib: (($rss | tonumber? | . / 1024 | floor) // null), rows: ($rows | tonumber? // null),
      note: (if $note == "" then null else $note end)}' >"$WORK/result-$1.json"
}

# check_run NAME PREPARE CMD...: one untimed run (also the warm-up) under GNU time: exit status and
# peak RSS. Sets RSS_KIB; returns the command's exit status.
check_run() {
  local name=$1 prepare=$2; shift 2
  bash -c "$prepare" 2>"$WORK/$name.prepare.stderr" \
    || { sed 's/^/    /' "$WORK/$name.prepare.stderr" >&2; die "the preparation of $name failed: $prepare"; }
  local rc=0
  /usr/bin/time -f %M -o "$WORK/$name.rss" "$@" >"$WORK/$name.stdout" 2>"$WORK/$name.stderr" || rc=$?
  RSS_KIB=$(tail -n 1 "$WORK/$name.rss")
  [[ "$RSS_KIB" =~ ^[0-9]+$ ]] || RSS_KIB=""
  return $rc
}
show_failure() { # NAME RC
  echo "migrate bench: $1 failed (exit $2); first lines of its output ($WORK/$1.stderr):" >&2
  { head -n 8 "$WORK/$1.stderr"; head -n 4 "$WORK/$1.stdout"; } | sed 's/^/    /' >&2
}
q() { printf '%q ' "$@"; }

# check_ours KEY NAME PREPARE COUNT CMD...: the untimed check run of ours (an exit status of 0 means
# verified) and its row count (COUNT: a command printing it); only a run that wrote every record is
# put first among the commands to time. Without ours (--references-only, no jar), KEY is skipped.
check_ours() {
  local key=$1 name=$2 prepare=$3 count=$4; shift 4
  if [ "$OURS" != 1 ]; then
    result "$key" skipped "" "" "" "" "$ours_reason"
    return
  fi
  local log=${key//_/-} rc=0
  check_run "$log" "$prepare" "$@" || rc=$?
  if [ $rc -ne 0 ]; then
    show_failure "$log" $rc
    result "$key" failed "" "" "$RSS_KIB" "" "exit $rc: $(head -n 1 "$WORK/$log.stderr")"
    return
  fi
  RSS[$key]=$RSS_KIB; ROWS[$key]=$($count)
  note "ours: exit 0 (verified), ${ROWS[$key]} rows, peak RSS $((RSS_KIB / 1024)) MiB"
  if [ "${ROWS[$key]}" = "$expected" ]; then
    timed=("$key" "$name" "$prepare" "$(q "$@")" "${timed[@]}")
  else
    result "$key" failed "" "" "$RSS_KIB" "${ROWS[$key]}" "wrote ${ROWS[$key]} rows, expected $expected"
  fi
}

# hyperfine over the commands that passed their check run (bash runs them: the commands are quoted
# with printf %q). Sets MEAN[KEY] and SD[KEY] from its export.
declare -A MEAN SD RSS ROWS TIMES
time_them() { # EXPORT, then quadruples KEY NAME PREPARE COMMAND
  local export=$1; shift
  local args=() keys=() i=0 mean sd r
  while [ $# -gt 0 ]; do
    keys+=("$1"); args+=(--prepare "$3" -n "$2" "$4"); shift 4
  done
  # The commands take turns: $RUNS rounds of one run each, so a load that comes and goes on a shared
  # machine falls on every side alike. (hyperfine alone times each command's runs in one block: on the
  # 2-core machines of 2026-12-02 that gave a reference 50 % slower in one block than in the next, and
  # a ratio that read as a pass; docs/benchmarks.md.) The rounds' exports are merged into one, in
  # hyperfine's format.
  rm -f "$export".round-*
  for r in $(seq 1 "$RUNS"); do
    printf '    round %s of %s\n' "$r" "$RUNS"
    hyperfine --shell bash --runs 1 --style none --export-json "$export.round-$r" "${args[@]}"
  done
  python3 - "$export" "$RUNS" <<'PY'
import json, statistics, sys
out, n = sys.argv[1], int(sys.argv[2])
rounds = [json.load(open(f"{out}.round-{r}"))["results"] for r in range(1, n + 1)]
merged = []
for i, first in enumerate(rounds[0]):
    runs = [rd[i] for rd in rounds]
    times = [t for rd in runs for t in rd["times"]]
    merged.append({"command": first["command"], "mean": statistics.mean(times),
                   "stddev": statistics.stdev(times) if len(times) > 1 else None,
                   "median": statistics.median(times), "min": min(times), "max": max(times),
                   "user": statistics.mean(rd["user"] for rd in runs),
                   "system": statistics.mean(rd["system"] for rd in runs), "times": times,
                   "exit_codes": [c for rd in runs for c in rd.get("exit_codes", [])]})
json.dump({"results": merged, "rounds": n, "note": "one run of each command per round, in turn"},
          open(out, "w"), indent=2)
for m in merged:
    print(f"    {m['command']}: {m['mean']:.3f} s ± {m['stddev'] or 0:.3f} (runs {', '.join(f'{t:.2f}' for t in m['times'])})")
PY
  rm -f "$export".round-*
  for k in "${keys[@]}"; do
    read -r mean sd < <(jq -r --argjson i "$i" '[.results[$i].mean, .results[$i].stddev] | @tsv' "$export")
    MEAN[$k]=$mean; SD[$k]=$sd
    TIMES[$k]=$(jq -r --argjson i "$i" '.results[$i].times | map(tostring) | join(",")' "$export"); i=$((i + 1))
  done
}

# ================================= JSON -> SQLite =================================================
step "JSON -> SQLite: check runs"
prep_ours_sqlite="rm -f $WORK/ours.db $WORK/ours.db-wal $WORK/ours.db-shm"
prep_sqlite3="rm -f $WORK/sqlite3.db $WORK/sqlite3.db-wal $WORK/sqlite3.db-shm"
mapfile -t JVM_OPTS < <(jvm_options "$JVM_OPTS_FILE")
note "JVM options (from $JVM_OPTS_FILE): ${JVM_OPTS[*]:-none}"
cmd_ours_sqlite=(java "${JVM_OPTS[@]}" -jar "$JAR" migrate --from "json:$DATA" --to "sqlite:$WORK/ours.db" --no-backup)
want_json=$(digest_json)
timed=()

rc=0; check_run sqlite3 "$prep_sqlite3" "${cmd_sqlite3[@]}" || rc=$?
if [ $rc -ne 0 ]; then show_failure sqlite3 $rc; result sqlite3 failed; die "the sqlite3 reference import failed"; fi
RSS[sqlite3]=$RSS_KIB; ROWS[sqlite3]=$(count_sqlite "$WORK/sqlite3.db")
got=$(digest_sqlite "$WORK/sqlite3.db" text)
note "sqlite3: ${ROWS[sqlite3]} rows, content digest $got (expected from the JSON: $want_json), peak RSS $((RSS_KIB / 1024)) MiB"
[ "${ROWS[sqlite3]}" = "$expected" ] && [ "$got" = "$want_json" ] || die "the sqlite3 import did not load every record as it is in $DATA"
timed+=(sqlite3 "sqlite3 json_each import" "$prep_sqlite3" "$(q "${cmd_sqlite3[@]}")>/dev/null")

count_ours_sqlite() { count_sqlite "$WORK/ours.db"; }
check_ours ours_sqlite "minsky-sessions migrate json->sqlite" "$prep_ours_sqlite" count_ours_sqlite "${cmd_ours_sqlite[@]}"

step "JSON -> SQLite: hyperfine, $RUNS rounds of one run each, in turn (fresh target file before every run)"
time_them "$OUT_DIR/migrate-json-sqlite.hyperfine.json" "${timed[@]}"
result sqlite3 measured "${MEAN[sqlite3]}" "${SD[sqlite3]}" "${RSS[sqlite3]}" "${ROWS[sqlite3]}"
if [ -n "${MEAN[ours_sqlite]:-}" ]; then
  result ours_sqlite measured "${MEAN[ours_sqlite]}" "${SD[ours_sqlite]}" "${RSS[ours_sqlite]}" "${ROWS[ours_sqlite]}"
fi

# ================================= SQLite -> PostgreSQL ==========================================
if [ "$PG" = 1 ]; then
  step "SQLite -> PostgreSQL ($PG_SHOWN): check runs"
  # Every run: a fresh, empty database, and a fresh copy of the source file (ours may record its
  # schema version in a SQLite file it opens, which must not change the next run's source).
  maint=$(printf %q "$MAINT_DB")
  prep_pg="dropdb --if-exists --maintenance-db=$maint $BENCH_DB && createdb --maintenance-db=$maint $BENCH_DB"
  prep_pg_src="cp $SRC_DB $WORK/source.sqlite && $prep_pg"
  cmd_ours_pg=(java "${JVM_OPTS[@]}" -jar "$JAR" migrate --from "sqlite:$WORK/source.sqlite" --to "$OURS_PG_URL" --no-backup)

  # pgloader: our table, not pgloader's. Left to itself pgloader would create its own table from
  # the SQLite one (text columns, its own names), which skips the type conversions and length checks
  # our schema makes PostgreSQL do. So it runs our schema (1.0 + 1.1, with its indexes) itself in
  # BEFORE LOAD, inside its timed run as ours creates its table inside its run, then loads `data only`
  # into it; `snake_case identifiers` maps repoName -> repo_name etc. Workers, batch and prefetch
  # sizes are pgloader's defaults (prefetch rows 100000). It does not verify anything.
  PGLOADER_LOAD=$WORK/sqlite-to-postgres.load
  cat >"$PGLOADER_LOAD" <<EOF
LOAD DATABASE
  FROM sqlite://$PWD/$WORK/source.sqlite
  INTO postgresql://${PGUSER}@${PGHOST:-localhost}:${PGPORT}/$BENCH_DB
WITH data only, snake_case identifiers
INCLUDING ONLY TABLE NAMES LIKE 'sessions'
BEFORE LOAD EXECUTE '$PWD/$PG_SCHEMA';
EOF
  cmd_pgloader=(pgloader --on-error-stop --root-dir "$PWD/$WORK/pgloader/" "$PGLOADER_LOAD")
  # psql \copy: the same rows from CSV into the same table, schema and rows in one transaction.
  copy_cols="session, repo_name, repo_url, created_at, task_id, branch, repo_path, pr_branch, pr_approved, pr_state, backend_type, pull_request, extra_fields"
  cmd_psql=(psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" -1 -f "$PG_SCHEMA" -c "\\copy sessions ($copy_cols) FROM '$CSV' WITH (FORMAT csv)")
  want_pg=$(digest_sqlite "$SRC_DB" instant)
  timed=()

  for ref in pgloader psql; do
    if [ $ref = pgloader ]; then cmd=("${cmd_pgloader[@]}"); prep=$prep_pg_src; name="pgloader"
    else cmd=("${cmd_psql[@]}"); prep=$prep_pg; name="psql \\copy from CSV (floor)"; fi
    rc=0; check_run "$ref" "$prep" "${cmd[@]}" || rc=$?
    if [ $rc -ne 0 ]; then show_failure "$ref" $rc; die "the $ref reference load failed"; fi
    RSS[$ref]=$RSS_KIB; ROWS[$ref]=$(count_pg); got=$(digest_pg)
    note "$ref: ${ROWS[$ref]} rows, content digest $got (expected from the SQLite file: $want_pg), peak RSS $((RSS_KIB / 1024)) MiB"
    [ "${ROWS[$ref]}" = "$expected" ] && [ "$got" = "$want_pg" ] \
      || die "$ref did not load every row of $SRC_DB as it is (see $WORK/$ref.stdout and $WORK/$ref.stderr)"
    timed+=("$ref" "$name" "$prep" "$(q "${cmd[@]}")>/dev/null 2>&1")
  done

  check_ours ours_pg "minsky-sessions migrate sqlite->postgresql" "$prep_pg_src" count_pg "${cmd_ours_pg[@]}"

  step "SQLite -> PostgreSQL: hyperfine, $RUNS rounds of one run each, in turn (fresh database before every run)"
  time_them "$OUT_DIR/migrate-sqlite-postgres.hyperfine.json" "${timed[@]}"
  result pgloader measured "${MEAN[pgloader]}" "${SD[pgloader]}" "${RSS[pgloader]}" "${ROWS[pgloader]}"
  result psql_copy measured "${MEAN[psql]}" "${SD[psql]}" "${RSS[psql]}" "${ROWS[psql]}"
  if [ -n "${MEAN[ours_pg]:-}" ]; then
    result ours_pg measured "${MEAN[ours_pg]}" "${SD[ours_pg]}" "${RSS[ours_pg]}" "${ROWS[ours_pg]}"
  fi
else
  step "SQLite -> PostgreSQL: skipped (set MINSKY_BENCH_POSTGRES_URL or MINSKY_TEST_POSTGRES_URL)"
  for k in ours_pg pgloader psql_copy; do result $k skipped "" "" "" "" "no PostgreSQL URL"; done
fi

# ================================= summary ========================================================
commit=$(git rev-parse --short HEAD 2>/dev/null || echo '?')
jq -n --arg date "$(date -u +%Y-%m-%d)" --arg commit "$commit" --argjson records "$RECORDS" --argjson runs "$RUNS" \
  --argjson cores "$(nproc)" --arg data "$DATA" --argjson data_mib "$data_mib" \
  --argjson tsr "$TARGET_SQLITE_RATIO" --argjson tpr "$TARGET_PG_RATIO" --argjson trss "$TARGET_RSS_MIB" \
  --slurpfile os "$WORK/result-ours_sqlite.json" --slurpfile s3 "$WORK/result-sqlite3.json" \
  --slurpfile op "$WORK/result-ours_pg.json" --slurpfile pl "$WORK/result-pgloader.json" \
  --slurpfile pc "$WORK/result-psql_copy.json" '
  # The ratio a verdict is taken on: the median of the ratios of the rounds (each round times ours and the reference
  # one after the other, so a load that comes and goes falls on both sides of a round alike; a ratio of the
  # means let two loaded rounds of the reference read as a pass, docs/benchmarks.md); the ratio of the means
  # when the runs are not known round by round.
  def r2(x): (x * 100 | round / 100);
  def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def means(a; b): if a.mean_s != null and b.mean_s != null then r2(a.mean_s / b.mean_s) else null end;
  # The ratio of each round, in round order (null when the runs are not known round by round): their spread
  # shows how far the load of the machine moved the verdict.
  def per_round(a; b):
    if (a.times_s | type) == "array" and (b.times_s | type) == "array" and (a.times_s | length) == (b.times_s | length)
       and (a.times_s | length) > 0
    then [range(0; a.times_s | length) as $i | a.times_s[$i] / b.times_s[$i]]
    else null end;
  def rounds(a; b): per_round(a; b) | if . == null then null else map(r2(.)) end;
  def ratio(a; b): per_round(a; b) as $each | if $each != null then r2($each | median) else means(a; b) end;
  def verdict(r; ok): if r == null then "SKIPPED" elif ok then "PASS" else "MISS" end;
  def rss(o): if o.status != "measured" then "SKIPPED" elif o.peak_rss_mib < $trss then "PASS" else "MISS" end;
  ($os[0]) as $os | ($s3[0]) as $s3 | ($op[0]) as $op | ($pl[0]) as $pl | ($pc[0]) as $pc |
  ratio($os; $s3) as $r1 | ratio($op; $pl) as $r2 |
  { benchmark: "migrate", date: $date, commit: $commit, records: $records, runs: $runs, cores: $cores,
    data: {json: $data, json_mib: $data_mib, generator: "bench/gen-sessions.py \($records) --seed 42 --shape array (all valid)"},
    json_to_sqlite: {
      ours: $os, sqlite3: $s3,
      ratio: $r1, round_ratios: rounds($os; $s3), ratio_of_means: means($os; $s3),
      target: "median per round of ours/sqlite3 <= \($tsr)",
      verdict: verdict($r1; $r1 <= $tsr),
      peak_rss_target: "< \($trss) MiB", peak_rss_verdict: rss($os) },
    sqlite_to_postgres: {
      ours: $op, pgloader: $pl, psql_copy: $pc,
      ratio: $r2, round_ratios: rounds($op; $pl), ratio_of_means: means($op; $pl),
      target: "median per round of ours/pgloader < \($tpr)",
      verdict: verdict($r2; $r2 < $tpr),
      ratio_to_psql_copy: ratio($op; $pc),
      peak_rss_target: "< \($trss) MiB", peak_rss_verdict: rss($op) } }
  | .verdict = ([.json_to_sqlite.verdict, .json_to_sqlite.peak_rss_verdict, .sqlite_to_postgres.verdict,
                 .sqlite_to_postgres.peak_rss_verdict] as $v
                | if any($v[]; . == "MISS") then "MISS" elif any($v[]; . == "SKIPPED") then "INCOMPLETE" else "PASS" end)
' >"$SUMMARY"

echo
jq -r '"Migration of \(.records) records (\(.data.json_mib) MiB JSON), \(.runs) timed runs each, \(.cores) cores, commit \(.commit)\n"' "$SUMMARY"
jq -r '
  def s(x): if x == null then "-" else (x * 1000 | round / 1000 | tostring) + " s" end;
  def sd(o): if o.stddev_s == null then "" else " ± " + (o.stddev_s * 1000 | round / 1000 | tostring) end;
  def t(o): if o.status == "measured" then s(o.mean_s) + sd(o) else o.status end;
  def m(o): if o.peak_rss_mib == null then "-" else (o.peak_rss_mib | tostring) + " MiB" end;
  def r(x): if x == null then "-" else (x | tostring) end;
  (["figure", "ours", "reference", "ratio", "target", "verdict"] | join("\t")),
  (.json_to_sqlite | ["JSON->SQLite time", t(.ours), "sqlite3 " + t(.sqlite3), r(.ratio), "<= 1.5x", .verdict] | join("\t")),
  (.json_to_sqlite | ["JSON->SQLite peak RSS", m(.ours), "sqlite3 " + m(.sqlite3), "-", .peak_rss_target, .peak_rss_verdict] | join("\t")),
  (.sqlite_to_postgres | ["SQLite->PG time", t(.ours), "pgloader " + t(.pgloader), r(.ratio), "< 1.0x", .verdict] | join("\t")),
  (.sqlite_to_postgres | ["SQLite->PG vs floor", t(.ours), "psql \\copy " + t(.psql_copy), r(.ratio_to_psql_copy), "(none)", "info"] | join("\t")),
  (.sqlite_to_postgres | ["SQLite->PG peak RSS", m(.ours), "pgloader " + m(.pgloader) + ", psql " + m(.psql_copy), "-", .peak_rss_target, .peak_rss_verdict] | join("\t"))
' "$SUMMARY" | column -t -s $'\t'
jq -r '
  def rr(name; o): if o.round_ratios == null then empty
    else "  \(name), ratio of each round: \(o.round_ratios | map(tostring) | join(", ")) (the verdict takes their median)" end;
  rr("JSON->SQLite"; .json_to_sqlite), rr("SQLite->PG"; .sqlite_to_postgres)' "$SUMMARY"
echo
jq -r '"overall: \(.verdict)"' "$SUMMARY"
for k in ours_sqlite ours_pg; do
  n=$(jq -r 'select(.status != "measured") | .note // empty' "$WORK/result-$k.json")
  [ -n "$n" ] && echo "  ${k/ours_/ours (}): $n"
done
echo "  summary: $SUMMARY; hyperfine exports: $OUT_DIR/migrate-*.hyperfine.json"
echo
echo "Rows for docs/benchmarks.md:"
jq -r '
  def s(o): if o.status == "measured" then (o.mean_s * 1000 | round / 1000 | tostring) + " s" else o.status end;
  def m(o): if o.peak_rss_mib == null then "-" else (o.peak_rss_mib | tostring) + " MiB" end;
  "| \(.date) | \(.commit) | JSON→SQLite | \(s(.json_to_sqlite.ours)) | sqlite3 \(s(.json_to_sqlite.sqlite3)) | \(.json_to_sqlite.ratio // "-") | \(m(.json_to_sqlite.ours)) | \(.json_to_sqlite.verdict) / \(.json_to_sqlite.peak_rss_verdict) |",
  "| \(.date) | \(.commit) | SQLite→PostgreSQL | \(s(.sqlite_to_postgres.ours)) | pgloader \(s(.sqlite_to_postgres.pgloader)), psql \\copy \(s(.sqlite_to_postgres.psql_copy)) | \(.sqlite_to_postgres.ratio // "-") | \(m(.sqlite_to_postgres.ours)) | \(.sqlite_to_postgres.verdict) / \(.sqlite_to_postgres.peak_rss_verdict) |"
' "$SUMMARY"

case "$(jq -r .verdict "$SUMMARY")" in
  PASS) exit 0 ;;
  MISS) exit 1 ;;
  *) [ "$REFS_ONLY" = 1 ] && [ "$PG" = 1 ] && exit 0   # asked for the references only, and got them all
     [ "$OURS" = 1 ] || echo "migrate bench: ours was not measured: $ours_reason" >&2
     exit 2 ;;
esac
