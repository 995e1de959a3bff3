import json

from inventory import Item, Stock


def report(stock: Stock) -> str:
    lines = [f"total: {stock.value_cents() / 100:.2f}"]
    return json.dumps(lines)


stock = Stock()
stock.add(Item("bolt", 15), 100)
stock.add(Item("nut", "5"))  # the price must be an int
print(report(stock))
