x = t'{x'
