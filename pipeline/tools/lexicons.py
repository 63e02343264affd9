"""Distil the shared public lexicons into the small word lists under schemas/lexicons/.

Run `python -m pipeline.tools.lexicons --data ../shared/data` (or `make lexicons`); the
outputs are committed, so the pipeline never reads ../shared at run time.
"""
from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest.textnorm import fold
from pipeline.rules import load_schema

# division names' generic terms, longest first (a prefecture's 地区 before a district's 区: `和田地区` → 和田)
_ADMIN_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区",
                   "省", "市", "县", "区")
_AMBIGUOUS_SHORT = {"东区", "南区", "西区", "北区", "城区", "郊区", "新区", "矿区", "市辖区", "省直辖县级行政区划"}
# short forms that name people and companies more than the place in the xwlb corpus: 阿里 (阿里地区) is the given
# name Ali (`阿里·`, `阿里表示`) and begins 阿里巴巴 and 阿里云
_PERSON_SHORT = {"阿里"}


def surnames(data: Path) -> list[str]:
    lines = (data / "lexicons/names/family_names_1k.txt").read_text(encoding="utf-8-sig").split()
    return sorted({w.strip() for w in lines if 1 <= len(w.strip()) <= 2})


def short_place_name(name: str) -> str | None:
    """`北京市` → `北京`, `东城区` → `东城`; None when the short form would be ambiguous."""
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def admin_places(data: Path, common_min_count: int = 3) -> list[str]:
    """Province, city and county names, with short forms of provinces and cities (no townships),
    except short forms that People's Daily 1998 `train` has `common_min_count`+ times and never
    tags as a name (`来宾`, guests: 来宾市)."""
    tree = json.loads((data / "lexicons/admin_divisions/pcas-code.json").read_text(encoding="utf-8"))
    names: set[str] = set()

    def walk(nodes: list[dict], depth: int) -> None:
        for node in nodes:
            name = node["name"]
            if name not in _AMBIGUOUS_SHORT:
                names.add(name)
                short = short_place_name(name)
                if short and depth < 2 and short not in _PERSON_SHORT:
                    names.add(short)
            if depth < 2:
                walk(node.get("children", []), depth + 1)

    walk(tree, 0)
    hmt = json.loads((data / "lexicons/admin_divisions/HK-MO-TW.json").read_text(encoding="utf-8"))
    for region in hmt:
        names.add(region)
        short = short_place_name(region)
        if short:
            names.add(short)
    shorts = {short_place_name(n) for n in names} - {None}
    counts: dict[str, int] = {}
    named: set[str] = set()
    for word, tag in pd98_train_tokens(data):
        if word in shorts:
            counts[word] = counts.get(word, 0) + 1
            if tag in NAME_TAGS:
                named.add(word)
    common = {w for w, n in counts.items() if n >= common_min_count and w not in named}
    return sorted(n for n in names if len(n) >= 2 and n not in common)


_ORG_ENDINGS = ("委员会", "协会", "学会", "大学", "学院", "研究院", "研究所", "办公室", "联合会", "总局",
                "局", "部", "院", "社", "厅", "署", "办")


def org_abbreviations(data: Path) -> list[str]:
    """`short<TAB>full` pairs from funnlp's abbreviation lists whose full form is an organisation."""
    pairs: dict[str, str] = {}
    for name in ("abbreviations.train.txt", "abbreviations.dev.txt", "abbreviations.test.txt"):
        for line in (data / "lexicons/funnlp" / name).read_text(encoding="utf-8").splitlines():
            short, _, analysed = line.partition(":")
            words = [w.rsplit("/", 1) for w in analysed.split()]
            if not short.strip() or len(short.strip()) < 2 or any(len(w) != 2 for w in words):
                continue
            full = "".join(w for w, _ in words)
            is_org = any(tag == "nt" for _, tag in words) or full.endswith(_ORG_ENDINGS)
            if is_org and len(full) > len(short.strip()):
                pairs.setdefault(short.strip(), full)
    return sorted(f"{short}\t{full}" for short, full in pairs.items())


_GENERIC_PLACE_ENDINGS = ("医院", "学校", "小区", "公园", "广场", "酒店", "市场", "中心", "大厦", "车站", "机场", "公司",
                          "银行", "大学", "学院", "中学", "小学", "政府", "局", "委", "所", "站", "厂", "店", "院", "部", "办")


def place_anchors(data: Path, min_frequency: int = 1000) -> list[str]:
    """Frequent THUOCL place names that may start an organisation's name (`中关村…`); not
    entities by themselves."""
    anchors = []
    for line in (data / "lexicons/thuocl/THUOCL_diming.txt").read_text(encoding="utf-8-sig").splitlines():
        word, _, frequency = line.strip().partition("\t")
        if (frequency.strip().isdigit() and int(frequency) >= min_frequency and len(word) >= 2
                and not word.endswith(_GENERIC_PLACE_ENDINGS)):
            anchors.append(word.strip())
    return sorted(set(anchors))


NAME_TAGS = ("nr", "ns", "nt", "nz", "j")
PREDICATE_TAGS = {"v", "vd", "d", "p", "c", "u"}  # verbs, adverbs, prepositions, conjunctions, particles


