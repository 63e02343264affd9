"""`make bench`: throughput and peak memory of the whole `zhkg run` on news text.

For each corpus size (millions of characters of xwlb news: `news_xwlb/all_items_2018_2026.jsonl.gz`,
then `news_xwlb/articles.jsonl`, under --data / $ZHKG_DATA, about 25.6M characters in all and
repeated under new ids beyond that; a generated corpus when they are absent) it measures, each
in a fresh process:

- `zhkg run` with 1 worker, with 2 workers, and with the Dask engine (a LocalCluster of 2
  workers on 127.0.0.1): characters per second of the whole run (model loading, analysis,
  document YAMLs, graph, analytics and graph files) and of the analysis alone, and peak memory
  of the whole process tree (the RSS of the run's process and all its children, sampled every
  0.1 s from /proc on Linux, else with psutil; without either the sum of ru_maxrss of the
  process and of its largest child);
- a second run over the unchanged corpus into the same folder, and its speed-up over the first;
- the same text through jieba's `posseg` (part-of-speech tagging, a peer users know) for a
  ratio; jieba is in the `bench` extra (`pip install 'zhkg[bench]'`), never a run-time dependency.
  The machine's speed drifts between two runs one after the other, so `--pairs N` runs zhkg with 1
  worker and jieba alternately N times and gives the median of their ratios, with its range.

`--sizes 1` gives a quick table (a few minutes); `make bench` runs the full one (1, 10 and 40),
which takes about two hours on 2 cores (the analysis runs at about 25k characters per
second per core).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.tools.tree_memory import TreeMemory

REPO = Path(__file__).resolve().parents[2]
ROWS = ("1", "2", "dask")


# --- corpora ------------------------------------------------------------------------------------

def _xwlb_records(data: Path):
    """News records of the shared xwlb corpus, each with a stable id; after the last one, the
    corpus again with ids ending in -r2, -r3, … (the corpus holds about 26M characters)."""
    for number in range(1, 1000):
        produced = False
        for record in _xwlb_pass(data):
            produced = True
            yield record if number == 1 else {**record, "id": f"{record['id']}-r{number}"}
        if not produced:
            return


def _xwlb_pass(data: Path):
    folder = data / "news_xwlb"
    items = folder / "all_items_2018_2026.jsonl.gz"
    if items.exists():
        with gzip.open(items, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                record = json.loads(line)
                yield {"id": f"xwlb-{number:06d}", **{k: record.get(k) for k in ("title", "date", "source", "text")}}
    articles = folder / "articles.jsonl"
    if articles.exists():
        with articles.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                yield {k: record.get(k) for k in ("id", "title", "date", "source", "text")}


PEOPLE = "李强 王建华 张伟 李明 陈刚 刘洋 赵敏 孙立 周涛 吴芳 郑浩 冯军 何平 许静 韩磊 曹阳".split()
PLACES = "北京 上海 广州 深圳 杭州 南京 武汉 成都 西安 重庆 天津 苏州 长沙 郑州 济南 青岛".split()
BODIES = "科学技术协会 司法局 教育局 人民政府 发展和改革委员会 科技局 卫生健康委员会 文化和旅游局".split()


def _generated_records(seed: int = 42):
    """Synthetic news (when the shared corpus is absent): the seed articles and short items
    whose people, places and bodies vary, so the graph grows with the corpus as news does."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    number = 0
    while True:
        number += 1
        if seeds and number % 50 == 1:
            yield {"id": f"generated-{number:06d}", "text": seeds[(number // 50) % len(seeds)]}
            continue
        place, body = rng.choice(PLACES), rng.choice(BODIES)
        person, other = rng.choice(PEOPLE), rng.choice(PEOPLE)
        title = f"{place}市{body}召开第{number}次工作会议"
        text = (f"{title}\n新华社 20{rng.randint(18, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
                f"{place}市{body}{rng.randint(1, 28)}日召开第{number}次工作会议。{place}市{body}局长{person}出席会议并讲话。"
                f"会议强调，要深入贯彻落实党中央决策部署。{other}同志获得国家科技进步二等奖。{place}市副市长{other}主持会议。\n")
        yield {"id": f"generated-{number:06d}", "title": title, "text": text}


def make_corpus(data: Path, chars: int, target: Path) -> tuple[int, int, str]:
    """Write about `chars` characters of news as jsonl to `target`; (documents, characters, source)."""
    records = _xwlb_records(data)
    source = "xwlb"
    first = next(records, None)
    if first is None:
        records, source = _generated_records(), "generated"
    else:
        records = _chain(first, records)
    written = documents = 0
    repeated = False
    with target.open("w", encoding="utf-8") as out:
        for record in records:
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            repeated = repeated or str(record.get("id", "")).endswith("-r2")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += len(text)
            documents += 1
            if written >= chars:
                break
    return documents, written, source + (" (all of it, then repeated under new ids)" if repeated else "")


def _chain(first, rest):
    yield first
    yield from rest


# --- measuring (each in a fresh process) ----------------------------------------------------

def measure(corpus: Path, out: Path, workers: int, engine: str, config_file: str | None) -> dict:
    """Run the pipeline on `corpus` into `out` in this process; timings and peak memory."""
    memory = TreeMemory()
    started = time.perf_counter()
    from pipeline.config import load_config
    from pipeline.engine.runner import run

    report = run([str(corpus)], out, load_config(config_file), warn=lambda message: None, workers=workers,
                 engine=engine, progress=False)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, ended and waited for by now
    extract = report.timings.get("extract_seconds") or 0.0
    peak = memory.stop()
    analysis_peak = memory.peak_until((report.timings.get("load_seconds") or 0) + extract)
    return {"documents": report.documents, "characters": report.characters, "seconds": round(seconds, 2),
            "load_seconds": report.timings.get("load_seconds"), "extract_seconds": extract,
            "chars_per_second": round(report.characters / seconds), "analysis_chars_per_second":
            round(report.characters / extract) if extract else None, "analysed": report.analysed,
            "reused": report.reused, "main_cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime + children.ru_utime + children.ru_stime, 1),
            "graph_seconds": report.timings.get("graph_seconds"), "peak_mb": peak,
            "analysis_peak_mb": analysis_peak, "peak_pss_mb": round(memory.pss_peak / 2**20, 1) or None}


def measure_jieba(corpus: Path) -> dict:
    """The same texts through jieba.posseg (segmentation and part-of-speech tags)."""
    memory = TreeMemory()
    started = time.perf_counter()
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    characters = 0
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            text, title = record["text"], " ".join((record.get("title") or "").split())
            if title and not text.lstrip().startswith(title):  # as zhkg's ingest reads it
                text = f"{title}\n\n{text}"
            characters += len(text)
            for _ in pseg.cut(text):
                pass
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"characters": characters, "seconds": round(seconds, 2), "chars_per_second": round(characters / seconds),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1), "peak_mb": memory.stop()}


def _subprocess(arguments: list[str], env: dict) -> dict:
    command = [sys.executable, "-m", "pipeline.tools.bench", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the table ----------------------------------------------------------------------------------

def _available(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.environ.get("ZHKG_DATA", str(REPO.parent / "shared" / "data")),
                        help="the shared data folder (default $ZHKG_DATA, else ../shared/data)")
    parser.add_argument("--sizes", "--sizes-mb", dest="sizes", default="1,10,40",
                        help="comma-separated corpus sizes in millions of characters (default 1,10,40)")
    parser.add_argument("--rows", default=",".join(ROWS),
                        help="which runs per size: 1 and 2 (local workers), dask (default all three)")
    parser.add_argument("--no-rerun", action="store_true", help="skip the second run over the unchanged corpus")
    parser.add_argument("--no-jieba", action="store_true", help="skip the jieba posseg comparison")
    parser.add_argument("--pairs", type=int, default=1,
                        help="alternated (zhkg ×1, jieba) pairs per size; the ratio is their median (default 1)")
    parser.add_argument("--config", help="config file, as for zhkg run")
    parser.add_argument("--keep", metavar="DIR", help="keep the corpora and outputs in DIR")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--jieba", help=argparse.SUPPRESS)
    return parser


def _rows(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[str]:
    """The runs asked for by --rows, less the Dask row when dask.distributed is not installed."""
    rows = [r.strip() for r in args.rows.split(",") if r.strip()]
    unknown = set(rows) - set(ROWS)
    if unknown:
        parser.error(f"--rows: unknown {sorted(unknown)}; expected some of {', '.join(ROWS)}")
    if "dask" in rows and not _available("distributed"):
        print("bench: dask.distributed is not installed (pip install 'zhkg[dask]'): no Dask rows", file=sys.stderr)
        rows.remove("dask")
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(Path(args.measure), Path(args.out), args.workers, args.engine, args.config)))
        return
    if args.jieba:
        print(json.dumps(measure_jieba(Path(args.jieba))))
        return

    rows = _rows(args, parser)
    jieba = not args.no_jieba and _available("jieba")
    if not args.no_jieba and not jieba:
        print("bench: jieba is not installed (pip install 'zhkg[bench]'): no jieba comparison", file=sys.stderr)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="zhkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"bench: {os.cpu_count()} CPUs; corpora and outputs in {work}", file=sys.stderr)
    table: list[dict] = []
    try:
        for size in (float(s) for s in args.sizes.split(",")):
            table += _bench_size(size, rows, jieba, args, env, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print_table(table)


def _bench_size(size: float, rows: list[str], jieba: bool, args: argparse.Namespace, env: dict,
                work: Path) -> list[dict]:
    """The table's lines for a corpus of `size` million characters: each row's run (and the first
    row's rerun), then jieba's, and `--pairs` − 1 more runs of the first row and of jieba, alternated."""
    corpus = work / f"corpus-{size:g}M.jsonl"
    documents, characters, source = make_corpus(Path(args.data), int(size * 1_000_000), corpus)
    print(f"bench: {size:g}M: {documents} documents, {characters:,} characters of {source}", file=sys.stderr)
    table: list[dict] = []
    first: dict | None = None
    for row in rows:
        workers, engine = (2, "dask") if row == "dask" else (int(row), "local")
        out = work / f"out-{size:g}M-{row}"
        shutil.rmtree(out, ignore_errors=True)
        arguments = _run_arguments(corpus, out, row, args)
        result = _subprocess(arguments, env)
        label = f"zhkg {engine}" + ("" if engine == "dask" else f" ×{workers}")
        entry = {"size": size, "run": label, "workers": workers, **result}
        if first is None:
            first = entry
        else:
            entry["speedup"] = round(first["seconds"] / result["seconds"], 2)
        table.append(entry)
        print(f"bench: {size:g}M {label}: {result['seconds']} s, {result['peak_mb']} MB", file=sys.stderr)
        if row == rows[0] and not args.no_rerun:
            again = _subprocess(arguments, env)
            table.append({"size": size, "run": f"{label} rerun", "workers": workers, **again,
                          "speedup": round(result["seconds"] / again["seconds"], 1)})
            print(f"bench: {size:g}M {label} rerun: {again['seconds']} s", file=sys.stderr)
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    if jieba:
        result = _subprocess(["--jieba", str(corpus)], env)
        entry = {"size": size, "run": "jieba posseg", "workers": 1, "documents": documents, **result}
        if first is not None:
            entry["ratio"] = round(first["chars_per_second"] / result["chars_per_second"], 3)
            ratios = [_cpu_ratio(first, result)]
            for _ in range(args.pairs - 1):  # alternated, so that a drift of the machine's speed hits both
                shutil.rmtree(work / "out-pair", ignore_errors=True)
                zhkg = _subprocess(_run_arguments(corpus, work / "out-pair", rows[0], args), env)
                ratios.append(_cpu_ratio(zhkg, _subprocess(["--jieba", str(corpus)], env)))
            shutil.rmtree(work / "out-pair", ignore_errors=True)
            if None not in ratios:
                entry["cpu_ratio"] = round(statistics.median(ratios), 3)
                if len(ratios) > 1:
                    entry["pairs"], entry["cpu_ratio_range"] = len(ratios), (min(ratios), max(ratios))
        table.append(entry)
    return table


def _run_arguments(corpus: Path, out: Path, row: str, args: argparse.Namespace) -> list[str]:
    """The measuring subprocess's arguments for a row of the table (`1`, `2`, `dask`)."""
    workers, engine = (2, "dask") if row == "dask" else (int(row), "local")
    arguments = ["--measure", str(corpus), "--out", str(out), "--workers", str(workers), "--engine", engine]
    return arguments + (["--config", args.config] if args.config else [])


def _cpu_ratio(zhkg: dict, jieba: dict) -> float | None:
    """zhkg's characters per CPU second over jieba's."""
    if not zhkg.get("cpu_seconds") or not jieba.get("cpu_seconds"):
        return None
    return round(zhkg["characters"] / zhkg["cpu_seconds"] / (jieba["characters"] / jieba["cpu_seconds"]), 3)


def print_table(table: list[dict]) -> None:
    """The table: one line per run; `speed-up` is against the first run of the size (×1 worker),
    for a rerun against its first run; `ratio` is zhkg ×1 chars/s over jieba's (and per CPU second,
    which other processes on the machine disturb less). `peak MB` is the whole run, `(analysis)`
    its document stage (up to the end of the last batch), `PSS MB` the tree's peak proportional
    set size (shared pages once; every 2 s); `CPU s` the CPU seconds of the run's process and
    its workers together; `stages s` the run's seconds in its stages: start-up (imports, config),
    analysis (loading the models, the documents and their YAMLs), graph (analytics and files)."""
    header = (f"{'size':>6} {'run':<22} {'docs':>6} {'chars':>11} {'seconds':>8} {'CPU s':>6} {'chars/s':>10} "
              f"{'analysis/s':>11} {'stages s':>16} {'peak MB':>8} {'(analysis)':>10} {'PSS MB':>7} {'speed-up':>8}")
    print(header)
    print("-" * len(header))
    for r in table:
        analysis = r.get("analysis_chars_per_second")
        extra = f"{r['speedup']}×" if "speedup" in r else (f"zhkg/jieba {r['ratio']}" if "ratio" in r else "")
        extra += f" (per CPU-s {r['cpu_ratio']})" if "cpu_ratio" in r else ""
        extra += f", median of {r['pairs']} pairs, {r['cpu_ratio_range'][0]}–{r['cpu_ratio_range'][1]}" if "pairs" in r else ""
        print(f"{r['size']:>5g}M {r['run']:<22} {r.get('documents', ''):>6} {r['characters']:>11,} "
              f"{r['seconds']:>8} {r.get('cpu_seconds', ''):>6} {r['chars_per_second']:>10,} "
              f"{f'{analysis:,}' if analysis else '':>11} {_stages(r):>16} "
              f"{r['peak_mb']:>8} {r.get('analysis_peak_mb') or '':>10} {r.get('peak_pss_mb') or '':>7} {extra:>8}")


def _stages(r: dict) -> str:
    """`start-up+analysis+graph` seconds of a zhkg run ("" for jieba)."""
    if "extract_seconds" not in r:
        return ""
    analysis, graph = r["extract_seconds"], r.get("graph_seconds") or 0.0
    return f"{r['seconds'] - analysis - graph:.1f}+{analysis:.1f}+{graph:.1f}"


if __name__ == "__main__":
    main()
