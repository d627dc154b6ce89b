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
  [ -f "$1" ] && grep -v '^[[:space:]]*\(#\|$\)' "$1" | sed "s|\$APPDIR|$(cd "$(dirname "$1")" && pwd)|g; s|^\[linux\] ||"
  true
}

# pg_env URL : `export` lines (to eval) of libpq's variables PGHOST, PGPORT, PGUSER, PGPASSWORD,
# PGDATABASE and PGSSLMODE for a postgresql:// URL; fails on anything else. The password then travels
# in PGPASSWORD only (psql, pgloader and the app read it): never on a command line, never printed.
pg_env() {
  PG_URL="$1" python3 - <<'PY'
import os, shlex, urllib.parse
u = urllib.parse.urlsplit(os.environ["PG_URL"])
if u.scheme not in ("postgresql", "postgres"):
    raise SystemExit("not a postgresql:// URL")
q = urllib.parse.parse_qs(u.query)
env = {"PGHOST": u.hostname or "", "PGPORT": str(u.port or 5432),
       "PGUSER": urllib.parse.unquote(u.username or ""),
       "PGDATABASE": urllib.parse.unquote(u.path.lstrip("/")) or "postgres"}
if u.password is not None:
    env["PGPASSWORD"] = urllib.parse.unquote(u.password)
elif "password" in q:
    env["PGPASSWORD"] = q["password"][0]
if "sslmode" in q:
    env["PGSSLMODE"] = q["sslmode"][0]
for k, v in env.items():
    if v:
        print(f"export {k}={shlex.quote(v)}")
PY
}

# pg_url_without_password [DB] : the URL of the exported PG* variables (see pg_env) without its
# password, for DB (default PGDATABASE): what may be shown, or given to the app on its command line.
pg_url_without_password() {
  printf 'postgresql://%s@%s:%s/%s%s' "${PGUSER:-}" "${PGHOST:-localhost}" "${PGPORT:-5432}" "${1:-${PGDATABASE:-}}" \
    "${PGSSLMODE:+?sslmode=$PGSSLMODE}"
}
