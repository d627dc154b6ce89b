#!/usr/bin/env bash
# Builds the native packages of minsky-sessions with jpackage (JDK 17+), into target/installer/.
#
# Usage: installer/build.sh [app-image|deb|all] [--no-build]
#   app-image  (default) target/installer/minsky-sessions/: the app with a trimmed Java runtime;
#              bin/minsky-sessions opens the GUI with no arguments and is the CLI with a command
#   deb        target/installer/minsky-sessions_VERSION_ARCH.deb (needs dpkg-deb and fakeroot),
#              depends on libgtk-3-0, with a desktop entry and icon
#   all        both
#   --no-build use target/app/ as it is (the Maven profiles pass this: they have just built it)
#
# target/app/ (the jar, its runtime jars and jvm.options) is built first with
# `./mvnw -B package -DskipTests` when it is missing or older than pom.xml or anything in src/main/.
# The launcher gets one --java-options per non-comment line of target/app/jvm.options, so the
# installed app runs with the heap bound and collector the benchmarks measure.
# Windows (.msi) and macOS (.dmg) are built on those systems: see installer/README.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TYPE=app-image
BUILD=1
for arg in "$@"; do
  case "$arg" in
    app-image|deb|all) TYPE=$arg ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) echo "installer/build.sh: unknown argument '$arg' (app-image, deb, all, --no-build)" >&2; exit 2 ;;
  esac
done

APP=target/app
JAR=$APP/minsky-sessions.jar
OUT=target/installer
NAME=minsky-sessions

step() { printf '==> %s\n' "$*"; }
die() { printf 'installer/build.sh: %s\n' "$*" >&2; exit 1; }

command -v jpackage >/dev/null || die "jpackage not found: it comes with a full JDK 17+ (Debian: openjdk-17-jdk)"

# ---- the app: target/app ---------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  if [ ! -f "$JAR" ]; then
    reason="$JAR is missing"
  else
    newer=$(find pom.xml src/main -newer "$JAR" -type f -print -quit)
    reason=${newer:+$newer is newer than $JAR}
  fi
  if [ -n "$reason" ]; then
    step "Building $APP ($reason): ./mvnw -B -q package -DskipTests"
    ./mvnw -B -q package -DskipTests
  fi
fi
[ -f "$JAR" ] && [ -f "$APP/jvm.options" ] || die "$JAR or $APP/jvm.options is missing: run ./mvnw -B package -DskipTests"

# The version jpackage wants is numeric: the pom's version without a -SNAPSHOT (or other) suffix.
pom_version=$(sed -n 's/^version=//p' target/classes/version.properties 2>/dev/null || true)
[ -n "$pom_version" ] || die "no version in target/classes/version.properties: rebuild with ./mvnw -B package -DskipTests"
VERSION=${pom_version%%-*}
[[ "$VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot make a jpackage version of '$pom_version'"

# ---- JVM options: jvm.options -> --java-options, and the Windows/macOS argfiles must agree ----------
# Options marked "[linux] " are for Linux's JVM only (Windows' and macOS' refuse them): this launcher
# takes them when built on Linux; the Windows and macOS argfiles must hold all the others.
mapfile -t ALL_OPTS < <(grep -v '^[[:space:]]*\(#\|$\)' "$APP/jvm.options" | sed 's/[[:space:]]*$//')
JVM_OPTS=()
PORTABLE_OPTS=()
for o in "${ALL_OPTS[@]}"; do
  case "$o" in
    "[linux] "*) [ "$(uname -s)" = Linux ] && JVM_OPTS+=("${o#\[linux\] }") ;;
    *) JVM_OPTS+=("$o"); PORTABLE_OPTS+=("$o") ;;
  esac
done
JAVA_OPTIONS=()
for o in "${JVM_OPTS[@]}"; do JAVA_OPTIONS+=(--java-options "$o"); done
for f in installer/jpackage-windows.txt installer/jpackage-mac.txt; do
  theirs=$(awk 'prev == "--java-options" { print } { prev = $0 }' "$f")
  [ "$theirs" = "$(printf '%s\n' "${PORTABLE_OPTS[@]}")" ] \
    || die "the --java-options in $f ($(echo $theirs)) differ from src/main/app/jvm.options (${PORTABLE_OPTS[*]}, its options for every system): make them the same"
done

# ---- jpackage input: the jars, without jvm.options (the launcher carries those options) -------------
INPUT=$OUT/input
rm -rf "$INPUT"
mkdir -p "$INPUT"
cp -p "$APP"/*.jar "$APP"/cds-classes.lst "$INPUT"/
# the SQLite driver's native library for this machine (jvm.options: -Dorg.sqlite.lib.path=$APPDIR/native)
[ -d "$APP/native" ] || die "$APP/native is missing: run ./mvnw -B package -DskipTests"
cp -pr "$APP/native" "$INPUT"/

common=(@installer/jpackage-common.txt --app-version "$VERSION" --input "$INPUT" --dest "$OUT" "${JAVA_OPTIONS[@]}")

# The class-data sharing archive of an app image (ADR 8), made by the image's own launcher and runtime
# at the image's own path: the archive names the jars by path. (The .deb makes its archive when it is
# installed, in installer/linux/postinst, for the same reason.) -Xshare:dump makes the JVM write the
# archive that the launcher's -XX:SharedArchiveFile names, then exit before the app starts.
cds_archive() {
  local image=$1
  JAVA_TOOL_OPTIONS="-Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedClassListFile=$image/lib/app/cds-classes.lst" \
    "$image/bin/$NAME" >/dev/null 2>&1 || true
  [ -s "$image/lib/app/$NAME.jsa" ] \
    || die "no class-data sharing archive made at $image/lib/app/$NAME.jsa (run JAVA_TOOL_OPTIONS=-Xshare:dump $image/bin/$NAME to see why)"
  echo "    class-data sharing archive: $(du -h "$image/lib/app/$NAME.jsa" | cut -f1)"
}

build_app_image() {
  step "App image $OUT/$NAME (version $VERSION, java options: ${JVM_OPTS[*]})"
  rm -rf "${OUT:?}/$NAME"
  local t0=$SECONDS
  jpackage --type app-image "${common[@]}" --icon installer/icons/minsky-sessions.png
  cds_archive "$OUT/$NAME"
  echo "    $(du -sh "$OUT/$NAME" | cut -f1) in $((SECONDS - t0)) s: $OUT/$NAME/bin/$NAME"
}

build_deb() {
  command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
    || die "a .deb needs dpkg-deb and fakeroot (apt-get install -y dpkg-dev fakeroot)"
  # --linux-shortcut makes jpackage check for the XDG menu directory of the build machine.
  if [ ! -d /etc/xdg/menus ]; then
    mkdir -p /etc/xdg/menus 2>/dev/null \
      || die "--linux-shortcut needs /etc/xdg/menus: create it (sudo mkdir -p /etc/xdg/menus)"
  fi
  step "Debian package (version $VERSION, depends on libgtk-3-0)"
  rm -f "$OUT/${NAME}_"*.deb
  local t0=$SECONDS
  jpackage --type deb "${common[@]}" @installer/jpackage-linux.txt
  local deb
  deb=$(ls "$OUT/${NAME}_"*.deb)
  echo "    $(du -h "$deb" | cut -f1) in $((SECONDS - t0)) s: $deb"
}

case "$TYPE" in
  app-image) build_app_image ;;
  deb) build_deb ;;
  all) build_app_image; build_deb ;;
esac
rm -rf "$INPUT"
