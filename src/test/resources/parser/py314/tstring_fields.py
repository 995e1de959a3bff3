# Interpolations: expressions, several fields, escaped braces, nesting.
name = "world"
a = t'hello {name}!'
b = t'{a}{b}{c}'
c = t'{{literal}} {x} {{'
d = t'{x + 1} {f(y, *z)} {obj.attr[0]}'
e = t'{ {"k": 1}["k"] }'
f = t'{(lambda v: v * 2)(3)}'
g = t'{t"inner {x}"}'
h = t'{f"f-string {x}"}'
i = t'{"quoted"} {'same quotes'}'
j = t'{x if y else z}'
k = t'{await_ if True else None}'
l = t'''{
    x
    + y
}'''
m = t'{yield_:}'
