# PEP 765 makes these SyntaxWarnings in 3.14, not errors: the AST is unchanged.
def f():
    try:
        pass
    finally:
        return 1


for x in y:
    try:
        pass
    finally:
        break

for x in y:
    try:
        pass
    finally:
        continue
