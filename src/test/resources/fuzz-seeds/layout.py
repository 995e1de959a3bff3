# -*- coding: utf-8 -*-
# Layout: continuation lines, semicolons, tabs, comments, unicode names.
import os; import sys; x = 1;

if True:
	tabbed = 1
	if tabbed:
		deeper = 2

total = 1 + \
    2 + \
    3

values = [
    1,  # first
    2,
    # comment line
    3,
]

def f(
    a,
    b=2,
):
    return (a +
            b)

π = 3.14159
naïve_name = "ok"
Ω = lambda ξ: ξ * 2
class Ünïcode: pass

if x: y = 1; z = 2
while 0: pass
for _ in (): pass
else: pass

def one_liner(): return 1
class OneLiner: x = 1; y = 2

long_string = ("implicit "
               "concatenation "
               "over lines")

s = '''multi
line
string'''
    # an indented comment

# final comment without newline