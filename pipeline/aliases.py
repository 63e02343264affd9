"""Aliases of schemas/aliases.yaml (alias → canonical name, per entity type) and the organisations' short forms of
lexicons/org_abbreviations.tsv (short form → full form)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pipeline.ingest.textnorm import fold
from pipeline.schema_files import load_yaml, read_word_list, validate


@dataclass(frozen=True)
class Aliases:
    """Known alias → canonical name, per entity type; organisation short form → full form."""

    canonical: dict[str, dict[str, str]]
    abbreviations: dict[str, str]

    def canonical_name(self, entity_type: str, name: str) -> str | None:
        return self.canonical.get(entity_type, {}).get(name)

    @cached_property
    def short_forms(self) -> dict[str, tuple[str, ...]]:
        """Each organisation full form → its short forms (`abbreviations` inverted)."""
        shorts: dict[str, list[str]] = {}
        for short, full in self.abbreviations.items():
            shorts.setdefault(full, []).append(short)
        return {full: tuple(forms) for full, forms in shorts.items()}

    @cached_property
    def full_forms(self) -> dict[str, tuple[str, ...]]:
        """Each organisation full form's last characters (three or more, the whole form too) → the short forms
        of the full forms they end (`政治部`, `总政治部`, … → 总政, for 中国人民解放军总政治部)."""
        shorts: dict[str, list[str]] = {}
        for short, full in self.abbreviations.items():
            for start in range(len(full) - 2):
                shorts.setdefault(full[start:], []).append(short)
        return {end: tuple(forms) for end, forms in shorts.items()}


def load_aliases(directory: Path) -> Aliases:
    path = directory / "aliases.yaml"
    data = load_yaml(path) or {}
    validate(data, "aliases", path)
    canonical: dict[str, dict[str, str]] = {}
    for entity_type, entries in data.items():
        table = canonical.setdefault(entity_type, {})
        for name, aliases in entries.items():
            for form in [name, *aliases]:
                table[fold(form)] = fold(name)
    abbreviations = {}
    for line in read_word_list(directory / "lexicons/org_abbreviations.tsv"):
        short, _, full = line.partition("\t")
        if short and full:
            abbreviations[short] = full
    return Aliases(canonical, abbreviations)
