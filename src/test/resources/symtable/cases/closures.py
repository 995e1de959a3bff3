def outer(a):
    b = 1
    class C:
        b = 2
        def method(self):
            return a, b, super()
        def other(self):
            return __class__
    def inner():
        nonlocal b
        b = 3
        def deeper():
            return a + b
        return deeper
    return C, inner
