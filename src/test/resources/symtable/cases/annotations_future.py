from __future__ import annotations
import typing
x: typing.List[int] = []
y: Foo
def f(a: Bar, *args: Baz, b: int = 1, **kw: Qux) -> Ret:
    z: Local = 1
    return z
class C:
    attr: Attr
    other: (lambda: Lam)
