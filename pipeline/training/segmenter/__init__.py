"""Train, prune, score and ship the zhkg word-segmentation model (spacy-pkuseg CRF).

The model is trained offline on the ``train`` split of the People's Daily January 1998
corpus (PD98), with PD98 ``dev`` as pkuseg's held-out file, and scored on the SIGHAN 2005
PKU (and MSR) test sets. All text is passed through :func:`pipeline.ingest.textnorm.fold` (full-width
digits/letters -> ASCII, length preserving) both at training and at test time, exactly as the
product does before segmenting.

Rebuild (from the repository root)::

    OMP_NUM_THREADS=1 nice -n 19 python -m pipeline.training.segmenter \
        --data ../shared/data --out build/pkuseg --iters 10

This writes ``build/pkuseg/{data,raw,model}`` and copies the pruned model into
``pipeline/models/pkuseg/`` (``features.msgpack`` + ``weights.npz``, the format
``spacy_pkuseg.pkuseg(model_name=DIR)`` and spaCy's Chinese tokenizer load).

Model size: a pkuseg model is a feature table (``features.msgpack``: feature string -> index,
plus the word list used by the word features) and a float64 weight vector with 5 tag weights
per feature. :func:`prune_model` shrinks it without changing the format:

* every feature's 5 tag weights are centred (subtracting a constant from all tags of one
  feature adds the same constant to every path, so Viterbi decoding is unchanged);
* features whose centred weight range is at or below ``--prune`` (default 0.1) are dropped, and the rest are
  re-indexed in their original order (index 0, the always-on ``$$`` bias, is kept);
* the word list (``unigram``) keeps only words that a kept ``w-1.``/``w1.``/``ww.`` feature
  mentions (at inference a word missing from the list only ever produces features that are
  not in the table any more, so output is unchanged); the ``bigram`` list, used only while
  building training features, is emptied;
* weights are rounded to float16 precision (stored as float64, which the Cython decoder
  needs) and written with ``np.savez_compressed``.
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.ingest.textnorm import fold
from pipeline.training.paths import dir_size

PACKAGE_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "pkuseg"

# words after which a PD98 paragraph is split into training "sentences"
_SENT_END = {"。", "！", "？", "!", "?", "…", "……"}
# closing marks that stay with the sentence they close
_CLOSERS = {"”", "’", "」", "』", "）", ")", "》", "】"}


# ---------------------------------------------------------------------------
# PD98 reading


def pd98_token_word(token: str) -> str:
    """``中央/n`` -> ``中央``; ``[中央/n`` -> ``中央``; ``电台/n]nt`` -> ``电台``."""
    word, sep, _tag = token.rpartition("/")
    if not sep:  # no tag at all: keep the token as is
        word = token
    if word.startswith("[") and len(word) > 1:
        word = word[1:]
    return word


def pd98_line_to_words(line: str) -> tuple[str, list[str]]:
    """Parse one PD98 line into ``(paragraph_id, words)``.

    The first token is the paragraph id (``19980101-01-001-002/m``); compound brackets
    ``[中央/n 人民/n 广播/vn 电台/n]nt`` are removed and their inner words kept.
    Returns ``("", [])`` for a blank line.
    """
    tokens = line.split()
    if not tokens:
        return "", []
    para_id = tokens[0].rpartition("/")[0] or tokens[0]
    words = [w for w in (pd98_token_word(t) for t in tokens[1:]) if w]
    return para_id, words


def article_id(para_id: str) -> str:
    """``19980101-01-001-002`` -> ``19980101-01-001``."""
    return para_id.rsplit("-", 1)[0]


def read_pd98(path: str | Path, article_ids: Iterable[str] | None = None) -> Iterator[tuple[str, list[str]]]:
    """Yield ``(article_id, words)`` per paragraph, restricted to ``article_ids`` if given."""
    keep = set(article_ids) if article_ids is not None else None
    with open(path, encoding="utf-8") as f:
        for line in f:
            para_id, words = pd98_line_to_words(line)
            if not words:
                continue
            aid = article_id(para_id)
            if keep is not None and aid not in keep:
                continue
            yield aid, words


def split_sentences(words: list[str]) -> list[list[str]]:
    """Split a paragraph's words after sentence-final punctuation (closing quotes stay)."""
    out: list[list[str]] = []
    cur: list[str] = []
    ended = False
    for w in words:
        if ended and w not in _CLOSERS:
            out.append(cur)
            cur = []
            ended = False
        cur.append(w)
        if w in _SENT_END:
            ended = True
    if cur:
        out.append(cur)
    return out


