import functools


@functools.cache
@decorator(with_args=True)
@(lambda f: f)
def plain(a, b, /, c, d=1, *args, e, f=2, **kwargs) -> int:
    """Docstring with 'quotes' and "double quotes"."""
    return a


def annotated(x: int, *args: *Ts, y: str = "", **kw: object) -> list[int]:
    ...


async def coroutine(session):
    async with session.get(url) as response, lock:
        data = await response.json()
    async for item in aiter(data):
        yield item
    result = [await f(x) async for x in stream if await pred(x)]
    return await asyncio.gather(*(task() for task in tasks))


class Empty: pass


class Base(metaclass=Meta, option=True):
    '''Class docstring.'''
    attr: int = 0

    def method(self):
        return super().method()

    @property
    def value(self) -> int:
        return self._value

    @value.setter
    def value(self, v):
        self._value = v

    @staticmethod
    async def static(): pass

    class Nested(Base, *mixins, **options):
        pass


def generic[T](x: T) -> T:
    return x


def bounded[T: (int, str), *Ts, **P](f: Callable[P, T]) -> T: ...


class Box[T = int, *Ts = *tuple[int, ...], **P = [int, str]]:
    def get[U: Hashable = str](self) -> U: ...


type Alias = list[int]
type Generic[K, V = object] = dict[K, V]
type Recursive[T] = T | list[Recursive[T]]
type = "type is a soft keyword"


def default_lambda(cb=lambda x=1: x, *, flag=False):
    return cb
