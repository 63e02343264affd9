"""A `Doc` of one token per character, made fast, and its text kept once: spaCy rebuilds
`Doc.text` from the tokens at every access (about a microsecond a character), and every component
of the chain reads it."""
from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc
from spacy.vocab import Vocab

_KEY = "zhkg_analysed_text"
FOLDED_KEY = "zhkg_folded_text"  # doc.user_data: the document's own text width-folded (`make_doc`)
_BLANKS = re.compile(r"(\s+)")


def char_doc(vocab: Vocab, text: str, orths: Mapping[str, int] | None = None) -> Doc:
    """The `Doc` spaCy's character segmenter (`spacy.blank("zh")`) makes of `text`: a token per
    character, one space after a character as that token's trailing space, any other run of
    blanks a token. Built from the runs of blanks, not a character at a time. `orths`: the orth
    ids of characters whose lexemes `vocab` keeps for good, which it then finds by id instead of
    hashing the character's string twice."""
    words: list[str | int] = []
    spaces: list[bool] = []
    for i, piece in enumerate(_BLANKS.split(text)):
        if i % 2 == 0:
            words.extend([orths.get(char, char) for char in piece] if orths else piece)
            spaces.extend([False] * len(piece))
            continue
        if piece[0] == " " and words:  # words[-1] is a character of the chunk before
            spaces[-1] = True
            piece = piece[1:]
        if piece:
            words.append(piece)
            spaces.append(False)
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.user_data[_KEY] = text
    return doc


def analysed_text(doc: Doc) -> str:
    """`doc.text`, computed on the first call for each `Doc` (a Doc's text never changes)."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
