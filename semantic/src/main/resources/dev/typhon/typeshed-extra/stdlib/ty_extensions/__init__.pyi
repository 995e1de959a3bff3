# Typhon's stub of the `ty_extensions` module: the checker's own vocabulary for asking about types,
# compatible with the module of the same name that ty ships. Nothing here exists at run time; every
# name is given its meaning by the checker (see dev.typhon.semantic.types.KnownFunction and
# SpecialFormType), and the annotations below only say what a call returns.

from typing import Any, _SpecialForm

# Type forms. In an annotation, `Not[T]` is every object outside T, `Intersection[A, B]` the objects
# in both, `Unknown` the implicit gradual type, `AlwaysTruthy` / `AlwaysFalsy` the objects whose
# bool() is always true / false, `TypeOf[expr]` the inferred type of an expression, and
# `CallableTypeOf[expr]` the callable type of a function.
Not: _SpecialForm
Intersection: _SpecialForm
Unknown: _SpecialForm
AlwaysTruthy: _SpecialForm
AlwaysFalsy: _SpecialForm
TypeOf: _SpecialForm
CallableTypeOf: _SpecialForm
Top: _SpecialForm
Bottom: _SpecialForm

# Checked while the checker runs: a false (or undecidable) condition is a `static-assert-error`.
def static_assert(condition: object, msg: str | None = None) -> None: ...

# Relations between the types written as the arguments (type expressions, not values).
def is_subtype_of(ty: Any, of: Any) -> bool: ...
def is_assignable_to(ty: Any, to: Any) -> bool: ...
def is_equivalent_to(left: Any, right: Any) -> bool: ...
def is_disjoint_from(left: Any, right: Any) -> bool: ...
def is_singleton(ty: Any) -> bool: ...
def is_single_valued(ty: Any) -> bool: ...

# Reports the method resolution order of a class as a `revealed-type` diagnostic.
def reveal_mro(cls: type) -> None: ...

# Introspection of generics and callables: the checker computes the results.
from ty_extensions._internal import GenericContext as GenericContext

def generic_context(input: Any) -> GenericContext | None: ...
def into_regular_callable(value: Any) -> Any: ...

# The names of an enum class's members, in order, as a tuple of string literals: the checker computes it.
def enum_members(enum: type) -> tuple[str, ...]: ...
