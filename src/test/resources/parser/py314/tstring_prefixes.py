# PEP 750 template strings: every prefix spelling and quote style.
a = t''
b = t""
c = T'upper'
d = t'''triple
single'''
e = t"""triple "double" quotes"""
f = t'it\'s \n escaped \x41 \u00e9 \N{BULLET}'
g = t'é 日本'
