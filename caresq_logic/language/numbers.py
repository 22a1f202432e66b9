"""Whole numbers from untrusted text, converted in bounded time.

Python refuses to convert a number of more than 4,300 digits (a ValueError that would end the
run) and would take quadratic time below that. No kenmerk can hold more than a few digits
(`nodes.MAX_INTEGER`), so a longer number is kept as `Overlong`: beyond every limit, so it is
rejected at the boundary like any number out of range (A220), and shown by its first digits."""

from __future__ import annotations

DIGITS = 18   # more than any range allows, less than Python's 4,300


class Overlong(int):
    """A number with more than DIGITS digits: compares as ±10**DIGITS, shown as written (cut short)."""

    text: str

    def __new__(cls, text: str) -> "Overlong":
        self = super().__new__(cls, -(10**DIGITS) if text.startswith("-") else 10**DIGITS)
        self.text = text
        return self

    def __str__(self) -> str:
        return self.text[:DIGITS] + "…"

    __repr__ = __str__


def whole(text: str) -> int:
    """`int(text)` for a string of digits with an optional sign, in bounded time."""
    return int(text) if len(text.lstrip("+-")) <= DIGITS else Overlong(text.strip())
