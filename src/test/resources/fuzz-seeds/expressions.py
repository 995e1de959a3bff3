# Operators, precedence, literals and displays.
a = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ m ** -8
b = (1 + 2) * (3 - 4) ** (5 ** 6) ** 7
c = -x ** 2, (-x) ** 2, ~y, +z, not w
d = a << 1 >> 2 & 3 ^ 4 | 5
e = a < b <= c == d != e > f >= g is h is not i in j not in k
f = a and b or not c and (d or e)
g = x if cond else y if other else z
h = lambda: 0
i = lambda a, b=1, *args, c, d=2, **kw: (a, b, args, c, d, kw)
j = lambda a, /, b: a + b
k = lambda *, key: key
l = [1, 2, 3,]; m = (); n = (1,); o = {1, 2}; p = {}; q = {'a': 1, **extra}
r = [*a, *b]; s = {*a, *b}; t = *a, *b
u = [x * y for x in range(3) for y in range(x) if x if y]
v = {x: y for x, y in pairs}
w = {x for x in xs}
gen = (x for x in xs)
total = sum(x for x in xs)
call = f(a, b, *args, key=1, **kwargs)
call2 = f(*a, *b, **c, **d)
chain = obj.attr.method()[0][1:2][::3][1:2:3][..., None]
sub = m[1:2, 3], m[:, ::-1], m[()], m[a,], m[*idx]
walrus = [y := f(x), y ** 2]
if (n := len(data)) > 10:
    print(f"too long ({n} elements)")
while chunk := read():
    pass
nums = 0, 1_000, 0x1F, 0o17, 0b1010, 1.5, 1e10, 1.5e-3, 3.14j, 1_0.0_1e+1_0, 0.0, 00
strs = 'single', "double", '''triple''', """triple double""", r'raw\n', b'bytes', rb'\x00', Rb"raw", u'unicode'
esc = '\n\t\\\'\"\x41\u00e9\U0001F600\N{BULLET}\0\a\b\f\v\r'
concat = 'a' "b" '''c''' 'd'
bconcat = b'a' b"b"
dots = ..., Ellipsis
big = 123456789012345678901234567890 ** 2
inf = 1e400
attr = 1 .real, 1.0.real, 1j.imag, 'abc'.upper(), (1).bit_length()
starred_call = print(*args, sep='')
cond_lambda = (lambda: x) if y else (lambda: z)
nested = [[1, [2, [3]]], {'k': {'j': (4,)}}]
comparison = (a < b) == (c > d)
unary_chain = - - + ~ x
power = 2 ** -1, (-2) ** 2, 2 ** 3 ** 2
await_like = await_ = 1
slices = x[1:], x[:2], x[::], x[a:b, c:d]
