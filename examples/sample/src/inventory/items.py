class Item:
    """One kind of thing on the shelves."""

    def __init__(self, name: str, price_cents: int) -> None:
        self.name = name
        self.price_cents = price_cents

    def price(self) -> float:
        return self.price_cents / 100

    def label(self) -> str:
        # A bug for the checker to find: `price` is a method, not a number.
        return self.name + " at " + self.price
