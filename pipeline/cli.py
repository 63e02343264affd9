"""Command line: a thin layer over the library API.

  zhkg run PATH... --out DIR [--config FILE] [--encoding NAME] [--workers N] [--engine local|dask]
           [--scheduler ADDRESS] [--force] [--resume]
  zhkg eval --gold DIR --pred DIR
  zhkg view DIR [--out FILE] [--max-nodes N] [--screenshot PNG]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__

if TYPE_CHECKING:
    from pipeline.records import RunReport

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhkg", description="Knowledge graphs from Chinese news text.")
    parser.add_argument("--version", action="version", version=f"zhkg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract entities and relations; write YAML and GraphML")
    run.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.md/.html/.jsonl/.jsonl.gz files or folders")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder")
    run.add_argument("--config", metavar="FILE", help="config file overriding pipeline/configs/default.cfg")
    run.add_argument("--encoding", metavar="NAME",
                     help="decode every input with this encoding (utf-8, gb18030, big5, utf-16, …) instead of detecting it")
    run.add_argument("--workers", type=int, default=1, metavar="N",
                     help="analyse in N worker processes (default 1); with --engine dask and no --scheduler, "
                          "the number of local Dask workers")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local: this machine (default); dask: a Dask cluster, merging by entity key on it and "
                          "writing DIR/parquet/ (needs pip install 'zhkg[dask]')")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler of an existing cluster (tcp://host:8786); "
                          "default: a local cluster on 127.0.0.1")
    run.add_argument("--force", action="store_true",
                     help="analyse every document again, even those DIR already holds unchanged")
    run.add_argument("--resume", action="store_true",
                     help="finish an interrupted run (the default: documents DIR already holds with the same "
                          "text, config and model are reused; kept as an alias)")
    run.add_argument("--progress", choices=("auto", "on", "off"), default="auto",
                     help="progress bar on stderr (auto: when stderr is a terminal)")

    score = commands.add_parser("eval", help="score a run's documents against gold YAML files")
    score.add_argument("--gold", required=True, metavar="DIR", help="folder of gold <doc_id>.yaml files")
    score.add_argument("--pred", required=True, metavar="DIR", help="a run's --out folder (or its documents/)")

    ner = commands.add_parser("eval-ner", help="mention-level P/R/F1 of the recognizer on People's Daily and MSRA test")
    ner.add_argument("--model", metavar="DIR", help="a spaCy pipeline folder (default: the shipped recognizer)")
    ner.add_argument("--data", metavar="DIR", help="the shared data folder (default: $ZHKG_DATA or ../shared/data)")

    view = commands.add_parser("view", help="write DIR/graph.html, an offline interactive view of a run's graph")
    view.add_argument("dir", metavar="DIR", help="a run's --out folder (reads graph.json, else graph.yaml)")
    view.add_argument("--out", metavar="FILE", help="the page to write (default DIR/graph.html)")
    view.add_argument("--max-nodes", type=int, default=2000, metavar="N",
                      help="draw the N nodes of highest PageRank (default 2000)")
    view.add_argument("--screenshot", metavar="PNG", help="also save a screenshot (needs Chromium)")
    return parser


def _usage_error(args: argparse.Namespace) -> str | None:
    """Why `zhkg run`'s arguments cannot run, or None when they can."""
    if args.workers < 1:
        return "--workers must be at least 1"
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    if args.force and args.resume:
        return "--force and --resume contradict each other"
    if args.engine == "dask":
        from pipeline.engine.dask_engine import require_dask
        from pipeline.errors import DaskUnavailable

        try:
            require_dask()
        except DaskUnavailable as error:
            return str(error)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        return f"no such file or folder: {', '.join(missing)}"
    if Path(args.out).exists() and not Path(args.out).is_dir():
        return f"--out {args.out} is a file, not a folder"
    if args.encoding:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError:
            return f"unknown encoding {args.encoding!r} (try utf-8, gb18030, big5 or utf-16)"
    return None


def _run(args: argparse.Namespace) -> int:
    from pipeline.config import load_config
    from pipeline.engine.runner import run
    from pipeline.errors import EngineError, SchemaError

    problem = _usage_error(args)
    if problem:
        print(f"zhkg: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        config = load_config(args.config)
        if args.encoding:
            from dataclasses import replace

            config = replace(config, ingest=replace(config.ingest, encoding=args.encoding))
        report = run(args.paths, args.out, config, resume=args.resume, force=args.force, workers=args.workers,
                     engine=args.engine, scheduler=args.scheduler,
                     progress={"auto": None, "on": True, "off": False}[args.progress])
    except SchemaError as error:
        print(f"zhkg: configuration error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except EngineError as error:
        print(f"zhkg: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"zhkg: cannot write the outputs: {error}", file=sys.stderr)
        return EXIT_USAGE
    _print_summary(report, args.out)
    return report.exit_status


def _print_summary(report: RunReport, out: str) -> None:
    """The run's one-line summary on stderr."""
    seconds = report.timings.get("total_seconds") or 0
    rate = f", {report.characters / seconds / 1000:,.1f}k chars/s" if seconds else ""
    print(f"zhkg: {report.documents} documents ({report.analysed} analysed, {report.reused} reused, "
          f"{len(report.removed)} removed), {report.entities} entities, {report.relations} relations "
          f"→ {out} ({len(report.skipped)} skipped; {seconds:.1f} s{rate})", file=sys.stderr)


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, format_report

    for folder in (args.gold, args.pred):
        if not Path(folder).is_dir():
            print(f"zhkg: not a folder: {folder}", file=sys.stderr)
            return EXIT_USAGE
    report = evaluate(args.gold, args.pred)
    print(format_report(report))
    return EXIT_OK


def _view(args: argparse.Namespace) -> int:
    from pipeline.view.page import screenshot, write_view

    if not Path(args.dir).is_dir():
        print(f"zhkg: not a folder: {args.dir}", file=sys.stderr)
        return EXIT_USAGE
    if args.max_nodes < 1:
        print("zhkg: --max-nodes must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        page = write_view(args.dir, args.out, args.max_nodes)
    except (FileNotFoundError, ValueError) as error:
        print(f"zhkg: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"zhkg: wrote {page}", file=sys.stderr)
    if args.screenshot:
        try:
            print(f"zhkg: wrote {screenshot(page, Path(args.screenshot))}", file=sys.stderr)
        except (FileNotFoundError, RuntimeError, OSError) as error:
            print(f"zhkg: no screenshot: {error}", file=sys.stderr)
            return EXIT_SKIPPED
    return EXIT_OK


def _eval_ner(args: argparse.Namespace) -> int:
    from pipeline.config import DEFAULT_NER_MODEL
    from pipeline.training.evaluate_ner import format_table, score_corpora
    from pipeline.training.paths import default_data_dir

    model = Path(args.model) if args.model else DEFAULT_NER_MODEL
    data = Path(args.data) if args.data else default_data_dir()
    for what, folder in (("model", model), ("data", data)):
        if not folder.is_dir():
            print(f"zhkg: {what} folder not found: {folder}", file=sys.stderr)
            return EXIT_USAGE
    print(format_table(score_corpora(model, data)))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"run": _run, "eval": _eval, "eval-ner": _eval_ner, "view": _view}[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
