"""`socialtjanst build`: regenerate every derived file, deterministically.

Hand-curated: the CSVs in data/ (except the derived ones) and metadata.toml.
Derived: data/series.csv, datapackage.json (with sizes and hashes) and
docs/data-dictionary.md. Building twice gives byte-identical files.
"""

from __future__ import annotations

import json
from pathlib import Path

from .dictionary import data_dictionary
from .metadata import build_descriptor


def _descriptor_text(root: Path) -> str:
    return json.dumps(build_descriptor(root), ensure_ascii=False, indent=2) + "\n"


def build_outputs(root: Path) -> dict[Path, str]:
    """The derived files and their content, in the order they must be written."""
    return {}


def build(root: Path, check: bool = False) -> list[Path]:
    """Write the derived files under ``root``; with ``check`` only list those that differ."""
    changed = []

    def emit(path: Path, content: str) -> None:
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            changed.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8", newline="\n")

    for path, content in build_outputs(root).items():
        emit(path, content)
    # The descriptor hashes the data files, so it comes after them; in check mode the
    # data on disk may be stale, and then the descriptor is reported as changed too.
    descriptor = _descriptor_text(root)
    emit(root / "datapackage.json", descriptor)
    emit(root / "docs" / "data-dictionary.md", data_dictionary(json.loads(descriptor)))
    return changed
