import typing
x: typing.List[int] = []
y: Foo
(p): int
(q): int = 1
r.s: int = 2
def f(a: Bar, /, b: int = d, *args: Baz, c: int, **kw: Qux) -> Ret:
    z: Local = 1
    w: Local
    return z
