# Shared by the bench/*.sh scripts: `. bench/lib.sh` after cd-ing to the repository root.

# install_missing PACKAGE... : installs the Debian packages given (the callers list only the ones
# whose commands are missing); needs root.
install_missing() {
  [ $# -gt 0 ] || return 0
  printf '==> Installing %s\n' "$*"
  if [ "$(id -u)" -ne 0 ]; then
    printf 'bench: needs root to install: %s (or install them first)\n' "$*" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# jvm_options FILE : the options of target/app/jvm.options (the ones the installed launcher uses),
# one per line, comments and blank lines left out; nothing when the file is missing.
# $APPDIR (the jar's folder, which jpackage's launcher expands) becomes the folder of FILE.
jvm_options() {
  [ -f "$1" ] && grep -v '^[[:space:]]*\(#\|$\)' "$1" | sed "s|\$APPDIR|$(cd "$(dirname "$1")" && pwd)|g"
  true
}
