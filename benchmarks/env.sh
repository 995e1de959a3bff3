# Sourced by the comparison scripts: finds a JDK 21+ (exported as JAVA_HOME, first on PATH) and
# defines find_python, which prints the first CPython 3.13+ that runs (TYPHON_PYTHON, python3.14,
# python3.13, pyenv's 3.14*/3.13*, then any python3 3.8+). The caller sets SCRIPT for messages.

# A JDK 21+, found as ./typhon and ./build find it.
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/jdk.sh"
JAVA_HOME="$(typhon_find_java_home)" || { echo "${SCRIPT:-benchmarks}: no JDK 21+ found (set JAVA_HOME)" >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

# A candidate counts only if it runs: a pyenv shim for a version not selected fails.
works() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 8))' >/dev/null 2>&1; }

find_python() {
  local c v root
  for c in "${TYPHON_PYTHON:-}" python3.14 python3.13; do
    [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && works "$c" && { command -v "$c"; return 0; }
  done
  if root="$(pyenv root 2>/dev/null)"; then
    for v in $(ls -d "$root"/versions/3.14* "$root"/versions/3.13* 2>/dev/null | sort -rV); do
      works "$v/bin/python3" && { echo "$v/bin/python3"; return 0; }
    done
  fi
  command -v python3 >/dev/null 2>&1 && works python3 && command -v python3
}
