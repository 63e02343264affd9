"""Command line: a thin layer over the library API.

  zhkg run PATH... --out DIR [--config FILE] [--encoding NAME] [--workers N] [--engine local|dask]
           [--scheduler ADDRESS] [--force] [--resume]
  zhkg eval --gold DIR --pred DIR
  zhkg view DIR [--out FILE] [--max-nodes N] [--screenshot PNG]
  zhkg init-config FILE [--force]
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.errors import printable

if TYPE_CHECKING:
    from pipeline.records import RunReport

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
RUN_EXAMPLES = """examples:
  zhkg run news/ --out kg                          every .txt/.md/.html/.jsonl under news/ into kg/
  zhkg run news/ --out kg --workers 4              the same in 4 processes; run again: only changed files
  zhkg init-config my.cfg && zhkg run a.jsonl.gz --out kg --config my.cfg    with edited settings
"""
EXIT_SIGINT, EXIT_SIGTERM = 130, 143  # 128 + the signal's number, as shells report it


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhkg", description="Knowledge graphs from Chinese news text.")
    parser.add_argument("--version", action="version", version=f"zhkg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract entities and relations; write YAML and GraphML",
                              epilog=RUN_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.md/.html/.jsonl/.jsonl.gz files or folders")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder")
    run.add_argument("--config", metavar="FILE",
                     help="config file overriding any default setting (write the defaults with `zhkg init-config FILE`)")
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
                     help="analyse every document again, even those DIR already holds unchanged, and rebuild the graph")
    run.add_argument("--resume", action="store_true",
                     help="finish an interrupted run (the default: documents DIR already holds with the same "
                          "text, config and model are reused; kept as an alias)")
    run.add_argument("--progress", choices=("auto", "on", "off"), default="auto",
                     help="progress bar on stderr (auto: when stderr is a terminal)")
    run.add_argument("--wait", action="store_true",
                     help="when another zhkg run is writing DIR, wait for it to end (default: exit 2 at once)")
    run.add_argument("--no-follow-symlinks", action="store_true",
                     help="skip symbolic links found in input folders (default: links to files are read; "
                          "links to folders never are)")

    score = commands.add_parser("eval", help="score a run's documents against gold YAML files")
    score.add_argument("--gold", required=True, metavar="DIR", help="folder of gold <doc_id>.yaml files")
    score.add_argument("--pred", required=True, metavar="DIR", help="a run's --out folder (or its documents/)")
    score.add_argument("--gold-entities", action="store_true",
                       help="first write into --pred the relations found on the gold entities (the relation stage "
                            "alone, apart from recognition), then score them")

    ner = commands.add_parser("eval-ner", help="mention-level P/R/F1 of recognition on People's Daily, MSRA, CLUENER, "
                                               "Weibo and Resume test sets: the model alone and the whole stage")
    ner.add_argument("--model", metavar="DIR", help="a spaCy pipeline folder (default: the shipped recognizer)")
    ner.add_argument("--data", metavar="DIR", help="the shared data folder (default: $ZHKG_DATA or ../shared/data)")

    view = commands.add_parser("view", help="write DIR/graph.html, an offline interactive view of a run's graph")
    view.add_argument("dir", metavar="DIR", help="a run's --out folder (reads graph.json, else graph.yaml)")
    view.add_argument("--out", metavar="FILE", help="the page to write (default DIR/graph.html)")
    view.add_argument("--max-nodes", type=int, default=None, metavar="N",
                      help="only the N nodes of highest PageRank (default: every node)")
    view.add_argument("--screenshot", metavar="PNG", help="also save a screenshot (needs Chromium)")

    init = commands.add_parser("init-config", help="write the default config, with its comments, for editing")
    init.add_argument("file", metavar="FILE", help="the config file to write (- for stdout)")
    init.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parser


def _usage_error(args: argparse.Namespace) -> str | None:
    """Why `zhkg run`'s arguments cannot run, or None when they can."""
    from pipeline.config import is_text_codec, max_workers

    if args.workers < 1:
        return "--workers must be at least 1"
    if args.workers > max_workers() and not args.scheduler:
        return f"--workers must be at most {max_workers()} (a few per core of this machine)"
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
        return f"no such file or folder: {printable(', '.join(missing))}"
    if Path(args.out).exists() and not Path(args.out).is_dir():
        return f"--out {printable(args.out)} is a file, not a folder"
    if args.encoding and not is_text_codec(args.encoding):
        return f"unknown encoding {args.encoding!r} (try utf-8, gb18030, big5 or utf-16)"
    return None


