#!/usr/bin/env bash
# Parse throughput of Typhon (JMH, single thread) against CPython's ast.parse on the same files.
#
#   benchmarks/compare-cpython.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to the standard library of the CPython found (TYPHON_PYTHON, python3.14,
# python3.13, pyenv's 3.14*/3.13*, python3). Needs a JDK 21+ (JAVA_HOME or PATH) and the library
# installed in the local Maven repository: (cd .. && mvn install -DskipTests).
# Environment knobs: JMH_ARGS (default "-wi 3 -w 10s -i 5 -r 10s -f 1"), CPYTHON_ROUNDS (default 5).
set -euo pipefail
cd "$(dirname "$0")"

# A JDK 21+: JAVA_HOME if it is one, else the first under /usr/lib/jvm (the default java may be older).
pick_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    v="$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)"
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then printf '%s\n' "$c"; return 0; fi
  done
  return 1
}
JAVA_HOME="$(pick_jdk)" || { echo "compare-cpython: no JDK 21+ found (set JAVA_HOME)" >&2; exit 1; }
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

PYTHON="$(find_python)" || { echo "compare-cpython: no CPython found (set TYPHON_PYTHON)" >&2; exit 1; }
echo "CPython: $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"
CORPUS="${1:-$("$PYTHON" -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")}"
CORPUS="$(cd "$CORPUS" && pwd)"
echo "corpus: $CORPUS"

if [ ! -f target/benchmarks.jar ]; then
  mvn -q -B package
fi

JSON="$(mktemp -t typhon-jmh-XXXXXX.json)"
trap 'rm -f "$JSON"' EXIT
# shellcheck disable=SC2086
java -jar target/benchmarks.jar ParserBenchmark -p corpus="$CORPUS" ${JMH_ARGS:--wi 3 -w 10s -i 5 -r 10s -f 1} \
  -rf json -rff "$JSON"

"$PYTHON" - "$CORPUS" "$JSON" "${CPYTHON_ROUNDS:-5}" <<'PY'
import ast, json, os, sys, time, warnings

corpus, result_file, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])

# The same files as Corpus.java: every .py/.pyi under the directory, read before any timing.
paths = []
for root, dirs, names in os.walk(corpus):
    paths.extend(os.path.join(root, n) for n in names if n.endswith((".py", ".pyi")))
paths.sort()
sources = []
for p in paths:
    try:
        with open(p, "rb") as f:
            sources.append(f.read())
    except OSError:
        pass
total = sum(map(len, sources))

warnings.simplefilter("ignore")  # SyntaxWarnings would time stderr writes, not parsing
best = float("inf")
rejected = 0
for _ in range(rounds):
    rejected = 0
    start = time.perf_counter()
    for src in sources:
        try:
            ast.parse(src)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            rejected += 1
    best = min(best, time.perf_counter() - start)
cpython = total / best / 1e6

with open(result_file) as f:
    jmh = json.load(f)
bench = next(r for r in jmh if r["benchmark"].endswith("ParserBenchmark.parseAll"))
secondary = bench.get("secondaryMetrics", {})
if "bytes" in secondary:
    typhon = secondary["bytes"]["score"] / 1e6
else:  # ops/s times the corpus size
    typhon = bench["primaryMetric"]["score"] * total / 1e6

print()
print("files: %d, %.1f MB (CPython rejects %d)" % (len(sources), total / 1e6, rejected))
print("CPython %s ast.parse: %8.2f MB/s (best of %d)" % (sys.version.split()[0], cpython, rounds))
print("Typhon PythonParser.parse: %8.2f MB/s (JMH mean)" % typhon)
print("ratio typhon/cpython: %.2f" % (typhon / cpython))
PY
