"""The two forms of a Google Reader item id.

The long form is `tag:google.com,2005:reader/item/` and the id as an unsigned 64-bit number in
16 zero-padded hex digits; the short form (what `stream/items/ids` answers) is the same 64 bits
as a signed decimal number (Google's own ids could be negative; FreshRSS's, microsecond
timestamps, never are). Both must land on one text, or an item pulled as content and the same
item listed as unread would be two items. Servers whose ids are not 64-bit numbers (The Old
Reader's are 24 hex digits) keep their long form as given: it still names one item.
"""

from __future__ import annotations

LONG_PREFIX = "tag:google.com,2005:reader/item/"
_BITS = 1 << 64
_HEX = frozenset("0123456789abcdefABCDEF")


def short_id(item_id: str) -> str:
    """korantui's text for a Google Reader item id, whatever form the server gave it in: the
    signed decimal short form for a 64-bit id, the id as given otherwise."""
    text = item_id.strip()
    if text.startswith(LONG_PREFIX):
        digits = text[len(LONG_PREFIX) :]
        if 0 < len(digits) <= 16 and set(digits) <= _HEX:
            return _signed(int(digits, 16))
        return text
    number = _decimal(text)
    return text if number is None else _signed(number)


def long_id(item_id: str) -> str:
    """The long form of an id (as short_id gives it), for the calls that want it."""
    if item_id.startswith(LONG_PREFIX):
        return item_id
    number = _decimal(item_id)
    if number is None:
        return item_id
    return f"{LONG_PREFIX}{number % _BITS:016x}"


def _decimal(text: str) -> int | None:
    body = text[1:] if text[:1] == "-" else text
    if not body.isascii() or not body.isdigit() or len(body) > 20:
        return None
    number = int(text)
    # An unsigned form of a negative id (18446744073709551615) is the same item as -1.
    return number if -(1 << 63) <= number < _BITS else None


def _signed(number: int) -> str:
    number %= _BITS
    return str(number - _BITS if number >= 1 << 63 else number)
