"""Length-preserving text normalisation shared by analysis and model training.

Every function here maps a string to one of the same length, so that character
offsets into the normalised text are offsets into the original text.
"""
import unicodedata

_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff"}
# corner brackets quote as curly quotes do (`『…』大型展览` in People's Daily, `「…」` in traditional text)
_QUOTES = {"「": "“", "」": "”", "『": "“", "』": "”"}


def fold_char(ch: str) -> str:
    """NFKC-fold one character when the result is a single character (full-width
    digits and Latin letters become ASCII); odd spaces become a plain space, corner
    brackets curly quotes."""
    if ch in _SPACES:
        return " "
    if ch in _QUOTES:
        return _QUOTES[ch]
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class _FoldTable(dict):
    """`str.translate` table of `fold_char`, filled as characters are first seen."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Fold every character of `text`; the result has the same length."""
    if text.isascii():
        return text
    return text.translate(_FOLD)


def analysis_text(text: str) -> str:
    """The text the analysis sees: width-folded, and converted to simplified characters when
    it is written in traditional ones (`pipeline.ingest.convert`); the same length as `text`."""
    from pipeline.ingest.convert import to_simplified

    return to_simplified(fold(text))
