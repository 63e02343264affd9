"""`make bench`: throughput and peak memory of the whole `zhkg run` on news text.

Runs in a fresh process per measurement so peak memory (ru_maxrss) is that run's own.
Uses ../shared/data/news_xwlb/articles.jsonl when present, else a corpus built from seeds/.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def make_corpus(data: Path, chars: int, target: Path) -> int:
    """Write about `chars` characters of news as jsonl to `target`; returns the count written."""
    source = data / "news_xwlb" / "articles.jsonl"
    written = 0
    with target.open("w", encoding="utf-8") as out:
        if source.exists():
            with source.open(encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    out.write(json.dumps({k: record.get(k) for k in ("id", "title", "date", "source", "text")},
                                         ensure_ascii=False) + "\n")
                    written += len(record.get("text", ""))
                    if written >= chars:
                        break
        seeds = sorted((REPO / "seeds").glob("*.txt"))
        n = 0
        while written < chars and seeds:
            text = seeds[n % len(seeds)].read_text(encoding="utf-8")
            out.write(json.dumps({"id": f"generated-{n}", "text": text}, ensure_ascii=False) + "\n")
            written += len(text)
            n += 1
    return written


def measure(corpus: Path, config_file: str | None) -> dict:
    """Run the pipeline on `corpus` in this process; report timings and peak memory."""
    from pipeline.config import load_config
    from pipeline.runner import run

    with tempfile.TemporaryDirectory() as out:
        report = run([str(corpus)], out, load_config(config_file), warn=lambda message: None)
    seconds = report.timings["extract_seconds"]
    return {"documents": report.documents, "characters": report.characters,
            "load_seconds": report.timings["load_seconds"], "extract_seconds": seconds,
            "chars_per_second": round(report.characters / seconds) if seconds else None,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=os.environ.get("ZHKG_DATA", str(REPO.parent / "shared" / "data")))
    parser.add_argument("--sizes-mb", default="1", help="comma-separated corpus sizes in millions of characters")
    parser.add_argument("--config", help="config file, as for zhkg run")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(Path(args.measure), args.config)))
        return
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(s) for s in args.sizes_mb.split(",")):
            corpus = Path(tmp) / f"corpus-{size}.jsonl"
            make_corpus(Path(args.data), int(size * 1_000_000), corpus)
            command = [sys.executable, "-m", "pipeline.bench", "--measure", str(corpus)]
            if args.config:
                command += ["--config", args.config]
            result = subprocess.run(command,
                                    capture_output=True, text=True, env=env, check=True)
            rows.append({"size_mchars": size, **json.loads(result.stdout.strip().splitlines()[-1])})
    print(f"{'corpus':>8} {'docs':>6} {'chars':>10} {'load s':>7} {'run s':>7} {'chars/s':>9} {'peak MB':>8}")
    for r in rows:
        print(f"{r['size_mchars']:>7}M {r['documents']:>6} {r['characters']:>10} {r['load_seconds']:>7} "
              f"{r['extract_seconds']:>7} {r['chars_per_second']:>9} {r['peak_rss_mb']:>8}")


if __name__ == "__main__":
    main()