def fold_words(words: list[str]) -> list[str]:
    """Apply :func:`fold` word by word and drop whitespace inside words (pkuseg splits on it)."""
    out = []
    for w in words:
        w = "".join(fold(w).split())
        if w:
            out.append(w)
    return out


def write_pkuseg_file(
    pd98_file: str | Path,
    article_ids: Iterable[str],
    out_file: str | Path,
    by_sentence: bool = True,
) -> dict:
    """Write the given PD98 articles as pkuseg training text: one sentence (or paragraph)
    a line, folded words separated by single spaces. Returns counts."""
    n_lines = n_words = n_chars = 0
    Path(out_file).parent.mkdir(parents=True, exist_ok=True)
    with open(out_file, "w", encoding="utf-8") as out:
        for _aid, words in read_pd98(pd98_file, article_ids):
            words = fold_words(words)
            units = split_sentences(words) if by_sentence else [words]
            for unit in units:
                if not unit:
                    continue
                out.write(" ".join(unit) + "\n")
                n_lines += 1
                n_words += len(unit)
                n_chars += sum(map(len, unit))
    return {"lines": n_lines, "words": n_words, "chars": n_chars}


def write_training_files(data_dir: str | Path, out_dir: str | Path) -> dict:
    """Write ``train.txt`` (PD98 train) and ``dev.txt`` (PD98 dev) under ``out_dir``.
    The ``test`` split is never read."""
    data_dir = Path(data_dir)
    pd = data_dir / "peoples_daily_1998"
    splits = json.loads((pd / "splits.json").read_text(encoding="utf-8"))
    out_dir = Path(out_dir)
    stats = {}
    for split in ("train", "dev"):
        stats[split] = write_pkuseg_file(pd / "199801.txt", splits[split], out_dir / f"{split}.txt")
    return stats


# ---------------------------------------------------------------------------
# training


def train_pkuseg(
    train_file: str | Path,
    dev_file: str | Path,
    model_dir: str | Path,
    train_iter: int = 10,
    feature_trim: int = 0,
    seed: int | None = 0,
) -> None:
    """Train a pkuseg CRF (single process) into ``model_dir``.

    ``feature_trim``: pkuseg keeps a feature only if it occurs more than this many times
    in the training text (``config.featureTrim``, default 0 = keep all).
    ``spacy_pkuseg.train`` itself sets ``config.nThread = 1`` (decoding in-process).
    ``seed`` seeds Python's ``random`` (pkuseg's ADF optimiser shuffles with it) so a
    rebuild is repeatable; ``None`` leaves it unseeded.
    """
    import random

    import spacy_pkuseg
    from spacy_pkuseg.config import config

    if seed is not None:
        random.seed(seed)
    old_trim = config.featureTrim
    config.featureTrim = int(feature_trim)
    model_dir = Path(model_dir)
    model_dir.mkdir(parents=True, exist_ok=True)
    try:
        spacy_pkuseg.train(str(train_file), str(dev_file), str(model_dir), train_iter=train_iter, init_model=None)
    finally:
        config.featureTrim = old_trim


# ---------------------------------------------------------------------------
# pruning


def _words_of_feature(feat: str) -> list[str]:
    if feat.startswith("w-1.") or feat.startswith("w1."):
        return [feat.split(".", 1)[1]]
    if feat.startswith("ww.l.") or feat.startswith("ww.r."):
        return feat[5:].split("*", 1)
    return []


def prune_model(src_dir: str | Path, dst_dir: str | Path, threshold: float = 0.0, float16: bool = True) -> dict:
    """Re-save the pkuseg model in ``src_dir`` to ``dst_dir`` without low-weight features.

    See the module docstring for what is kept. ``threshold=0`` only drops features whose
    centred weights are all exactly zero (lossless apart from float16 rounding).
    """
    import numpy as np
    import srsly

    src_dir, dst_dir = Path(src_dir), Path(dst_dir)
    data = srsly.read_msgpack(src_dir / "features.msgpack")
    npz = np.load(src_dir / "weights.npz")
    n_tag, n_feat = (int(x) for x in npz["sizes"])
    w = np.asarray(npz["w"], dtype=np.float64)
    node = w[: n_feat * n_tag].reshape(n_feat, n_tag)
    edge = w[n_feat * n_tag :]
    node = node - node.mean(axis=1, keepdims=True)
    rng = node.max(axis=1) - node.min(axis=1)
    keep = rng > threshold
    keep[0] = True  # "$$" bias feature, always emitted as index 0

    old_feats = sorted(data["feature_to_idx"].items(), key=lambda kv: kv[1])
    assert [i for _, i in old_feats] == list(range(n_feat))
    new_to_idx = {}
    words = set()
    for feat, i in old_feats:
        if keep[i]:
            new_to_idx[feat] = len(new_to_idx)
            words.update(_words_of_feature(feat))
    unigram = sorted(w_ for w_ in data["unigram"] if w_ in words)

    new_node = node[keep]
    new_w = np.concatenate([new_node.reshape(-1), edge])
    if float16:
        new_w = new_w.astype(np.float16).astype(np.float64)

    dst_dir.mkdir(parents=True, exist_ok=True)
    out = {
        "unigram": unigram,
        "bigram": [],
        "feature_to_idx": new_to_idx,
        "tag_to_idx": data["tag_to_idx"],
    }
    srsly.write_msgpack(dst_dir / "features.msgpack", out)
    np.savez_compressed(dst_dir / "weights.npz", sizes=np.array([n_tag, len(new_to_idx)]), w=new_w)
    return {
        "features_before": n_feat,
        "features_after": len(new_to_idx),
        "unigram_before": len(data["unigram"]),
        "unigram_after": len(unigram),
        "bytes": dir_size(dst_dir),
    }


