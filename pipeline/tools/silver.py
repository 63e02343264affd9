"""The silver evaluation set: 2064 news documents of the genre (1032 新闻联播 items, 1032 People's Daily
1998 `train` articles), annotated by the gold guidelines for this project (`tests/silver/`: one
YAML per document and `manifest.json`). The texts are not in the repository: they are rebuilt from
the shared corpora (`--data`, `$ZHKG_DATA`) exactly as they were annotated, so that
`make eval-silver` scores the pipeline on text no rule was written for.

    python -m pipeline.tools.silver --data DIR --out build/silver [--sets A,B,…,Z,AA,AB,…]
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
from collections.abc import Iterable
from pathlib import Path

SILVER = Path(__file__).resolve().parents[2] / "tests" / "silver"
XWLB = Path("news_xwlb") / "all_items_2018_2026.jsonl.gz"
PD98 = Path("peoples_daily_1998") / "199801.articles.jsonl"


def xwlb_text(item: dict) -> str:
    """A 新闻联播 item as it was annotated: title, programme and time, text."""
    return f"{item['title']}\n\n新闻联播（央视网） {item['date']}\n\n{item['text'].strip()}\n"


def pd98_text(article: dict) -> str:
    """A People's Daily article as it was annotated: title, paper and date, paragraphs."""
    day = article["date"]
    paragraphs = "\n".join(p.strip() for p in article["paragraphs"])
    return f"{article['title']}\n\n人民日报 {day[:4]}-{day[4:6]}-{day[6:]}\n\n{paragraphs}\n"


def _lines(path: Path) -> Iterable[dict]:
    if not path.is_file():
        raise SystemExit(f"silver: {path} not found (the shared data folder: --data or $ZHKG_DATA)")
    with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")) as f:
        for line in f:
            yield json.loads(line)


def materialize(data: Path, out: Path, sets: Iterable[str] | None = None, silver: Path = SILVER) -> list[str]:
    """Write each document's text and annotation into `out` (a gold folder `zhkg eval` reads);
    return the document ids. `sets`: the annotation rounds to take (all by default)."""
    manifest = json.loads((silver / "manifest.json").read_text(encoding="utf-8"))
    wanted = {doc: entry for doc, entry in manifest.items() if sets is None or entry["set"] in set(sets)}
    by_url = {e["xwlb_url"]: doc for doc, e in wanted.items() if "xwlb_url" in e}
    by_article = {e["pd98_article"]: doc for doc, e in wanted.items() if "pd98_article" in e}
    texts = {}
    if by_url:
        texts |= {by_url[item["url"]]: xwlb_text(item) for item in _lines(data / XWLB) if item.get("url") in by_url}
    if by_article:
        texts |= {by_article[a["id"]]: pd98_text(a) for a in _lines(data / PD98) if a["id"] in by_article}
    missing = sorted(set(wanted) - set(texts))
    if missing:
        raise SystemExit(f"silver: {len(missing)} documents not in {data} (first: {missing[0]})")
    out.mkdir(parents=True, exist_ok=True)
    for doc in sorted(wanted):
        (out / f"{doc}.txt").write_text(texts[doc], encoding="utf-8")
        shutil.copyfile(silver / f"{doc}.yaml", out / f"{doc}.yaml")
    return sorted(wanted)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.tools.silver", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder (../shared/data)")
    parser.add_argument("--out", type=Path, required=True, help="the gold folder to write")
    parser.add_argument("--sets", help="comma-separated annotation rounds (manifest.json's `set`: A to Z, then AA, AB, …); "
                                       "all by default")
    args = parser.parse_args(argv)
    docs = materialize(args.data, args.out, args.sets.split(",") if args.sets else None)
    print(f"silver: {len(docs)} documents → {args.out}")


if __name__ == "__main__":
    main()
