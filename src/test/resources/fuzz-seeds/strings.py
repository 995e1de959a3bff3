name, width, value = "n", 10, 3.14159
plain = f"hello {name}"
spec = f"{value:.2f} {value:>{width}.{3}} {value!r:^20}"
conversions = f"{name!s} {name!r} {name!a}"
debug = f"{name=} {value = :.1f} {width=!s}"
nested = f"{f'{name}'} {f'{f"{name}"}'}"
quotes = f"{'single'} {"double"} {'''triple'''}"
braces = f"{{literal}} {{{name}}}"
multiline = f"""
    {name}
    {value:
        >10}
"""
exprs = f"{1 + 2} {[x for x in range(3)]} { {'a': 1}['a'] } {(lambda: 1)()}"
dicts = f"{ {1: 2} }"
conditional = f"{name if name else 'none'}"
walrus = f"{(x := 10)}"
escapes = f"\n\t{name}\\n\x41\N{BULLET}"
raw = rf"\d+{name}\w" fr'{name}\s'
bytes_concat = b"a" b"b"
mixed = "plain" f"{name}" 'more'
backslash_in_expr = f"{'\n'.join(['a', 'b'])}"
comment_in_expr = f"{name # a comment
}"
format_with_nested = f"{value:{'>' if width else '<'}{width}}"
empty = f"" f'' f"{name}" ""
unicode = "café", 'naïve', "日本語", "\u2028", "😀"
template = t"hello {name}"
template_spec = t"{value:.2f} {value!r} {name=}"
template_nested = t"{t'{name}'}" if False else None
template_raw = rt"\d{name}" tr'{name}\w'
template_multi = t"""
    {name}
"""
