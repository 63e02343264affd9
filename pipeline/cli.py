"""Command line: a thin layer over the library API.

  zhkg run PATH... --out DIR [--config FILE]
  zhkg eval --gold DIR --pred DIR
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhkg", description="Knowledge graphs from Chinese news text.")
    parser.add_argument("--version", action="version", version=f"zhkg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract entities and relations; write YAML and GraphML")
    run.add_argument("paths", nargs="+", metavar="PATH", help=".txt/.md/.jsonl files or folders")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder")
    run.add_argument("--config", metavar="FILE", help="config file overriding pipeline/configs/default.cfg")

    score = commands.add_parser("eval", help="score a run's documents against gold YAML files")
    score.add_argument("--gold", required=True, metavar="DIR", help="folder of gold <doc_id>.yaml files")
    score.add_argument("--pred", required=True, metavar="DIR", help="a run's --out folder (or its documents/)")
    return parser


def _run(args: argparse.Namespace) -> int:
    from .config import load_config
    from .runner import run
    from .schema import SchemaError

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"zhkg: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        config = load_config(args.config)
        report = run(args.paths, args.out, config)
    except SchemaError as error:
        print(f"zhkg: configuration error: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"zhkg: {report.documents} documents, {report.entities} entities, {report.relations} relations "
          f"→ {args.out} ({len(report.skipped)} skipped)", file=sys.stderr)
    return report.exit_status


def _eval(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_report

    for folder in (args.gold, args.pred):
        if not Path(folder).is_dir():
            print(f"zhkg: not a folder: {folder}", file=sys.stderr)
            return EXIT_USAGE
    report = evaluate(args.gold, args.pred)
    print(format_report(report))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"run": _run, "eval": _eval}[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
