class A:
    __x = 1
    __y__ = 2
    def __m(self, __p):
        import __mod
        global __g
        return self.__x, __p, __g
    class __Inner:
        __z = 3

class _:
    __kept = 1
