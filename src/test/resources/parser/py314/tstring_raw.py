# Raw template strings: tr, rt and their capitalised forms keep backslashes.
a = tr'\n\d+'
b = rt'\w{x}\s'
c = TR"raw {value!r}"
d = Rt'''multi
\line {y}'''
e = rT"{z:\d}"
