def f(xs):
    a = [y for y in xs if y]
    b = {k: v for k, v in xs}
    c = {z for z in xs for w in z}
    d = (q for q in xs)
    e = [(t := i) for i in xs]
    return a, b, c, d, e, t
[(m := j) for j in range(3)]
class C:
    r = [s for s in range(3)]
    u = [lambda: s for s in r]
genexpr = (g for g in ())
