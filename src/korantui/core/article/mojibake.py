"""UTF-8 text that a CMS decoded once too often ("Investorâ€™s" for "Investor’s"), put back.

The page itself carries the damage (its charset is right), so decoding cannot help: each run of
characters that are the Latin-1 or Windows-1252 readings of one UTF-8 sequence is turned back into
the bytes and read as UTF-8 again. A run that does not read as UTF-8 is left as it is, and so is
real text ("café", "Ångström", "NESCAFÉ®", "Strauß’s").
"""

from __future__ import annotations

import re

from korantui.core.regex_cache import compiled

# A UTF-8 continuation byte (0x80..0xBF) read as Latin-1 (the C1 controls, the signs up to ¿) or
# as Windows-1252 (€, ™, the curly quotes...).
_C = "[\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"
# The lead bytes of what is doubly decoded in practice, read as Latin-1, and how many
# continuation bytes follow each: punctuation and symbols (â, 0xE2), Latin-1 letters and signs
# (Ã, Â), emoji (ð), specials such as the replacement character (ï). Each has a pattern of its
# own: one that starts with a fixed character is found fast, and most pages hold none of them.
_FOLLOWING = {"â": 2, "Ã": 1, "Â": 1, "ð": 3, "ï": 2}
_RUNS = {lead: compiled(f"{lead}{_C}{{{n}}}") for lead, n in _FOLLOWING.items()}


def repaired(text: str) -> str:
    """text with its doubly decoded UTF-8 sequences read once; text itself when it has none."""
    if text.isascii():
        return text
    for lead, run in _RUNS.items():
        if lead in text:
            text = run.sub(_once, text)
    return text


def _once(match: re.Match[str]) -> str:
    found = match.group()
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in found)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return found
