"""A tiny stock-keeping package: the sample project `./typhon check` runs on in the README."""

from inventory.items import Item
from inventory.stock import Stock

__all__ = ["Item", "Stock"]
