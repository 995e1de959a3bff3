def f():
    global n
    return [(n := i) for i in range(3)]
def g():
    return [[(k := i) for i in range(j)] for j in range(3)], k
