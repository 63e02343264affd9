"""Converters from the public NER corpora to ``(text, spans)`` records and spaCy DocBins.

Every converter yields ``(text, [(start, end, label), ...])`` where ``text`` is already
folded with :func:`pipeline.ingest.textnorm.fold` and offsets are character offsets into it
(``end`` exclusive). Labels are ``PERSON``, ``ORG`` and ``LOCATION`` only.
Docs are built with the blank ``zh`` character tokenizer, the same one the product uses.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.ingest.textnorm import fold

Span = tuple[int, int, str]
MISSING = "-"  # span label meaning "annotation unknown here" (neither entity nor outside)
Record = tuple[str, list[Span]]

LABELS = ("PERSON", "ORG", "LOCATION")
PD98_TAGS = {"nr": "PERSON", "ns": "LOCATION", "nt": "ORG"}
MSRA_TYPES = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORG"}
WEIBO_TYPES = {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "LOC.NAM": "LOCATION", "GPE.NAM": "LOCATION"}  # names only
RESUME_TYPES = {"NAME": "PERSON", "ORG": "ORG", "LOC": "LOCATION"}
CLUENER_TYPES = {"name": "PERSON", "organization": "ORG", "government": "ORG", "company": "ORG"}


# --------------------------------------------------------------------------- People's Daily 1998

_PD_TOKEN = re.compile(r"^(\[?)(.+)/([A-Za-z]+)(?:\](\w+))?$")


def pd98_article_id(paragraph_id: str) -> str:
    """``19980101-01-001-002`` → ``19980101-01-001``."""
    return paragraph_id.rsplit("-", 1)[0]


def _split_nr_run(run: list[str]) -> list[tuple[int, int]]:
    """Split a run of adjacent ``nr`` tokens into names, as (first, last) token indices.

    PD98 splits Chinese names into surname + given name (``江/nr 泽民/nr``), and name lists
    have no separator (``江/nr 泽民/nr 李/nr 鹏/nr 乔/nr 石/nr``). A run of two tokens is one
    name; in a longer run a one-character surname takes the next token, any other token is a
    name on its own (so the list above gives 江泽民, 李鹏, 乔石).
    """
    if len(run) <= 2:
        return [(0, len(run) - 1)]
    names, k = [], 0
    while k < len(run):
        if len(run[k]) == 1 and k + 1 < len(run):
            names.append((k, k + 1))
            k += 2
        else:
            names.append((k, k))
            k += 1
    return names


def parse_pd98_line(line: str, abbrev_missing: bool = False) -> tuple[str, Record] | None:
    """Parse one ``199801.txt`` paragraph into ``(paragraph_id, (text, spans))``.

    Consecutive ``nr`` tokens form one PERSON (a name list is split, see
    :func:`_split_nr_run`), ``ns`` → LOCATION, ``nt`` → ORG; a bracketed
    compound ``[...]nt`` / ``[...]ns`` is one ORG / LOCATION (its inner tags are dropped); inside
    any other bracket the inner tokens keep their own nr/ns/nt tags. With ``abbrev_missing``,
    abbreviation tokens (``j``: 中, 美, 京, 欧盟, 政协 ...) outside an entity become
    :data:`MISSING` spans: PD98 never tags them as names while MSRA does, so training leaves
    them unannotated instead of teaching "not an entity".
    """
    items = line.split()
    if not items:
        return None
    pid = items[0].split("/", 1)[0]
    words, tags, group, groups = _pd98_tokens(items[1:])
    starts: list[int] = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w)
    text = fold("".join(words))

    spans: list[Span] = []
    covered = [False] * len(words)
    for first, last, gtag in groups:
        label = {"nt": "ORG", "ns": "LOCATION"}.get(gtag)
        if label:
            spans.append((starts[first], starts[last] + len(words[last]), label))
            for i in range(first, last + 1):
                covered[i] = True
    spans += _pd98_tag_spans(words, tags, group, covered, starts)
    if abbrev_missing:
        spans += [(starts[i], starts[i] + len(w), MISSING)
                  for i, w in enumerate(words) if tags[i] == "j" and not covered[i]]
    spans.sort()
    return pid, (text, spans)


def _pd98_tokens(items: list[str]) -> tuple[list[str], list[str], list[int], list[tuple[int, int, str]]]:
    """A paragraph's ``word/tag`` tokens as (words, tags, the bracket of each token (-1 outside),
    the brackets as (first token, last token, bracket tag)); an unclosed bracket counts as outside."""
    words: list[str] = []
    tags: list[str] = []
    group: list[int] = []
    groups: list[tuple[int, int, str]] = []
    open_at: int | None = None
    for item in items:
        m = _PD_TOKEN.match(item)
        if not m:  # malformed token: keep its text, no tag
            word, tag, opening, closing = item, "", "", None
        else:
            opening, word, tag, closing = m.group(1), m.group(2), m.group(3), m.group(4)
        if opening:
            open_at = len(words)
        words.append(word)
        tags.append(tag)
        group.append(len(groups) if open_at is not None else -1)
        if closing is not None and open_at is not None:
            groups.append((open_at, len(words) - 1, closing))
            open_at = None
    if open_at is not None:
        for i in range(open_at, len(words)):
            group[i] = -1
    return words, tags, group, groups


def _pd98_tag_spans(words: list[str], tags: list[str], group: list[int], covered: list[bool],
                    starts: list[int]) -> list[Span]:
    """The entity spans of the tokens' own nr/ns/nt tags outside the `covered` (bracketed) tokens:
    a run of ``nr`` in one bracket is split into names, an ``ns``/``nt`` token is one span."""
    spans: list[Span] = []
    i = 0
    while i < len(words):
        label = PD98_TAGS.get(tags[i]) if not covered[i] else None
        if label is None:
            i += 1
            continue
        j = i + 1
        if label == "PERSON":
            while (j < len(words) and tags[j] == "nr" and not covered[j]
                   and group[j] == group[i]):
                j += 1
            for first, last in _split_nr_run(words[i:j]):
                spans.append((starts[i + first], starts[i + last] + len(words[i + last]), label))
        else:
            spans.append((starts[i], starts[j - 1] + len(words[j - 1]), label))
        i = j
    return spans


def read_pd98(data_dir: Path, split: str, abbrev_missing: bool = False) -> Iterator[Record]:
    """People's Daily 1998 paragraphs of the articles in ``splits.json[split]``
    (``abbrev_missing``: see :func:`parse_pd98_line`)."""
    root = Path(data_dir) / "peoples_daily_1998"
    wanted = set(json.loads((root / "splits.json").read_text(encoding="utf-8"))[split])
    with open(root / "199801.txt", encoding="utf-8") as fh:
        for line in fh:
            parsed = parse_pd98_line(line, abbrev_missing)
            if parsed is None:
                continue
            pid, record = parsed
            if pd98_article_id(pid) in wanted and record[0].strip():
                yield record


# --------------------------------------------------------------------------- zhkg gold sets

MIN_ALIAS_CHARS = 4  # a shorter alias that is not the name (`实验室`, `常委会`) is an anaphor, not a name


def read_gold(gold_dir: Path) -> Iterator[Record]:
    """The documents of a zhkg gold folder (`../shared/gold/train`) as NER records: every
    occurrence of a PERSON, ORG or LOCATION entity's name or alias is a mention of it (longest
    first, outermost only). Events and awards, optional entities, short anaphoric aliases and a
    person's aliases (`栗战书委员长`: with the title) are :data:`MISSING`: this model learns
    neither that they are names nor that they are outside."""
    import yaml

    for path in sorted(Path(gold_dir).glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "text_file" not in gold:
            continue
        text = fold((Path(gold_dir) / gold["text_file"]).read_text(encoding="utf-8"))
        forms = []
        for entity in gold.get("entities") or []:
            for form in [entity["name"], *(entity.get("aliases") or [])]:
                form = fold(str(form))
                is_name = form == fold(str(entity["name"]))
                wanted = (entity["type"] in LABELS and not entity.get("optional")
                          and (is_name or (entity["type"] != "PERSON" and len(form) >= MIN_ALIAS_CHARS)))
                forms.append((form, entity["type"] if wanted else MISSING))
        yield text, _outermost(text, forms)


def _outermost(text: str, forms: list[tuple[str, str]]) -> list[Span]:
    """Each occurrence of the forms (longest first) that no earlier one overlaps."""
    covered = bytearray(len(text))
    spans: list[Span] = []
    for form, label in sorted(set(forms), key=lambda f: (-len(f[0]), f[1] == MISSING, f)):
        start = text.find(form) if form else -1
        while start >= 0:
            end = start + len(form)
            if not any(covered[start:end]):
                covered[start:end] = b"\x01" * len(form)
                spans.append((start, end, label))
            start = text.find(form, start + 1)
    return sorted(spans)


# --------------------------------------------------------------------------- tagged characters

def spans_from_tags(tags: list[str], types: dict[str, str]) -> list[Span]:
    """Character spans from BIO or BMES/BIOES tags (``B-X``, ``I-X``/``M-X``, ``E-X``, ``S-X``, ``O``).

    A span ends at ``E``/``S``, at ``O``, or when a new ``B``/``S`` or a type change starts.
    Types outside ``types`` are dropped.
    """
    spans: list[Span] = []
    start, cur = -1, None

    def close(end: int) -> None:
        nonlocal start, cur
        if cur is not None and cur in types:
            spans.append((start, end, types[cur]))
        start, cur = -1, None

    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if prefix == "O" or not typ:
            close(i)
        elif prefix in ("B", "S"):
            close(i)
            start, cur = i, typ
            if prefix == "S":
                close(i + 1)
        elif prefix in ("I", "M", "E"):
            if cur != typ:  # ill-formed continuation: start a new span
                close(i)
                start, cur = i, typ
            if prefix == "E":
                close(i + 1)
    close(len(tags))
    return spans


def read_char_tagged(lines: Iterable[str], types: dict[str, str]) -> Iterator[Record]:
    """Sentences from ``char<whitespace>tag`` lines with blank lines between sentences."""
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> Iterator[Record]:
        if chars:
            yield fold("".join(chars)), spans_from_tags(tags, types)
        chars.clear()
        tags.clear()

    for raw in lines:
        line = raw.rstrip("\r\n")
        if not line.strip():
            yield from flush()
            continue
        if line[0] in " \t" and len(line.split()) == 1:  # the character itself is a space
            ch, tag = " ", line.split()[0]
        else:
            ch, _, tag = line.partition("\t") if "\t" in line else line.partition(" ")
            tag = tag.strip() or "O"
        chars.append(ch[:1] if ch else " ")
        tags.append(tag)
    yield from flush()


def read_weibo(data_dir: Path, split: str) -> Iterator[Record]:
    """Weibo NER (`train`, `dev`, `test`; evaluation only): named mentions, GPE as LOCATION."""
    with open(Path(data_dir) / "weibo_ner" / f"weiboNER_2nd_conll.{split}", encoding="utf-8") as fh:
        yield from read_char_tagged(fh, WEIBO_TYPES)


def read_resume(data_dir: Path, split: str) -> Iterator[Record]:
    """Resume NER (`train`, `dev`, `test`; evaluation only): NAME, ORG and LOC."""
    with open(Path(data_dir) / "resume_ner" / f"{split}.char.bmes", encoding="utf-8") as fh:
        yield from read_char_tagged(fh, RESUME_TYPES)


def read_msra(data_dir: Path, split: str) -> Iterator[Record]:
    """MSRA NER: ``train`` (train.bmes) or ``test`` (test.bio)."""
    name = {"train": "train.bmes", "test": "test.bio"}[split]
    with open(Path(data_dir) / "msra_ner" / name, encoding="utf-8") as fh:
        yield from read_char_tagged(fh, MSRA_TYPES)


# --------------------------------------------------------------------------- CLUENER 2020

def parse_cluener_line(line: str, with_address: bool = False,
                       missing: tuple[str, ...] = ()) -> Record:
    """One CLUENER JSON line; name → PERSON, organization/government/company → ORG,
    address → LOCATION when ``with_address``; types in ``missing`` (e.g. ``address``,
    ``scene``) become :data:`MISSING` spans. Overlapping spans keep the longer one."""
    obj = json.loads(line)
    types: dict[str, str] = {t: MISSING for t in missing}
    types.update(CLUENER_TYPES)
    if with_address:
        types["address"] = "LOCATION"
    spans: list[Span] = []
    for typ, surfaces in (obj.get("label") or {}).items():
        if typ not in types:
            continue
        for offsets in surfaces.values():
            for start, end in offsets:
                spans.append((start, end + 1, types[typ]))
    return fold(obj["text"]), remove_overlaps(spans)


def read_cluener(data_dir: Path, split: str, with_address: bool = False,
                 missing: tuple[str, ...] = ()) -> Iterator[Record]:
    """CLUENER 2020 ``train`` or ``dev`` (options as in :func:`parse_cluener_line`)."""
    with open(Path(data_dir) / "cluener2020" / f"{split}.json", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield parse_cluener_line(line, with_address, missing)


# --------------------------------------------------------------------------- DocBin output

def remove_overlaps(spans: list[Span]) -> list[Span]:
    """Drop spans that overlap a longer (then earlier) one."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return sorted(kept)


