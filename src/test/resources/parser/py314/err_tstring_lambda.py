x = t'{lambda y: 1}'
