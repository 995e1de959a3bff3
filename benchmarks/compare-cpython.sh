#!/usr/bin/env bash
# Parse throughput of Typhon (JMH, single thread) against CPython's ast.parse on the same files.
#
#   benchmarks/compare-cpython.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to the standard library of the CPython found (TYPHON_PYTHON, python3.14,
# python3.13, pyenv's 3.14*/3.13*, python3). Needs a JDK 21+ (JAVA_HOME or PATH) and the library
# installed in the local Maven repository: (cd .. && ./build install -DskipTests).
# Environment knobs: JMH_ARGS (default "-wi 3 -w 10s -i 5 -r 10s -f 1"), CPYTHON_ROUNDS (default 5).
set -euo pipefail
cd "$(dirname "$0")"

SCRIPT=compare-cpython
# shellcheck source=env.sh
. ./env.sh   # JAVA_HOME (a JDK 21+), find_python

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
