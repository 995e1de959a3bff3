x = t'{x!r=}'
