#!/usr/bin/env bash
# Semantic-index build time, use-def query scaling and retained memory of two benchmark jars,
# measured back to back with the same settings, then a table of new/old ratios.
#
#   benchmarks/compare-index.sh OLD_BENCH_JAR NEW_BENCH_JAR [CORPUS_DIR]
#
# Each jar is a benchmarks.jar built from this folder against one library version (build one, copy
# target/benchmarks.jar away, install the other library, build again). For each jar, in turn:
# IndexBenchmark.indexOnly and UseDefQueryBenchmark (JMH), then the RetainedMemory and
# IndexRetainedMemory mains. Times are reported in ms per operation (indexOnly's ops/s converted);
# "kx/1x" is a query's time at scale k over its time at scale 1 with the same jar (about k when
# the query is linear).
#
# CORPUS_DIR defaults to the standard library of the CPython 3.13+ found (TYPHON_PYTHON, python3.14,
# python3.13, pyenv's 3.14*/3.13*, python3). Needs a JDK 21+ (JAVA_HOME or /usr/lib/jvm) and a
# python3 (for the corpus and the table).
# Environment knobs:
#   JMH_ARGS      JMH options for every run (default "-wi 3 -w 5s -i 5 -r 5s -f 1"); e.g. add
#                 "-p scale=1,2 -p layout=concat,copies"
#   MEM_JVM_ARGS  JVM options of the memory mains (default "-Xss16m -Xmx8g")
#   RESULTS_DIR   keep the JMH JSON and the logs there (default: a temporary folder, removed)
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
fi
abs() { (cd "$(dirname "$1")" && printf '%s/%s\n' "$(pwd)" "$(basename "$1")"); }
OLD="$(abs "$1")"
NEW="$(abs "$2")"
for j in "$OLD" "$NEW"; do
  [ -f "$j" ] || { echo "compare-index: no such jar: $j" >&2; exit 2; }
done
cd "$(dirname "$0")"

SCRIPT=compare-index
# shellcheck source=env.sh
. ./env.sh   # JAVA_HOME (a JDK 21+), find_python

PYTHON="$(find_python)" || { echo "compare-index: no python3 found (set TYPHON_PYTHON)" >&2; exit 1; }
CORPUS="${3:-$("$PYTHON" -c "import sysconfig; print(sysconfig.get_paths()['stdlib'])")}"
CORPUS="$(cd "$CORPUS" && pwd)"
JMH_ARGS="${JMH_ARGS:--wi 3 -w 5s -i 5 -r 5s -f 1}"
MEM_JVM_ARGS="${MEM_JVM_ARGS:--Xss16m -Xmx8g}"

if [ -n "${RESULTS_DIR:-}" ]; then
  mkdir -p "$RESULTS_DIR"
  OUT="$(cd "$RESULTS_DIR" && pwd)"
else
  OUT="$(mktemp -d -t typhon-compare-index-XXXXXX)"
  trap 'rm -rf "$OUT"' EXIT
fi

echo "old: $OLD"
echo "new: $NEW"
echo "corpus: $CORPUS"
echo "JMH: $JMH_ARGS; memory mains: $MEM_JVM_ARGS"

# One JMH run per benchmark and jar, old then new, so each pair is measured close together.
run_jmh() { # LABEL JAR PATTERN
  echo
  echo "== $1: $3"
  # shellcheck disable=SC2086
  java -jar "$2" "$3" -p corpus="$CORPUS" $JMH_ARGS -rf json -rff "$OUT/$1.json" 2>&1 | tee "$OUT/$1.log" \
    | grep -E '^(# Benchmark:|# Parameters:|# corpus|# scale|Iteration|Result|  [0-9]|[A-Za-z]+Benchmark\.)' || true
  [ -s "$OUT/$1.json" ] || { echo "compare-index: JMH failed for $2 (see its output above)" >&2; exit 1; }
}
run_jmh old-index "$OLD" 'IndexBenchmark\.indexOnly$'
run_jmh new-index "$NEW" 'IndexBenchmark\.indexOnly$'
run_jmh old-query "$OLD" 'UseDefQueryBenchmark'
run_jmh new-query "$NEW" 'UseDefQueryBenchmark'

