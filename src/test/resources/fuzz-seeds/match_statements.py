def handle(command):
    match command.split():
        case [action]:
            pass
        case [action, obj]:
            pass
        case ["go", direction] | ["move", direction]:
            pass
        case ["drop", *objects]:
            pass
        case ["take", *_] if objects:
            pass
        case _:
            pass


def literals(value):
    match value:
        case 0 | 1 | -1 | 1.5 | -2.5 | 3j | 1 + 2j | -1 - 2j:
            return "number"
        case "text" | b"bytes" | 'a' 'b':
            return "string"
        case None | True | False:
            return "singleton"
        case Color.RED | mod.Color.BLUE:
            return "value"


def structures(obj):
    match obj:
        case {"x": x, "y": y, **rest}:
            return x, y, rest
        case {1: _, None: v}:
            return v
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y) | Point(x=0, y=y):
            return y
        case geometry.Point(x, y=yy) as p:
            return p
        case [Point(x=0), *_, (1 | 2) as last]:
            return last
        case (a, b, c):
            return a
        case [[x, y], [z]]:
            return z
        case ():
            return "empty"
        case str() | bytes():
            return "text"
        case {**rest}:
            return rest
        case int(i) if i > 0:
            return i


match = [1, 2]
match[0]
case = 1
match (x):
    case (y):
        pass
match x, y:
    case a, b:
        pass
match -x:
    case _:
        pass
