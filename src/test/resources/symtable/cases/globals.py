x = 1
def f():
    global x, y
    x = 2
    return y
def g():
    global z
class K:
    global w
    w = 1
    def m(self):
        return w
