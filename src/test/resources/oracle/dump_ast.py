"""CPython's ast.dump as the oracle for Typhon's parser and AstDump.

For each source file path (arguments, or else one per line on stdin) prints exactly one line:

    ast.dump(ast.parse(source_bytes), include_attributes=True, show_empty=True)

or, when CPython rejects the file, ``!SyntaxError <lineno>:<offset> <msg>``. ValueError,
RecursionError and MemoryError (a null byte, nesting too deep, an int literal past
sys.get_int_max_str_digits()) become ``!SyntaxError 0:0 <Type>: <msg>``.

One process serves all files, because interpreter start-up would dominate a stdlib-sized run:

    find /some/Lib -name '*.py' | python3.13 dump_ast.py > dumps.txt

The output is UTF-8 whatever the locale: ast.dump shows printable non-ASCII characters as
themselves. Every line is one line because repr() escapes newlines and the other line breaks.

show_empty= exists from CPython 3.13 on, so older interpreters are refused.
The same ``dump_source`` runs under Pyodide (CPython 3.14) in ../../scripts/pyodide/dump314.mjs.
"""

import ast
import io
import sys
import warnings


def dump_source(source: bytes) -> str:
    """The one output line (without newline) for one file's bytes."""
    try:
        with warnings.catch_warnings():
            # SyntaxWarnings (invalid escapes and the like) are not part of the AST.
            warnings.simplefilter("ignore")
            tree = ast.parse(source)
        return ast.dump(tree, include_attributes=True, show_empty=True)
    except SyntaxError as e:
        return "!SyntaxError %d:%d %s" % (e.lineno or 0, e.offset or 0, _one_line(e.msg))
    except (ValueError, RecursionError, MemoryError) as e:
        return "!SyntaxError 0:0 %s: %s" % (type(e).__name__, _one_line(str(e)))


def _one_line(text) -> str:
    return str(text).replace("\r", "\\r").replace("\n", "\\n")


def _paths(argv):
    if argv:
        yield from argv
    else:
        for line in sys.stdin:
            line = line.rstrip("\r\n")
            if line:
                yield line


def main(argv) -> int:
    if sys.version_info < (3, 13):
        sys.stderr.write("dump_ast.py needs CPython 3.13+ (ast.dump(show_empty=...))\n")
        return 2
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", errors="backslashreplace",
                           newline="\n", write_through=False)
    for path in _paths(argv):
        with open(path, "rb") as f:
            source = f.read()
        out.write(dump_source(source))
        out.write("\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
