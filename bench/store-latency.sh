#!/usr/bin/env bash
# Latency of one create / get / update in stores of 1,000 and 100,000 sessions on each backend, and
# the throughput of 8 threads on PostgreSQL. PostgreSQL: MINSKY_TEST_POSTGRES_URL (a role that may
# create databases), else an embedded server. Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DATA=bench/data/sessions-100k.json
[ -f "$DATA" ] || { mkdir -p bench/data; python3 bench/gen-sessions.py 100000 > "$DATA"; }
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  dev.minsky.sessions.bench.StoreLatencyBench "$DATA" "${BENCH_OPS:-200}"