# "per source line: X bytes" (and "per source line after every query: X bytes") of a memory main.
run_memory() { # LABEL JAR CLASS
  echo
  echo "== $1: $3"
  # shellcheck disable=SC2086
  java $MEM_JVM_ARGS -cp "$2" "dev.typhon.benchmarks.$3" "$CORPUS" 2>&1 | tee "$OUT/$1.log"
}
for side in old new; do
  jar="$OLD"; [ "$side" = new ] && jar="$NEW"
  run_memory "$side-ast-memory" "$jar" RetainedMemory
  run_memory "$side-index-memory" "$jar" IndexRetainedMemory
done

"$PYTHON" - "$OUT" <<'PY'
import json, os, re, sys

out = sys.argv[1]
TO_MS = {"s": 1e3, "ms": 1.0, "us": 1e-3, "\u00b5s": 1e-3, "ns": 1e-6, "min": 6e4}

def times(label):
    """{(benchmark, scale, layout): (ms per op, relative error)} of one JMH result file."""
    rows = {}
    for r in json.load(open(os.path.join(out, label + ".json"))):
        name = ".".join(r["benchmark"].split(".")[-2:])
        p = r.get("params", {})
        m = r["primaryMetric"]
        score, unit = float(m["score"]), m["scoreUnit"]
        try:  # "NaN" (a string) when there is a single iteration
            err = float(m.get("scoreError", "nan"))
        except ValueError:
            err = float("nan")
        num, den = unit.split("/")
        if r["mode"] == "thrpt":   # ops per time unit -> ms per op
            ms = TO_MS[den] / score
        else:                      # time unit per op
            ms = score * TO_MS[num]
        rel = err / score if score and err == err else float("nan")
        rows[(name, p.get("scale", ""), p.get("layout", ""))] = (ms, rel)
    return rows

old, new = {}, {}
for kind in ("index", "query"):
    old.update(times("old-" + kind))
    new.update(times("new-" + kind))

def cell(v):
    if not v:
        return "%16s" % "n/a"
    score = ("%10.3f" if v[0] < 10 else "%10.1f") % v[0]
    return score + (" ±%3.0f%%" % (100 * v[1]) if v[1] == v[1] else "      ")

def ratio(a, b):
    return "%7.2f" % (a / b) if a and b else "%7s" % "n/a"

print()
print("time per operation (ms; ± is JMH's 99.9% error); new/old < 1 is faster; kx/1x ~ k is linear")
print("%-42s %5s %-7s %16s %16s %7s %8s %8s" % ("benchmark", "scale", "layout", "old", "new", "new/old",
                                               "old kx/1x", "new kx/1x"))
for key in sorted(set(old) | set(new), key=lambda k: (k[0], k[2], int(k[1] or 0))):
    name, scale, layout = key
    o, n = old.get(key), new.get(key)
    base = (name, "1", layout)
    kx = ("", "")
    if scale and scale != "1":
        kx = tuple(ratio(d.get(key, (None,))[0], d.get(base, (None,))[0]) for d in (old, new))
    print("%-42s %5s %-7s %s %s %s %8s %8s" % (name, scale or "-", layout or "-", cell(o), cell(n),
                                               ratio(n and n[0], o and o[0]), kx[0], kx[1]))

def per_line(label, key):
    try:
        text = open(os.path.join(out, label + ".log")).read()
    except OSError:
        return None
    m = re.search(r"^" + re.escape(key) + r": ([0-9.]+) bytes$", text, re.M)
    return float(m.group(1)) if m else None

mem = {}
for side in ("old", "new"):
    ast = per_line(side + "-ast-memory", "per source line")
    idx = per_line(side + "-index-memory", "per source line")
    idxq = per_line(side + "-index-memory", "per source line after every query")
    mem[side] = {
        "ASTs (RetainedMemory)": ast,
        "indexes (IndexRetainedMemory)": idx,
        "indexes after every query": idxq,
        "ASTs + indexes": ast + idx if ast is not None and idx is not None else None,
        "ASTs + indexes after every query": ast + idxq if ast is not None and idxq is not None else None,
    }

def num(v):
    return "%8.1f" % v if v is not None else "%8s" % "n/a"

print()
print("retained heap, bytes per source line (one reading each; GC noise is a few %)")
print("%-34s %8s %8s %7s" % ("", "old", "new", "new/old"))
for k in mem["old"]:
    o, n = mem["old"][k], mem["new"][k]
    print("%-34s %s %s %s" % (k, num(o), num(n), ratio(n, o)))
PY
