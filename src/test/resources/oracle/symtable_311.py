import symtable, sys
FLAGS = ("referenced", "imported", "parameter", "global", "nonlocal", "declared_global",
         "local", "annotated", "free", "assigned", "namespace")
def show(t, depth=0):
    kind = t.get_type()
    print("  " * depth + f"{getattr(kind, 'value', kind)} {t.get_name()} {t.get_lineno()}")
    for name in sorted(n for n in t.get_identifiers() if not n.startswith(".")):
        s = t.lookup(name)
        print("  " * depth + f"  {name}: " + " ".join(f for f in FLAGS if getattr(s, "is_" + f)()))
    for child in t.get_children():
        show(child, depth + 1)
for path in sys.argv[1:]:
    print(f"# {path}")
    try:
        show(symtable.symtable(open(path, "rb").read(), path, "exec"))
    except SyntaxError as e:
        print(f"!SyntaxError {e.lineno}:{e.offset} {e.msg}")
