import os.path as osp, sys
from . import rel
from .. import up as other
for i, (j, *k) in enumerate([]):
    pass
else:
    pass
while i:
    del j
with open(osp) as (fh, gh):
    pass
try:
    pass
except (ValueError, TypeError) as err:
    pass
else:
    lam1 = lambda: 1
finally:
    lam2 = lambda: 2
try:
    pass
except* OSError as eg:
    pass
match sys.argv:
    case [a, *rest] if a:
        pass
    case {"k": v, **others}:
        pass
    case Point(x=px, y=py) | Point(px, py):
        pass
    case str() as s:
        pass
assert i, "msg"
raise ValueError from err
x = y = z = 1
x += 1
x[i] += 1
a.b = 2
print(f"{x!r:{y}}")
async def coro():
    async for q in aiter():
        await q
    async with ctx() as c:
        yield c
    r = [await w async for w in c]
def gen():
    yield from range(3)
@decorator(arg)
def decorated(p=default, *, kp=kdefault): pass
@classdeco
class D(Base, metaclass=Meta, **extra):
    pass
{lambda: 1: lambda: 2, **{}}
