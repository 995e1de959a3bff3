from inventory.items import Item


class Stock:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.items: dict[str, Item] = {}

    def add(self, item: Item, count: int = 1) -> None:
        self.items[item.name] = item
        self.counts[item.name] = self.counts.get(item.name, 0) + count

    def value_cents(self) -> int:
        total = 0
        for name, count in self.counts.items():
            total += self.items[name].price_cents * count
        return total

    def restock(self, name: str) -> int:
        # Bugs: a misspelt name, and a str where an int is declared.
        self.counts[name] += amount
        return "done"
