# Sourced by ./typhon, ./build and .ci/run: finds a JDK 21 or newer, because the machine's default
# java may be older (17 on our machines) and the build refuses it.
# typhon_find_java_home prints the home of the first JDK 21+ among $JAVA_HOME, the java on PATH and
# /usr/lib/jvm/*, in that order of preference; it prints nothing and fails when there is none.

typhon_java_major() {  # the feature version of a java binary, or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

typhon_find_java_home() {
  local candidates=() c v home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/*/; do candidates+=("${c%/}"); done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    v="$(typhon_java_major "$home/bin/java")"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then
      printf '%s\n' "$home"
      return 0
    fi
  done
  return 1
}

# Maven options for a quiet, colourless build: batch mode (no colour codes, no progress), and on
# JDK 24+ no warning about Maven's own use of sun.misc.Unsafe.
typhon_maven_env() {
  local v
  v="$(typhon_java_major "$1/bin/java")"
  if [ -n "$v" ] && [ "$v" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}
