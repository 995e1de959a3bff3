// CPython 3.14 (Pyodide, WebAssembly) as an offline ast.dump oracle for 3.14-only syntax.
//
// Run (node 18+):
//   cd src/test/scripts/pyodide && npm ci
//   node dump314.mjs FILE.py...            # prints one line per file, like dump_ast.py
//   node dump314.mjs --version             # prints the embedded CPython's sys.version
//   node dump314.mjs --write-dumps FILE.py...  # writes FILE.dump next to each FILE.py
//
// The Python code is src/test/resources/oracle/dump_ast.py itself (its dump_source function),
// so the 3.13 oracle and this 3.14 one print exactly the same shape of line.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = dirname(fileURLToPath(import.meta.url));
const oracleSource = readFileSync(join(here, "..", "..", "resources", "oracle", "dump_ast.py"), "utf8");

const args = process.argv.slice(2);
const pyodide = await loadPyodide();
// A fresh namespace whose __name__ is not "__main__", so dump_ast.py's main() stays idle.
const namespace = pyodide.toPy({ __name__: "dump_ast" });
pyodide.runPython(oracleSource, { globals: namespace });
const dumpSource = namespace.get("dump_source");
const pyBytesOf = pyodide.runPython("bytes", { globals: namespace });

if (args[0] === "--version") {
  process.stdout.write(pyodide.runPython("import sys; sys.version") + "\n");
  process.exit(0);
}

const writeDumps = args[0] === "--write-dumps";
const files = writeDumps ? args.slice(1) : args;
const out = [];
for (const file of files) {
  // bytes, not str: ast.parse must see the raw file (BOM, coding cookie) as CPython would.
  const data = readFileSync(file);
  const pyBytes = pyBytesOf(pyodide.toPy(new Uint8Array(data)));
  const line = dumpSource(pyBytes);
  pyBytes.destroy();
  if (writeDumps) {
    writeFileSync(file.replace(/\.py$/, ".dump"), line + "\n", "utf8");
  } else {
    out.push(line, "\n");
  }
}
process.stdout.write(out.join(""));
