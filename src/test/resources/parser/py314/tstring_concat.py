# Implicit concatenation of template strings.
a = t'one ' t'two'
b = (t'first {x} '
     t"second {y}"
     tr'\raw')
c = t'a' T'b' rt'c'
