# Sourced by the comparison scripts: finds a JDK 21+ (exported as JAVA_HOME, first on PATH) and
# defines find_python, which prints the first CPython 3.13+ that runs (TYPHON_PYTHON, python3.14,
# python3.13, pyenv's 3.14*/3.13*, then any python3 3.8+). The caller sets SCRIPT for messages.

# A JDK 21+: JAVA_HOME if it is one, else the first under /usr/lib/jvm (the default java may be older).
pick_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] || continue
    v="$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then printf '%s\n' "$c"; return 0; fi
  done
  return 1
}
JAVA_HOME="$(pick_jdk)" || { echo "${SCRIPT:-benchmarks}: no JDK 21+ found (set JAVA_HOME)" >&2; exit 1; }
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
