#!/usr/bin/env bash
# Benchmark: the sessions window with 100,000 sessions in the JSON store and in SQLite, on a real
# (virtual, Xvfb) display:
#   - time from launch (the JVM's start) to the first rows shown      target: <= 1.5 s
#   - time to apply one keystroke of the quick filter (median)        target: <= 50 ms
#     measured from the filter text changing to the table holding the result; the window waits
#     150 ms after the last keystroke before it asks (by design: typing is not slowed down), and
#     that pause is not counted.
# Usage: bench/gui-latency.sh [--records N] [--runs N]   (default 100000 records, 3 launches per store)
# Writes bench/out/gui-latency.json for bench/run-all.sh. Needs xvfb-run (installed when missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. bench/lib.sh

RECORDS=100000
RUNS=3
TYPED=edobry/minsky
while [ $# -gt 0 ]; do
  case "$1" in
    --records) RECORDS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "gui-latency: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

command -v xvfb-run >/dev/null || install_missing xvfb xauth libgtk-3-0

label=$RECORDS; [ "$RECORDS" = 100000 ] && label=100k
DATA=bench/data/sessions-$label.json
[ -s "$DATA" ] || { mkdir -p bench/data; python3 bench/gen-sessions.py "$RECORDS" --seed 42 --shape array > "$DATA.tmp"; mv "$DATA.tmp" "$DATA"; }
WORK=bench/out/gui
mkdir -p "$WORK"

./mvnw -B -q package -DskipTests >/dev/null
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
# The app as target/app has it (its jar first, so the class-data sharing archive of jvm.options
# applies, as in the installed launcher), then the benchmark's own class in a jar, then test libraries.
rm -f "$WORK/bench.jar"
(cd target/test-classes && jar cf "$OLDPWD/$WORK/bench.jar" dev/minsky/sessions/bench)
CP="target/app/minsky-sessions.jar:$WORK/bench.jar:$(cat target/bench.classpath)"
mapfile -t JVM_OPTS < <(jvm_options target/app/jvm.options)

# The same records in SQLite, written by our own migration (the file the GUI then opens).
SQLITE=$WORK/sessions-$label.db
if [ ! -s "$SQLITE" ]; then
  java "${JVM_OPTS[@]}" -jar target/app/minsky-sessions.jar migrate --from "json:$DATA" --to "sqlite:$SQLITE" \
    --no-backup --no-verify >/dev/null
fi
cp "$DATA" "$WORK/sessions.json"

run() { # backend file -> appends "first_ms keystroke_median_ms" lines to $WORK/$1.txt
  : > "$WORK/$1.txt"
  for _ in $(seq 1 "$RUNS"); do
    out=$(HOME=$WORK xvfb-run -a -s "-screen 0 1280x800x24" java "${JVM_OPTS[@]}" -cp "$CP" \
      dev.minsky.sessions.bench.GuiBench "$1" "$2" "$TYPED")
    echo "$out" | sed 's/^/    /'
    first=$(echo "$out" | sed -n 's/^first rows: \([0-9]*\) ms.*/\1/p')
    median=$(echo "$out" | sed -n 's/^keystroke: median \([0-9.]*\) ms.*/\1/p')
    echo "$first $median" >> "$WORK/$1.txt"
  done
}
echo "==> JSON store, $RECORDS sessions, $RUNS launches"; run json "$WORK/sessions.json"
echo "==> SQLite, $RECORDS sessions, $RUNS launches"; run sqlite "$SQLITE"

python3 - "$WORK" "$RECORDS" <<'PY'
import json, statistics, subprocess, sys, datetime
work, records = sys.argv[1], int(sys.argv[2])
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
date = datetime.datetime.utcnow().strftime("%Y-%m-%d")
figures, ok = [], True
for backend, name in (("json", "JSON"), ("sqlite", "SQLite")):
    rows = [tuple(float(x) for x in l.split()) for l in open(f"{work}/{backend}.txt") if l.strip()]
    first = statistics.median(r[0] for r in rows) / 1000
    key = statistics.median(r[1] for r in rows)
    for figure, ours, target, passed in (
            (f"GUI first rows, {name}", f"{first:.2f} s", "<= 1.5 s", first <= 1.5),
            (f"GUI keystroke filter, {name} (median)", f"{key:.1f} ms", "<= 50 ms", key <= 50)):
        ok &= passed
        figures.append({"figure": figure + ("" if records == 100000 else f" (trial, {records:,})"), "ours": ours,
                        "reference": "-", "ratio": "-", "target": target, "verdict": "PASS" if passed else "MISS",
                        "date": date, "commit": commit})
        print(f"{figure:40} {ours:>10}   target {target:8} {'PASS' if passed else 'MISS'}")
json.dump({"figures": figures}, open("bench/out/gui-latency.json", "w"), indent=2)
sys.exit(0 if ok else 1)
PY
