"""Which mention keys name the same body: a union-find in which a gazetteer key stays the root."""

from __future__ import annotations


class Keys:
    """Union-find over entity keys, so aliases and definitions join one organisation."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        """The root key of `key`'s group (path halving on the way)."""
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        """Join the groups of `a` and `b`."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # a gazetteer key stays the root, so the entry's canonical name survives
            if ra.startswith("g:") and not rb.startswith("g:"):
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb
