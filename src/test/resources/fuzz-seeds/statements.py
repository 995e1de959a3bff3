"""Simple and compound statements, one of each kind."""
from __future__ import annotations

import os, sys as system
import a.b.c as abc
from . import sibling
from ..pkg.mod import (name1, name2 as alias2,)
from .mod import *

x = 1
a = b = c = None
x, y = y, x
[p, *q] = r
(s, t), u = (1, 2), 3
obj.attr = value
seq[0] = seq[-1]
seq[1:2] = []
x += 1; y -= 2; z *= 3
m @= n; n /= 2; o //= 3; p %= 4; q **= 5
r <<= 1; s >>= 2; t &= 3; u |= 4; v ^= 5
count: int
total: float = 0.0
(paren): str = "p"
obj.field: list[int] = []
del x, y[0], z.attr
del (a, b), [c]
assert x, "message"
assert isinstance(x, int)
global g1, g2
pass


def control(n):
    nonlocal_names = []
    for i in range(n):
        if i % 2 == 0:
            continue
        elif i > 10:
            break
        else:
            pass
    else:
        print("no break")
    while n > 0:
        n -= 1
        if not n:
            break
    else:
        return None
    for k, v in {}.items():
        del k
    return n, *nonlocal_names


def gen():
    value = yield
    value = yield 1
    yield from range(3)
    x = (yield value) + 1
    await_ = 1
    return (yield)


def closures():
    counter = 0

    def inc():
        nonlocal counter
        counter += 1
        return counter
    return inc


if __name__ == "__main__":
    raise SystemExit(control(3))
raise
raise ValueError("bad") from None


def typed(a,  # type: int
          b,
          ):
    # type: (...) -> None
    values = []  # type: list[int]
    for item in values:  # type: int
        pass
    with open(a) as f:  # type: ignore[misc]
        pass


import untyped_module  # type: ignore
