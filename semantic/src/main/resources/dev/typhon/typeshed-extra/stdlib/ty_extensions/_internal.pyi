# Typhon's own stub of the objects its checker hands to `ty_extensions` callers.
# Written for Typhon; it mirrors only the names ty's test suites import from here.

class GenericContext:
    """The type variables that a generic class, function or type alias binds, in order."""

class Specialization:
    """A generic's type variables mapped to the types they stand for."""

# The names of an enum class's members (re-exported by `ty_extensions`): the checker computes it.
def enum_members(enum: type) -> tuple[str, ...]: ...