# ---------------------------------------------------------------------------
# scoring


def _spans(words: Iterable[str]) -> set[tuple[int, int]]:
    spans = set()
    pos = 0
    for w in words:
        spans.add((pos, pos + len(w)))
        pos += len(w)
    return spans


def prf(gold_sents: list[list[str]], pred_sents: list[list[str]]) -> dict:
    """Standard SIGHAN word precision/recall/F1 (a word is correct when its character span
    matches a gold word's span). Words must not contain whitespace; the concatenated
    characters of each gold and predicted sentence must match."""
    n_gold = n_pred = n_ok = 0
    if len(gold_sents) != len(pred_sents):
        raise ValueError(f"{len(gold_sents)} gold sentences vs {len(pred_sents)} predicted")
    for i, (g, p) in enumerate(zip(gold_sents, pred_sents)):
        if "".join(g) != "".join(p):
            raise ValueError(f"sentence {i}: characters differ: {''.join(g)!r} vs {''.join(p)!r}")
        gs, ps = _spans(g), _spans(p)
        n_gold += len(gs)
        n_pred += len(ps)
        n_ok += len(gs & ps)
    p_ = n_ok / n_pred if n_pred else 0.0
    r_ = n_ok / n_gold if n_gold else 0.0
    f_ = 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0
    return {"p": p_, "r": r_, "f": f_, "gold": n_gold, "pred": n_pred, "correct": n_ok}


def load_segmenter(model_dir: str | Path, user_dict: str | None = None):
    """``spacy_pkuseg.pkuseg`` on a local model dir (never downloads).

    ``user_dict=None``: model output only; ``"default"``: also pkuseg's bundled dictionary
    post-processing (what spaCy's Chinese tokenizer uses by default)."""
    import spacy_pkuseg

    model_dir = str(Path(model_dir).resolve())
    if not (Path(model_dir) / "features.msgpack").exists():
        raise FileNotFoundError(f"no pkuseg model in {model_dir}")
    return spacy_pkuseg.pkuseg(model_name=model_dir, user_dict=user_dict)


def score_segmentation(model_dir: str | Path, raw_file: str | Path, gold_file: str | Path, user_dict: str | None = None) -> dict:
    """Segment ``raw_file`` (one sentence a line) with the model and score it against
    ``gold_file`` (words separated by whitespace); both sides are folded. Returns
    ``{"p", "r", "f", "gold", "pred", "correct", "chars", "seconds"}``."""
    seg = load_segmenter(model_dir, user_dict)
    raw = Path(raw_file).read_text(encoding="utf-8").splitlines()
    gold_lines = Path(gold_file).read_text(encoding="utf-8").splitlines()
    if len(raw) != len(gold_lines):
        raise ValueError(f"{raw_file}: {len(raw)} lines vs {gold_file}: {len(gold_lines)} lines")
    gold, pred = [], []
    n_chars = n_mismatch = 0
    t0 = time.perf_counter()
    for r_line, g_line in zip(raw, gold_lines):
        g = fold(g_line).split()
        if not g:
            continue
        text = fold(r_line)
        if "".join(text.split()) != "".join(g):
            # a few test lines differ from their gold line (e.g. MSR line 442 has a stray
            # quote in gold): segment the gold characters instead, and count them
            n_mismatch += 1
            text = "".join(g)
        p = seg.cut(text)
        gold.append(g)
        pred.append(p)
        n_chars += sum(map(len, g))
    secs = time.perf_counter() - t0
    out = prf(gold, pred)
    out.update(chars=n_chars, seconds=secs, mismatched_lines=n_mismatch)
    return out
