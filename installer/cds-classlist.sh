#!/usr/bin/env bash
# Regenerates src/main/app/cds-classes.lst: the classes the app loads when it starts and does its
# common work, recorded from real runs of the built jar. The build turns that list into a class-data
# sharing archive (AppCDS, see docs/adr/0008-startup-class-data-sharing.md) that the installed launcher and
# the benchmarks start with: the JVM then maps those classes ready-parsed instead of reading,
# verifying and linking them from the jars on every start.
#
# Usage: installer/cds-classlist.sh
# Run it after adding or upgrading a dependency, or after large changes to start-up code; a stale
# list is harmless (classes it lacks are loaded from the jars as usual, names it has that no longer
# exist are skipped). Needs xvfb-run for the window's share of the list, and uses PostgreSQL when
# MINSKY_TEST_POSTGRES_URL is set (its driver's classes).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

OUT=src/main/app/cds-classes.lst
./mvnw -B -q package -DskipTests -Dexec.skip   # the archive is what this list is for: not made here
JAR=target/app/minsky-sessions.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
FIX=src/test/resources/fixtures
n=0
run() { # records the classes one run of the jar loads (any exit status: some runs show errors on purpose)
  n=$((n + 1))
  java -Xshare:off -XX:DumpLoadedClassList="$work/run-$n.lst" -jar "$JAR" "$@" >/dev/null 2>&1 || true
}

run --help
run --version
run config
run list --store "json:$FIX/minsky-written/session-db.json"
run list --store "json:$FIX/messy-1000-with-3-invalid.json" --format json
run list --store "json:$FIX/messy-1000-with-3-invalid.json" --format csv --filter minsky
run show --store "json:$FIX/minsky-written/session-db.json" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d=d if isinstance(d,list) else d.get("sessions",[]); print(d[0]["session"])' "$FIX/minsky-written/session-db.json")"
run migrate --from "json:$FIX/messy-1000-with-3-invalid.json" --to "sqlite:$work/t.db" --backup "$work/backups"
run verify --from "json:$FIX/messy-1000-with-3-invalid.json" --to "sqlite:$work/t.db"
run list --store "sqlite:$work/t.db" --limit 20
run migrate --from "sqlite:$work/t.db" --to "json:$work/back.json" --no-backup --format json
run test-connection --store "sqlite:$work/t.db"
if [ -n "${MINSKY_TEST_POSTGRES_URL:-}" ]; then
  # the password in PGPASSWORD (the app reads it as libpq does), not on the command line
  . bench/lib.sh
  exports=$(pg_env "$MINSKY_TEST_POSTGRES_URL") || { echo "cds-classlist: MINSKY_TEST_POSTGRES_URL is not a postgresql:// URL" >&2; exit 2; }
  eval "$exports"
  pg=$(pg_url_without_password)
  run test-connection --store "$pg"
  run list --store "$pg" --limit 5
  # A migration into a database of its own (the bulk write's COPY and the verification's lookups): without
  # it, 40 of the driver's classes and 70 method-handle forms were made at every such run, 30-50 ms of its start.
  if command -v createdb >/dev/null && createdb "minsky_cds_$$" 2>/dev/null; then
    run migrate --from "sqlite:$work/t.db" --to "$(pg_url_without_password "minsky_cds_$$")" --no-backup
    dropdb --if-exists "minsky_cds_$$" || true
  else
    echo "cds-classlist: could not create a database for a migration into PostgreSQL: its classes are left out" >&2
  fi
fi
# The window on a JSON store, left running until its rows are surely shown (a SIGTERM then ends it
# normally, which completes the list).
if command -v xvfb-run >/dev/null; then
  n=$((n + 1))
  cp "$FIX/messy-1000-with-3-invalid.json" "$work/gui.json"
  HOME=$work MINSKY_JSON_PATH=$work/gui.json timeout -s TERM 15 xvfb-run -a -s "-screen 0 1280x800x24" \
    java -Xshare:off -XX:DumpLoadedClassList="$work/run-$n.lst" -jar "$JAR" >"$work/window.log" 2>&1 || true
  # A window that could not open (no GTK libraries, no display) still leaves a list, without the window's
  # classes: writing it would leave them out of the archive, and the window would start slower for
  # everyone. Stop here instead.
  if ! grep -q '^javafx/scene/control/TableView$' "$work/run-$n.lst" 2>/dev/null; then
    echo "cds-classlist: the window did not open under xvfb-run, so $OUT was left as it was; its output:" >&2
    grep -v '^[[:space:]]*at ' "$work/window.log" | head -n 5 >&2
    echo "cds-classlist: on Debian it needs libgtk-3-0 (apt-get install libgtk-3-0 xvfb xauth)" >&2
    exit 1
  fi
else
  echo "cds-classlist: xvfb-run not found: the list leaves out the window's classes" >&2
fi

# One name per line, in first-seen order: the archive is laid out in that order, and measured with
# the window, a sorted list started it 0.3 s slower. The runs' own ids are left out (plain names are a
# valid list, and ids from different runs would clash). The lambda lines are kept: @lambda-proxy (a
# lambda's class, pre-generated in the archive instead of spun at its first use) and
# @lambda-form-invoker (method-handle forms); each comes after the classes it names, as recorded.
{
  echo "# Classes for the AppCDS archive: generated by installer/cds-classlist.sh, read by the build."
  # generated proxies and JFR's event classes cannot be archived: left out, so the build does not warn.
  # Nor lambdas implementing a picocli interface: picocli's classes are Java 5 class files, which the dump
  # links to make such a lambda and then may not archive ("Old class has been linked"): the build warned
  # and archived neither the lambdas nor those interfaces; without them the interfaces are archived.
  cat "$work"/run-*.lst | awk '!/^#/ && (!/^@/ || /^@lambda-proxy / || /^@lambda-form-invoker /)' \
    | sed '/^@/!s/ .*//' | grep -v '\$Proxy[0-9]\|^jdk/internal/event/' \
    | grep -v '^@lambda-proxy [^ ]* [^ ]* ([^)]*)Lpicocli/' | awk 'NF && !seen[$0]++'
} > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "cds-classlist: $(grep -vc '^#' "$OUT") classes in $OUT from $n runs"
