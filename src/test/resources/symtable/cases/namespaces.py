def top():
    x = 1
    def x():
        pass
    return x
def lambda_(): pass
def f():
    genexpr = (i for i in ())
    return genexpr
class top:
    y = 1
