# PEP 758: several exception types without parentheses when there is no 'as'.
try:
    pass
except ValueError, TypeError:
    pass
except KeyError, IndexError, AttributeError:
    pass
except (OSError, EOFError) as e:
    pass
except module.Error, other.Error:
    pass

try:
    pass
except* ValueError, TypeError:
    pass
except* KeyError, IndexError, LookupError:
    pass
except* (OSError, EOFError) as eg:
    pass