def _run(args: argparse.Namespace) -> int:
    from pipeline.config import load_config
    from pipeline.engine.runner import run
    from pipeline.errors import EngineError, Interrupted, SchemaError

    problem = _usage_error(args)
    if problem:
        print(f"zhkg: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        config = load_config(args.config)
        if args.encoding or args.no_follow_symlinks:
            from dataclasses import replace

            ingest = replace(config.ingest, encoding=args.encoding or config.ingest.encoding,
                             follow_symlinks=config.ingest.follow_symlinks and not args.no_follow_symlinks)
            config = replace(config, ingest=ingest)
        with _stop_on_signals():
            report = run(args.paths, args.out, config, resume=args.resume, force=args.force, workers=args.workers,
                         engine=args.engine, scheduler=args.scheduler, wait=args.wait,
                         progress={"auto": None, "on": True, "off": False}[args.progress])
    except KeyboardInterrupt as stop:
        signal_name, status = (stop.signal_name, stop.status) if isinstance(stop, Interrupted) else ("SIGINT", EXIT_SIGINT)
        print(f"zhkg: stopped by {signal_name}; {printable(args.out)} can be finished with the same command "
              "(--resume)", file=sys.stderr)
        return status
    except SchemaError as error:
        print(f"zhkg: configuration error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except EngineError as error:
        print(f"zhkg: {error}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"zhkg: cannot write the outputs: {printable(_os_reason(error))}", file=sys.stderr)
        return EXIT_USAGE
    _print_summary(report, args.out)
    return report.exit_status


def _os_reason(error: OSError) -> str:
    """`[Errno 28] No space left on device: 'kg/x'` as `no space left on device (kg/x)`."""
    if error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror[0].lower()}{error.strerror[1:]}{where}"
    return str(error)


@contextmanager
def _stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGINT end the run as `Interrupted`; a second signal while the run stops
    its workers is ignored, so that the stop itself is not cut short. The handlers before are
    restored after (only the main thread can set them)."""
    import signal
    import threading

    from pipeline.errors import Interrupted

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame) -> None:
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_IGN)
        if signum == signal.SIGTERM:
            raise Interrupted("SIGTERM", EXIT_SIGTERM)
        raise Interrupted("SIGINT", EXIT_SIGINT)

    before = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def _print_summary(report: RunReport, out: str) -> None:
    """The run's one-line summary on stderr."""
    seconds = report.timings.get("total_seconds") or 0
    rate = f", {report.characters / seconds / 1000:,.1f}k chars/s" if seconds else ""
    graph = _graph_counts(Path(out))
    print(f"zhkg: {report.documents} documents ({report.analysed} analysed, {report.reused} reused, "
          f"{len(report.removed)} removed) with {report.entities} entities and {report.relations} relations "
          f"(counted per document){graph} → {out} ({len(report.skipped)} skipped; {seconds:.1f} s{rate})",
          file=sys.stderr)


def _graph_counts(out: Path) -> str:
    """", graph: N entities, M relations" from the run.yaml of `out` (the merged graph's nodes and edges)."""
    import yaml

    try:
        counts = yaml.safe_load((out / "run.yaml").read_text(encoding="utf-8"))["counts"]
        return f"; graph: {counts['graph_nodes']} entities, {counts['graph_edges']} relations"
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return ""


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate import evaluate, format_report

    for folder in (args.gold,) if args.gold_entities else (args.gold, args.pred):
        if not Path(folder).is_dir():
            print(f"zhkg: not a folder: {folder}", file=sys.stderr)
            return EXIT_USAGE
    if args.gold_entities:
        from pipeline.tools.gold_entities import write_gold_entity_run

        write_gold_entity_run(Path(args.gold), Path(args.pred))
    report = evaluate(args.gold, args.pred)
    print(format_report(report))
    return EXIT_OK


def _view(args: argparse.Namespace) -> int:
    from pipeline.view.browser import screenshot
    from pipeline.view.page import write_view

    if not Path(args.dir).is_dir():
        print(f"zhkg: not a folder: {args.dir}", file=sys.stderr)
        return EXIT_USAGE
    if args.max_nodes is not None and args.max_nodes < 1:
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
    from pipeline.training.evaluate_ner import TEST_SETS, format_table, score_corpora
    from pipeline.training.paths import default_data_dir

    model = Path(args.model) if args.model else DEFAULT_NER_MODEL
    data = Path(args.data) if args.data else default_data_dir()
    for what, folder in (("model", model), ("data", data)):
        if not folder.is_dir():
            print(f"zhkg: {what} folder not found: {folder}", file=sys.stderr)
            return EXIT_USAGE
    for title, stage in (("the model alone", False), ("the whole recognition stage (model + rules)", True)):
        print(f"{title}:")
        print(format_table(score_corpora(model, data, stage=stage, sets=TEST_SETS)))
    return EXIT_OK


def _init_config(args: argparse.Namespace) -> int:
    from pipeline.config import DEFAULT_CONFIG
    from pipeline.outputs.atomic import atomic_write

    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    if args.file == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.file)
    if target.exists() and not args.force:
        print(f"zhkg: {target} exists (--force replaces it)", file=sys.stderr)
        return EXIT_USAGE
    try:
        atomic_write(target, lambda handle: handle.write(text))
    except OSError as error:
        print(f"zhkg: cannot write {target}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"zhkg: wrote {target}; use it with zhkg run … --config {target}", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"run": _run, "eval": _eval, "eval-ner": _eval_ner, "view": _view, "init-config": _init_config}
    return commands[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
