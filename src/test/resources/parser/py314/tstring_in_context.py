# Template strings as ordinary expressions.
def render(template=t'{default}'):
    return [t'{i}' for i in range(3)]


class Page:
    body: Template = t'<p>{content}</p>'


result = process(t'SELECT * FROM {table} WHERE id = {id!r}', key=t'{k}')
match t'{x}':
    case _:
        pass
