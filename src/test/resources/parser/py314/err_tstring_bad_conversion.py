x = t'{x!z}'
