"""Names a document writes two ways that are one name: with the pair of places that opens it the other way
round, or with another dash."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

PAIRED_TYPES = ("EVENT", "ORG", "LOCATION")  # what two places' short forms may open (`中朝友好年`, `中老铁路`)
PAIR_FIRST = "中"  # the order the document's Chinese side writes a pair in, where it writes both


def paired_orders(names: set[str], short_forms: Mapping[str, object]) -> dict[str, str]:
    """A name that opens with two places' one-character short forms, written from the other side (`朝中友好年`,
    `老中铁路`, `俄中议会合作委员会`: the speaker's country first) → the document's name with the pair the other way
    round: the one 中 opens, else the first in code-point order."""
    forms = {}
    for name in names:
        if len(name) > 2 and name[0] != name[1] and name[0] in short_forms and name[1] in short_forms:
            other = name[1] + name[0] + name[2:]
            if other in names and (other[0] == PAIR_FIRST or name[0] != PAIR_FIRST and other < name):
                forms[name] = other
    return forms


DASH_VARIANTS = re.compile("[‐‑‒–—―-]")  # the dashes a name's two parts are joined by, one or another (`中国—非洲`, `中国-非洲`)


def dash_forms(names: set[str], first: dict[str, int]) -> dict[str, str]:
    """Each name written again with another dash (`中国-中东欧国家…大会` beside `中国—中东欧国家…大会`) → the form the
    document writes first."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[DASH_VARIANTS.sub("-", name)].append(name)
    return {name: min(group, key=lambda n: (first[n], n)) for group in groups.values() if len(group) > 1 for name in group}
