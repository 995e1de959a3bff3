# PEP 758: a trailing comma makes a one-element tuple of exception types.
try:
    pass
except ValueError, :
    pass