def make_doc(nlp, record: Record):
    """A Doc from ``nlp``'s tokenizer with the record's entities (as spans and as BILUO tags);
    :data:`MISSING` spans are left unannotated, all other tokens are ``O``."""
    text, spans = record
    doc = nlp.make_doc(text)
    ents, missing = [], []
    for start, end, label in remove_overlaps(spans):
        # trim whitespace at the edges so the span aligns with character tokens
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if label == MISSING:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                missing.append(span)
            continue
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    doc.set_ents(ents, missing=missing, default="outside")
    return set_biluo_tags(doc)


def set_biluo_tags(doc):
    """Give each token the BILUO tag of its entity annotation as `tag_` (what a character tagger
    learns): `U-`/`B-`/`I-`/`L-` + label inside an entity, `O` outside; a token whose annotation
    is missing keeps no tag, which the tagger's loss skips."""
    for token in doc:
        if token.ent_iob_ == "O":
            token.tag_ = "O"
    for ent in doc.ents:
        if len(ent) == 1:
            ent[0].tag_ = f"U-{ent.label_}"
            continue
        ent[0].tag_, ent[-1].tag_ = f"B-{ent.label_}", f"L-{ent.label_}"
        for token in ent[1:-1]:
            token.tag_ = f"I-{ent.label_}"
    return doc


def write_docbin(records: Iterable[Record], path: Path, nlp=None) -> int:
    """Write records to a ``.spacy`` DocBin at ``path``; returns the number of docs."""
    import spacy
    from spacy.tokens import DocBin

    nlp = nlp or spacy.blank("zh")
    db = DocBin(attrs=["ORTH", "TAG", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    n = 0
    for record in records:
        if not record[0].strip():
            continue
        db.add(make_doc(nlp, record))
        n += 1
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def spans_of(records: Iterable[Record]) -> Iterator[list[Span]]:
    """Just the span lists (handy for counting)."""
    for _, spans in records:
        yield spans
