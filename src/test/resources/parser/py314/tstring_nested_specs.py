# Format specs nest interpolations two levels deep.
x = t'{x:{y:{z}}}'
