#!/usr/bin/env bash
# Latency of one create / get / update in stores of 1,000 and 100,000 sessions on each backend, and
# the throughput of 8 threads on PostgreSQL. PostgreSQL: MINSKY_BENCH_POSTGRES_URL, else
# MINSKY_TEST_POSTGRES_URL (a role that may create databases), else an embedded server.
# Prints a Markdown table for docs/benchmarks.md and writes bench/out/store-latency.json.
# Usage: bench/store-latency.sh [--records N] [--ops N]
#   --records N  data set size (default 100000; the sizes are 1,000 and 100,000, capped at N)
#   --ops N      rounds of create / get / update per store (default 200, or BENCH_OPS; 20 at most for JSON)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RECORDS=100000
OPS=${BENCH_OPS:-200}
die() { printf 'store-latency: %s\n' "$*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS=${2:-}; shift 2 || die "--records needs a number" ;;
    --ops) OPS=${2:-}; shift 2 || die "--ops needs a number" ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$RECORDS" =~ ^[1-9][0-9]*$ ]] || die "--records must be a positive number (got '$RECORDS')"
[[ "$OPS" =~ ^[1-9][0-9]*$ ]] || die "--ops must be a positive number (got '$OPS')"

label=$RECORDS; [ "$RECORDS" = 100000 ] && label=100k
DATA=bench/data/sessions-$label.json      # the same file as list-json.sh and migrate.sh
OUT=bench/out/store-latency.txt
SUMMARY=bench/out/store-latency.json
[ -s "$DATA" ] || { mkdir -p bench/data; python3 bench/gen-sessions.py "$RECORDS" --seed 42 --shape array > "$DATA.tmp"; mv "$DATA.tmp" "$DATA"; }
mkdir -p bench/out
rm -f "$SUMMARY"

# The tests' PostgreSQL helper reads MINSKY_TEST_POSTGRES_URL; the benchmarks' own URL wins.
if [ -n "${MINSKY_BENCH_POSTGRES_URL:-}" ]; then export MINSKY_TEST_POSTGRES_URL=$MINSKY_BENCH_POSTGRES_URL; fi

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.minsky.sessions.bench.StoreLatencyBench "$DATA" "$OPS" | tee "$OUT"

# The Markdown rows and the throughput line, as JSON for bench/run-all.sh.
python3 - "$OUT" "$SUMMARY" "$RECORDS" "$OPS" <<'PY'
import json, re, subprocess, sys, datetime
text, out, records, ops = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = []
for line in text.splitlines():
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 6 and cells[0] in ("json", "sqlite", "postgres"):
        def pair(c):
            median, p95 = (float(x) for x in c.split("/"))
            return {"median_ms": median, "p95_ms": p95}
        rows.append({"backend": cells[0], "sessions": int(cells[1].replace(",", "")), "load_s": float(cells[2]),
                     "create": pair(cells[3]), "get": pair(cells[4]), "update": pair(cells[5])})
m = re.search(r"8 threads on PostgreSQL \(([\d,]+) sessions.*?: ([\d,]+) operations/s \(([\d,]+) reads, ([\d,]+) updates, ([\d,]+) reported conflicts", text)
concurrent = None
if m:
    n = [int(g.replace(",", "")) for g in m.groups()]
    concurrent = {"sessions": n[0], "ops_per_s": n[1], "reads": n[2], "updates": n[3], "conflicts": n[4]}
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
json.dump({"benchmark": "store-latency", "date": datetime.datetime.utcnow().strftime("%Y-%m-%d"), "commit": commit,
           "records": records, "ops": ops, "rows": rows, "concurrent_postgres": concurrent}, open(out, "w"), indent=2)
print(f"Summary for tools: {out}")
PY
