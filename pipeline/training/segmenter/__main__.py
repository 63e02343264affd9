"""Train, prune, score and ship the zhkg word-segmentation model (spacy-pkuseg CRF).

    python -m pipeline.training.segmenter --data ../shared/data --out build/pkuseg --iters 10

Writes ``OUT/{data,raw,model}`` and ``OUT/report.json`` (the settings, SIGHAN 2005 PKU and MSR
test scores, speed on news text) and copies the pruned model into ``pipeline/models/pkuseg/``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

from pipeline.ingest.textnorm import fold
from pipeline.training.paths import default_data_dir, dir_size
from pipeline.training.segmenter import (
    PACKAGE_MODEL_DIR,
    load_segmenter,
    prune_model,
    score_segmentation,
    train_pkuseg,
    write_training_files,
)

REPO_ROOT = Path(__file__).resolve().parents[3]
SHIPPED_FILES = ("features.msgpack", "weights.npz")


def measure_speed(model_dir: str | Path, articles_jsonl: str | Path, max_chars: int = 300_000,
                  user_dict: str | None = "default") -> dict:
    """Segmentation speed (chars/s, this process) on news text (field ``text``)."""
    seg = load_segmenter(model_dir, user_dict)
    texts, n = [], 0
    with open(articles_jsonl, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text") or ""
            for para in t.splitlines():
                para = fold(para).strip()
                if para:
                    texts.append(para)
                    n += len(para)
            if n >= max_chars:
                break
    t0 = time.perf_counter()
    n_words = sum(len(seg.cut(t)) for t in texts)
    secs = time.perf_counter() - t0
    return {"chars": n, "words": n_words, "seconds": secs, "chars_per_s": n / secs}


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline.training.segmenter", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=default_data_dir(),
                    help="shared data dir (default: $ZHKG_DATA or ../shared/data)")
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "build" / "pkuseg", help="work dir (default build/pkuseg)")
    ap.add_argument("--iters", type=int, default=10, help="training iterations (default 10)")
    ap.add_argument("--feature-trim", type=int, default=0, help="keep features seen more than N times (default 0: all)")
    ap.add_argument("--prune", type=float, default=0.1, help="drop features whose centred weight range is <= this (default 0.1)")
    ap.add_argument("--seed", type=int, default=0, help="random seed for the training shuffle (default 0)")
    ap.add_argument("--skip-train", action="store_true", help="reuse OUT/raw (only prune, score, ship)")
    ap.add_argument("--no-ship", action="store_true", help="do not copy into pipeline/models/pkuseg")
    ap.add_argument("--ship-dir", type=Path, default=PACKAGE_MODEL_DIR)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    out = args.out
    raw_dir, model_dir = out / "raw", out / "model"
    report: dict = {"settings": {"iters": args.iters, "feature_trim": args.feature_trim, "prune": args.prune, "seed": args.seed}}
    if not args.skip_train:
        stats = write_training_files(args.data, out / "data")
        print("training files:", json.dumps(stats), flush=True)
        report["data"] = stats
        t0 = time.time()
        train_pkuseg(out / "data" / "train.txt", out / "data" / "dev.txt", raw_dir, args.iters, args.feature_trim, args.seed)
        report["train_seconds"] = time.time() - t0
    report["raw_bytes"] = dir_size(raw_dir)
    report["prune"] = prune_model(raw_dir, model_dir, args.prune)
    print("pruned:", json.dumps(report["prune"]), flush=True)
    report.update(scores_and_speed(args.data, model_dir))
    if not args.no_ship:
        ship = args.ship_dir
        ship.mkdir(parents=True, exist_ok=True)
        for fn in SHIPPED_FILES:
            shutil.copy2(model_dir / fn, ship / fn)
        report["shipped_to"] = str(ship)
        report["shipped_bytes"] = sum((ship / fn).stat().st_size for fn in SHIPPED_FILES)
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    return 0


def scores_and_speed(data: Path, model_dir: Path) -> dict:
    """The model's SIGHAN 2005 PKU and MSR test scores and its speed on news text, with and without
    pkuseg's default dictionary (each printed as it comes)."""
    report = {}
    sighan = data / "sighan2005"
    for name in ("pku", "msr"):
        raw_f, gold_f = sighan / f"{name}_test.utf8", sighan / f"{name}_test_gold.utf8"
        if not raw_f.exists():
            continue
        for ud in (None, "default"):
            key = f"{name}_test" + ("" if ud is None else "+default_dict")
            s = score_segmentation(model_dir, raw_f, gold_f, user_dict=ud)
            report[key] = s
            print(f"{key}: P={s['p']:.4f} R={s['r']:.4f} F={s['f']:.4f} ({s['chars'] / s['seconds']:.0f} chars/s)", flush=True)
    news = data / "news_xwlb" / "articles.jsonl"
    if news.exists():
        for ud in (None, "default"):
            key = "speed" + ("" if ud is None else "+default_dict")
            report[key] = measure_speed(model_dir, news, user_dict=ud)
            print(f"{key}:", json.dumps(report[key]), flush=True)
    return report


if __name__ == "__main__":
    sys.exit(main())