def pd98_train_words(data: Path) -> Iterator[tuple[str, str, bool]]:
    """(folded word, tag, whether it closes a bracketed name) of every token of People's Daily
    1998 `train` (splits.json)."""
    train = set(json.loads((data / "peoples_daily_1998/splits.json").read_text(encoding="utf-8"))["train"])
    for line in (data / "peoples_daily_1998/199801.txt").read_text(encoding="utf-8").splitlines():
        items = line.split()
        if not items or items[0].rsplit("-", 1)[0] not in train:
            continue
        for item in items[1:]:
            word, _, tag = item.lstrip("[").rpartition("/")
            yield fold(word), tag.split("]")[0], "]" in tag


def pd98_train_tokens(data: Path) -> Iterator[tuple[str, str]]:
    """(folded word, tag) of every token of People's Daily 1998 `train` (splits.json)."""
    for word, tag, _ in pd98_train_words(data):
        yield word, tag


def predicate_words(data: Path, min_count: int = 3, min_share: float = 0.8) -> list[str]:
    """Words that People's Daily 1998 `train` tags as verbs or function words at least `min_share`
    of the `min_count`+ times it has them (`提请`, `抓好`, `拟`); never a noun's or name's word."""
    counts: dict[str, list[int]] = {}
    for word, tag in pd98_train_tokens(data):
        tally = counts.setdefault(word, [0, 0])
        tally[0] += 1
        tally[1] += tag in PREDICATE_TAGS
    return sorted(w for w, (n, hits) in counts.items() if n >= min_count and hits >= min_share * n)


def common_words(data: Path, surnames: set[str], min_count: int = 5, max_named_share: float = 0.02) -> list[str]:
    """Words of two or three characters that start with a surname character (`贺信`, `高度`, `运动员`),
    `min_count`+ times in People's Daily 1998 `train` and tagged a name there (nr, ns, nt, nz) at most
    `max_named_share` of the time (`卫星`: one stray `nr` in 56): what a surname-led name pattern or the
    recognizer must not take for a person (short forms, `j`, are none: `同比`, `中宣部`)."""
    counts: dict[str, list[int]] = {}
    for word, tag in pd98_train_tokens(data):
        if len(word) not in (2, 3) or word[0] not in surnames:
            continue
        tally = counts.setdefault(word, [0, 0])
        tally[0] += 1
        tally[1] += tag in ("nr", "ns", "nt", "nz")
    return sorted(w for w, (n, named) in counts.items() if n >= min_count and named <= max_named_share * n)


def suffix_words(data: Path, suffixes: set[str], min_count: int = 3) -> list[str]:
    """Two-character words, none of `suffixes`, that end in a one-character one of them (`格局`,
    `大厅`, `干部`, `嘉奖`), `min_count`+ times in People's Daily 1998 `train`, never tagged a name (nr, ns, nt, nz, j) nor
    the last word of a bracketed name there: a suffix that closes one ends no name."""
    counts: dict[str, int] = {}
    named: set[str] = set()
    for word, tag, closes in pd98_train_words(data):
        if len(word) != 2 or word[1:] not in suffixes or word in suffixes:
            continue
        counts[word] = counts.get(word, 0) + 1
        if closes or tag in ("nr", "ns", "nt", "nz", "j"):
            named.add(word)
    return sorted(w for w, n in counts.items() if n >= min_count and w not in named)


def write_list(path: Path, header: str, words: list[str]) -> None:
    path.write_text(f"# {header}\n" + "\n".join(fold(w) for w in words) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=os.environ.get("ZHKG_DATA", "../shared/data"))
    parser.add_argument("--out", default="schemas/lexicons")
    args = parser.parse_args(argv)
    data, out = Path(args.data), Path(args.out)
    write_list(out / "surnames.txt",
               "Chinese surnames, from lexicons/names/family_names_1k.txt (Chinese-Names-Corpus)", surnames(data))
    write_list(out / "org_abbreviations.tsv",
               "organisation short forms and full forms (short<TAB>full), from lexicons/funnlp abbreviations",
               org_abbreviations(data))
    write_list(out / "place_anchors.txt",
               "frequent place names that may start an organisation name, from lexicons/thuocl THUOCL_diming (MIT)",
               place_anchors(data))
    write_list(out / "admin_places.txt",
               "Chinese provinces, cities and counties with short forms, from lexicons/admin_divisions (MIT)",
               admin_places(data))
    write_list(out / "common_words.txt",
               "words of two or three characters starting with a surname character, 5+ times in People's Daily "
               "1998 train and tagged a name there at most 2 % of the time (peoples_daily_1998, splits.json)",
               common_words(data, {w for w in surnames(data) if len(w) == 1}))
    write_list(out / "predicate_words.txt",
               "verbs and function words (tagged v/vd/d/p/c/u at least 80 % of 3+ times) in People's Daily 1998 "
               "train (peoples_daily_1998, splits.json); a name never starts with one", predicate_words(data))
    name_suffixes = {s for chunker in load_schema().recognition.chunkers for s in chunker.suffixes}
    write_list(out / "suffix_words.txt",
               "two-character words ending in a one-character name suffix of schemas/recognition.yaml, 3+ times in "
               "People's Daily 1998 train, never a name nor a name's last word there (peoples_daily_1998, "
               "splits.json); a suffix that closes one ends no name", suffix_words(data, name_suffixes))


if __name__ == "__main__":
    main()
